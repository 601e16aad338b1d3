"""What a worker does for one request: the code path of ``compare``/``extract --format json``.

A job holds the uploaded files' private paths and the names to show for them. The report is
made exactly as the command line makes it, then every path and file name of the private folder
in it (document paths, evidence files, notices, messages) is replaced by the uploaded name, so
that the JSON is byte for byte what ``ds160check compare old.pdf new.pdf … --format json`` prints
for files of those names. An error that names a file names the uploaded name too.

Nothing here imports the ASGI stack: jobs are pickled to worker processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ds160check.errors import Ds160CheckError, InputError, OptionError

OK = 200
BAD_OPTION = 400
UNREADABLE = 422
BUG = 500


@dataclass(frozen=True)
class Answer:
    """An HTTP status and its JSON body (text, as the command line prints it)."""

    status: int
    body: str


@dataclass(frozen=True)
class Named:
    """A file of the request's private folder and the name it was uploaded as."""

    path: str
    name: str


@dataclass(frozen=True)
class CompareJob:
    old: Named
    new: Named
    documents: tuple[Named, ...] = ()
    refused: str | None = None
    refusal_date: str | None = None
    min_days: int | None = None
    password: str | None = None
    redact: bool = False

    def files(self) -> tuple[Named, ...]:
        return (self.old, self.new, *self.documents)

    def run(self) -> Answer:
        return answered(self.files(), self._report)

    def _report(self) -> dict[str, Any]:
        from ds160check.comparison.case import compare

        apps = _read_both(self.old.path, self.new.path, self.password) if self.redact else None
        first, second = apps or (self.old.path, self.new.path)
        report = compare(first, second, sorted(d.path for d in self.documents), refused=self.refused,
                         refusal_date=self.refusal_date, min_days=self.min_days, password=self.password)
        if apps is not None:
            from ds160check.redact import redact_report

            report = redact_report(report, sources=apps)
        return report.to_dict()


@dataclass(frozen=True)
class ExtractJob:
    file: Named
    password: str | None = None
    backend: str = "pdfium"
    redact: bool = False

    def files(self) -> tuple[Named, ...]:
        return (self.file,)

    def run(self) -> Answer:
        return answered(self.files(), self._extract)

    def _extract(self) -> dict[str, Any]:
        from ds160check.extraction import extract

        app = extract(self.file.path, password=self.password, backend=self.backend)
        if self.redact:
            from ds160check.redact import redact_extract

            app = redact_extract(app)
        return app.to_dict()


Job = CompareJob | ExtractJob


def answered(files: Sequence[Named], make: Any) -> Answer:
    """``make()``'s JSON with the uploaded names, or the one-line error the command line prints."""
    from ds160check.render.json import dumps

    try:
        return Answer(OK, dumps(relabel(make(), files)))
    except OptionError as exc:
        return error(BAD_OPTION, api_spelling(str(exc)), files)
    except InputError as exc:
        return error(UNREADABLE, str(exc), files)
    except Ds160CheckError as exc:
        return error(BAD_OPTION, str(exc), files)
    except Exception as exc:  # noqa: BLE001 - a bug; its message may quote the file, so not shown
        return error(BUG, f"unexpected {type(exc).__name__} (a bug: please report it)", files)


# The library names options as the command line spells them; the form's fields are these.
API_FIELDS = {"--refusal-date": "refusal_date", "--refused": "refused", "--min-days": "min_days",
              "--password": "password"}


def api_spelling(message: str) -> str:
    """An option error as the form spells the option (``refusal_date``, not ``--refusal-date``)."""
    for flag, name in API_FIELDS.items():
        message = message.replace(flag, name)
    return message


def error(status: int, message: str, files: Sequence[Named] = ()) -> Answer:
    from ds160check.render.json import dumps

    return Answer(status, dumps({"error": relabel(message, files)}))


def relabel(value: Any, files: Sequence[Named]) -> Any:
    """``value`` with each private path, and each private file name, as the uploaded name."""
    pairs = [(f.path, f.name) for f in files] + [(Path(f.path).name, f.name) for f in files]
    return _relabelled(value, pairs)


def _relabelled(value: Any, pairs: list[tuple[str, str]]) -> Any:
    if isinstance(value, str):
        for private, shown in pairs:
            if private in value:
                value = value.replace(private, shown)
        return value
    if isinstance(value, dict):
        return {_relabelled(k, pairs): _relabelled(v, pairs) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_relabelled(v, pairs) for v in value]
    return value


def _read_both(old: str, new: str, password: str | None) -> tuple[Any, Any]:
    """Both print-outs read once, as ``compare --redact`` does: the redaction needs their values."""
    from ds160check.batch.classify import read_application

    return read_application(Path(old), password), read_application(Path(new), password)


def job_with_options(kind: str, files: dict[str, list[Named]], options: dict[str, str]) -> Job:
    """The job a form asks for; an option value that cannot be meant is an :class:`OptionError`."""
    redact = _flag(options, "redact")
    password = options.get("password") or None
    if kind == "extract":
        backend = options.get("backend") or "pdfium"
        if backend not in ("pdfium", "plumber"):
            raise OptionError(f"backend: {backend!r} is not a PDF reader; give pdfium or plumber")
        return ExtractJob(files["file"][0], password=password, backend=backend, redact=redact)
    return CompareJob(files["old"][0], files["new"][0], tuple(files.get("documents", ())),
                      refused=options.get("refused") or None,
                      refusal_date=options.get("refusal_date") or None,
                      min_days=_days(options.get("min_days")), password=password, redact=redact)


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


def _flag(options: dict[str, str], name: str) -> bool:
    text = options.get(name, "").lower()
    if text not in _TRUE + _FALSE:
        raise OptionError(f"{name}: {text!r} is not true or false")
    return text in _TRUE


def _days(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise OptionError(f"min_days: {text!r} is not a number of days (0 or more)")
    return int(text)
