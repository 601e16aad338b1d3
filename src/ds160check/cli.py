"""The command line: a thin click shell over the Python API.

Every error a user can cause ends as one line ``Error: FILE: reason`` and exit
code 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from pathlib import Path
from typing import Any

import click

from ds160check import __version__, regex_cache
from ds160check.cli_decisions import decisions as decisions_group
from ds160check.cli_decisions import decisions_option
from ds160check.cli_decisions import load as load_decisions
from ds160check.cli_options import limit_options, redact_option, reports_errors
from ds160check.errors import Ds160CheckError
from ds160check.limits import current_limits


def _configure_logging(debug: bool) -> None:
    """Libraries log only with ``--debug``: their lines are not one-line errors and may quote the file."""
    import logging

    root = logging.getLogger()
    if debug:
        logging.basicConfig(level=logging.WARNING)
    elif not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
        root.addHandler(logging.NullHandler())  # instead of the last-resort handler to stderr
    logging.captureWarnings(True)  # Python warnings too, through the same handlers


def write_output(text: str, output: str) -> None:
    """Write to standard output (``-``) or to a file readable by its owner only."""
    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output)
    if path.is_symlink():
        # Writing through a link would overwrite whatever it points at (another report, a dotfile).
        raise Ds160CheckError(f"{output}: is a symbolic link; not writing through it "
                              "(remove it or give another name)")
    try:
        # O_NOFOLLOW: a link put in place after the check above is refused too.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        _owner_only(fd)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise Ds160CheckError(f"{output}: cannot write the output ({exc.strerror})") from exc


def _owner_only(fd: int) -> None:
    """An existing file keeps its mode through ``O_CREAT``: make a report file owner-only anyway."""
    info = os.fstat(fd)
    if os.name == "posix" and stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
        os.fchmod(fd, 0o600)  # only regular files: never a device like /dev/null


# Input files are checked by the library, which names the file and the reason on one line (a
# folder, a missing or unreadable file): click's own checks would print a three-line usage error.
INPUT_FILE = click.Path(path_type=Path, readable=False)

output_option = click.option(
    "--output", "-o", default="-", show_default=True, metavar="PATH",
    help="Write the result to PATH ('-' is standard output). Files are created readable by you only.",
)
password_option = click.option(
    "--password", default=None, metavar="PW", help="Password of an encrypted PDF.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ds160check")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def cli(debug: bool) -> None:
    """Check a US visa re-application (DS-160) for the contradictions that get people refused again.

    Everything runs on this machine: no file or value is ever sent anywhere.
    """
    _configure_logging(debug)


@cli.command()
@click.argument("file", type=INPUT_FILE)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@password_option
@click.option("--backend", type=click.Choice(["pdfium", "plumber"]), default="pdfium", show_default=True,
              help="PDF text reader: pdfium (fast) or pdfplumber (reference).")
@redact_option
@limit_options
@output_option
@reports_errors
def extract(file: Path, fmt: str, password: str | None, backend: str, redact: bool, output: str) -> None:
    """Read a DS-160 print-out or confirmation page and list its answers.

    JSON output follows the schema printed by `ds160check schema extract`.
    """
    from ds160check.extraction import extract as run_extract

    app = run_extract(file, password=password, backend=backend)
    if redact:
        from ds160check.redact import redact_extract

        app = redact_extract(app)
    if fmt == "json":
        from ds160check.render.json import dumps

        write_output(dumps(app.to_dict()), output)
    else:
        from ds160check.render.text import render_application

        write_output(render_application(app), output)


def use_color(output: str) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    return output == "-" and sys.stdout.isatty() and "NO_COLOR" not in os.environ


FAIL_ON = ["critical", "high", "medium", "low", "info", "none"]


@cli.command()
@click.argument("old", type=INPUT_FILE)
@click.argument("new", type=INPUT_FILE)
@click.argument("documents", nargs=-1, type=INPUT_FILE)
@click.option("--refused", default=None, metavar="214b|221g",
              help="State the refusal of OLD by hand (any spelling: 214(b), 214B, 221(g)); a refusal "
                   "letter that says otherwise gives a REFUSAL_SOURCES_DISAGREE notice.")
@click.option("--refusal-date", default=None, metavar="DATE",
              help="Date of the refusal (any common format, e.g. 2025-03-12); not after today or the "
                   "new application.")
@click.option("--min-days", type=click.IntRange(min=0), default=None,
              help="REAPPLIED_TOO_SOON below this many days after the refusal (default 30).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html"]), default=None,
              help="Report format (default: from the --output suffix .html/.json/.md, else text).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="high", show_default=True,
              help="Exit 1 when a finding at or above this severity is found ('none': never).")
@click.option("--spacy-model", default=None, metavar="NAME",
              help="An installed trained spaCy pipeline to read supporting documents with, besides "
                   "the rules (never downloaded).")
@password_option
@decisions_option
@redact_option
@limit_options
@output_option
@reports_errors
def compare(old: Path, new: Path, documents: tuple[Path, ...], refused: str | None,
            refusal_date: str | None, min_days: int | None, fmt: str | None, fail_on: str,
            spacy_model: str | None, password: str | None, decisions_file: Path | None, redact: bool,
            output: str) -> None:
    """Compare the refused DS-160 (OLD) with the new one (NEW).

    DOCUMENTS are the rest of the case: confirmation pages, refusal letters
    and supporting documents (PDF or DOCX). Exit codes: 0 nothing at or above
    --fail-on, 1 findings at or above it, 2 an input cannot be read.
    """
    from ds160check.comparison.case import compare as run_compare
    from ds160check.comparison.codes import at_or_above

    fmt = fmt or format_of(output)
    date = _refusal_date(refusal_date)
    reviewed = load_decisions(decisions_file)  # a bad file stops the command before anything is read
    apps = _read_both(old, new, password) if fmt == "html" or redact else None
    first, second = apps or (old, new)
    # Sorted, so that the report does not depend on the order DOCUMENTS were given in.
    report = run_compare(first, second, sorted(documents, key=str), refused=refused, refusal_date=date,
                         min_days=min_days, password=password, spacy_model=spacy_model)
    if reviewed is not None:  # before --redact: decisions name the values as read
        from ds160check.review import review_reports

        report = review_reports([report], reviewed.for_case(None))[0]
    if redact and apps is not None:
        from ds160check.redact import redact_extract, redact_report

        report = redact_report(report, sources=apps)
        apps = (redact_extract(apps[0]), redact_extract(apps[1]))
    write_output(render(report, fmt, use_color(output), apps), output)
    worst = report.worst()
    if fail_on != "none" and worst is not None and at_or_above(worst, fail_on):
        sys.exit(1)


SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".markdown": "md"}


def format_of(output: str) -> str:
    """``-o report.html`` writes HTML: the format an output file's suffix names, else text."""
    return "text" if output == "-" else SUFFIX_FORMATS.get(Path(output).suffix.lower(), "text")


