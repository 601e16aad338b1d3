"""The light pipeline (no spaCy) finds exactly what spaCy's blank English pipeline finds.

spaCy is the reference: on every text of the corpora (the supporting documents and letters of the
fixtures, the published wordings of tests/realworld, the shared corpus, the strings the evidence
tests use, and hostile strings) the light tokenizer gives spaCy's tokens with spaCy's attributes,
and the light pipeline spaCy's entities, with their values and roles. The matcher is also run
against spaCy's on generated patterns with every operator. A spaCy upgrade changes the reference:
the shipped tokenizer data must then be exported again (``python -m
ds160check.evidence.tokenizer_export``), which the first test says.
"""

from __future__ import annotations

import ast
import json
import random
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml

spacy = pytest.importorskip("spacy")

from ds160check.documents import load_document  # noqa: E402
from ds160check.evidence import tokenizer as light_tokenizer  # noqa: E402
from ds160check.evidence.flat import flatten  # noqa: E402
from ds160check.evidence.lexical import attribute_getters  # noqa: E402
from ds160check.evidence.light import string_id  # noqa: E402
from ds160check.evidence.matcher import Matcher as LightMatcher  # noqa: E402
from ds160check.evidence.nlp import Entity, Pipeline  # noqa: E402
from ds160check.evidence.rules import ENTITY_LABELS  # noqa: E402
from ds160check.evidence.tokenizer_export import export  # noqa: E402
from ds160check.rules import check_rules  # noqa: E402
from ds160check.rules_path import rules_dir  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
EVIDENCE_TESTS = ("test_evidence.py", "test_documents.py", "test_documents_in_compare.py")
DOCUMENT_SUFFIXES = (".pdf", ".docx")
# The spaCy token attributes the light path computes, by the name our patterns use.
SPACY_ATTRIBUTES = {"LOWER": "lower_", "SHAPE": "shape_", "LENGTH": "__len__",
                    "IS_ALPHA": "is_alpha", "IS_ASCII": "is_ascii", "IS_DIGIT": "is_digit",
                    "IS_LOWER": "is_lower", "IS_UPPER": "is_upper", "IS_TITLE": "is_title",
                    "IS_PUNCT": "is_punct", "IS_SPACE": "is_space", "LIKE_NUM": "like_num"}

HOSTILE = [
    "", " ", "   ", "\t", "\n\n", " \n ", "x  ", "  x", "a\u00a0b", "a\u2028b\u3000c", "x\r\ny",
    "See https://www.example.com/path?q=1&r=2#top, or http://example.kz/a.", "www.egov.kz/cms",
    "Write to a.b-c@mail.ru or HR@COMPANY.CO.UK.", "example.com. Sub.domain.org/path/",
    ":) :-( ;) <3 :P (ಠ_ಠ) ¯\\_(ツ)_/¯ 😀👍 =)", "12-MAR-2025", "12.03.2025", "03/12/25",
    "₸650 000", "650 000 ₸", "KZT 650,000", "Rs.35,000/-", "₹4,25,000.00", "N7,800,000.00",
    "1.500.000,00 UZS", "US$1,200.50", "€1.000,00", "-45.00 +1,200.00", "16,80,000",
    "Привет, мир! ТОО «Степь Карго», г. Алматы, ул. Абая 10.", "ООО \"Ромашка\"",
    "Ф.И.О.: ИВАНОВ ИВАН ИВАНОВИЧ", "в должности главного бухгалтера с 01.02.2020",
    "Брак между АХМЕТОВЫМ ДАУЛЕТОМ и АХМЕТОВОЙ АЙГЕРІМ", "Дана Соколовой Марине Андреевне",
    "co-worker, well-known — self–employed; vice-president of state-owned X-Ray Ltd.",
    "don't can't won't I'm you're it's Bill's O'Neil rock'n'roll y'all ain't gonna 'quoted'",
    "Mr. Smith, Mrs.Jones, Dr. WHO, Ms. AIGERIM AKHMETOVA, Shri. RAVI KUMAR, г-н ПЕТРОВ",
    "KAZ TRADE LLP, \"KAZ TRADE\" LLP, NimbusGrid Software Pvt. Ltd., ACME Co. Ltd., Foo Inc.",
    "KONDAPALLI AGRITECH PRIVATE LIMITED", "HALYK BANK", "Tashkent Institute of Applied Engineering",
    "«ILM-FAN INNOVATSIYA» MChJ", "LLP \"KAZ TRADE\"", "TOO «Степь»",
    "This is to certify that MR. JOHN SMITH IS employed as Senior Software Engineer.",
    "the marriage between Mr. DAULET AKHMETOV and Mrs. AIGERIM AKHMETOVA",
    "Name & Surname  JUAN DELA CRUZ", "Account holder: TOSHMATOV BOBUR Currency: UZS",
    "Name\nAIGERIM AKHMETOVA\n", "Address: ul. Kunaeva 32, Almaty\nPhone: 123",
    "Head of the Sales Department", "Chief Executive Officer", "Issued this 20th day of January, 2026",
    "the Fourth day of March Two thousand twenty-six", "Monday, November 12, 2018",
    "2025 yil 3 dekabr", "«14» мая 2026 г.", "15 қаңтар 2026 ж.", "1st 2nd 3rd 4th 21st 1/2 ±5 ~3",
    "e.g., i.e., a.m., p.m., U.S.A., Jan., Feb., No. 5, vs. St. Louis", "(a.m.) [U.S.] {e.g.}",
    "C++ #hashtag @user $5 100% 5km 10kg 3pm 10:30 a/b a\\b", "...!!!???---", "'''\"\"\"",
    "x" * 120, "AbCdEfGhIjKlMnOpQrStUvWxYz" * 5, "ﬁnancial ﬂow Ⅻ ½ ² ①", "İstanbul ǅemal ß",
    "\tName:\tJOHN\tSMITH\t\n\tSalary:\t650 000 KZT\n", "word-\nwrapped line", "a.b.c.d. e-f-g",
]


