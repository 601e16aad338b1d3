"""The pipeline that finds organisations, people, job titles, money, dates and addresses.

    >>> pipeline = Pipeline.build()            # spaCy's English tokenizer + our patterns
    >>> pipeline.entities("Her monthly salary is 650,000 KZT.")
    [Entity(label='MONEY', text='650,000 KZT', start=22, end=33,
            value={'amount': 650000.0, 'currency': 'KZT'}, role=None)]

Components, in order (see ``field_rules/documents/entities.yaml``):

1. ``ds160_regex_entities``: money and dates by regular expression (spaCy's
   tokenizer cuts ``12-MAR-2025`` and ``₸650 000`` unpredictably);
2. ``entity_ruler``: token patterns for organisations, job titles...;
3. ``ds160_cued_entities``: a Matcher for a cue then a value (``Ms. AIGERIM
   AKHMETOVA``, ``Account holder: ...``); the value alone is the entity and the
   cue's role is kept. It runs after the ruler, so ``certify that KONDAPALLI
   AGRITECH PRIVATE LIMITED`` stays an organisation, not a person;
4. the trained pipeline's own ``ner``, when ``--spacy-model`` names one;
5. ``ds160_values``: money read by ``values.parse_money``, dates by
   ``values.parse_date``; an entity that does not parse is dropped.

Without ``--spacy-model`` these are only a tokenizer and rules, and spaCy is
not imported at all: :mod:`ds160check.evidence.light` gives the same entities
with spaCy's tokenizer data (``tokenizer_en.json``) and a port of its Matcher
(~0.75 s of CPU less per process). It stands aside, and spaCy's own
``spacy.blank("en")`` runs, when the installed spaCy is not the version that
data was exported from. A trained pipeline (``--spacy-model NAME``) is
loaded with ``spacy.load(NAME)`` from what is installed, when a pipeline is
built, never when this package is imported; nothing is downloaded.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ds160check.errors import Ds160CheckError
from ds160check.evidence.rules import CuedPattern, EntityRules, load_evidence_rules
from ds160check.evidence.steps import (
    MAX_NAME_TOKENS,
    add_without_overlap,
    cued_value_end,
    dropped,
    entity_value,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from ds160check.evidence.light import LightPipeline

__all__ = ["MAX_NAME_TOKENS", "Entity", "Pipeline", "SpacyModelError"]

LANGUAGE: Final = "en"
REGEX_COMPONENT: Final = "ds160_regex_entities"
CUED_COMPONENT: Final = "ds160_cued_entities"
VALUES_COMPONENT: Final = "ds160_values"
RULER_COMPONENT: Final = "entity_ruler"
TRAINED_NER: Final = "ner"
VALUE_ATTR: Final = "ds160_value"
ROLE_ATTR: Final = "ds160_role"
# Texts whose entities a pipeline remembers (each at most evidence.flat.MAX_ANALYSED_CHARS long).
REMEMBERED_TEXTS: Final = 8


class SpacyModelError(Ds160CheckError):
    """The trained pipeline named with --spacy-model is not installed or cannot be loaded."""


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity found in the analysed text: character offsets, the normalised value, its role."""

    label: str
    text: str
    start: int
    end: int
    value: Any = None
    role: str | None = None


# Built pipelines by (model, rules); the rules object is kept so its id cannot be reused.
_SHARED: dict[tuple[str | None, int], tuple[EntityRules, Pipeline]] = {}


