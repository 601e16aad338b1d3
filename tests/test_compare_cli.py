"""`ds160check compare` as users run it: exit codes, formats, documents, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from ds160check.cli import cli
from ds160check.schemas import report_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD = FIXTURES / "print" / "uz-toshmatov-inline.pdf"
NEW = FIXTURES / "print" / "uz-toshmatov-leaders.pdf"
CONFIRMATION = FIXTURES / "confirmation" / "uz-toshmatov.pdf"
LETTER_214B = FIXTURES / "documents" / "refusal" / "214b_astana_found_ineligible.pdf"
LETTER_221G_DOCX = (
    FIXTURES / "documents" / "refusal" / "221g_admin_processing_astana_blue_slip.docx"
)


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def report(*args: object) -> dict:
    code, out, err = run("compare", *args, "--format", "json", "--fail-on", "none")
    assert code == 0, err
    return json.loads(out)


def codes(result: dict) -> set[tuple[str, str | None]]:
    return {(f["code"], f["field"]) for f in result["findings"]}


def test_same_applicant_in_two_layouts_has_no_contradiction() -> None:
    result = report(OLD, NEW)
    serious = [
        f
        for f in result["findings"]
        if f["severity"] in ("critical", "high") and f["code"] != "NO_MATERIAL_CHANGE"
    ]
    assert serious == []
    assert ("NO_MATERIAL_CHANGE", None) in codes(result)


def test_exit_code_follows_fail_on() -> None:
    assert run("compare", OLD, NEW)[0] == 1  # NO_MATERIAL_CHANGE is high
    assert run("compare", OLD, NEW, "--fail-on", "critical")[0] == 0
    assert run("compare", OLD, NEW, "--fail-on", "none")[0] == 0


def test_json_report_matches_its_schema_and_is_byte_identical_across_runs() -> None:
    first = run(
        "compare", OLD, NEW, CONFIRMATION, LETTER_214B, "--format", "json", "--fail-on", "none"
    )[1]
    second = run(
        "compare", OLD, NEW, CONFIRMATION, LETTER_214B, "--format", "json", "--fail-on", "none"
    )[1]
    assert first == second
    jsonschema.validate(json.loads(first), report_schema())


def test_refusal_letter_among_documents_gives_the_diagnosis() -> None:
    result = report(OLD, NEW, LETTER_214B)
    assert result["refusal"]["type"] == "214b"
    assert result["refusal"]["source"] == "letter"
    assert "reapply only after" in result["refusal"]["meaning"].lower()
    kinds = {Path(d["path"]).name: d["kind"] for d in result["documents"]}
    assert kinds[LETTER_214B.name] == "refusal_letter"


def test_221g_letter_in_docx_means_do_not_file_a_new_application() -> None:
    result = report(OLD, NEW, LETTER_221G_DOCX)
    assert result["refusal"]["type"] == "221g"
    assert result["refusal"]["subtype"] == "administrative_processing"
    assert ("NO_MATERIAL_CHANGE", None) not in codes(result)


def test_refused_option_states_the_refusal_by_hand() -> None:
    result = report(OLD, NEW, "--refused", "221g", "--refusal-date", "2026-03-01")
    assert result["refusal"]["type"] == "221g"
    assert result["refusal"]["date"] == "2026-03-01"
    assert result["refusal"]["source"] == "option"


def test_confirmation_page_is_matched_by_application_id() -> None:
    result = report(OLD, NEW, CONFIRMATION)
    kinds = {Path(d["path"]).name: d["kind"] for d in result["documents"]}
    assert kinds[CONFIRMATION.name] == "confirmation"


def test_a_confirmation_page_of_neither_application_is_told_not_silently_ignored() -> None:
    """heldout_scans_5 c03: a photographed confirmation page whose Application ID (beside its
    barcode) was not read gave neither side its location: the post switched since the refusal
    went untold, and nothing said the page had not been used."""
    tied = report(OLD, NEW, CONFIRMATION)
    assert not [n for n in tied["notices"] if n["code"] == "DOCUMENT_NOT_UNDERSTOOD"]
    other = FIXTURES / "cases" / "passport-renewed" / "new-confirmation.pdf"  # another applicant's
    result = report(OLD, NEW, other)
    [notice] = [n for n in result["notices"] if n["code"] == "DOCUMENT_NOT_UNDERSTOOD"]
    assert "is neither application's" in notice["message"] and notice["files"] == [str(other)]
    entry = next(d for d in result["documents"] if d["path"] == str(other))
    assert any("tied to neither application" in w for w in entry["warnings"])


def test_unreadable_supporting_document_is_listed_and_does_not_stop_the_check() -> None:
    bad = FIXTURES / "bad" / "truncated.pdf"
    result = report(OLD, NEW, bad)
    entry = next(d for d in result["documents"] if d["path"].endswith("truncated.pdf"))
    assert entry["kind"] == "unreadable" and entry["warnings"]


def test_confirmation_page_as_an_application_is_a_clear_error() -> None:
    code, _, err = run("compare", CONFIRMATION, NEW)
    assert code == 2
    assert err.startswith(f"Error: {CONFIRMATION}: this is a DS-160 confirmation page")


def test_unreadable_old_application_is_exit_2() -> None:
    bad = FIXTURES / "bad" / "truncated.pdf"
    code, _, err = run("compare", bad, NEW)
    assert code == 2 and err.startswith(f"Error: {bad}: ") and err.count("\n") == 1


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_human_formats_start_with_the_verdict(fmt: str) -> None:
    code, out, _ = run("compare", OLD, NEW, "--format", fmt, "--fail-on", "none")
    assert code == 0
    head = "\n".join(out.splitlines()[:5]).lower()
    assert "verdict" in head
    assert "what changed since last time?" in out.lower()
    assert "checklist" in out.lower()


def test_text_report_has_no_colour_when_not_a_terminal() -> None:
    out = run("compare", OLD, NEW, "--fail-on", "none")[1]
    assert "\x1b[" not in out


def test_output_file_is_readable_by_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(
        "compare", OLD, NEW, "--format", "json", "--output", target, "--fail-on", "none"
    )
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["schema"] == "ds160check.report/1"
    assert target.stat().st_mode & 0o777 == 0o600


def test_rules_list_and_show_document_the_codes() -> None:
    code, out, _ = run("rules", "list")
    assert code == 0 and out.splitlines()[0].split()[:2] == ["UNDISCLOSED_REFUSAL", "critical"]
    code, out, _ = run("rules", "show", "name_variant")
    assert code == 0 and out.startswith("NAME_VARIANT (low; action: fix the form)")
    code, _, err = run("rules", "show", "NAME_VARIENT")
    assert code == 2 and "did you mean 'NAME_VARIANT'?" in err


def test_python_api_report_does_not_depend_on_document_order() -> None:
    from ds160check.comparison.case import compare

    one = compare(OLD, NEW, [CONFIRMATION, LETTER_214B]).to_dict()
    two = compare(OLD, NEW, [LETTER_214B, CONFIRMATION]).to_dict()
    assert one == two