# --- the corpora --------------------------------------------------------------------------------


def _document_texts(paths: Iterable[Path]) -> list[tuple[str, str]]:
    out = []
    for path in sorted(paths):
        try:
            document = load_document(path)
        except Exception:  # noqa: BLE001 - a corpus file that does not read (empty, encrypted)
            continue
        out.append((str(path.relative_to(path.anchor)), flatten(document.spans).text))
    return out


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES] \
        if folder.is_dir() else []


def _test_strings() -> list[tuple[str, str]]:
    out = []
    for name in EVIDENCE_TESTS:
        tree = ast.parse((ROOT / "tests" / name).read_text(encoding="utf-8"))
        out += [(f"{name}:{node.lineno}", node.value) for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return out


def _realworld_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "tests" / "realworld" / "cases").glob("*.yaml")):
        text = yaml.safe_load(path.read_text(encoding="utf-8"))["text"]
        out += [(path.stem, text), (f"{path.stem} (in capitals)", text.upper())]
    return out


def _fixture_corpus() -> list[tuple[str, str]]:
    documents = _files(ROOT / "fixtures" / "evidence") + [
        p for p in _files(ROOT / "fixtures" / "cases") + _files(ROOT / "fixtures" / "documents")
        if p.stem not in ("old", "new")]
    return (_document_texts(documents) + _realworld_texts() + _test_strings()
            + [(f"hostile {i}", text) for i, text in enumerate(HOSTILE)])