class Pipeline:
    """Our components on spaCy's tokens (the light pipeline, or spaCy with ``--spacy-model``);
    build once, run per document."""

    def __init__(self, nlp: Language | None, model: str | None,
                 light: LightPipeline | None = None) -> None:
        self.nlp = nlp
        self.model = model
        self.light = light
        self._recent: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()

    @classmethod
    def build(cls, model: str | None = None, rules: EntityRules | None = None) -> Pipeline:
        """The light pipeline, or the installed spaCy pipeline ``model``, plus our components."""
        rules = rules or load_evidence_rules().entities
        if model is None:
            light = _light_pipeline(rules)
            if light is not None:
                return cls(None, None, light)
        return cls.build_spacy(model, rules)

    @classmethod
    def build_spacy(cls, model: str | None = None, rules: EntityRules | None = None) -> Pipeline:
        """spaCy itself: spacy.blank("en") (the light pipeline's reference) or ``model``."""
        spacy = _import_spacy()
        rules = rules or load_evidence_rules().entities
        nlp = spacy.blank(LANGUAGE) if model is None else _load_model(spacy, model)
        _register_components()
        _add_components(nlp, rules)
        return cls(nlp, model)

    @classmethod
    def shared(cls, model: str | None, rules: EntityRules) -> Pipeline:
        """One pipeline per process for ``model`` and ``rules``: building it costs ~0.2 s with
        spaCy (its config and our patterns), running it a few milliseconds per document."""
        key = (model, id(rules))
        found = _SHARED.get(key)
        if found is None or found[0] is not rules:
            found = (rules, cls.build(model, rules))
            _SHARED[key] = found
        return found[1]

    def entities(self, text: str) -> list[Entity]:
        """The entities of ``text``, in text order. The last few texts are remembered: a batch
        case's letters are analysed, then read again for the fingerprints across cases."""
        found = self._recent.get(text)
        if found is None:
            found = tuple(self._light_entities(text) if self.light is not None
                          else (_entity(span) for span in self._spacy(text).ents))
            self._recent[text] = found
            if len(self._recent) > REMEMBERED_TEXTS:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(text)
        return list(found)

    def _spacy(self, text: str) -> Doc:
        assert self.nlp is not None, "a pipeline is light or spaCy"
        return self.nlp(text)

    def _light_entities(self, text: str) -> list[Entity]:
        assert self.light is not None, "a pipeline is light or spaCy"
        doc, kept = self.light.run(text)
        out = []
        for span, value in kept:
            start, end = doc.start_char(span), doc.end_char(span)
            out.append(Entity(span.label, text[start:end], start, end, value,
                              doc.roles.get((start, end))))
        return out


def _light_pipeline(rules: EntityRules) -> LightPipeline | None:
    """The pipeline without spaCy, or None when its data is not that of the installed spaCy."""
    from ds160check.evidence.light import LightPipeline
    from ds160check.evidence.tokenizer import load_tokenizer

    tokenizer = load_tokenizer()
    return None if tokenizer is None else LightPipeline(tokenizer, rules)


# --- spaCy, loaded lazily ---------------------------------------------------------------------


# spaCy's __init__ imports its command line (typer, weasel, httpx: ~0.15 s of CPU of its ~0.65 s)
# only to name ``spacy.info``; nothing else in spaCy imports it.
_SPACY_CLI: Final = "spacy.cli"
_SPACY_CLI_INFO: Final = "spacy.cli.info"


def _import_spacy() -> Any:
    try:
        with _without_spacy_cli():
            return importlib.import_module("spacy")
    except ImportError:
        raise SpacyModelError(
            "spaCy is not installed; reinstall ds160check (pip install ds160check) to analyse "
            "supporting documents"
        ) from None


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's command line when it is called."""
    real = importlib.import_module(_SPACY_CLI_INFO)
    return real.info(*args, **kwargs)