def _refusal_date(text: str | None) -> str | None:
    """``--refusal-date`` as ISO; a date that cannot be read is a usage error on one line."""
    from ds160check.values import parse_date

    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise Ds160CheckError(f"--refusal-date: {exc}") from None


def _read_both(old: Path, new: Path, password: str | None) -> tuple[Any, Any]:
    """Both print-outs, read once: the HTML report shows them side by side."""
    from ds160check.batch.classify import read_application

    return read_application(old, password), read_application(new, password)


def render(report: Any, fmt: str, color: bool, apps: tuple[Any, Any] | None = None) -> str:
    """A report in one of the output formats (``apps``: both applications, for HTML)."""
    if fmt == "html":
        from ds160check.render.report_html import render_html

        return render_html(report, *(apps or (None, None)))
    if fmt == "json":
        from ds160check.render.json import dumps

        return dumps(report.to_dict())
    if fmt == "md":
        from ds160check.render.report_md import render_markdown

        return render_markdown(report)
    from ds160check.render.report_text import render_report

    return render_report(report, color=color)


EXIT_INTERRUPTED = 130


@cli.command()
@click.argument("root", type=click.Path(file_okay=False, readable=False, path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs); with --scheduler, cases running "
                   "at once on the cluster (default: its worker threads).")
