"""ds160check: check a US visa re-application (DS-160) for contradictions.

The public Python API mirrors the command line:

    >>> import ds160check
    >>> app = ds160check.extract("new.pdf")
    >>> app.fields["personal.date_of_birth"].value
    '1990-01-15'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]

if TYPE_CHECKING:
    from ds160check.application import Application


def extract(path: Any, *, password: str | None = None) -> Application:
    """Read a DS-160 print-out or confirmation page into an :class:`Application`."""
    from ds160check.extraction import extract as _extract

    return _extract(path, password=password)