@contextmanager
def _without_spacy_cli() -> Iterator[None]:
    """While spaCy is first imported, a stand-in for ``spacy.cli.info`` (its ``info`` imports the
    real one when called); taken away after, so that ``import spacy.cli`` still gives spaCy's."""
    if "spacy" in sys.modules or _SPACY_CLI in sys.modules:
        yield
        return
    package, info = types.ModuleType(_SPACY_CLI), types.ModuleType(_SPACY_CLI_INFO)
    package.__path__ = []
    setattr(info, "info", _spacy_info)  # noqa: B010 - a module built here, not an object of ours
    setattr(package, "info", info)  # noqa: B010
    sys.modules[_SPACY_CLI], sys.modules[_SPACY_CLI_INFO] = package, info
    try:
        yield
    finally:
        for name, stand_in in ((_SPACY_CLI, package), (_SPACY_CLI_INFO, info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is package:
            delattr(spacy, "cli")


def _load_model(spacy: Any, model: str) -> Language:
    try:
        nlp: Language = spacy.load(model)
    except OSError:
        raise SpacyModelError(
            f"--spacy-model {model}: no installed spaCy pipeline of that name; install it with pip "
            f"first (ds160check never downloads models) or leave the option out"
        ) from None
    except (ValueError, ImportError, KeyError) as error:
        raise SpacyModelError(f"--spacy-model {model}: cannot be loaded ({error})") from None
    return nlp


_REGISTERED: list[bool] = []


def _register_components() -> None:
    """Register our factories and Span extensions with spaCy, once per process."""
    if _REGISTERED:
        return
    from spacy.language import Language
    from spacy.tokens import Span

    for attr in (VALUE_ATTR, ROLE_ATTR):
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
    Language.factory(REGEX_COMPONENT)(lambda nlp, name: RegexEntities())
    Language.factory(CUED_COMPONENT)(lambda nlp, name: CuedEntities(nlp))
    Language.factory(VALUES_COMPONENT)(lambda nlp, name: EntityValues())
    _REGISTERED.append(True)


def _add_components(nlp: Language, rules: EntityRules) -> None:
    # Before a trained pipeline's ner, which then keeps our entities and adds its own.
    before = TRAINED_NER if TRAINED_NER in nlp.pipe_names else None
    regex: Any = nlp.add_pipe(REGEX_COMPONENT, before=before)
    regex.configure(rules)
    ruler: Any = nlp.add_pipe(RULER_COMPONENT, name=f"ds160_{RULER_COMPONENT}", before=before,
                              config={"overwrite_ents": False, "validate": True})
    ruler.add_patterns([{"label": label, "pattern": pattern} for label, pattern in rules.tokens])
    cued: Any = nlp.add_pipe(CUED_COMPONENT, before=before)
    cued.configure(rules.cued)
    values: Any = nlp.add_pipe(VALUES_COMPONENT, last=True)
    values.configure(rules.dayfirst)


def _entity(span: Span) -> Entity:
    return Entity(span.label_, span.text, span.start_char, span.end_char,
                  getattr(span._, VALUE_ATTR), getattr(span._, ROLE_ATTR))


def _add_entities(doc: Doc, spans: list[Span]) -> None:
    """Add ``spans`` to ``doc.ents`` where they overlap no entity already there."""
    doc.ents = add_without_overlap(list(doc.ents), spans, lambda s: (s.start, s.end))


# --- the components -----------------------------------------------------------------------------


class RegexEntities:
    """Entities from the regular expressions of entities.yaml (money, dates, amounts)."""

    def __init__(self) -> None:
        self.patterns: tuple[Any, ...] = ()

    def configure(self, rules: EntityRules) -> None:
        self.patterns = rules.regex

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for label, pattern in self.patterns:
            for match in pattern.finditer(doc.text):
                span = doc.char_span(match.start(), match.end(), label=label,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        _add_entities(doc, spans)
        return doc


class CuedEntities:
    """A cue then a value (entities.yaml ``cued``): the value is the entity, with the cue's role."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.cued: tuple[CuedPattern, ...] = ()
        self.matcher: Any = None
        self.cues: Any = None

    def configure(self, cued: tuple[CuedPattern, ...]) -> None:
        from spacy.matcher import Matcher

        self.cued = cued
        self.matcher = Matcher(self.vocab, validate=True)
        self.cues = Matcher(self.vocab, validate=True)
        for index, rule in enumerate(cued):
            self.matcher.add(str(index), [rule.cue + rule.value], greedy="LONGEST")
            self.cues.add(str(index), [rule.cue])

    def __call__(self, doc: Doc) -> Doc:
        cue_ends: dict[tuple[str, int], list[int]] = {}
        for key, start, end in self.cues(doc):
            cue_ends.setdefault((self.vocab.strings[key], start), []).append(end)
        spans = []
        texts = [t.text for t in doc]
        for key, start, end in self.matcher(doc):
            name = self.vocab.strings[key]
            value_start = max((e for e in cue_ends.get((name, start), []) if e < end), default=None)
            if value_start is not None:
                span = self._value(doc, texts, self.cued[int(name)], value_start, end)
                if span is not None:
                    spans.append(span)
        _add_entities(doc, spans)
        return doc

    def _value(self, doc: Doc, texts: list[str], rule: CuedPattern, start: int, end: int
               ) -> Span | None:
        end = cued_value_end(rule.label, start, end, texts)
        span = doc[start:end]
        span.label_ = rule.label
        setattr(span._, ROLE_ATTR, rule.role)
        return span


class EntityValues:
    """Money and dates normalised; an entity that does not read as its type is dropped."""

    def __init__(self) -> None:
        self.dayfirst = True

    def configure(self, dayfirst: bool) -> None:
        self.dayfirst = dayfirst

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for span in doc.ents:
            value = entity_value(span.label_, span.text, self.dayfirst)
            if dropped(span.label_, value):
                continue
            setattr(span._, VALUE_ATTR, value)
            kept.append(span)
        doc.ents = kept
        return doc