@click.option("--output", "-o", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("ds160check-reports"), show_default=True,
              help="Folder for the reports, summary.csv/json and index.html (readable by you only).")
@click.option("--format", "formats", type=click.Choice(["json", "html", "md", "text"]), multiple=True,
              help="Report of each case; repeat for several (default: json and html).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="high", show_default=True,
              help="Exit 1 when a finding at or above this severity is found, or a case could not "
                   "be checked ('none': never).")
@click.option("--password", "passwords", multiple=True, metavar="PW",
              help="Password of encrypted PDFs; repeat to try several.")
@click.option("--no-cache", is_flag=True, help="Recompute every case, even unchanged ones.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where unchanged cases are remembered (default: OUTPUT/.ds160check-cache).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the cases on the Dask cluster of this scheduler (tcp://HOST:8786) instead of "
                   "local worker processes: same reports, byte for byte. Needs the dask extra, and "
                   "ds160check of this version on every worker.")
@click.option("--ship-files", is_flag=True,
              help="With --scheduler: send each case's files to the workers as bytes (they need not "
                   "see ROOT); without it they read them by path, from storage they share with you.")
@decisions_option
@limit_options
@redact_option
@reports_errors
def batch(root: Path, jobs: int | None, output_dir: Path, formats: tuple[str, ...], fail_on: str,
          passwords: tuple[str, ...], no_cache: bool, cache_dir: Path | None, scheduler: str | None,
          ship_files: bool, decisions_file: Path | None, redact: bool) -> None:
    """Check every client folder under ROOT in parallel.

    Each folder holding PDF or Word files is one case, whatever the file
    names: the DS-160s are recognised by content and ordered by their dates
    (or case.toml). Writes a report per case, summary.csv, summary.json and
    index.html into --output. Exit codes: 0 nothing at or above --fail-on,
    1 findings at or above it or a case not checked, 2 a usage error,
    130 interrupted (what is done is kept).
    """
    from ds160check.batch.runner import DEFAULT_FORMATS, BatchOptions, run_batch

    options = BatchOptions(jobs=jobs, formats=formats or DEFAULT_FORMATS, passwords=passwords,
                           cache=not no_cache, cache_dir=cache_dir, redact=redact, limits=current_limits(),
                           decisions=load_decisions(decisions_file), scheduler=scheduler,
                           ship_files=ship_files)
    if ship_files and scheduler is None:
        raise Ds160CheckError("--ship-files sends the files to a Dask cluster: give --scheduler too")
    result = run_batch(root, output_dir, options)
    if options.decisions is not None:
        from ds160check.review import unknown_cases

        for line in unknown_cases(options.decisions, [row["folder"] for row in result.rows]):
            click.echo(f"Warning: {line}", err=True)
    totals: dict[str, int] = {}
    for row in result.rows:
        totals[row["status"]] = totals.get(row["status"], 0) + 1
    tally = ", ".join(f"{count} {status.replace('_', ' ')}" for status, count in sorted(totals.items()))
    click.echo(f"{len(result.rows)} case(s): {tally}; {result.from_cache} unchanged since the last run.")
    click.echo(f"Reports: {output_dir / 'index.html'}")
    if result.interrupted:
        click.echo("Interrupted: the summary lists the cases not reached.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if result.fails(fail_on):
        sys.exit(1)


@cli.group()
def rules() -> None:
    """Inspect and validate the declarative rules (field_rules/)."""


@rules.command("list")
@reports_errors
def rules_list() -> None:
    """List the finding codes with their severity and action."""
    from ds160check.rules import load_rules

    for spec in load_rules().compare.codes.values():
        click.echo(f"{spec.code.value:<22} {spec.severity:<9} {spec.action}")


@rules.command("show")
@click.argument("code")
@reports_errors
def rules_show(code: str) -> None:
    """Show what a finding code flags, what passes, and its default message."""
    from ds160check.comparison.codes import Code
    from ds160check.rules import load_rules
    from ds160check.rules.load import suggest

    known = [c.value for c in Code]
    wanted = code.upper()
    if wanted not in known:
        hint = suggest(wanted, known)
        raise Ds160CheckError(f"unknown finding code {code!r}{hint}; see `ds160check rules list`")
    spec = load_rules().compare.codes[Code(wanted)]
    click.echo(f"{spec.code.value} ({spec.severity}; action: {spec.action})\n")
    click.echo(spec.doc.rstrip())
    click.echo(f"\nMessage: {spec.message}")


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def rules_check(directory: Path | None) -> None:
    """Validate rule files: unknown keys, bad types, duplicate labels (exit 1 on problems).

    DIRECTORY defaults to the rules shipped with ds160check.
    """
    # Imported for the checkers they register: the supporting documents' rules and privacy.yaml.
    from ds160check import redact  # noqa: F401
    from ds160check.evidence import rules as evidence_rules  # noqa: F401
    from ds160check.rules import check_rules

    if directory is not None and not directory.is_dir():
        raise Ds160CheckError(f"{directory}: no such rule folder")
    problems = check_rules(directory)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    click.echo("rules OK", err=True)


@cli.command()
@click.argument("name", type=click.Choice(["report", "extract", "case", "summary"]))
@reports_errors
def schema(name: str) -> None:
    """Print the JSON Schema of an output: report (compare --format json), extract, case (a batch
    case's report.json) or summary (a batch's summary.json)."""
    from ds160check.render.json import dumps
    from ds160check.schemas import SCHEMAS

    click.echo(dumps(SCHEMAS[name]()), nl=False)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; one other than loopback needs --token-file.")
@click.option("--port", type=click.IntRange(0, 65535), default=8160, show_default=True,
              help="Port to listen on (0: any free one, printed at start).")
@click.option("--token-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File holding the token requests must carry as 'Authorization: Bearer TOKEN' "
                   "(readable by you only; /healthz stays open).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Cases checked at once, each in a worker process (default: the number of CPUs).")
@click.option("--queue", type=click.IntRange(min=0), default=100, show_default=True,
              help="Requests that may wait for a worker; past it the answer is 503 (busy).")
@limit_options
@reports_errors
def serve(host: str, port: int, token_file: Path | None, jobs: int | None, queue: int) -> None:
    """Check cases over HTTP: POST /v1/compare and /v1/extract (multipart), GET /healthz, /openapi.json.

    The answers are the JSON of compare and extract --format json, the uploaded file names as the
    paths; the limits apply to every upload; nothing is kept after the response. Needs the serve
    extra: pip install 'ds160check[serve]'.
    """
    from ds160check.service import serve as run_serve
    from ds160check.service.settings import ServiceSettings, read_token

    token = read_token(token_file) if token_file is not None else None
    run_serve(ServiceSettings(host=host, port=port, token=token, jobs=jobs or os.cpu_count() or 1,
                              queue=queue, limits=current_limits()))


cli.add_command(decisions_group)


def main() -> None:
    """The ``ds160check`` command; its exit code is click's (``sys.exit``)."""
    try:
        cli(prog_name="ds160check")
    finally:
        # The rule files' regular expressions this run compiled, for the next command (a no-op when
        # nothing new was compiled, and for commands that compile none).
        regex_cache.save()
        # At exit every object the command made is garbage the interpreter would walk again in its
        # last collections (0.25 s of CPU after a compare that loaded spaCy): frozen, they are not.
        gc.freeze()
