"""What a broker reads: whose case, values as a person writes them, each change once, the problem
as the problem."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ds160check
from ds160check.comparison.model import Report
from ds160check.render.report_html import render_html, timeline_svg
from ds160check.render.report_md import _cell, render_markdown
from ds160check.render.report_text import render_report
from ds160check.rules import load_rules
from ds160check.rules.model import key_title

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
ARGS = (SAMPLE / "old.pdf", SAMPLE / "new.pdf",
        [SAMPLE / "refusal-letter.pdf", SAMPLE / "new-confirmation.pdf"])
EMPLOYERS = "STEPPE CARGO LOGISTICS LLP → TRANS-EURASIA RAIL OPERATOR LLP"


@functools.cache
def sample_report() -> Report:
    return ds160check.compare(*ARGS)


@functools.cache
def rendered(fmt: str) -> str:
    report = sample_report()
    if fmt == "html":
        return render_html(report)
    return render_markdown(report) if fmt == "md" else render_report(report)


FORMATS = ["text", "md", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_header_names_the_applicant_and_both_applications_with_their_dates(fmt: str) -> None:
    out = rendered(fmt)
    assert "YUSUPOV, YURIY" in out
    assert "Refused application: AA00X5NK0A, printed 22 April 2025, ASTANA (old.pdf)" in out
    assert "New application: AA000JDBGN, submitted 16 December 2025, ASTANA (new.pdf)" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_change_is_told_once_with_its_status(fmt: str) -> None:
    out = rendered(fmt)
    pair = EMPLOYERS if fmt != "html" else "TRANS-EURASIA RAIL OPERATOR LLP"
    assert out.count(pair) == 1 + (fmt == "html"), out  # html: the table row and the timeline
    assert "not proven yet" in out
    assert "about the changes" in out  # the change findings point there instead of repeating it


@pytest.mark.parametrize("fmt", FORMATS)
def test_money_shows_its_currency_and_dates_are_in_words(fmt: str) -> None:
    out = rendered(fmt)
    assert "650,000 KZT → 1,100,000 KZT" in out
    assert "arrived 9 October 2017, length of stay 10 days" in out
    assert "14 May 2025" in out  # the refusal's date


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_program_notation_reaches_a_report(fmt: str) -> None:
    out = rendered(fmt)
    for notation in ("[{", "{'", "'}", "[]", "DAY(S)}", "None"):
        assert notation not in out, notation


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_hidden_refusal_shows_the_answer_given_as_the_problem(fmt: str) -> None:
    out = rendered(fmt)
    assert "answered NO; should be YES" in out
    assert "NO → NO" not in out


def test_html_hidden_refusal_is_marked_as_the_problem_not_as_a_new_good_value() -> None:
    out = rendered("html")
    card = out[out.index("UNDISCLOSED_REFUSAL"):]
    card = card[:card.index("</div></div>") if "</div></div>" in card else 2000]
    assert 'answered <span class="problem">NO</span>; should be <b>YES</b>' in card
    assert 'class="new"' not in card


def test_printed_html_keeps_each_severity_heading_with_its_first_card() -> None:
    out = rendered("html")
    for heading in re.finditer(r'<h3><span class="pill s-(\w+)">', out):
        before = out[: heading.start()]
        assert before.endswith('<div class="keep">'), heading.group(1)
    assert "break-after: avoid" in out


def test_long_timeline_labels_end_in_an_ellipsis_and_show_in_full_on_hover() -> None:
    svg = timeline_svg(sample_report())
    full = "present employer: STEPPE CARGO LOGISTICS LLP → TRANS-EURASIA RAIL OPERATOR LLP"
    assert f"<title>{full}</title>" in svg
    shown = re.search(r"</title>([^<]*…)</text>", svg)
    assert shown is not None and full.startswith(shown.group(1)[:-1])


def test_field_titles_come_from_the_printed_questions_not_the_keys() -> None:
    rules = load_rules()
    assert rules.title("personal.us_ssn") == "U.S. Social Security Number"
    assert rules.title("previous_travel.ten_printed") == "Have you been ten-printed?"
    assert rules.title("personal.surnames") == "Surnames"
    # a label several keys share is told apart by its key, with its section
    assert rules.title("family.father_surnames") == "Family: father surnames"
    assert key_title("personal.us_taxpayer_id") == "U.S. taxpayer ID"


def test_extract_listing_uses_the_printed_questions() -> None:
    out = subprocess.run([sys.executable, "-m", "ds160check", "extract", str(SAMPLE / "new.pdf")],
                         capture_output=True, text=True, check=True).stdout
    assert "U.S. Social Security Number:" in out
    assert "Us ssn" not in out and "Ten printed" not in out


@pytest.mark.parametrize(("name", "start"), [("report.html", "<!DOCTYPE html>"), ("report.md", "# DS-160"),
                                              ("report.json", "{"), ("report.txt", "ds160check: ")])
def test_output_suffix_chooses_the_format(tmp_path: Path, name: str, start: str) -> None:
    out = tmp_path / name
    subprocess.run([sys.executable, "-m", "ds160check", "compare", *map(str, ARGS[:2]), "-o", str(out),
                    "--fail-on", "none"], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8").startswith(start)


def test_an_explicit_format_wins_over_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "ds160check", "compare", *map(str, ARGS[:2]), "-o", str(out),
                    "--format", "json", "--fail-on", "none"], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("hostile", [
    "[click me](javascript:alert(1))", "![x](https://tracker.example/p.png)", "<img src=x onerror=alert(1)>",
    "line one\n# a heading of its own", "**bold** `code` ~~gone~~ | cell",
])
def test_markdown_cells_keep_document_text_literal(hostile: str) -> None:
    cell = _cell(hostile)
    assert "](" not in cell.replace("\\](", "")
    assert "<" not in cell and "\n" not in cell
    assert not re.search(r"(?<!\\)[*`~|]", cell)


def test_markdown_report_keeps_a_hostile_file_name_literal(tmp_path: Path) -> None:
    named = tmp_path / "[x](javascript:alert(1)) <script>alert(1)\n# own heading.pdf"
    named.write_bytes((SAMPLE / "refusal-letter.pdf").read_bytes())
    out = subprocess.run([sys.executable, "-m", "ds160check", "compare", *map(str, ARGS[:2]), str(named),
                          "--format", "md", "--fail-on", "none"], capture_output=True, text=True,
                         check=True).stdout
    assert "<script>" not in out
    assert not re.search(r"(?<!\\)\]\(javascript:", out)  # a live link would be ](… unescaped
    assert not any(line.startswith("# own heading") for line in out.splitlines())
    assert "\\[x\\](javascript:alert(1)) &lt;script&gt;" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unreadable_field_says_which_side_could_not_be_read_and_what_the_other_says(fmt: str) -> None:
    # It read "ABOUT 10 000 → —", as if the new application had dropped the income.
    case = ROOT / "fixtures" / "cases" / "income-unreadable"
    report = ds160check.compare(case / "old.pdf", case / "new.pdf", [case / "refusal-letter.pdf"])
    out = {"html": render_html, "md": render_markdown, "text": render_report}[fmt](report)
    quote = "&quot;ABOUT 10 000&quot;" if fmt == "html" else '"ABOUT 10 000"'
    assert re.search(re.escape(quote) + r" \(unreadable\)(</span>)? → (<span[^>]*>)?9,800 GEL", out), out
