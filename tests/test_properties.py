"""Properties: the parser and the normalisers survive any input, and normalising is idempotent.

The parser gets pages of random positioned words: real labels and headings of
the rules mixed with random values, in random columns, sizes and overlaps,
over page breaks; it may only answer with fields or with a typed
``InputError`` (too few answers to be a DS-160). The value normalisers get
arbitrary text (``tests/test_values.py`` covers each parser on its own; here:
the catalogue dispatch, day-first dates, the Name Provided split and the null
test) and must give a value or a ``ValueError``, and the same value again when
given their own output.
"""

from __future__ import annotations

import contextlib
import string
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pagebuilder import TITLE, words_of

from ds160check.application import DocumentInfo
from ds160check.errors import InputError
from ds160check.extraction import CONFIRMATION, PRINT, parse_flow
from ds160check.layout import build_flow
from ds160check.model import Page, Word
from ds160check.rules import load_rules
from ds160check.values import (
    is_null_text,
    parse_date,
    parse_print_header_date,
    parse_value,
    split_name_provided,
)

PAGE_SIZES = [(612.0, 792.0), (595.0, 842.0)]
PARSER_EXAMPLES = 150

# --- the parser --------------------------------------------------------------------------


@cache
def rule_words() -> list[str]:
    """Every label, heading and marker of the shipped rules: the parser's own vocabulary."""
    rules = load_rules()
    words: list[str] = [TITLE, *rules.layout.print_markers, *rules.layout.confirmation_markers]
    for label_set in (*rules.printout, rules.confirmation):
        words += label_set.headings
        words += [label for marker in label_set.markers for label in marker.labels]
        words += [label for row in label_set.rows for label in row.labels]
    return sorted(set(words))


VALUE_ALPHABET = string.ascii_uppercase + string.digits + " ,.:/()-+'" + "АБВЁЖЮЯҚӘ" + "éß\u05d0"
values = st.one_of(
    st.sampled_from(["YES", "NO", "DOES NOT APPLY", "15 JANUARY 1990", "MARRIED", "KAZAKHSTAN", "3 WEEK(S)",
                     "350,000 KZT", "N12345678", "+7 701 555 0142", "(1)", "(2):"]),
    st.text(VALUE_ALPHABET, min_size=1, max_size=25),
)  # fmt: skip
labels = st.sampled_from(rule_words()).map(lambda label: label if label.endswith("?") else label + ":")
cell_text = st.one_of(labels, values, st.tuples(labels, values).map(" ".join))
cells = st.lists(st.tuples(st.floats(0, 560), cell_text), min_size=1, max_size=3)
# Line steps of 0 and below put two lines on one baseline or go back up the page.
lines = st.lists(st.tuples(st.floats(-4, 30), st.sampled_from([6.0, 9.0, 10.0, 14.0]), cells), max_size=40)


# A print-out's first answers: with them ahead of the random lines a page reads as a DS-160,
# and the parser goes all the way to typed fields and warnings.
SKELETON = [
    TITLE,
    "Personal, Address, Phone, and Passport/Travel Document Information",
    "Name Provided: IVANOV, IURII",
    "Sex: MALE",
    "Marital Status: SINGLE",
    "Date of Birth: 07 FEBRUARY 2000",
    "City of Birth: ALMATY",
    "Country/Region of Birth: KAZAKHSTAN",
    "Country/Region of Origin (Nationality): KAZAKHSTAN",
    "National Identification Number: 000207500123",
    "Application ID: AA00BB11CC",
    "Confirmation No: AA00BB11CC",
]


def page_of(number: int, size: tuple[float, float], rows: list[tuple[float, float, list[tuple[float, str]]]],
            header: bool, skeleton: bool) -> Page:  # fmt: skip
    words: list[Word] = []
    if header:
        words += words_of(30, 10, "11/26/26, 3:42 PM")
        words += words_of(220, 10, "Consular Electronic Application Center - Print Application")
    y = 40.0
    if skeleton:
        for line in SKELETON:
            words += words_of(40, y, line)
            y += 14
    for step, font_size, row in rows:
        y = min(max(y + step, 0.0), size[1] - font_size)
        for x, text in row:
            words += words_of(x, y, text, size=font_size)
    return Page(number, size[0], size[1], tuple(words))


pages = st.tuples(
    st.booleans(),
    st.lists(st.tuples(st.sampled_from(PAGE_SIZES), lines, st.booleans()), min_size=1, max_size=3),
).map(
    lambda spec: [
        page_of(n, size, rows, header, skeleton=spec[0] and n == 1)
        for n, (size, rows, header) in enumerate(spec[1], 1)
    ]
)


@settings(max_examples=PARSER_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=pages, kind=st.sampled_from([PRINT, CONFIRMATION]))
def test_parser_reads_any_pages_of_positioned_words_or_says_it_is_no_ds160(
    pages: list[Page], kind: str
) -> None:
    rules = load_rules()
    flow = build_flow(pages, rules.layout)
    try:
        app = parse_flow(DocumentInfo("random.pdf", "0" * 64, kind, len(pages)), flow, rules)
    except InputError:
        return
    assert set(app.fields) <= set(rules.catalogue.fields)
    app.to_dict()  # and it serialises


@settings(max_examples=50, deadline=None)
@given(
    words=st.lists(
        st.builds(Word, st.text(VALUE_ALPHABET, min_size=1, max_size=12), st.floats(-50, 700),
                  st.floats(-50, 900), st.floats(-50, 700), st.floats(-50, 900), st.floats(0.5, 40)),
        max_size=60,
    )
)  # fmt: skip
def test_layout_takes_words_with_any_box_even_inverted_or_off_the_page(words: list[Word]) -> None:
    rules = load_rules()
    flow = build_flow([Page(1, 612.0, 792.0, tuple(words))], rules.layout)
    with contextlib.suppress(InputError):
        parse_flow(DocumentInfo("random.pdf", "0" * 64, PRINT, 1), flow, rules)


# --- the normalisers -----------------------------------------------------------------------

any_text = st.one_of(st.text(), st.text(string.printable + "АЖЁ€₸", max_size=30))
CATALOGUE_TYPES = sorted({spec.type for spec in load_rules().catalogue.fields.values()} - {"list"})


def _value_or_none(parse: object, text: str) -> object:
    assert callable(parse)
    try:
        return parse(text)
    except ValueError:
        return None


@given(type_name=st.sampled_from(CATALOGUE_TYPES), text=any_text)
def test_every_catalogue_type_reads_any_text_or_says_value_error(type_name: str, text: str) -> None:
    value = _value_or_none(lambda t: parse_value(type_name, t), text)
    if isinstance(value, str):  # a string value, printed again, reads the same
        assert parse_value(type_name, value) == value


@given(text=any_text)
def test_day_first_dates_read_their_own_output_again(text: str) -> None:
    value = _value_or_none(lambda t: parse_date(t, dayfirst=True), text)
    if value is not None:
        assert parse_date(str(value), dayfirst=True) == value


@given(text=any_text)
def test_name_provided_split_is_stable_when_printed_again(text: str) -> None:
    parts = _value_or_none(split_name_provided, text)
    if isinstance(parts, tuple) and parts[0] and parts[1]:
        assert split_name_provided(f"{parts[0]}, {parts[1]}") == parts


@given(text=any_text)
def test_null_test_and_print_header_dates_never_raise_anything_else(text: str) -> None:
    assert is_null_text(text) in (True, False)
    _value_or_none(parse_print_header_date, text)
