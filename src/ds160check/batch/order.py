"""Which DS-160 is the newest: the order of a folder's applications, and why.

Tried in turn, the first that tells every application apart wins:

1. ``case.toml`` names them (``old``, ``new``);
2. the dates: the submission date of the confirmation page with the same
   Application ID, else the date printed on the print-out (the browser's print
   header);
3. name hints in the file's path within the case: ``old``/``prior``/``first``/
   ``refused``/``отказ`` against ``new``/``current``/``second``/``новая`` (the words
   of ``field_rules/batch/folders.yaml``), so ``2025 refused/DS160.pdf`` is the old one;
4. the files' modification times;
5. the file names (said to be a guess).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ds160check.batch.classify import Found
from ds160check.batch.folders import hint
from ds160check.batch.model import Order
from ds160check.extraction import PRINT_HEADER


@dataclass(frozen=True)
class Dated:
    """An application's date and where it comes from."""

    date: str
    source: str  # "submitted (confirmation page)", "submitted", "printed"


def application_date(found: Found, confirmations: Sequence[Found]) -> Dated | None:
    app_id = found.app.get("application.id")
    for page in confirmations:
        submitted = page.app.get("application.submitted_at")
        if app_id and submitted and page.app.get("application.id") == app_id:
            return Dated(str(submitted), f"submitted (confirmation page {page.name})")
    own = found.app.fields.get("application.submitted_at")
    if own is None or own.value is None:
        return None
    printed = own.span is not None and own.span.label == PRINT_HEADER
    return Dated(str(own.value), "printed" if printed else "submitted")


def name_hint(name: str | Path) -> str | None:
    """``old`` or ``new`` when the path of a file within its case says which it is."""
    path = PurePosixPath(Path(name).as_posix())
    return hint(path.with_suffix("").as_posix())


def decide_order(prints: Sequence[Found], confirmations: Sequence[Found]) -> tuple[list[Found], Order]:
    """The print-outs oldest first, and how that was decided."""
    for attempt in (_by_date, _by_name, _by_mtime):
        decided = attempt(prints, confirmations)
        if decided is not None:
            return decided
    ordered = sorted(prints, key=lambda f: f.name)
    names = ", ".join(f.name for f in ordered)
    return ordered, Order("file name", f"No dates, name hints or modification times tell the applications "
                                       f"apart; taken in file-name order ({names}): check it, or name them "
                                       f"in case.toml.")


def _full_date(value: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value) is not None


def _by_date(prints: Sequence[Found], confirmations: Sequence[Found]) -> tuple[list[Found], Order] | None:
    dated = [(f, application_date(f, confirmations)) for f in prints]
    if any(d is None or not _full_date(d.date) for _, d in dated):
        return None
    keys = [d.date for _, d in dated if d is not None]
    if len(set(keys)) != len(keys):
        return None
    dated.sort(key=lambda pair: pair[1].date if pair[1] else "")
    sources = {d.source.split(" ")[0] for _, d in dated if d is not None}
    method = {frozenset({"submitted"}): "submission date", frozenset({"printed"}): "print date"}.get(
        frozenset(sources), "date")
    told = "; ".join(f"{f.name} {d.source} {d.date}" for f, d in dated if d is not None)
    return [f for f, _ in dated], Order(method, f"Ordered by {method}: {told}.")


def _by_name(prints: Sequence[Found], confirmations: Sequence[Found]) -> tuple[list[Found], Order] | None:
    hints = {f.path: name_hint(f.name) for f in prints}
    newest = [f for f in prints if hints[f.path] == "new"]
    oldest = [f for f in prints if hints[f.path] == "old"]
    if len(newest) == 1 and (len(oldest) == len(prints) - 1 or len(prints) == 2):
        new = newest[0]
    elif len(prints) == 2 and len(oldest) == 1 and not newest:
        new = next(f for f in prints if f is not oldest[0])
    else:
        return None
    earlier = sorted((f for f in prints if f is not new), key=_mtime_then_name)
    hinted = ", ".join(f"{f.name} ({hints[f.path]})" for f in prints if hints[f.path])
    return [*earlier, new], Order("file name hints", f"The dates do not tell the applications apart; "
                                                     f"the file names do: {hinted}.")


def _mtime(found: Found) -> float:
    try:
        return os.stat(found.path).st_mtime
    except OSError:
        return 0.0


def _mtime_then_name(found: Found) -> tuple[float, str]:
    return (_mtime(found), found.path.name)


def _by_mtime(prints: Sequence[Found], confirmations: Sequence[Found]) -> tuple[list[Found], Order] | None:
    times = [_mtime(f) for f in prints]
    if len(set(times)) != len(times):
        return None
    ordered = sorted(prints, key=_mtime_then_name)
    names = " before ".join(f.name for f in ordered)
    return ordered, Order("modification time", f"Neither dates nor file names tell the applications "
                                               f"apart; by the files' modification times: {names}. "
                                               f"Check it, or name them in case.toml.")
