"""A supporting document in, what it is and what it states out; the pipeline is loaded once.

    >>> analyser = Analyser()                       # spaCy is imported on first use
    >>> found = analyser.analyse(load_document("employment-letter.pdf"))
    >>> found.kind, found.classification.confidence, found.facts.first("employer").value
    ('employment_letter', 0.86, 'STEPPE CARGO LOGISTICS LLP')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from ds160check.documents.ingest import TextDocument, load_document
from ds160check.evidence.facts import DocumentFacts, extract_facts
from ds160check.evidence.flat import MAX_ANALYSED_CHARS, flatten
from ds160check.evidence.morphology import nominative, nominative_phrase
from ds160check.evidence.nlp import Entity, Pipeline
from ds160check.evidence.people import layout_people
from ds160check.evidence.rules import EvidenceRules, load_evidence_rules
from ds160check.evidence.types import Classification, classify, given
from ds160check.matching.fold import has_cyrillic

__all__ = ["AnalysedDocument", "Analyser"]

DEFAULT_PERIOD: Final = "monthly"
PERSON, JOB_TITLE = "PERSON", "JOB_TITLE"


@dataclass(frozen=True, slots=True)
class AnalysedDocument:
    """One supporting document: its text, its type and its facts."""

    document: TextDocument
    classification: Classification
    facts: DocumentFacts
    warnings: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return str(self.document.path)

    @property
    def kind(self) -> str:
        return self.classification.kind


class Analyser:
    """Analyses documents with one pipeline, built on the first document."""

    def __init__(self, model: str | None = None, rules: EvidenceRules | None = None) -> None:
        self.model = model
        self.rules = rules or load_evidence_rules()
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline.shared(self.model, self.rules.entities)
        return self._pipeline

    def analyse_file(self, path: str | Path, *, password: str | None = None,
                     reference_date: str | None = None) -> AnalysedDocument:
        """Read (``load_document``) and analyse the PDF or DOCX at ``path``."""
        return self.analyse(load_document(path, password=password), reference_date=reference_date)

    def analyse(self, document: TextDocument, *, reference_date: str | None = None,
                known: tuple[str, str] | None = None) -> AnalysedDocument:
        """Classify ``document`` and read its facts.

        ``known`` is ``(type, reason)`` for a document recognised before (a
        refusal letter); ``reference_date`` is the new application's date.
        """
        flat = flatten(document.spans)
        entities = _with_layout_people(self.pipeline.entities(flat.text),
                                       layout_people(flat, self.rules.entities.layout_people))
        entities = [_nominative(e) for e in entities]
        if known is not None:
            classification = given(known[0], known[1], self.rules.types)
        else:
            classification = classify(flat.text, entities, self.rules.types)
        kind = self.rules.types.get(classification.kind)
        period = kind.income_period if kind is not None else DEFAULT_PERIOD
        facts = extract_facts(flat, entities, self.rules.facts, income_period=period,
                              reference_date=reference_date)
        warnings = (f"only the first {MAX_ANALYSED_CHARS:,} characters were analysed",) \
            if flat.truncated else ()
        return AnalysedDocument(document, classification, facts, warnings)


def _with_layout_people(entities: list[Entity], people: list[Entity]) -> list[Entity]:
    """The pipeline's entities and the people found by layout that no found person covers."""
    def overlaps(a: Entity, b: Entity) -> bool:
        return a.start < b.end and b.start < a.end

    def fuller(layout: Entity, found: Entity) -> bool:
        """The layout read the whole name the pipeline read a part of ("САТПАЕВА" of three lines)."""
        return len(str(layout.value).split()) > len(str(found.value or found.text).split())

    persons = [e for e in entities if e.label == PERSON]
    extra = [p for p in people if all(not overlaps(e, p) or fuller(p, e) for e in persons)]
    replaced = [e for e in persons if any(overlaps(e, p) for p in extra)]
    kept = [e for e in entities if e not in replaced]
    return sorted([*kept, *extra], key=lambda e: (e.start, e.end))


def _nominative(entity: Entity) -> Entity:
    """A Russian name or title as the form would print it: in the nominative."""
    if not has_cyrillic(entity.text):
        return entity
    if entity.label == PERSON:
        return replace(entity, value=nominative(str(entity.value or " ".join(entity.text.split()))))
    if entity.label == JOB_TITLE:
        return replace(entity, value=nominative_phrase(" ".join(entity.text.split())))
    return entity
