"""Blocking history lists before scoring changes nothing: the same pairs, the same alignment.

For every matcher with a blocking (``comparison.matchers.ITEM_BLOCKINGS``), generated list
pairs -- the fixture applicants' items and near copies of them: arrivals a few days apart or
partial, names with another legal form, a typo or in Cyrillic, phones with another prefix,
Gmail dots, handles without their platform -- must give (1) every pair that scores at least
the threshold among the candidates, and (2) the alignment of scoring all pairs.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ds160check.comparison.engine import ITEM_ALIGN_THRESHOLD
from ds160check.comparison.matchers import ITEM_BLOCKINGS, item_blocking, item_scorer
from ds160check.matching import align
from ds160check.matching.blocking import candidate_pairs
from ds160check.matching.lists import VISIT_BLOCK_DAYS
from ds160check.values import ceac_countries

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from ds160gen import APPLICANTS  # noqa: E402

BLOCKING_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Thresholds the blockings must hold for: the engine's, and others around it.
THRESHOLDS = (ITEM_ALIGN_THRESHOLD, 50.0, 85.0, 95.0)
MAX_ITEMS = 7


def _seeds(key: str) -> list[Any]:
    return [item for fields in APPLICANTS.values() for item in (fields.get(key) or [])]


def _typo(text: str) -> st.SearchStrategy[str]:
    """``text`` with one character replaced, dropped or doubled (or unchanged)."""
    if not text:
        return st.just(text)
    return st.tuples(st.integers(0, len(text) - 1), st.sampled_from("ADEOS01 -.")).flatmap(
        lambda at: st.sampled_from([
            text,
            text[: at[0]] + at[1] + text[at[0] + 1 :],
            text[: at[0]] + text[at[0] + 1 :],
            text[: at[0] + 1] + text[at[0] :],
        ])
    )  # fmt: skip


def _near_dates() -> st.SearchStrategy[str]:
    """Dates a few days apart (across period boundaries), partial, or unreadable."""
    base = dt.date(2023, 12, 20)
    days = st.integers(0, 6 * VISIT_BLOCK_DAYS).map(lambda n: base + dt.timedelta(days=n))
    return st.one_of(
        days.map(dt.date.isoformat),
        days.map(lambda d: d.isoformat()[:7]),
        days.map(lambda d: d.isoformat()[:4]),
        days.map(lambda d: d.strftime("%d %B %Y").upper()),
        st.sampled_from(["SOMETIME", "", "2024-02-30"]),
    )


durations = st.fixed_dictionaries(
    {"value": st.integers(1, 30), "unit": st.sampled_from(["DAY", "WEEK", "MONTH"])}
)
visits = st.one_of(
    st.fixed_dictionaries({"arrived": _near_dates(), "length_of_stay": durations}),
    st.sampled_from(_seeds("previous_travel.visits")),
    st.just({"length_of_stay": {"value": 2, "unit": "WEEK"}}),
)

# Names that pair by one way only (the sound of a Cyrillic spelling; a word added).
_ORGANIZATIONS_APART = [
    ("FOX", "ФОКС"),  # sound only (token_sort_ratio 57)
    ("KAZAKH RAIL FREIGHT", "KAZAKH RAIL FREIGHT SERVICE"),  # 100, token_sort_ratio 83
    ("ALMATY ACADEMY OF ECONOMICS", "ALMATY ACADEMY OF ECONOMICS TRANSPORT"),  # 100, 84
    ("KAZ TRADE", "KAZ TRADE GROUP"),  # 75
]
ORGANIZATION_NAMES = [
    "KAZ TRADE", "KAZ TRADE LLP", '"KAZ TRADE" LLP', "ТОО «КАЗ ТРЕЙД»", "ТОО KAZ TRADE",
    "STEPPE CARGO LOGISTICS", "Степп Карго Логистикс", "KAZ TRADE INTERNATIONAL",
    "ACME ORION SYSTEMS", "ACME VEGA LABS", "ACME ORION LABS", "SCHOOL NO 56", "SCHOOL NO 57",
    "LLP", "«»", *(name for pair in _ORGANIZATIONS_APART for name in pair),
]  # fmt: skip
_seed_names = [item["name"] for key in ("work.previous_employers", "education.institutions")
               for item in _seeds(key) if item.get("name")]  # fmt: skip
names = st.sampled_from(ORGANIZATION_NAMES + _seed_names).flatmap(
    lambda name: st.one_of(st.just(name), _typo(name))
)
named_items = st.one_of(
    st.fixed_dictionaries(
        {"name": names}, optional={"date_from": _near_dates(), "date_to": _near_dates()}
    ),
    st.sampled_from(_seeds("work.previous_employers") + _seeds("education.institutions")),
    st.just({"date_from": "2020-01"}),
)

countries = st.one_of(
    st.sampled_from(sorted(ceac_countries())[:20]),
    st.sampled_from(["USA", "U.S.A.", "United States", "south korea", "TURKIYE", "TURKEY",
                     "  georgia ", "AUSTRIA", "AUSTRALIA", "ATLANTIS", ""]),
    st.sampled_from(_seeds("additional.countries_visited")),
)  # fmt: skip

PHONE_PREFIXES = ["", "+7 ", "8 ", "+7 (8) ", "007 ", "+44 (0)", "0", "+1 "]
phones = st.one_of(
    st.tuples(st.sampled_from(PHONE_PREFIXES), st.sampled_from(["7011234567", "701123456",
              "7011234576", "20 7946 0958", "555 0101", "1234"])).flatmap(
        lambda parts: _typo(parts[0] + parts[1])
    ),
    st.sampled_from(_seeds("contact.other_phones")),
    st.sampled_from(["NONE", "", "-"]),
)  # fmt: skip

emails = st.one_of(
    st.sampled_from(["A.NURLANOVA@GMAIL.COM", "anurlanova+visa@gmail.com", "A.NURLANOVA@MAIL.RU",
                     "a.nurlanova @mail.ru", "ANURLANOVA@GOOGLEMAIL.COM", "B.NURLANOVA@MAIL.RU",
                     " ", "NOT AN ADDRESS"]).flatmap(lambda e: st.one_of(st.just(e), _typo(e))),
    st.sampled_from(_seeds("contact.other_emails")),
)  # fmt: skip

handles = st.sampled_from(["AIGERIM_AKH", "@aigerim_akh", "https://instagram.com/aigerim_akh/",
                           "AIGERIM.AKH", "DAMIR_MKH", "", "   "]).flatmap(
    lambda h: st.one_of(st.just(h), _typo(h))
)  # fmt: skip
social = st.one_of(
    st.fixed_dictionaries(
        {"identifier": handles},
        optional={"platform": st.sampled_from(["INSTAGRAM", "IG", "FACEBOOK", "", "X", "TWITTER"])},
    ),
    st.sampled_from(_seeds("contact.social_media")),
)

numbers = st.sampled_from(["N1234567", "N 1234567", "N1234568", "K4402918", "EK 773201",
                           "S123-4567-89012", "---", ""]).flatmap(
    lambda n: st.one_of(st.just(n), _typo(n))
)  # fmt: skip
lost_passports = st.one_of(
    st.fixed_dictionaries(
        {"number": st.one_of(numbers, st.none())},
        optional={"country": st.sampled_from(["KAZAKHSTAN", "INDIA", "UKRAINE"])},
    ),
    st.sampled_from(_seeds("passport.lost")),
)
licenses = st.one_of(
    st.fixed_dictionaries(
        {"number": st.one_of(numbers, st.none())},
        optional={"state": st.sampled_from(["NEW YORK", "New York", "CALIFORNIA"])},
    ),
    st.sampled_from(_seeds("previous_travel.drivers_licenses")),
)

texts = st.sampled_from(["ENGLISH", "RUSSIAN", "ENGLISH, RUSSIAN", "RUSSIAN ENGLISH", "KAZAKH",
                         "RED CROSS SOCIETY NO 1", "RED CROSS SOCIETY NO 2", "!!!", ""]).flatmap(
    lambda t: st.one_of(st.just(t), _typo(t))
)  # fmt: skip

# Pairs that pair by one way only (a shared key, or texts alike under the ceiling): each list
# pair often holds one, so that a blocking that loses that way fails here.
TRICKY_PAIRS: dict[str, list[tuple[Any, Any]]] = {
    "visit": [({"arrived": "2023-12-30"}, {"arrived": "2024-01-02"}),
              ({"arrived": "2024-01"}, {"arrived": "2024-01-31"}),
              ({"arrived": "2024"}, {"arrived": "2024-12-31"})],
    "employer": [({"name": a}, {"name": b}) for a, b in _ORGANIZATIONS_APART],
    "school": [({"name": b}, {"name": a}) for a, b in _ORGANIZATIONS_APART],
    "country": [("USA", "UNITED STATES OF AMERICA"), ("south korea", "KOREA, REPUBLIC OF (SOUTH)")],
    "phone": [("+7 701123456", "8 701123456"), ("+44 (0)20 7946 0958", "020 7946 0958")],
    "email": [("A.NUR.LA.NOVA+VISA@GMAIL.COM", "anurlanova@googlemail.com")],
    "social": [({"platform": "INSTAGRAM", "identifier": "DAMIR_MKH"}, {"identifier": "@damir_mkh"})],
    "lost_passport": [({"number": "N 1234567"}, {"number": "N1234568", "country": "INDIA"})],
    "license": [({"number": "D123-456", "state": "NEW YORK"}, {"number": "D123456"})],
    "text": [("ENGLISH RUSSIAN", "ENGLISH RUSSIAN KAZAKH"), ("ENGLISH, RUSSIAN", "RUSSIAN ENGLISH")],
}  # fmt: skip

ITEMS: dict[str, st.SearchStrategy[Any]] = {
    "visit": visits,
    "employer": named_items,
    "school": named_items,
    "country": countries,
    "phone": phones,
    "email": emails,
    "social": social,
    "lost_passport": lost_passports,
    "license": licenses,
    "text": texts,
}


ListPair = tuple[list[Any], list[Any]]


def _with_tricky(pair: ListPair, tricky: tuple[Any, Any], at: int) -> ListPair:
    old, new = pair
    return old[:at] + [tricky[0]] + old[at:], new[at:] + [tricky[1]] + new[:at]


def _list_pair(matcher: str) -> st.SearchStrategy[ListPair]:
    """Two lists of items, the new one often the old one reordered with near copies, and often
    with one of the matcher's tricky pairs."""
    lists = st.lists(ITEMS[matcher], max_size=MAX_ITEMS)
    pairs = st.one_of(
        st.tuples(lists, lists),
        lists.flatmap(lambda old: st.tuples(st.just(old), st.permutations(old), lists).map(
            lambda parts: (parts[0], list(parts[1]) + parts[2][:2])
        )),
    )
    tricky = st.builds(_with_tricky, pairs, st.sampled_from(TRICKY_PAIRS[matcher]),
                       st.integers(0, MAX_ITEMS))
    return st.one_of(pairs, tricky)  # fmt: skip


