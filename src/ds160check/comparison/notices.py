"""Notices about the case itself: OLD and NEW swapped, the same application twice, two people.

A finding says the form contradicts itself; a notice says the comparison may
be of the wrong files. Each is decided from facts of both sides and the
findings already made, never hides a finding, and stays silent on an honest
pair of applications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ds160check.comparison.codes import Code
from ds160check.comparison.engine import Side
from ds160check.comparison.model import (
    DIFFERENT_APPLICANTS,
    ORDER_REVERSED,
    SAME_APPLICATION,
    Finding,
    Notice,
    Refusal,
)
from ds160check.wording import date_words, describe

NAME_KEYS = ("personal.surnames", "personal.given_names")
BIRTH_KEY = "personal.date_of_birth"
PASSPORT_KEY = "passport.number"
ID_KEY = "application.id"


def case_notices(old: Side, new: Side, findings: Sequence[Finding], refusal: Refusal | None) -> list[Notice]:
    """Every notice the two applications (and the refusal on record) call for."""
    same = same_application(old, new)
    if same is not None:
        return [same]  # the same application twice: neither order nor person can differ
    return [n for n in (different_applicants(old, new, findings), order_reversed(old, new, refusal))
            if n is not None]


def same_application(old: Side, new: Side) -> Notice | None:
    files = (old.file, new.file)
    if old.app.document.sha256 and old.app.document.sha256 == new.app.document.sha256:
        return Notice(SAME_APPLICATION, f"OLD and NEW are the same file ({_names(files)}): give the "
                      "refused application as OLD and the new one as NEW.", files)
    old_id, new_id = old.get(ID_KEY), new.get(ID_KEY)
    if old_id and old_id == new_id:
        return Notice(SAME_APPLICATION, f"OLD and NEW carry the same Application ID {old_id} "
                      f"({_names(files)}): they are one application printed twice, not the refused one "
                      "and the new one.", files)
    return None


def different_applicants(old: Side, new: Side, findings: Sequence[Finding]) -> Notice | None:
    """Name, date of birth and passport all differ (where given): two people's applications."""
    mismatched = {f.field for f in findings if f.code is Code.IDENTITY_MISMATCH}
    if not mismatched & set(NAME_KEYS) or BIRTH_KEY not in mismatched:
        return None
    old_passport, new_passport = _passport(old), _passport(new)
    if old_passport and new_passport and old_passport == new_passport:
        return None  # one passport: one person, whatever the form says (that is for the findings)
    files = (old.file, new.file)
    return Notice(DIFFERENT_APPLICANTS, f"OLD and NEW are about two different people: {_person(old)} in "
                  f"{Path(old.file).name}, {_person(new)} in {Path(new.file).name}. Check that both files "
                  "are this applicant's; the findings below compare two people.", files)


def order_reversed(old: Side, new: Side, refusal: Refusal | None) -> Notice | None:
    """OLD was filed after NEW (by their dates), or NEW before the refusal of OLD."""
    old_date, new_date = old.date(), new.date()
    files = (old.file, new.file)
    if old_date and new_date and old_date > new_date:
        printed = "printed" in (old.date_source(), new.date_source())
        hedge = " (a print date only says when the page was printed: check it)" if printed else ""
        return Notice(ORDER_REVERSED, f"OLD ({Path(old.file).name}, {_when(old)}) is later than NEW "
                      f"({Path(new.file).name}, {_when(new)}): they look the wrong way round{hedge}. "
                      "Give the refused application first.", files)
    refused_on = _refusal_date(refusal)
    if old_date is None and new_date and refused_on and new_date < refused_on and refusal is not None:
        where = Path(refusal.evidence.file).name if refusal.evidence else "the refusal"
        return Notice(ORDER_REVERSED, f"NEW ({Path(new.file).name}, {_when(new)}) was filed before the "
                      f"refusal ({where}, {date_words(refusal.date or '')}): OLD and NEW may be the wrong "
                      "way round, or the refusal is of NEW.", (*files, *([refusal.evidence.file]
                                                                           if refusal.evidence else [])))
    return None


def _refusal_date(refusal: Refusal | None) -> dt.date | None:
    if refusal is None or refusal.source == "option" or not refusal.date:
        return None
    try:
        return dt.date.fromisoformat(refusal.date[:10])
    except ValueError:
        return None


def _when(side: Side) -> str:
    """``submitted 1 April 2025`` or ``printed 1 April 2025``."""
    return f"{side.date_source()} {describe(side.get('application.submitted_at'))}"


def _person(side: Side) -> str:
    names = " ".join(str(side.get(k)) for k in NAME_KEYS if side.get(k))
    born = side.get(BIRTH_KEY)
    parts = [names or "name not given", f"born {describe(born)}" if born else "date of birth not given"]
    passport = side.get(PASSPORT_KEY)
    if passport:
        parts.append(f"passport {passport}")
    return ", ".join(parts)


def _passport(side: Side) -> str:
    return "".join(ch for ch in str(side.get(PASSPORT_KEY) or "") if ch.isalnum()).upper()


def _names(files: Sequence[str]) -> str:
    return ", ".join(Path(f).name for f in files)


__all__ = ["case_notices", "different_applicants", "order_reversed", "same_application"]
