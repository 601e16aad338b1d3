"""Writing the decisions file without hand-editing: an entry appended as YAML text, so the file keeps
its comments, its order and the entries as people wrote them. Taking a finding's identity from a
report (``--from-report report.json --finding N``) instead of typing its values."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ds160check.errors import Ds160CheckError
from ds160check.review.decisions import ANY_CASE, Decision, DecisionsError, check_decisions
from ds160check.wording import value_lines

HEADER = ("# Reviewer decisions for ds160check (--decisions FILE): one entry per finding a reviewer\n"
          "# accepted or dismissed. Written by `ds160check decisions add`; comments are kept.\n")
REDACTED_MARK = "•"
# Keys whose values are names of ours (a code, a field key, accepted/dismissed): written unquoted.
PLAIN_KEYS = ("code", "field", "decision")


def _scalar(value: str | None) -> str:
    # A JSON string is a YAML double-quoted scalar: NO stays a text, 2017-10-09 is not made a date.
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def entry_text(decision: Decision) -> str:
    """One entry as YAML, every value quoted."""
    review = decision.review
    pairs = [("case", decision.case or ANY_CASE), ("code", decision.code), ("field", decision.field),
             ("old", decision.old), ("new", decision.new), ("decision", review.decision),
             ("by", review.by), ("at", review.at), ("reason", review.reason)]
    lines = [f"{key}: {value if key in PLAIN_KEYS and value else _scalar(value)}" for key, value in pairs]
    return "- " + "\n  ".join(lines) + "\n"


def append_decision(path: str | Path, decision: Decision) -> int:
    """Append ``decision`` to the file (created when missing); return its line. The file is checked
    before and after: a file with problems is not written to, and a write that would break it is
    undone."""
    path = Path(path)
    before = path.read_text(encoding="utf-8") if path.exists() else None
    if before is not None:
        _, problems = check_decisions(path)
        if problems:
            first = problems[0]
            raise DecisionsError(first.path, first.line, f"{first.message}; fix it before adding to the file")
    text = before if before is not None else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    line = text.count("\n") + 1
    _write(path, text + entry_text(decision))
    try:
        _, problems = check_decisions(path)
    except DecisionsError:
        problems = []
        _undo(path, before)
        raise
    if problems:
        _undo(path, before)
        raise DecisionsError(path, None, "the entry could not be appended to this file's YAML "
                                         f"({problems[0].message}); the file was left as it was")
    return line


def _write(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise DecisionsError(path, None, f"cannot write the decisions file ({exc.strerror})") from exc


def _undo(path: Path, before: str | None) -> None:
    if before is None:
        path.unlink(missing_ok=True)
    else:
        _write(path, before)


# --- a finding taken from a report ------------------------------------------------------------


def report_findings(report_path: str | Path) -> tuple[list[dict[str, Any]], str | None]:
    """The findings of a ``compare --format json`` report or of a batch case's ``report.json`` (its
    first comparison), and the case folder it names (None for a compare report)."""
    path = Path(report_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise Ds160CheckError(f"{path}: cannot read the report ({exc.strerror})") from None
    except ValueError:
        raise Ds160CheckError(f"{path}: not a JSON report (write one with --format json)") from None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema == "ds160check.report/1":
        return list(data.get("findings") or []), None
    if schema == "ds160check.case/1":
        comparisons = data.get("comparisons") or []
        findings = comparisons[0]["report"].get("findings") or [] if comparisons else []
        return list(findings), data.get("folder")
    raise Ds160CheckError(f"{path}: not a ds160check report (schema {schema!r}); give a compare "
                          "report.json or a batch case's report.json")


def finding_values(finding: dict[str, Any]) -> tuple[str | None, str | None]:
    """A JSON finding's old and new values as the report prints them."""
    out = []
    for side in ("old", "new"):
        value = finding.get(side)
        text = "; ".join(value_lines(value.get("raw"), value.get("normalized"))) if value else None
        out.append(None if text in (None, "—") else text)
    # A finding about the answer itself is identified by that answer (see review.apply.identity).
    return (None if finding.get("expected") is not None else out[0]), out[1]


def pick_finding(findings: list[dict[str, Any]], which: str, report: str | Path) -> dict[str, Any]:
    """The finding ``which`` names: its number in the report (1 = the first), or its code (with
    ``:FIELD`` when the code occurs more than once)."""
    if which.isdigit():
        number = int(which)
        if not 1 <= number <= len(findings):
            raise Ds160CheckError(f"--finding {which}: {report} has {len(findings)} finding(s), numbered "
                                  f"1 to {len(findings)}")
        return findings[number - 1]
    code, _, field = which.partition(":")
    chosen = [(n, f) for n, f in enumerate(findings, start=1)
              if f.get("code") == code.upper() and (not field or f.get("field") == field)]
    if len(chosen) == 1:
        return chosen[0][1]
    if not chosen:
        raise Ds160CheckError(f"--finding {which}: no such finding in {report}")
    listed = "; ".join(f"{n} = {f['code']}:{f.get('field')} ({' → '.join(str(v) for v in finding_values(f))})"
                       for n, f in chosen)
    raise Ds160CheckError(f"--finding {which}: {len(chosen)} findings match in {report}: {listed}; give "
                          "the number or CODE:FIELD")


def is_redacted(finding: dict[str, Any]) -> bool:
    return any(REDACTED_MARK in (v or "") for v in finding_values(finding))