def test_every_blocked_matcher_has_items_here() -> None:
    assert set(ITEMS) == set(TRICKY_PAIRS) == set(ITEM_BLOCKINGS)


@pytest.mark.parametrize("matcher", sorted(TRICKY_PAIRS))
def test_tricky_pairs_pair(matcher: str) -> None:
    score = item_scorer(matcher)
    assert all(score(a, b) >= ITEM_ALIGN_THRESHOLD for a, b in TRICKY_PAIRS[matcher])


@pytest.mark.parametrize("matcher", sorted(ITEMS))
def test_blocked_alignment_is_the_all_pairs_alignment(matcher: str) -> None:
    score, blocking = item_scorer(matcher), item_blocking(matcher)
    assert blocking is not None

    @BLOCKING_SETTINGS
    @given(_list_pair(matcher))
    def check(lists: tuple[list[Any], list[Any]]) -> None:
        old, new = lists
        for threshold in THRESHOLDS:
            candidates = set(candidate_pairs(old, new, blocking, threshold))
            missed = [(old[i], new[j], score(old[i], new[j]))
                      for i in range(len(old)) for j in range(len(new))
                      if score(old[i], new[j]) >= threshold and (i, j) not in candidates]  # fmt: skip
            assert not missed, f"pairs scoring {threshold} or more, never scored: {missed}"
            blocked = align(old, new, score, threshold=threshold, blocking=blocking)
            assert blocked == align(old, new, score, threshold=threshold)

    check()


