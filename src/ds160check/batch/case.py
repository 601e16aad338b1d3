"""``check_case``: one client folder in, a :class:`CaseResult` out.

The folder's files are classified by content, the DS-160 print-outs ordered
(oldest first), and the newest checked against every earlier one with
``compare`` (the print-outs are passed as the applications already read, so
no PDF is parsed twice). The rest of the folder goes to ``compare`` as the
case's documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ds160check.batch import model as m
from ds160check.batch.classify import SETTINGS_FILE, Classified, Found, classify
from ds160check.batch.model import CaseResult
from ds160check.batch.order import decide_order
from ds160check.batch.settings import CaseSettings, load_settings
from ds160check.comparison.case import compare
from ds160check.comparison.model import Report
from ds160check.errors import Ds160CheckError, FileMissingError, InputError
from ds160check.files import file_sha256
from ds160check.rules import Rules, load_rules

DOCUMENT_KINDS = {"refusal_letter": m.REFUSAL_LETTER, "ceac_status": m.CEAC_STATUS, "other": m.SUPPORTING,
                  "confirmation": m.CONFIRMATION, "print": m.NOT_COMPARED}


def case_files(folder: Path) -> list[Path]:
    """The files of a folder that belong to its case: regular, not hidden, by name."""
    return sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.name)


def check_case(
    folder: str | Path,
    *,
    passwords: Sequence[str] = (),
    rules: Rules | None = None,
    files: Sequence[Path] | None = None,
    display: str | None = None,
) -> CaseResult:
    """Check one client folder: every DS-160 in it, the refusal letter and the documents.

    Never raises for a bad file: unreadable files, a broken ``case.toml`` or a
    folder without two applications are told in the result. Raises
    :class:`~ds160check.errors.FileMissingError` when ``folder`` is not a folder.
    """
    folder = Path(folder)
    if files is None and not folder.is_dir():
        raise FileMissingError(folder, "no such folder")
    rules = rules or load_rules()
    paths = list(files) if files is not None else case_files(folder)
    result = m.CaseResult(display or str(folder), m.CHECKED)
    found = classify(paths, passwords=passwords, rules=rules)
    settings = _settings(found, result)
    if settings is None:
        _list_files(result, found, {}, None)
        return result
    prints = _chosen_prints(found, settings, result)
    if prints is None:
        _list_files(result, found, {}, None)
        return result
    roles = _roles(prints)
    password = found.password or (passwords[0] if passwords else None)
    _compare_all(result, prints, found, settings, password, rules)
    primary = result.primary
    _list_files(result, found, roles, primary)
    return result


def _settings(found: Classified, result: m.CaseResult) -> CaseSettings | None:
    if found.settings is None:
        return CaseSettings()
    try:
        return load_settings(found.settings)
    except InputError as exc:
        result.status = m.FAILED
        result.errors.append(f"{SETTINGS_FILE}: {exc.reason}")
        return None


def _chosen_prints(found: Classified, settings: CaseSettings, result: m.CaseResult) -> list[Found] | None:
    """The print-outs to compare, oldest first; None when the case cannot be compared."""
    for path, reason in found.unreadable:
        result.errors.append(f"{path.name}: {reason}")
    if settings.new is not None or settings.old:
        return _named_prints(found, settings, result)
    if len(found.prints) < 2:
        _too_few(found, result)
        return None
    ordered, order = decide_order(found.prints, found.confirmations)
    result.order = order
    if len(ordered) > 2:
        result.notes.append(f"{len(ordered)} DS-160 print-outs: the newest is checked against each of the "
                            f"{len(ordered) - 1} earlier ones; {m.SEVERAL_REFUSALS}.")
    return ordered


def _too_few(found: Classified, result: m.CaseResult) -> None:
    result.status = m.NEEDS_BOTH if found.prints else m.NO_DS160
    if found.unreadable:
        result.notes.append("A file that could not be read may be the missing application: "
                            + "; ".join(f"{p.name} ({reason})" for p, reason in found.unreadable))
    if not found.prints and found.confirmations:
        result.notes.append("Only confirmation pages were found: the full print-outs "
                            "(\"Print Application\") are needed to compare the answers.")


def _named_prints(found: Classified, settings: CaseSettings, result: m.CaseResult) -> list[Found] | None:
    by_name = {f.path.name: f for f in found.prints}
    named = [*settings.old, *([settings.new] if settings.new else [])]
    missing = [n for n in named if n not in by_name]
    if missing or not settings.new or not settings.old:
        result.status = m.FAILED
        if missing:
            result.errors.append(f"{SETTINGS_FILE}: not a DS-160 print-out in this folder: "
                                 + ", ".join(missing))
        else:
            result.errors.append(f"{SETTINGS_FILE}: name both the old and the new application")
        return None
    old = [by_name[n] for n in settings.old]
    result.order = m.Order("case.toml", f"Stated in {SETTINGS_FILE}: old = {', '.join(settings.old)}; "
                                        f"new = {settings.new}.")
    if len(old) > 1:
        result.notes.append(f"{len(old) + 1} DS-160 print-outs: the newest is checked against each of the "
                            f"{len(old)} earlier ones; {m.SEVERAL_REFUSALS}.")
    return [*old, by_name[settings.new]]


def _roles(prints: list[Found]) -> dict[Path, str]:
    roles = {f.path: m.EARLIER for f in prints[:-1]}
    roles[prints[-2].path] = m.OLD
    roles[prints[-1].path] = m.NEW
    return roles


def _compare_all(result: m.CaseResult, prints: list[Found], found: Classified, settings: CaseSettings,
                 password: str | None, rules: Rules) -> None:
    """The newest against each earlier application, the one just before it first."""
    new = prints[-1]
    documents: list[Path] = sorted([*(c.path for c in found.confirmations), *found.documents,
                                    *(path for path, _ in found.unreadable)], key=lambda p: p.name)
    for old in reversed(prints[:-1]):
        try:
            report = compare(old.app, new.app, documents,
                             refused=settings.refused, refusal_date=settings.refusal_date,
                             min_days=settings.min_days, password=password, rules=rules)
        except (Ds160CheckError, ValueError) as exc:
            result.status = m.FAILED
            result.errors.append(f"comparing {old.path.name} with {new.path.name}: {exc}")
            result.comparisons.clear()
            return
        result.comparisons.append(m.CaseComparison(report, old.app, new.app))


def _list_files(result: m.CaseResult, found: Classified, roles: dict[Path, str],
                report: Report | None) -> None:
    """Every file of the folder with what it was taken for."""
    documents = {Path(d.path): d for d in report.documents} if report is not None else {}
    entries: list[m.FileEntry] = []
    for f in found.prints:
        doc = f.app.document
        taken = roles.get(f.path, m.NOT_COMPARED if roles else m.LONE_PRINT)
        app_id = f.app.get("application.id") or "?"
        entries.append(_entry(f.path, doc.sha256, taken,
                              f"DS-160 print-out, {doc.pages} page(s), Application ID {app_id}"))
    role_of_id = {f.app.get("application.id"): roles[f.path] for f in found.prints if f.path in roles}
    for f in found.confirmations:
        app_id = f.app.get("application.id")
        of = f" ({role_of_id[app_id]})" if app_id in role_of_id else ""
        entries.append(_entry(f.path, f.app.document.sha256, m.CONFIRMATION,
                              f"Application ID {app_id or '?'}{of}, submitted "
                              f"{f.app.get('application.submitted_at') or '?'}"))
    for path in found.documents:
        entries.append(_document_entry(path, documents.get(path)))
    for path, reason in found.unreadable:
        entries.append(_entry(path, _sha(path), m.UNREADABLE, reason))
    for path, reason in found.ignored:
        entries.append(_entry(path, _sha(path), m.IGNORED, reason))
    if found.settings is not None:
        entries.append(_entry(found.settings, _sha(found.settings), m.SETTINGS, SETTINGS_FILE))
    result.files = sorted(entries, key=lambda e: e.name)


def _document_entry(path: Path, entry: object) -> m.FileEntry:
    from ds160check.comparison.model import DocumentEntry

    if not isinstance(entry, DocumentEntry):
        return _entry(path, _sha(path), "document", "not a DS-160; not read further (nothing was compared)")
    if entry.kind == "unreadable":
        return _entry(path, entry.sha256 or None, m.UNREADABLE, "; ".join(entry.warnings))
    pages = f"{entry.pages} page(s)" if entry.pages else ""
    # The supporting-document analysis names what a document is (an employment letter, …).
    taken = DOCUMENT_KINDS.get(entry.kind) or f"{m.SUPPORTING} ({entry.kind.replace('_', ' ')})"
    return _entry(path, entry.sha256 or None, taken, pages)


def _entry(path: Path, sha256: str | None, taken_as: str, detail: str) -> m.FileEntry:
    return m.FileEntry(path.name, str(path), sha256, taken_as, detail)


def _sha(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None