def _shared_corpus() -> list[tuple[str, str]]:
    texts = [(str(p), p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(SHARED_CORPUS.rglob("*.txt"))] if SHARED_CORPUS.is_dir() else []
    prints = _files(ROOT / "fixtures" / "print") + _files(ROOT / "fixtures" / "sample")
    return _document_texts(_files(SHARED_CORPUS) + prints) + texts


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    light, reference = Pipeline.build(), Pipeline.build_spacy()
    assert light.light is not None and reference.nlp is not None
    return light, reference


def _disagreements(corpus: list[tuple[str, str]], light: Pipeline, reference: Pipeline
                   ) -> tuple[dict[str, int], list[str]]:
    """Counts compared, and the texts whose tokens, attributes or entities differ."""
    assert reference.nlp is not None and light.light is not None
    getters = attribute_getters(light.light.tokenizer.number_words)
    counts = {"texts": 0, "tokens": 0, "entities": 0}
    wrong = []
    for name, text in corpus:
        spacy_doc = reference.nlp.tokenizer(text)
        expected_tokens = [(t.text, t.idx, bool(t.whitespace_)) for t in spacy_doc]
        tokens = [(t.text, t.idx, t.space) for t in light.light.tokenizer(text)]
        attributes_agree = all(_attributes(token) == {k: getters[k](token.text) for k in
                                                      SPACY_ATTRIBUTES} for token in spacy_doc)
        expected: list[Entity] = reference.entities(text)
        counts["texts"] += 1
        counts["tokens"] += len(expected_tokens)
        counts["entities"] += len(expected)
        if tokens != expected_tokens or not attributes_agree or light.entities(text) != expected:
            wrong.append(name)
    return counts, wrong


def _attributes(token: Any) -> dict[str, Any]:
    return {name: len(token) if attr == "__len__" else getattr(token, attr)
            for name, attr in SPACY_ATTRIBUTES.items()}


def test_light_pipeline_finds_spacys_entities_in_fixtures_tests_and_hostile_strings(
        pipelines: tuple[Pipeline, Pipeline]) -> None:
    counts, wrong = _disagreements(_fixture_corpus(), *pipelines)
    assert counts["texts"] > 500 and counts["entities"] > 1000, counts
    assert wrong == [], f"{len(wrong)} of {counts} disagree, first {wrong[:5]}"


@pytest.mark.slow
def test_light_pipeline_finds_spacys_entities_in_the_shared_corpus_and_prints(
        pipelines: tuple[Pipeline, Pipeline]) -> None:
    corpus = _shared_corpus()
    if not corpus:
        pytest.skip(f"{SHARED_CORPUS} is not readable here")
    counts, wrong = _disagreements(corpus, *pipelines)
    assert wrong == [], f"{len(wrong)} of {counts} disagree, first {wrong[:5]}"


# --- the matcher on every operator --------------------------------------------------------------

WORDS = ("a", "b", "A", "B", "1", ".", ",", "ab", "AB", "\n")
PATTERN_TOKENS: tuple[dict[str, Any], ...] = (
    {"LOWER": "a"}, {"LOWER": "b"}, {"IS_UPPER": True}, {"IS_PUNCT": True}, {"LIKE_NUM": True},
    {"LOWER": {"IN": ["a", "ab"]}}, {"ORTH": {"NOT_IN": ["a", "."]}}, {"TEXT": {"REGEX": "^[AB]"}},
    {"LENGTH": {">=": 2}}, {"IS_SPACE": False}, {},
)
OPS = (None, None, "?", "*", "+", "!", "{2}", "{1,3}", "{2,}", "{,2}")


def _random_pattern(rng: random.Random) -> list[dict[str, Any]]:
    pattern = []
    for _ in range(rng.randint(1, 4)):
        token = dict(rng.choice(PATTERN_TOKENS))
        op = rng.choice(OPS)
        if op is not None:
            token["OP"] = op
        pattern.append(token)
    return pattern


@pytest.mark.parametrize("greedy", [None, "LONGEST", "FIRST"])
def test_light_matcher_gives_spacys_matches_in_spacys_order(greedy: str | None) -> None:
    rng = random.Random(13)
    vocab = spacy.blank("en").vocab
    getters = attribute_getters(light_tokenizer.load_tokenizer().number_words)  # type: ignore[union-attr]
    compared = 0
    for round_ in range(150):
        patterns = {f"k{i}": [_random_pattern(rng) for _ in range(rng.randint(1, 2))]
                    for i in range(3)}
        reference, light = spacy.matcher.Matcher(vocab), LightMatcher(getters)
        for key, group in patterns.items():
            reference.add(key, group, greedy=greedy)
            light.add(key, group, greedy=greedy)
        for _ in range(4):
            words = [rng.choice(WORDS) for _ in range(rng.randint(1, 9))]
            doc = spacy.tokens.Doc(vocab, words=words)
            expected = [(vocab.strings[k], s, e) for k, s, e in reference(doc)]
            assert light(words) == expected, (round_, patterns, words)
            compared += len(expected)
    assert compared > 500


# --- the data, its version, the label ids, the rule keys ----------------------------------------


def test_shipped_tokenizer_data_is_what_the_installed_spacy_gives() -> None:
    shipped = json.loads(light_tokenizer.DATA_FILE.read_text(encoding="utf-8"))
    assert shipped == export(), (
        "the installed spaCy is not the one tokenizer_en.json was exported from: run "
        "python -m ds160check.evidence.tokenizer_export")


def test_a_pipeline_built_on_another_spacy_version_is_spacys(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setattr(light_tokenizer, "installed_spacy_version", lambda: "0.0.1")
    light_tokenizer.load_tokenizer.cache_clear()
    try:
        pipeline = Pipeline.build()
    finally:
        light_tokenizer.load_tokenizer.cache_clear()
    assert pipeline.light is None and pipeline.nlp is not None
    assert [e.label for e in pipeline.entities("Her monthly salary is 650,000 KZT.")] == ["MONEY"]


def test_whitespace_runs_are_cut_as_spacy_cuts_them() -> None:
    # The tokenizer splits with re's \\s; spaCy with str.isspace.
    assert all(bool(re.fullmatch(r"\s", chr(c))) == chr(c).isspace() for c in range(0x110000))


def test_label_ids_are_spacys_string_ids() -> None:
    strings = spacy.blank("en").vocab.strings
    symbols = light_tokenizer.load_tokenizer().symbols  # type: ignore[union-attr]
    for text in (*ENTITY_LABELS, "", "a", "abcdefg", "abcdefgh", "abcdefghi", "Степь", "ಠ_ಠ" * 5):
        assert string_id(text, symbols) == strings.add(text), text


@pytest.mark.parametrize(("original", "broken", "message"), [
    ("{LIKE_NUM: true}", "{POS: NUM}", "unknown token attribute 'POS'"),
    ('{IS_ALPHA: true, IS_LOWER: false, OP: "*"}, {LOWER: {IN: $job_heads}}',
     '{IS_ALPHA: true, IS_LOWER: "false", OP: "*"}, {LOWER: {IN: $job_heads}}',
     "IS_LOWER must be true or false, not 'false'"),
    ('{LOWER: {IN: $job_of_heads}}', '{LOWER: {IN: $job_of_heads}, IS_TITLE: {IN: [true]}}',
     "IS_TITLE takes only true or false, not IN"),
    ('{LOWER: {IN: $job_of_heads}}', '{LOWER: {IN: $job_of_heads}, LENGTH: {">": "3"}}',
     "LENGTH > needs an integer, not '3'"),
])
def test_a_token_pattern_the_light_pipeline_cannot_read_is_refused_with_its_line(
        tmp_path: Path, original: str, broken: str, message: str) -> None:
    copy = tmp_path / "field_rules"
    shutil.copytree(rules_dir(), copy)
    path = copy / "documents" / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(original) == 1
    path.write_text(text.replace(original, broken), encoding="utf-8")
    line = text[:text.index(original)].count("\n") + 1
    label = "JOB_TITLE" if "job" in original else "ADDRESS"
    assert check_rules(copy) == [f"field_rules/documents/entities.yaml:{line}: tokens.{label}: {message}"]


def test_forgetting_remembered_token_answers_changes_no_entity(
        pipelines: tuple[Pipeline, Pipeline], monkeypatch: pytest.MonkeyPatch) -> None:
    from ds160check.evidence import matcher

    monkeypatch.setattr(matcher, "MAX_REMEMBERED_TEXTS", 3)
    light, reference = Pipeline.build(), pipelines[1]
    corpus = _realworld_texts() + [(f"hostile {i}", text) for i, text in enumerate(HOSTILE)]
    assert _disagreements(corpus, light, reference)[1] == []
    assert light.light is not None and len(light.light.ruler._answers) <= 3


@pytest.mark.filterwarnings("ignore:.*W036")  # spaCy: the cued matchers have no patterns here
def test_ruler_ties_between_labels_are_broken_as_spacy_breaks_them() -> None:
    # Every label matching the same words: spaCy keeps the one its set of (label id, start, end)
    # gives first, so the ids must be spaCy's (symbols such as ORG have fixed ones).
    from ds160check.evidence.rules import EntityRules

    words = [{"IS_ALPHA": True, "OP": "+"}]
    for labels in (ENTITY_LABELS, tuple(reversed(ENTITY_LABELS)), ("ADDRESS", "ORG", "AMOUNT")):
        rules = EntityRules(regex=(), cued=(), tokens=tuple((label, words) for label in labels),
                            dayfirst=True)
        light, reference = Pipeline.build(rules=rules), Pipeline.build_spacy(rules=rules)
        for text in ("Alpha", "Alpha Beta, Gamma", "one two three four five six seven", "x y"):
            assert light.entities(text) == reference.entities(text), (labels, text)
