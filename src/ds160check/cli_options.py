"""What several commands share: the one-line errors, the safety limits and ``--redact``.

    @cli.command()
    @limit_options
    @redact_option
    def extract(..., redact: bool) -> None: ...

``limit_options`` adds ``--max-size``, ``--max-pages``, ``--timeout``,
``--max-memory`` and ``--max-unpacked`` and runs the command under those
limits (:func:`ds160check.limits.use_limits`); the command never sees them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ds160check.errors import Ds160CheckError
from ds160check.limits import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_SIZE_MB,
    DEFAULT_MAX_UNPACKED_MB,
    DEFAULT_TIMEOUT_S,
    XML_SHARE_OF_UNPACKED,
    Limits,
    use_limits,
)

F = TypeVar("F", bound=Callable[..., Any])
EXIT_USAGE = 2


def _fail(message: str) -> None:
    from ds160check.wording import printable

    # A file name may carry terminal escapes: shown, never obeyed.
    click.echo(f"Error: {printable(message)}", err=True)
    sys.exit(EXIT_USAGE)


def reports_errors(func: F) -> F:
    """Turn library errors (and any surprise) into one line and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            return func(*args, **kwargs)
        except Ds160CheckError as exc:
            if debug:
                raise
            _fail(str(exc))
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a surprise: a bug, or a file no reader expected
            if debug:
                raise
            _fail(_surprise(exc, kwargs.get("file")))

    return wrapper  # type: ignore[return-value]


def _surprise(exc: Exception, file: object) -> str:
    """One line for an unexpected error, without its message unless it is the system's.

    A library's message may quote text read from the file (a passport number
    in a parser error); ``--debug`` shows it with the traceback.
    """
    if isinstance(exc, OSError) and exc.strerror:
        name = exc.filename or file
        return f"{name}: {exc.strerror}" if name else exc.strerror
    where = f"{file}: " if file else ""
    return f"{where}unexpected {type(exc).__name__} (a bug: run with --debug for details and report it)"


_LIMIT_OPTIONS = (
    click.option(
        "--max-size",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_SIZE_MB,
        show_default=True,
        metavar="MB",
        help="Refuse a file larger than this, before opening it.",
    ),
    click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_PAGES,
        show_default=True,
        metavar="N",
        help="Refuse a PDF with more pages.",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIMEOUT_S,
        show_default=True,
        metavar="SECONDS",
        help="Give up reading one document after this long (0: no limit).",
    ),
    click.option(
        "--max-memory",
        type=click.IntRange(min=0),
        default=DEFAULT_MAX_MEMORY_MB,
        show_default=True,
        metavar="MB",
        help="Memory reading one document may use (0: no limit; enforced on Linux).",
    ),
    click.option(
        "--max-unpacked",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_UNPACKED_MB,
        show_default=True,
        metavar="MB",
        help=f"Refuse a DOCX that unpacks to more (its XML: 1/{XML_SHARE_OF_UNPACKED} of this).",
    ),
)


def limit_options(func: F) -> F:
    """Add the limit options to a command and run it under the limits they set."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        max_size: int,
        max_pages: int,
        timeout: float,
        max_memory: int,
        max_unpacked: int,
        **kwargs: Any,
    ) -> Any:
        limits = Limits(
            max_size_mb=max_size,
            max_pages=max_pages,
            timeout_s=timeout,
            max_memory_mb=max_memory,
            max_unpacked_mb=max_unpacked,
        )
        with use_limits(limits):
            return func(*args, **kwargs)

    decorated: Any = wrapper
    for option in reversed(_LIMIT_OPTIONS):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


redact_option = click.option(
    "--redact",
    is_flag=True,
    help="Mask passport, ID, visa and phone numbers, emails and dates of birth in the output "
    "(N15•••204, A•••@MAIL.KZ, 1988-••-••).",
)
