"""``check_case``: one client folder in, a :class:`CaseResult` out.

The folder's files are classified by content, the DS-160 print-outs ordered
(oldest first), and the newest checked against every earlier one with
``compare`` (the print-outs are passed as the applications already read, so
no PDF is parsed twice). The rest of the folder goes to ``compare`` as the
case's documents.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ds160check.application import Application
from ds160check.batch import model as m
from ds160check.batch.classify import SETTINGS_FILE, Classified, Found, classify
from ds160check.batch.discover import PassedOver, case_folder
from ds160check.batch.model import CaseResult
from ds160check.batch.order import decide_order
from ds160check.batch.settings import CaseSettings, load_settings
from ds160check.comparison.case import DocumentSource, ReadDocument, compare, read_case_file
from ds160check.comparison.model import DOCUMENT_UNREADABLE, Notice, Report
from ds160check.errors import Ds160CheckError, FileMissingError, InputError
from ds160check.files import file_kind, file_sha256, is_folder
from ds160check.rules import Rules, load_rules

if TYPE_CHECKING:
    from ds160check.documents.ingest import TextDocument

DOCUMENT_KINDS = {"refusal_letter": m.REFUSAL_LETTER, "ceac_status": m.CEAC_STATUS, "other": m.SUPPORTING,
                  "confirmation": m.CONFIRMATION, "print": m.NOT_COMPARED}


# A file that could not be read and may be a DS-160 print-out: the missing application, maybe.
MAYBE_APPLICATION_SUFFIX = ".pdf"


def check_case(
    folder: str | Path,
    *,
    passwords: Sequence[str] = (),
    rules: Rules | None = None,
    files: Sequence[Path] | None = None,
    display: str | None = None,
    passed_over: Sequence[PassedOver] | None = None,
    link_base: str | Path | None = None,
) -> CaseResult:
    """Check one client folder: every DS-160 in it (sub-folders per application included), the
    refusal letter and the documents.

    Never raises for a bad file: unreadable files, a broken ``case.toml`` or a
    folder without two applications are told in the result. Raises
    :class:`~ds160check.errors.FileMissingError` when ``folder`` is not a folder.
    ``link_base``: the reports folder; paths in the result are then relative to it.
    """
    folder = Path(folder)
    if files is None:
        if not is_folder(folder):
            raise FileMissingError(folder, "no such folder")
        listed = case_folder(folder)
        if listed.error is not None:
            return m.CaseResult(display or str(folder), m.FAILED, errors=[listed.error])
        files, passed_over = listed.files, passed_over if passed_over is not None else listed.passed_over
    rules = rules or load_rules()
    result = m.CaseResult(display or str(folder), m.CHECKED)
    found = classify(list(files), passwords=passwords, rules=rules, folder=folder)
    locate = _locator(link_base)
    result.paths = {str(p): locate(p) for p in files} if link_base is not None else {}
    roles: dict[Path, str] = {}
    settings = _settings(found, result)
    prints = _chosen_prints(found, settings, result) if settings is not None else None
    if prints is not None and settings is not None:
        roles = _roles(prints)
        password = found.password or (passwords[0] if passwords else None)
        _compare_all(result, prints, found, settings, password, rules)
    _unopened_folders(result, folder, passed_over or ())
    _list_files(result, found, roles, result.primary, locate)
    result.files = sorted([*result.files, *(_passed_entry(folder, p, locate) for p in passed_over or ())],
                          key=lambda e: e.name)
    result.person = _person(found, prints or [], roles, locate)
    return result


def _locator(link_base: str | Path | None) -> Callable[[Path], str]:
    """Path as read -> the path to write in the reports: relative to the reports folder (the
    links then open from there, wherever the batch was started), else as read."""
    if link_base is None:
        return str
    base = os.path.abspath(link_base)

    def locate(path: Path) -> str:
        try:
            return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
        except ValueError:  # another drive (Windows): no relative path exists
            return Path(os.path.abspath(path)).as_posix()

    return locate


def _passed_entry(folder: Path, passed: PassedOver, locate: Callable[[Path], str]) -> m.FileEntry:
    return m.FileEntry(passed.name, locate(folder / passed.name.rstrip("/")), None,
                       m.UNREADABLE if passed.unreadable else m.PASSED_OVER, passed.reason)


def _unopened_folders(result: m.CaseResult, folder: Path, passed_over: Sequence[PassedOver]) -> None:
    """A sub-folder of the case that could not be opened may hold what proves or contradicts the
    form: every comparison says its check is incomplete, as for a document that cannot be read."""
    for passed in (p for p in passed_over if p.unreadable):
        notice = Notice(DOCUMENT_UNREADABLE, f"{passed.name}: {passed.reason}; the documents in it were "
                        "not checked", (str(folder / passed.name.rstrip("/")),))
        for comparison in result.comparisons:
            comparison.report.notices.append(notice)


def _person(found: Classified, prints: list[Found], roles: dict[Path, str],
            locate: Callable[[Path], str]) -> m.Person:
    """The applicant as the newest application names them, and the Application IDs (oldest
    first; print-outs not compared after them)."""
    by_role = {roles[f.path]: f for f in prints}
    ordered = [*prints, *(f for f in found.prints if f not in prints)]
    applicant = next((n for n in (_applicant(f) for f in reversed(ordered)) if n), None)
    old, new = by_role.get(m.OLD), by_role.get(m.NEW)
    return m.Person(
        applicant=applicant,
        application_ids=tuple(str(f.app.get("application.id") or "?") for f in ordered),
        old_id=_app_id(old), new_id=_app_id(new),
        old_file=locate(old.path) if old else None, new_file=locate(new.path) if new else None)


def _app_id(found: Found | None) -> str | None:
    value = found.app.get("application.id") if found is not None else None
    return str(value) if value else None


def _applicant(found: Found) -> str | None:
    """``SURNAMES, GIVEN NAMES`` as the form prints them, with the native-alphabet name after it."""
    app = found.app
    surnames, given = app.get("personal.surnames"), app.get("personal.given_names")
    name = ", ".join(str(p) for p in (surnames, given) if p)
    native = app.get("personal.full_name_native")
    if native and str(native).casefold() not in name.casefold():
        name = f"{name} ({native})" if name else str(native)
    return name or None


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
        result.errors.append(f"{found.name(path)}: {reason}")
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
    """Fewer than two print-outs. A PDF that could not be read may be the missing one: then the
    case is an error naming that file, not "needs both" (which would send the broker looking for
    an application that is in the folder)."""
    broken = [(p, why) for p, why in found.unreadable if p.suffix.lower() == MAYBE_APPLICATION_SUFFIX
              or file_kind(p) == "pdf"]
    if broken:
        result.status = m.FAILED
        result.notes.append("A PDF that could not be read may be the missing application: "
                            + "; ".join(f"{found.name(p)} ({why})" for p, why in broken)
                            + ". Fix or replace it and run the batch again.")
    else:
        result.status = m.NEEDS_BOTH if found.prints else m.NO_DS160
    if not found.prints and found.confirmations:
        result.notes.append("Only confirmation pages were found: the full print-outs "
                            "(\"Print Application\") are needed to compare the answers.")


def _named_prints(found: Classified, settings: CaseSettings, result: m.CaseResult) -> list[Found] | None:
    by_name = {f.name: f for f in found.prints}
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
    documents = _documents(found, result)
    for old in reversed(prints[:-1]):
        try:
            report = compare(old.app, new.app, documents,
                             refused=settings.refused, refusal_date=settings.refusal_date,
                             min_days=settings.min_days, password=password, rules=rules,
                             missing_documents="list")  # a file gone mid-run: this document only
        except (Ds160CheckError, ValueError) as exc:
            result.status = m.FAILED
            result.errors.append(f"comparing {old.name} with {new.name}: {exc}")
            result.comparisons.clear()
            return
        result.comparisons.append(m.CaseComparison(report, old.app, new.app))


def _documents(found: Classified, result: CaseResult) -> list[DocumentSource]:
    """The documents for every comparison of the case, each read once: as classification read
    them, a DOCX now; one that cannot be read by path (compare names the reason). The texts are
    kept in ``result.texts`` for the fingerprints."""
    read: list[DocumentSource] = [ReadDocument(c.path, c.app) for c in found.confirmations]
    for path in found.documents:
        text = found.texts.get(path) or _text_of(path)
        if text is None:
            read.append(path)
            continue
        result.texts[str(path)] = text
        read.append(ReadDocument(path, text))
    read += [path for path, _ in found.unreadable]
    return read


def _text_of(path: Path) -> TextDocument | None:
    """A document that is no PDF (a DOCX), or None when it cannot be read."""
    try:
        content = read_case_file(path)
    except (InputError, OSError):
        return None
    return None if isinstance(content, Application) else content


def _list_files(result: m.CaseResult, found: Classified, roles: dict[Path, str],
                report: Report | None, locate: Callable[[Path], str]) -> None:
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
    result.files = sorted((_named(e, found, locate) for e in entries), key=lambda e: e.name)


def _named(entry: m.FileEntry, found: Classified, locate: Callable[[Path], str]) -> m.FileEntry:
    """The entry named by its path within the case folder, its path as the reports give it."""
    path = Path(entry.path)
    return dataclasses.replace(entry, name=found.name(path), path=locate(path))


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
    except (OSError, InputError):  # unreadable, or over --max-size: not read to hash it
        return None
