"""Typed exceptions. Library code raises these; the CLI turns them into one line and exit 2."""

from __future__ import annotations

from pathlib import Path


class Ds160CheckError(Exception):
    """Base class of every error ds160check reports to a user."""


class InputError(Ds160CheckError):
    """An input file cannot be used. ``str()`` is ``"FILE: reason"``."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Pickled by its fields (it crosses from the reading child process to the caller).
        return type(self), (self.path, self.reason)


class FileMissingError(InputError):
    """The file does not exist or is not a regular file."""


class NotAPdfError(InputError):
    """The file is not a PDF (wrong signature)."""


class EncryptedPdfError(InputError):
    """The PDF is encrypted and no (or a wrong) password was given."""


class CorruptPdfError(InputError):
    """The PDF is damaged or truncated so that it cannot be read."""


class NoTextLayerError(InputError):
    """The PDF has pages but no text: a scan or a photo saved as PDF."""


class LimitExceededError(InputError):
    """The input is over a safety limit (size, pages, time, memory, unpacked size).

    The reason names the limit and the flag that raises it.
    """


class NotADocumentError(InputError):
    """The file is neither a PDF nor a DOCX (Word) document."""


class CorruptDocumentError(InputError):
    """The DOCX (or other non-PDF document) is damaged or truncated so that it cannot be read."""


class NotDs160Error(InputError):
    """The document is readable but is not a DS-160 print-out or confirmation page."""


class OptionError(Ds160CheckError, ValueError):
    """A value given to an option (or API argument) cannot be meant: ``str()`` names the option."""


class RuleError(Ds160CheckError):
    """A rule file in ``field_rules/`` is invalid. ``str()`` is ``"FILE:LINE: reason"``."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, int | None, str]]:
        return type(self), (self.path, self.line, self.reason)
