"""``ds160check decisions add|list|check`` and the ``--decisions FILE`` option of compare and batch.

The file's format and its checks are :mod:`ds160check.review.decisions`; this is the click shell.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ds160check.cli_options import reports_errors
from ds160check.errors import Ds160CheckError

DECISION_CHOICES = ("dismissed", "accepted")

decisions_option = click.option(
    "--decisions", "decisions_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
    metavar="FILE",
    help="Reviewer decisions (YAML, see `ds160check decisions add`): findings marked accepted or "
         "dismissed while unchanged; a dismissed one no longer counts for --fail-on or the verdict.",
)


def load(path: Path | None) -> Any:
    """The decisions of ``--decisions FILE`` (checked before any case is read), or None."""
    if path is None:
        return None
    from ds160check.review import load_decisions

    return load_decisions(path)


@click.group()
def decisions() -> None:
    """Write and read the reviewer decisions file (--decisions FILE) without hand-editing it."""


@decisions.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--case", default=None, metavar="FOLDER",
              help="The batch case (its folder as the report names it); omitted or '*': any case, "
                   "as for compare. With --from-report, a case's report.json names it.")
@click.option("--code", default=None, metavar="CODE", help="The finding code, e.g. NAME_VARIANT.")
@click.option("--field", default=None, metavar="KEY",
              help="The field key, e.g. personal.given_names (omit for a finding without one).")
@click.option("--old", default=None, metavar="VALUE", help="The old value as the report prints it.")
@click.option("--new", default=None, metavar="VALUE", help="The new value as the report prints it.")
@click.option("--decision", type=click.Choice(DECISION_CHOICES), required=True,
              help="dismissed: not a problem (stops counting); accepted: a real problem (still counts).")
@click.option("--by", "by", required=True, metavar="NAME", help="Who decided.")
@click.option("--reason", required=True, metavar="TEXT", help="Why, in a sentence.")
@click.option("--at", "at", default=None, metavar="WHEN",
              help="When (ISO 8601; default: now, in UTC).")
@click.option("--from-report", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="REPORT",
              help="Take code, field, values (and a batch case) from a JSON report instead of typing them.")
@click.option("--finding", default=None, metavar="N|CODE[:FIELD]",
              help="With --from-report: the finding's number in the report (1 = first) or its code.")
@reports_errors
def decisions_add(file: Path, case: str | None, code: str | None, field: str | None, old: str | None,
                  new: str | None, decision: str, by: str, reason: str, at: str | None,
                  from_report: Path | None, finding: str | None) -> None:
    """Append a decision to FILE (created when missing; its comments are kept)."""
    from ds160check.review.decisions import build, entry_problems
    from ds160check.review.store import append_decision

    entry: dict[str, Any] = {"case": case, "code": code, "field": field, "old": old, "new": new}
    if from_report is not None:
        entry.update(_from_report(from_report, finding, case))
    elif finding is not None:
        raise Ds160CheckError("--finding: give --from-report REPORT too")
    entry.update(decision=decision, by=by, reason=reason,
                 at=at or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    problems = entry_problems(entry)
    if problems:
        key, message = problems[0]
        raise Ds160CheckError(f"--{key}: {message.replace(f'missing {key!r}', 'missing')}")
    line = append_decision(file, build(entry, None))
    click.echo(f"{file}:{line}: {decision} {entry['code']} {entry['field'] or '(no field)'}", err=True)


def _from_report(report: Path, finding: str | None, case: str | None) -> dict[str, Any]:
    from ds160check.review.store import finding_values, is_redacted, pick_finding, report_findings

    if finding is None:
        raise Ds160CheckError("--from-report: say which finding with --finding N (1 = the first) or CODE")
    findings, folder = report_findings(report)
    chosen = pick_finding(findings, finding, report)
    if is_redacted(chosen):
        raise Ds160CheckError(f"{report}: the report is redacted (--redact): its masked values cannot "
                              "identify the finding; take it from a report made without --redact")
    old, new = finding_values(chosen)
    return {"case": case or folder, "code": chosen.get("code"), "field": chosen.get("field"),
            "old": old, "new": new}


@decisions.command("list")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def decisions_list(file: Path, fmt: str) -> None:
    """List the decisions of FILE, each with its line (the file is checked first)."""
    from ds160check.review import load_decisions

    loaded = load_decisions(file)
    if fmt == "json":
        from ds160check.render.json import dumps

        click.echo(dumps({"schema": "ds160check.decisions/1", "file": str(file),
                          "decisions": [d.to_dict() for d in loaded.decisions]}), nl=False)
        return
    for line in _text_lines(str(file), loaded.decisions):
        click.echo(line)
    click.echo(f"{len(loaded.decisions)} decision(s)", err=True)


def _text_lines(file: str, entries: Sequence[Any]) -> list[str]:
    from ds160check.wording import MISSING_TEXT, printable

    lines = []
    for d in entries:
        review = d.review
        values = f"{d.old or MISSING_TEXT} → {d.new or MISSING_TEXT}"
        lines.append(printable(f"{file}:{review.line}: {review.decision} {d.code} {d.field or '(no field)'} "
                               f"{values} (case: {d.case or 'any'})"))
        lines.append(printable(f"    by {review.by}, {review.at}: {review.reason}"))
    return lines


@decisions.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@reports_errors
def decisions_check(file: Path) -> None:
    """Check FILE: unknown codes, field keys and keys, bad decisions and dates, missing by/reason
    (exit 1 on problems, each with its line and a "did you mean")."""
    from ds160check.review import check_decisions

    found, problems = check_decisions(file)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    click.echo(f"decisions OK ({len(found)})", err=True)