def _counting(score: Callable[[Any, Any], float]) -> tuple[Callable[[Any, Any], float], list[int]]:
    calls = [0]

    def counted(a: Any, b: Any) -> float:
        calls[0] += 1
        return score(a, b)

    return counted, calls


def test_long_visit_lists_are_scored_near_linearly() -> None:
    old = [{"arrived": (dt.date(2010, 1, 1) + dt.timedelta(days=41 * n)).isoformat()}
           for n in range(100)]  # fmt: skip
    new = old[::-1]
    score, calls = _counting(item_scorer("visit"))
    pairs = align(old, new, score, threshold=ITEM_ALIGN_THRESHOLD, blocking=item_blocking("visit"))
    assert all(p.new_index == 99 - (p.old_index or 0) for p in pairs)
    assert calls[0] <= 3 * len(old)


def test_an_item_with_nothing_to_block_by_is_scored_against_all() -> None:
    """A visit without an arrival pairs only with an equal item, wherever it is."""
    old = [{"length_of_stay": {"value": 2, "unit": "WEEK"}}, {"arrived": "2024-01-01"}]
    new = [{"arrived": "2024-01-01"}, {"length_of_stay": {"value": 2, "unit": "WEEK"}}]
    pairs = align(old, new, item_scorer("visit"), blocking=item_blocking("visit"))
    assert [(p.old_index, p.new_index) for p in pairs] == [(0, 1), (1, 0)]
