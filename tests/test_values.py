"""Printed text -> typed JSON values (``ds160check.values``)."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from ds160check import rules_path
from ds160check.errors import RuleError
from ds160check.rules_path import rules_dir
from ds160check.values import (
    CURRENCY_WORDS,
    VALUE_TYPES,
    Duration,
    Money,
    _currency_key,
    _fold_country,
    _load_country_table,
    canonical_country,
    ceac_countries,
    currency_of,
    duration_days,
    is_null_text,
    parse_bool,
    parse_country,
    parse_date,
    parse_duration,
    parse_enum,
    parse_id,
    parse_money,
    parse_name,
    parse_phone,
    parse_print_header_date,
    parse_text,
    parse_value,
    split_name_provided,
)

COUNTRIES_YAML = rules_dir() / "countries.yaml"
MIN_CEAC_COUNTRIES = 190

NULL_SPELLINGS = ["DOES NOT APPLY", "does not apply", " DO NOT\nKNOW ", "NO EXPIRATION", "N/A", ""]
SIMPLE_PARSERS = [
    parse_text,
    parse_name,
    parse_enum,
    parse_date,
    parse_bool,
    parse_id,
    parse_phone,
    parse_money,
    parse_duration,
    parse_country,
]

# Text that looks like what the parsers meet: digits, separators, currency
# signs, month names, YES/NO, country words, null texts.
PRINTED_ALPHABET = "0123456789 ,.-/()+:'`$€£¥₸₹₽\n\tAaBCDEFGHIJKLMNOPRSTUVWYZéß"
PRINTED_WORDS = st.sampled_from(
    [
        "JAN", "FEBRUARY", "MAY", "SEPT", "15TH", "OF", "YES", "NO", "N/A", "DOES NOT APPLY",
        "KZT", "RS.", "TENGE", "WEEK(S)", "DAYS", "LESS THAN", "HOURS", "USA", "THE", "SAINT",
        "KOREA, REPUBLIC OF (SOUTH)", "1,234.56", "350.000,50", "3,50,000", "11/26/26", "3:42 PM",
    ]
)  # fmt: skip
printed_text = st.one_of(
    st.text(),
    st.text(alphabet=PRINTED_ALPHABET, max_size=30),
    st.lists(st.one_of(PRINTED_WORDS, st.text(PRINTED_ALPHABET, max_size=4)), max_size=5).map(
        " ".join
    ),
)


# ---------------------------------------------------------------------------
# Null texts and plain text


@pytest.mark.parametrize("text", NULL_SPELLINGS)
def test_null_texts_are_recognised_in_any_case_and_spacing(text: str) -> None:
    assert is_null_text(text)


@pytest.mark.parametrize("parser", SIMPLE_PARSERS, ids=lambda p: p.__name__)
@pytest.mark.parametrize("text", NULL_SPELLINGS)
def test_every_parser_gives_none_for_a_null_text(parser: object, text: str) -> None:
    assert callable(parser)
    assert parser(text) is None


def test_a_value_that_merely_contains_a_null_phrase_is_not_null() -> None:
    assert not is_null_text("IT DOES NOT APPLY TO ME")
    assert parse_text("IT DOES NOT APPLY TO ME") == "IT DOES NOT APPLY TO ME"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("  SOFTWARE\n ENGINEER ", "SOFTWARE ENGINEER"),
        ("123 ABAY\u00a0AVENUE,\tAPT 4", "123 ABAY AVENUE, APT 4"),
        ("Capitals Kept as Printed", "Capitals Kept as Printed"),
    ],
)
def test_text_collapses_whitespace_and_keeps_case(printed: str, expected: str) -> None:
    assert parse_text(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("IVANOV, IVAN", ("IVANOV", "IVAN")),
        ("DE LA CRUZ,  MARIA\nJOSE", ("DE LA CRUZ", "MARIA JOSE")),
        ("SMITH, JOHN, JR", ("SMITH", "JOHN, JR")),
        ("MONONYM", ("MONONYM", None)),
        ("SURNAME,", ("SURNAME", None)),
        ("DOES NOT APPLY", (None, None)),
    ],
)
def test_name_provided_splits_at_the_first_comma(
    printed: str, expected: tuple[str | None, str | None]
) -> None:
    assert split_name_provided(printed) == expected


# ---------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("07 FEBRUARY 2000", "2000-02-07"),
        ("7 february 2000", "2000-02-07"),
        ("15-JAN-1990", "1990-01-15"),
        ("15-JAN-90", "1990-01-15"),
        ("15-JAN-25", "2025-01-15"),
        ("15 Jan 2027", "2027-01-15"),
        ("Jan 15, 2027", "2027-01-15"),
        ("Jan. 15 2027", "2027-01-15"),
        ("January 15th, 2027", "2027-01-15"),
        ("1st of March 2020", "2020-03-01"),
        ("SEPT 3, 2021", "2021-09-03"),
        ("1990-01-15", "1990-01-15"),
        ("1990/1/5", "1990-01-05"),
        ("15.01.1990", "1990-01-15"),
        ("01/15/1990", "1990-01-15"),
        ("01-15-1990", "1990-01-15"),
        ("29 FEBRUARY 2024", "2024-02-29"),
        (" 07 FEBRUARY\n2000 ", "2000-02-07"),
    ],
)
def test_full_dates_become_iso(printed: str, expected: str) -> None:
    assert parse_date(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("NOVEMBER 2027", "2027-11"),
        ("Nov 2027", "2027-11"),
        ("2027 NOVEMBER", "2027-11"),
        ("11/2027", "2027-11"),
        ("2027-11", "2027-11"),
        ("2027", "2027"),
    ],
)
def test_partial_date_keeps_month_precision(printed: str, expected: str) -> None:
    assert parse_date(printed) == expected


@pytest.mark.parametrize(
    ("printed", "dayfirst", "expected"),
    [
        ("03/04/2020", False, "2020-03-04"),
        ("03/04/2020", True, "2020-04-03"),
        ("15/01/1990", False, "1990-01-15"),
        ("01/15/1990", True, "1990-01-15"),
        ("03.04.2020", False, "2020-04-03"),
    ],
)
def test_ambiguous_numeric_date_is_month_first_unless_dayfirst_or_dotted(
    printed: str, dayfirst: bool, expected: str
) -> None:
    assert parse_date(printed, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("24 NOVEMBER 2026 10:41:07", "2026-11-24"),
        ("Nov 24, 2026, 3:42 PM EST", "2026-11-24"),
        ("30-NOV-2026 09:12 AM", "2026-11-30"),
        ("15 JAN 2000 10:30", "2000-01-15"),
    ],
)
def test_time_after_a_confirmation_page_date_is_ignored(printed: str, expected: str) -> None:
    assert parse_date(printed) == expected


@pytest.mark.parametrize(
    "printed",
    [
        "31 FEBRUARY 2000",
        "29 FEBRUARY 2023",
        "31/04/2020",
        "13/13/2000",
        "2000-13",
        "2000-02-30",
        "15 JAN",
        "NOV 27",
        "15 FOO 2000",
        "15 JAN FEB 2000",
        "0990",
        "TOMORROW",
        "15 JAN 2000 10:",
        "2000-01-15T00:00",
    ],
)
def test_impossible_or_unreadable_date_is_an_error_quoting_it(printed: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(printed))):
        parse_date(printed)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("11/26/26, 3:42 PM", "2026-11-26"),
        ("1/5/27, 10:03 AM", "2027-01-05"),
        ("11/26/2026 15:42", "2026-11-26"),
        ("26/11/2026, 15:42", "2026-11-26"),
        ("11/26/26", "2026-11-26"),
    ],
)
def test_print_header_date_is_read_month_first(printed: str, expected: str) -> None:
    assert parse_print_header_date(printed) == expected


@pytest.mark.parametrize("printed", ["Page 1/9", "", "11/26/26 at noon", "DOES NOT APPLY"])
def test_text_that_is_not_a_print_header_date_is_an_error(printed: str) -> None:
    with pytest.raises(ValueError, match="not a browser print date"):
        parse_print_header_date(printed)


# ---------------------------------------------------------------------------
# YES/NO, identifiers, phones


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("YES", True), ("NO", False), ("yes", True), (" No. ", False), ("(YES)", True)],
)
def test_yes_and_no_become_booleans(printed: str, expected: bool) -> None:
    assert parse_bool(printed) is expected


@pytest.mark.parametrize("printed", ["Y", "NOPE", "YES NO", "TRUE", "1"])
def test_anything_but_yes_or_no_is_an_error(printed: str) -> None:
    with pytest.raises(ValueError, match="not YES or NO"):
        parse_bool(printed)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("n 123-456", "N123456"),
        ("AA00 F1T-QGF", "AA00F1TQGF"),
        ("12 34 56\u201378", "12345678"),
        ("AB/123", "AB/123"),
        ("N /A", None),
        ("N 11873049.", "N11873049"),  # a scan's speck after the number: no passport change
        ("“FA4472016,", "FA4472016"),
    ],
)
def test_ids_are_upper_case_without_spaces_or_dashes(printed: str, expected: str | None) -> None:
    assert parse_id(printed) == expected


def test_an_id_without_letters_or_digits_is_an_error() -> None:
    with pytest.raises(ValueError, match="'- -'"):
        parse_id("- -")


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("+7 (701) 123-45-67", "+77011234567"),
        ("(+998) 90 123 45 67", "+998901234567"),
        ("8 701 123 45 67", "87011234567"),
        ("00 44 20.7946.0000", "00442079460000"),
        ("555/123-4567", "5551234567"),
    ],
)
def test_phone_keeps_digits_and_a_printed_plus(printed: str, expected: str) -> None:
    assert parse_phone(printed) == expected


@pytest.mark.parametrize("printed", ["+1 212 555 1234 EXT 5", "7 701 + 123", "CALL ME", "+"])
def test_phone_with_letters_or_a_stray_plus_is_an_error(printed: str) -> None:
    with pytest.raises(ValueError, match="not a phone number"):
        parse_phone(printed)


# ---------------------------------------------------------------------------
# Money


@pytest.mark.parametrize(
    ("printed", "amount"),
    [
        ("350000", 350000.0),
        ("350,000", 350000.0),
        ("350 000", 350000.0),
        ("350\u00a0000", 350000.0),
        ("350.000", 350000.0),
        ("350.000,50", 350000.5),
        ("1,234.56", 1234.56),
        ("1.234.567,89", 1234567.89),
        ("3,50,000", 350000.0),
        ("12,34,567.50", 1234567.5),
        ("1'234.50", 1234.5),
        ("12,50", 12.5),
        ("1234.567", 1234.567),
        ("0,500", 0.5),
        ("350000.00", 350000.0),
    ],
)
def test_amount_separators_are_read_as_thousands_or_decimals(printed: str, amount: float) -> None:
    assert parse_money(printed) == {"amount": amount, "currency": None}


@pytest.mark.parametrize(
    ("printed", "hint", "expected"),
    [
        ("350000", "KZT", {"amount": 350000.0, "currency": "KZT"}),
        ("KZT 350 000", None, {"amount": 350000.0, "currency": "KZT"}),
        ("350 000 ₸", None, {"amount": 350000.0, "currency": "KZT"}),
        ("350000 TENGE", "USD", {"amount": 350000.0, "currency": "KZT"}),
        ("5 000 000 UZS", None, {"amount": 5000000.0, "currency": "UZS"}),
        ("₹45,000", None, {"amount": 45000.0, "currency": "INR"}),
        ("Rs. 35,000/-", None, {"amount": 35000.0, "currency": "INR"}),
        ("50,000 rupees", "PKR", {"amount": 50000.0, "currency": "PKR"}),
        ("80 000 ₽", None, {"amount": 80000.0, "currency": "RUB"}),
        ("80000 rubles", None, {"amount": 80000.0, "currency": "RUB"}),
        ("80 000 руб.", None, {"amount": 80000.0, "currency": "RUB"}),
        ("$1,200.00", None, {"amount": 1200.0, "currency": "USD"}),
        ("$1,200.00", "CAD", {"amount": 1200.0, "currency": "CAD"}),
        ("US$ 2,000", "CAD", {"amount": 2000.0, "currency": "USD"}),
        ("1.500,00 €", None, {"amount": 1500.0, "currency": "EUR"}),
        ("EUR1500", None, {"amount": 1500.0, "currency": "EUR"}),
        ("£2,500", None, {"amount": 2500.0, "currency": "GBP"}),
        ("usd 100", None, {"amount": 100.0, "currency": "USD"}),
        ("$100 USD", None, {"amount": 100.0, "currency": "USD"}),
        ("350.-", "chf", {"amount": 350.0, "currency": "CHF"}),
    ],
)
def test_printed_currency_wins_over_the_hint(
    printed: str, hint: str | None, expected: Money
) -> None:
    assert parse_money(printed, hint) == expected


@pytest.mark.parametrize(
    ("printed", "reason"),
    [
        ("ABOUT 350000", "unknown currency 'ABOUT'"),
        ("350000 XYZ", "unknown currency 'XYZ'"),
        ("$100 EUR", "two currencies"),
        ("-500", "unknown currency '-'"),
        ("1,23,4", "not grouped in thousands"),
        ("12 34", "not grouped in thousands"),
        ("1,234,5678", "not grouped in thousands"),
        ("1.234,567.8", "digit groups"),
        ("NONE", "no digits"),
    ],
)
def test_unreadable_amount_is_an_error_quoting_it(printed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as error:
        parse_money(printed)
    assert repr(printed) in str(error.value)


def test_a_currency_hint_that_is_not_an_iso_code_is_an_error() -> None:
    with pytest.raises(ValueError, match="'tenge'"):
        parse_money("100", "tenge")


def test_every_currency_word_is_listed_in_its_folded_form() -> None:
    assert [word for word in CURRENCY_WORDS if _currency_key(word) != word] == []


# ---------------------------------------------------------------------------
# Durations


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("2 WEEK(S)", {"value": 2, "unit": "WEEK"}),
        ("10 DAY(S)", {"value": 10, "unit": "DAY"}),
        ("1 YEAR(S)", {"value": 1, "unit": "YEAR"}),
        ("3 MONTHS", {"value": 3, "unit": "MONTH"}),
        ("3 months", {"value": 3, "unit": "MONTH"}),
        ("LESS THAN 24 HOURS", {"value": 24, "unit": "HOUR"}),
        ("6 HRS", {"value": 6, "unit": "HOUR"}),
        ("1 WEEK", {"value": 1, "unit": "WEEK"}),
        ("14DAYS", {"value": 14, "unit": "DAY"}),
    ],
)
def test_length_of_stay_becomes_value_and_unit(printed: str, expected: Duration) -> None:
    assert parse_duration(printed) == expected


@pytest.mark.parametrize("printed", ["TWO WEEKS", "2 FORTNIGHTS", "WEEK", "2.5 DAYS", "-2 DAYS"])
def test_unreadable_length_of_stay_is_an_error_listing_units(printed: str) -> None:
    with pytest.raises(ValueError, match="HOUR, DAY, WEEK, MONTH, YEAR"):
        parse_duration(printed)


@pytest.mark.parametrize(
    ("duration", "days"),
    [
        ({"value": 24, "unit": "HOUR"}, 1.0),
        ({"value": 10, "unit": "DAY"}, 10.0),
        ({"value": 2, "unit": "WEEK"}, 14.0),
        ({"value": 3, "unit": "MONTH"}, 90.0),
        ({"value": 1, "unit": "YEAR"}, 365.0),
    ],
)
def test_durations_compare_in_days(duration: Duration, days: float) -> None:
    assert duration_days(duration) == pytest.approx(days)


# ---------------------------------------------------------------------------
# Countries


def test_country_is_kept_as_printed_upper_cased_and_single_spaced() -> None:
    assert parse_country(" Korea, Republic of\n(South) ") == "KOREA, REPUBLIC OF (SOUTH)"


def test_country_without_letters_is_an_error() -> None:
    with pytest.raises(ValueError, match="'12345'"):
        parse_country("12345")


@pytest.mark.parametrize(
    ("printed", "ceac"),
    [
        ("USA", "UNITED STATES OF AMERICA"),
        ("U.S.", "UNITED STATES OF AMERICA"),
        ("U.S.A.", "UNITED STATES OF AMERICA"),
        ("United States", "UNITED STATES OF AMERICA"),
        ("SOUTH KOREA", "KOREA, REPUBLIC OF (SOUTH)"),
        ("Republic of Korea", "KOREA, REPUBLIC OF (SOUTH)"),
        ("NORTH KOREA", "KOREA, DEMOCRATIC REPUBLIC OF (NORTH)"),
        ("RUSSIA", "RUSSIA"),
        ("Russian Federation", "RUSSIA"),
        ("UK", "UNITED KINGDOM"),
        ("GREAT BRITAIN", "UNITED KINGDOM"),
        ("KYRGYZ REPUBLIC", "KYRGYZSTAN"),
        ("KYRGYZSTAN", "KYRGYZSTAN"),
        ("MYANMAR", "BURMA"),
        ("BURMA", "BURMA"),
        ("Republic of Kazakhstan", "KAZAKHSTAN"),
        ("KAZ", "KAZAKHSTAN"),
        ("Côte d'Ivoire", "COTE D`IVOIRE"),
        ("The Gambia", "GAMBIA, THE"),
        ("Saint Kitts & Nevis", "ST. KITTS AND NEVIS"),
        ("Hong Kong", "HONG KONG SAR"),
        ("Türkiye", "TURKEY"),
        ("  china ", "CHINA"),
        ("ATLANTIS", None),
        ("DOES NOT APPLY", None),
        ("", None),
    ],
)
def test_country_aliases_map_to_the_ceac_name(printed: str, ceac: str | None) -> None:
    assert canonical_country(printed) == ceac


@pytest.mark.parametrize(
    ("country", "currency"),
    [
        ("KAZAKHSTAN", "KZT"),
        ("UZBEKISTAN", "UZS"),
        ("INDIA", "INR"),
        ("RUSSIA", "RUB"),
        ("KYRGYZ REPUBLIC", "KGS"),
        ("TAJIKISTAN", "TJS"),
        ("UNITED STATES", "USD"),
        ("GERMANY", "EUR"),
        ("UK", "GBP"),
        ("AT SEA", None),
        ("ATLANTIS", None),
    ],
)
def test_currency_of_a_country(country: str, currency: str | None) -> None:
    assert currency_of(country) == currency


def _countries_yaml() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(COUNTRIES_YAML.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_country_table_covers_the_ceac_list() -> None:
    names = ceac_countries()
    assert len(names) >= MIN_CEAC_COUNTRIES
    named_in_the_brief = {
        "KOREA, REPUBLIC OF (SOUTH)", "KOREA, DEMOCRATIC REPUBLIC OF (NORTH)", "CHINA",
        "HONG KONG SAR", "TAIWAN", "RUSSIA", "UNITED KINGDOM", "UNITED STATES OF AMERICA",
        "KAZAKHSTAN", "UZBEKISTAN", "KYRGYZSTAN", "TAJIKISTAN", "INDIA",
    }  # fmt: skip
    assert named_in_the_brief <= names


def test_every_country_alias_is_unique_and_maps_back_to_its_country() -> None:
    owner: dict[str, str] = {}
    for name, entry in _countries_yaml().items():
        aliases = entry["aliases"]
        assert isinstance(aliases, list)
        for alias in [name, *aliases]:
            key = _fold_country(alias)
            assert owner.setdefault(key, name) == name, f"{alias!r} of {name} is also {owner[key]}"
            assert canonical_country(alias) == name


def test_every_country_name_is_its_own_canonical_form() -> None:
    for name in ceac_countries():
        assert canonical_country(name) == name
        assert parse_country(name) == name


def test_country_table_with_a_shared_alias_names_the_file_and_line(tmp_path: Path) -> None:
    table = tmp_path / "countries.yaml"
    table.write_text(
        "GEORGIA:\n  aliases: [SAKARTVELO]\n  currency: GEL\n"
        "ARMENIA:\n  aliases: [Sakartvelo]\n  currency: AMD\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"countries\.yaml:4: ARMENIA: 'Sakartvelo' .* 'GEORGIA'"):
        _load_country_table(table)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("GEORGIA:\n  currency: lari\n", "countries.yaml:1: GEORGIA: currency 'lari'"),
        ("GEORGIA:\n  flag: red\n", "countries.yaml:1: GEORGIA: expected keys"),
        ("Georgia:\n  currency: GEL\n", "countries.yaml:1: country name 'Georgia'"),
        ("GEORGIA: {}\nGEORGIA: {}\n", "countries.yaml:2: country 'GEORGIA' is listed twice"),
        ("- GEORGIA\n", "countries.yaml:1: expected a mapping"),
        ("GEORGIA: [\n", "countries.yaml:2: invalid YAML"),
    ],
)
def test_broken_country_table_is_a_rule_error(tmp_path: Path, content: str, reason: str) -> None:
    table = tmp_path / "countries.yaml"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError, match=reason):
        _load_country_table(table)


def test_rules_dir_holds_the_country_table() -> None:
    assert (rules_dir() / "countries.yaml").is_file()


def test_rules_dir_prefers_the_copy_inside_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "field_rules").mkdir()
    monkeypatch.setattr(importlib.resources, "files", lambda _package: tmp_path)
    assert rules_dir() == tmp_path / "field_rules"


def test_rules_dir_missing_everywhere_is_a_rule_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.resources, "files", lambda _package: tmp_path)
    monkeypatch.setattr(rules_path, "__file__", str(tmp_path / "src" / "pkg" / "rules_path.py"))
    with pytest.raises(RuleError, match="field_rules/ folder is missing"):
        rules_dir()


# ---------------------------------------------------------------------------
# Dispatch


@pytest.mark.parametrize(
    ("type_name", "printed", "expected"),
    [
        ("text", " A  B ", "A B"),
        ("name", "IVANOV", "IVANOV"),
        ("enum", "MARRIED", "MARRIED"),
        ("date", "07 FEBRUARY 2000", "2000-02-07"),
        ("bool", "YES", True),
        ("country", "kazakhstan", "KAZAKHSTAN"),
        ("id", "N 123", "N123"),
        ("phone", "+7 701", "+7701"),
        ("money", "350000", {"amount": 350000.0, "currency": "KZT"}),
        ("duration", "2 WEEK(S)", {"value": 2, "unit": "WEEK"}),
        ("date", "DOES NOT APPLY", None),
    ],
)
def test_parse_value_dispatches_on_the_catalogue_type(
    type_name: str, printed: str, expected: object
) -> None:
    assert parse_value(type_name, printed, currency="KZT") == expected


def test_parse_value_rejects_an_unknown_type_listing_the_known_ones() -> None:
    with pytest.raises(ValueError, match="'list'.*bool, country, date"):
        parse_value("list", "A")
    assert "list" not in VALUE_TYPES


# ---------------------------------------------------------------------------
# Properties: any text gives a value or a ValueError, and outputs are fixed points


def _value_or_value_error(parser: object, text: str) -> object:
    assert callable(parser)
    try:
        return parser(text)
    except ValueError:
        return None


@pytest.mark.parametrize("parser", SIMPLE_PARSERS, ids=lambda p: p.__name__)
@given(text=printed_text)
def test_any_text_gives_a_value_or_a_value_error(parser: object, text: str) -> None:
    _value_or_value_error(parser, text)


@given(text=printed_text)
def test_other_parsers_raise_nothing_but_value_error(text: str) -> None:
    _value_or_value_error(parse_print_header_date, text)
    _value_or_value_error(lambda t: parse_date(t, dayfirst=True), text)
    _value_or_value_error(lambda t: parse_money(t, "INR"), text)
    _value_or_value_error(split_name_provided, text)
    canonical_country(text)
    currency_of(text)


@pytest.mark.parametrize(
    "parser",
    [parse_text, parse_name, parse_enum, parse_id, parse_phone, parse_country, parse_date],
    ids=lambda p: p.__name__,
)
@given(text=printed_text)
@example(text="N /A")
def test_string_output_parses_to_itself(parser: object, text: str) -> None:
    value = _value_or_value_error(parser, text)
    if value is not None:
        assert _value_or_value_error(parser, str(value)) == value


@given(text=printed_text)
def test_canonical_country_is_idempotent(text: str) -> None:
    name = canonical_country(text)
    if name is not None:
        assert canonical_country(name) == name


@given(text=printed_text)
def test_bool_output_printed_again_parses_to_itself(text: str) -> None:
    value = _value_or_value_error(parse_bool, text)
    if isinstance(value, bool):
        assert parse_bool("YES" if value else "NO") is value


def _render_amount(amount: float) -> str:
    """The amount in plain digits with a decimal point and never exactly 3 decimals."""
    whole, _, fraction = format(Decimal(repr(amount)), "f").partition(".")
    fraction = fraction + "0" if len(fraction) == 3 else fraction.ljust(2, "0")
    return f"{whole}.{fraction}"


@given(text=printed_text, hint=st.sampled_from([None, "KZT", "INR", "CAD"]))
def test_money_output_printed_again_parses_to_itself(text: str, hint: str | None) -> None:
    money = _value_or_value_error(lambda t: parse_money(t, hint), text)
    if money is not None:
        assert isinstance(money, dict)
        printed = f"{_render_amount(money['amount'])} {money['currency'] or ''}"
        assert parse_money(printed, hint) == money


@given(text=printed_text)
def test_duration_output_printed_again_parses_to_itself(text: str) -> None:
    duration = _value_or_value_error(parse_duration, text)
    if duration is not None:
        assert isinstance(duration, dict)
        assert parse_duration(f"{duration['value']} {duration['unit']}") == duration


DATE_FORMATS = [
    "%d %B %Y",
    "%d-%b-%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%Y-%m-%d",
    "%b %d, %Y",
    "%d %b %Y",
    "%B %dth, %Y",
]
ceac_dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31))


@given(day=ceac_dates, layout=st.sampled_from(DATE_FORMATS), upper=st.booleans())
def test_every_date_layout_reads_back_the_calendar_date(
    day: dt.date, layout: str, upper: bool
) -> None:
    printed = day.strftime(layout)
    assert parse_date(printed.upper() if upper else printed) == day.isoformat()


@given(day=ceac_dates)
def test_day_first_slashes_read_back_the_calendar_date(day: dt.date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y"), dayfirst=True) == day.isoformat()


@given(day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)))
def test_two_digit_years_pivot_at_fifty(day: dt.date) -> None:
    assert parse_date(day.strftime("%d-%b-%y")) == day.isoformat()


@given(
    amount=st.integers(min_value=0, max_value=10**15),
    cents=st.integers(min_value=0, max_value=99),
    style=st.sampled_from([(",", "."), (".", ","), (" ", ","), (" ", "."), ("'", ".")]),
)
def test_grouped_amounts_read_back_their_value(
    amount: int, cents: int, style: tuple[str, str]
) -> None:
    group, decimal = style
    printed = f"{amount:,}".replace(",", group) + f"{decimal}{cents:02d}"
    money = parse_money(printed, "KZT")
    assert money == {"amount": float(f"{amount}.{cents:02d}"), "currency": "KZT"}


@given(alias=st.sampled_from(sorted(ceac_countries())), noise=st.sampled_from(["", ".", " "]))
def test_country_names_survive_case_and_spacing_noise(alias: str, noise: str) -> None:
    printed = f" {alias.lower()}{noise}".replace(" ", "  ")
    assert canonical_country(printed) == alias
