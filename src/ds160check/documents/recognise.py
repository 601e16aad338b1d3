"""What a supporting document is before its facts are read: a passport, CEAC page, refusal letter, or other.

    >>> found = recognise(load_document("letter.pdf"))
    >>> found.kind, found.refusal.type, found.refusal.quote
    ('refusal_letter', '214b', 'You have been found ineligible under Section 214(b)...')

A passport data page is tried first (its machine-readable zone decides, or
its title and captions: :mod:`ds160check.documents.passport`), then a CEAC
status page (its "Refused" is a refusal of unknown type; "Issued" is none),
then a refusal letter. A document that is neither
but shows some refusal signals (a statute, refusal wording, an embassy) keeps
them in ``signals``: too few to decide is not the same as none, and the
report says so (``DOCUMENT_NOT_UNDERSTOOD``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from ds160check.documents.ceac import CeacStatus, read_ceac_status
from ds160check.documents.ingest import TextDocument
from ds160check.documents.passport import PassportPage, read_passport
from ds160check.documents.refusal import Refusal, read_refusal_signals

__all__ = ["CEAC_STATUS", "OTHER", "PASSPORT", "REFUSAL_LETTER", "Recognised", "recognise"]

REFUSAL_LETTER: Final = "refusal_letter"
CEAC_STATUS: Final = "ceac_status"
PASSPORT: Final = "passport"
OTHER: Final = "other"
# Signals that make an unrecognised document look like a refusal letter: a
# statute, or refusal wording, together with a U.S. mission as its issuer.
_LOOKS_LIKE: Final = ("statute", "refusal wording")


@dataclass(frozen=True, slots=True)
class Recognised:
    kind: Literal["refusal_letter", "ceac_status", "passport", "other"]
    refusal: Refusal | None
    ceac: CeacStatus | None
    signals: tuple[str, ...] = ()
    passport: PassportPage | None = None

    @property
    def looks_like_refusal(self) -> bool:
        """Not recognised, yet with a statute or refusal wording and an issuer: worth a notice."""
        if self.kind != OTHER:
            return False
        names = {s.split(" ")[0] for s in self.signals}
        return "issuer" in names and any(s.startswith(_LOOKS_LIKE) for s in self.signals)


def recognise(doc: TextDocument) -> Recognised:
    passport = read_passport(doc)
    if passport is not None:
        return Recognised(PASSPORT, None, None, passport.signals, passport)
    status = read_ceac_status(doc)
    letter, signals = read_refusal_signals(doc)
    if status is not None and not _letter_says_more(letter, status):
        return Recognised(CEAC_STATUS, status.refusal, status)
    if letter is not None:
        return Recognised(REFUSAL_LETTER, letter, None)
    return Recognised(OTHER, None, None, signals)


def _letter_says_more(letter: Refusal | None, status: CeacStatus) -> bool:
    """A letter that quotes a CEAC status but gives the section is read as the letter."""
    return (letter is not None and letter.type != "unknown"
            and (status.refusal is None or status.refusal.type == "unknown"))
