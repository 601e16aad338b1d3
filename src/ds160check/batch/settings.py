"""``case.toml``: what a broker states about a client folder when the files cannot tell.

    old = "ds160-2024.pdf"            # or a list: ["first.pdf", "second.pdf"]
    new = "ds160-2025.pdf"
    refused = "214b"                  # or "221g"
    refusal_date = 2025-05-14         # a TOML date or a string in any common format

Every key is optional. A mistake (an unknown key, a file that is not in the
folder) is an error of the case that names the line's key, never a guess.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ds160check.errors import InputError
from ds160check.rules.load import suggest
from ds160check.values import parse_date

KEYS = ("old", "new", "refused", "refusal_date", "min_days")
REFUSAL_TYPES = ("214b", "221g")


@dataclass(frozen=True)
class CaseSettings:
    old: tuple[str, ...] = ()
    new: str | None = None
    refused: str | None = None
    refusal_date: str | None = None
    min_days: int | None = None


def load_settings(path: Path) -> CaseSettings:
    """Read and check ``case.toml``; raise :class:`InputError` naming the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read it ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"not valid TOML: {exc}") from exc
    for key in data:
        if key not in KEYS:
            raise InputError(path, f"unknown key {key!r}{suggest(key, KEYS)}; known: {', '.join(KEYS)}")
    return CaseSettings(
        old=_names(path, data.get("old"), "old"),
        new=_name(path, data.get("new"), "new"),
        refused=_refused(path, data.get("refused")),
        refusal_date=_date(path, data.get("refusal_date")),
        min_days=_min_days(path, data.get("min_days")),
    )


def _name(path: Path, value: Any, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or "/" in value or "\\" in value:
        raise InputError(path, f"{key} must be the name of a file in this folder, not {value!r}")
    return value


def _names(path: Path, value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(n for n in (_name(path, v, key) for v in values) if n is not None)


def _refused(path: Path, value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).casefold().replace("(", "").replace(")", "").replace(" ", "")
    if text not in REFUSAL_TYPES:
        raise InputError(path, f"refused must be one of {', '.join(REFUSAL_TYPES)}, not {value!r}")
    return text


def _date(path: Path, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        parsed = parse_date(str(value))
    except ValueError as exc:
        raise InputError(path, f"refusal_date {value!r} is not a date ({exc})") from exc
    if parsed is None:
        raise InputError(path, f"refusal_date {value!r} is not a date")
    return parsed


def _min_days(path: Path, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(path, f"min_days must be a whole number of days, not {value!r}")
    return value
