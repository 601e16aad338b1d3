"""Reviewer decisions (``--decisions FILE``, ``ds160check decisions add|list|check``) as reviewers use
them: a finding dismissed once stays dismissed on every re-run, in every format, and stops counting;
a decision whose finding changed or is gone is told as stale; a bad file is one line naming its line.

Compare runs on the bundled sample (``fixtures/sample``) and on new forms generated from it by
``fixtures/cases/generate.py`` (the client "fixed" the given names); batch runs on client folders
of ``fixtures/batchcases.py``.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from ds160check.cli import cli
from ds160check.schemas import report_schema, summary_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "sample"
CASE = [SAMPLE / "old.pdf", SAMPLE / "new.pdf", SAMPLE / "refusal-letter.pdf",
        SAMPLE / "new-confirmation.pdf"]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_generator = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the changed forms are generated with reportlab and the DejaVu fonts",
)

GIVEN_NAMES = """\
# checked against the passport scan on file
- code: NAME_VARIANT
  field: personal.given_names
  old: IURII
  new: YURIY
  decision: dismissed
  by: A. Reviewer
  at: "2026-03-01T10:00:00Z"
  reason: "same person: the passport spells YURIY"
"""
VISIT = """\
- code: HISTORY_OMITTED
  field: previous_travel.visits
  old: arrived 9 October 2017, length of stay 10 days
  decision: dismissed
  by: A. Reviewer
  at: 2026-03-01
  reason: the 2017 visit is told in the cover letter
"""
REFUSAL = """\
- code: UNDISCLOSED_REFUSAL
  field: previous_travel.refused
  new: "NO"
  decision: {decision}
  by: B. Broker
  at: 2026-03-02
  reason: the client re-submits with YES
"""


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def compare(decisions: Path | None, *args: object, case: list[Path] = CASE) -> tuple[int, str, str]:
    extra = ["--decisions", decisions] if decisions is not None else []
    return run("compare", *case, *extra, *args)


def compare_json(decisions: Path | None, case: list[Path] = CASE) -> dict[str, Any]:
    code, out, err = compare(decisions, "--format", "json", "--fail-on", "none", case=case)
    assert code == 0, err
    return json.loads(out)


def write(path: Path, *entries: str) -> Path:
    path.write_text("".join(entries), encoding="utf-8")
    return path


def by_field(report: dict[str, Any], code: str, field: str | None) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["code"] == code and f["field"] == field)


# --- compare ------------------------------------------------------------------------------------


def test_a_dismissed_finding_stays_marked_and_stops_counting(tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES)
    before, after = compare_json(None), compare_json(decisions)
    finding = by_field(after, "NAME_VARIANT", "personal.given_names")
    assert finding["review"] == {"decision": "dismissed", "by": "A. Reviewer", "at": "2026-03-01T10:00:00Z",
                                 "reason": "same person: the passport spells YURIY", "line": 2}
    assert "review" not in by_field(after, "NAME_VARIANT", "personal.surnames")
    assert len(after["findings"]) == len(before["findings"])  # still listed
    assert after["summary"]["low"] == before["summary"]["low"] - 1
    assert after["summary"]["dismissed"] == 1 and after["stale_decisions"] == []
    assert "dismissed" not in before["summary"] and "stale_decisions" not in before
    jsonschema.validate(after, report_schema())


def test_dismissing_the_serious_findings_changes_exit_code_verdict_and_checklist(tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", VISIT, REFUSAL.format(decision="dismissed"))
    assert compare(None)[0] == 1
    assert compare(decisions)[0] == 0  # medium findings remain: under the default --fail-on high
    assert compare(decisions, "--fail-on", "medium")[0] == 1
    report = compare_json(decisions)
    assert report["summary"]["verdict"] == "review: points to prepare or document"
    assert report["summary"]["critical"] == 0 and report["summary"]["high"] == 0
    assert report["summary"]["dismissed"] == 2
    consistency = report["checklist"][3]
    assert consistency["status"] == "done", consistency


def test_an_accepted_finding_is_marked_and_still_counts(tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", REFUSAL.format(decision="accepted"))
    report = compare_json(decisions)
    finding = by_field(report, "UNDISCLOSED_REFUSAL", "previous_travel.refused")
    assert finding["review"]["decision"] == "accepted"
    assert report["summary"]["critical"] == 1 and report["summary"]["dismissed"] == 0
    assert compare(decisions, "--fail-on", "critical")[0] == 1
    code, out, _ = compare(decisions)
    assert "ACCEPTED by B. Broker, 2026-03-02: the client re-submits with YES" in out
    assert "(not counted)" not in out


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_shows_the_decision(tmp_path: Path, fmt: str) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES)
    code, out, err = compare(decisions, "--format", fmt, "--fail-on", "none")
    assert code == 0, err
    assert "DISMISSED by A. Reviewer, 2026-03-01T10:00:00Z: same person: the passport spells YURIY" in out
    tally = {"text": "low 1 · info 2 · dismissed 1", "md": "low: 1 · info: 2 · dismissed: 1",
             "html": "Reviewer decisions applied: dismissed 1"}[fmt]
    assert tally in out
    if fmt == "html":
        assert 'class="finding low dismissed"' in out


@pytest.fixture(scope="module")
def changed_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample's new form as the client sent it back: given names YURII (still a variant of
    IURII, another one), and IURII (as in the old form: no variant left)."""
    if importlib.util.find_spec("reportlab") is None or not DEJAVU.exists():
        pytest.skip("the changed forms are generated with reportlab and the DejaVu fonts")
    spec = importlib.util.spec_from_file_location("ds160_cases_generate", FIXTURES / "cases" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate
    spec.loader.exec_module(generate)
    folder = tmp_path_factory.mktemp("changed")
    out = {}
    for given in ("YURII", "IURII"):
        case = generate.build_sample()
        case.new["personal.given_names"] = given
        style = case.new_print
        out[given] = folder / f"new-{given.lower()}.pdf"
        generate.render_print(generate._print_fields(case.new, style.when, False), out[given], style.layout,
                              style.pagesize, style.font, style.when)
    return out


@needs_generator
def test_a_decision_whose_values_changed_is_stale(tmp_path: Path, changed_forms: dict[str, Path]) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES)
    case = [SAMPLE / "old.pdf", changed_forms["YURII"], SAMPLE / "refusal-letter.pdf"]
    report = compare_json(decisions, case)
    assert "review" not in by_field(report, "NAME_VARIANT", "personal.given_names")
    assert report["summary"]["dismissed"] == 0
    [stale] = report["stale_decisions"]
    assert stale["why"] == "changed" and stale["now"] == {"old": "IURII", "new": "YURII"}
    assert (stale["old"], stale["new"], stale["line"]) == ("IURII", "YURIY", 2)
    _, text, _ = compare(decisions, "--fail-on", "none", case=case)
    assert ("NAME_VARIANT · personal.given_names (IURII → YURIY), dismissed by A. Reviewer: the finding "
            "changed: old/new now IURII → YURII (decisions file line 2)") in text
    jsonschema.validate(report, report_schema())


@needs_generator
def test_a_decision_whose_finding_is_gone_is_stale(tmp_path: Path, changed_forms: dict[str, Path]) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES)
    case = [SAMPLE / "old.pdf", changed_forms["IURII"], SAMPLE / "refusal-letter.pdf"]
    report = compare_json(decisions, case)
    assert not [f for f in report["findings"] if f["field"] == "personal.given_names"]
    [stale] = report["stale_decisions"]
    assert stale["why"] == "gone" and stale["now"] is None
    code, md, _ = compare(decisions, "--format", "md", "--fail-on", "none",
                          case=[SAMPLE / "old.pdf", changed_forms["IURII"]])
    assert "## Stale reviewer decisions" in md and "the finding is gone" in md


def test_values_match_as_printed_whatever_the_spacing_and_case(tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES.replace("old: IURII", "old: '  iurii '"))
    assert by_field(compare_json(decisions), "NAME_VARIANT", "personal.given_names")["review"]


def test_a_later_entry_for_the_same_finding_wins(tmp_path: Path) -> None:
    accepted = GIVEN_NAMES.replace("decision: dismissed", "decision: accepted")
    report = compare_json(write(tmp_path / "decisions.yaml", GIVEN_NAMES, accepted))
    assert by_field(report, "NAME_VARIANT", "personal.given_names")["review"]["decision"] == "accepted"
    assert report["stale_decisions"] == []


def test_a_decision_for_a_batch_case_does_not_apply_to_compare(tmp_path: Path) -> None:
    entry = GIVEN_NAMES.split("\n", 1)[1].replace("- code", "  code")
    decisions = write(tmp_path / "decisions.yaml", "- case: Petrov Sergey\n" + entry)
    report = compare_json(decisions)
    assert "review" not in by_field(report, "NAME_VARIANT", "personal.given_names")
    assert report["stale_decisions"] == []


# --- a bad decisions file -----------------------------------------------------------------------

BAD = [
    ("code: NAME_VARIANT", "code: NAME_VARIANTS", 1,
     "unknown finding code 'NAME_VARIANTS' (did you mean 'NAME_VARIANT'?)"),
    ("field: personal.given_names", "field: personal.given_name", 2,
     "unknown field key 'personal.given_name' (did you mean 'personal.given_names'?)"),
    ("decision: dismissed", "decision: dismised", 5,
     "'decision' must be accepted or dismissed, not 'dismised' (did you mean 'dismissed'?)"),
    ('at: "2026-03-01T10:00:00Z"', "at: 1 March 2026", 7,
     "'at' must be an ISO 8601 date or time (2026-03-01 or 2026-03-01T10:00:00Z), not '1 March 2026'"),
    ("  by: A. Reviewer\n", "", 1, "missing 'by'"),
    ('  reason: "same person: the passport spells YURIY"\n', "", 1, "missing 'reason'"),
    ("  new: YURIY", "  nwe: YURIY", 4, "unknown key 'nwe' (did you mean 'new'?)"),
]


@pytest.mark.parametrize(("good", "bad", "line", "message"), BAD, ids=[b[3].split(" (")[0][:40] for b in BAD])
def test_a_bad_entry_stops_compare_with_file_line_and_suggestion(tmp_path: Path, good: str, bad: str,
                                                                  line: int, message: str) -> None:
    text = GIVEN_NAMES.split("\n", 1)[1]  # without the comment: the entry starts on line 1
    assert good in text
    decisions = write(tmp_path / "decisions.yaml", text.replace(good, bad))
    code, out, err = compare(decisions)
    assert (code, out) == (2, "")
    assert err == f"Error: {decisions}:{line}: {message}\n"


def test_decisions_check_lists_every_problem(tmp_path: Path) -> None:
    text = GIVEN_NAMES.replace("NAME_VARIANT", "NAME_VARIANTS") + VISIT.replace("dismissed", "maybe")
    decisions = write(tmp_path / "decisions.yaml", text)
    code, out, err = run("decisions", "check", decisions)
    assert code == 1
    assert out.splitlines() == [
        f"{decisions}:2: unknown finding code 'NAME_VARIANTS' (did you mean 'NAME_VARIANT'?)",
        f"{decisions}:13: 'decision' must be accepted or dismissed, not 'maybe'"]
    assert "2 problem(s) found" in err
    code, _, err = compare(decisions)
    assert code == 2 and "(and 1 more problem(s): `ds160check decisions check" in err
    assert run("decisions", "check", write(tmp_path / "ok.yaml", GIVEN_NAMES))[0] == 0


def test_a_missing_decisions_file_and_broken_yaml_are_one_line(tmp_path: Path) -> None:
    assert compare(tmp_path / "nope.yaml")[2] == f"Error: {tmp_path / 'nope.yaml'}: no such decisions file\n"
    broken = write(tmp_path / "broken.yaml", "- code: [NAME_VARIANT\n")
    code, _, err = compare(broken)
    assert code == 2 and err.startswith(f"Error: {broken}:") and "not valid YAML" in err
    assert err.count("\n") == 1


# --- decisions add / list -----------------------------------------------------------------------


def test_add_then_list_round_trip_keeps_comments(tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES)
    code, _, err = run("decisions", "add", decisions, "--code", "UNDISCLOSED_REFUSAL", "--field",
                       "previous_travel.refused", "--new", "NO", "--decision", "dismissed", "--by",
                       "B. Broker", "--reason", "re-submitted with YES", "--at", "2026-03-02T09:30:00+06:00")
    assert code == 0, err
    assert err == f"{decisions}:10: dismissed UNDISCLOSED_REFUSAL previous_travel.refused\n"
    text = decisions.read_text(encoding="utf-8")
    assert text.startswith(GIVEN_NAMES) and '  new: "NO"\n' in text  # NO stays a text, not false
    code, out, _ = run("decisions", "list", decisions, "--format", "json")
    listed = json.loads(out)["decisions"]
    assert [(d["code"], d["line"], d["at"]) for d in listed] == [
        ("NAME_VARIANT", 2, "2026-03-01T10:00:00Z"), ("UNDISCLOSED_REFUSAL", 10, "2026-03-02T03:30:00Z")]
    assert listed[1]["new"] == "NO" and listed[1]["old"] is None and listed[1]["case"] == "*"
    code, out, _ = run("decisions", "list", decisions)
    assert out.splitlines()[2:] == [
        f"{decisions}:10: dismissed UNDISCLOSED_REFUSAL previous_travel.refused — → NO (case: any)",
        "    by B. Broker, 2026-03-02T03:30:00Z: re-submitted with YES"]
    report = compare_json(decisions)  # the added decision applies
    assert by_field(report, "UNDISCLOSED_REFUSAL", "previous_travel.refused")["review"]["by"] == "B. Broker"


def test_add_from_a_report_takes_the_finding_and_defaults_at_to_now(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    assert compare(None, "-o", report, "--fail-on", "none")[0] == 0
    decisions = tmp_path / "new.yaml"
    code, _, err = run("decisions", "add", decisions, "--from-report", report, "--finding",
                       "NAME_VARIANT:personal.surnames", "--decision", "dismissed", "--by", "C",
                       "--reason", "same person")
    assert code == 0, err
    [entry] = json.loads(run("decisions", "list", decisions, "--format", "json")[1])["decisions"]
    assert (entry["code"], entry["field"], entry["old"], entry["new"]) == (
        "NAME_VARIANT", "personal.surnames", "IUSUPOV", "YUSUPOV")
    assert entry["at"].endswith("Z") and entry["at"] >= "2026-"
    assert by_field(compare_json(decisions), "NAME_VARIANT", "personal.surnames")["review"]["by"] == "C"


def test_add_from_a_report_refuses_an_ambiguous_code(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    compare(None, "-o", report, "--fail-on", "none")
    code, _, err = run("decisions", "add", tmp_path / "d.yaml", "--from-report", report, "--finding",
                       "NAME_VARIANT", "--decision", "dismissed", "--by", "C", "--reason", "r")
    assert code == 2 and "2 findings match" in err and "personal.given_names (IURII → YURIY)" in err
    assert not (tmp_path / "d.yaml").exists()


def test_add_refuses_a_bad_value_and_leaves_the_file_alone(tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", GIVEN_NAMES)
    code, _, err = run("decisions", "add", decisions, "--code", "NAME_VARIANTT", "--decision", "dismissed",
                       "--by", "C", "--reason", "r")
    assert code == 2
    assert err == "Error: --code: unknown finding code 'NAME_VARIANTT' (did you mean 'NAME_VARIANT'?)\n"
    code, _, err = run("decisions", "add", decisions, "--code", "NAME_VARIANT", "--decision", "dismissed",
                       "--by", "C", "--reason", "r", "--at", "yesterday")
    assert code == 2 and err.startswith("Error: --at: 'at' must be an ISO 8601 date or time")
    assert decisions.read_text(encoding="utf-8") == GIVEN_NAMES


# --- batch --------------------------------------------------------------------------------------


def _batchcases() -> Any:
    sys.path.insert(0, str(FIXTURES))
    import batchcases

    return batchcases


@pytest.fixture()
def clients(tmp_path: Path) -> Path:
    if importlib.util.find_spec("reportlab") is None or not DEJAVU.exists():
        pytest.skip("the client folders are generated with reportlab and the DejaVu fonts")
    root = tmp_path / "clients"
    _batchcases().write_tree(root, 2)  # client-0000 hides its refusal and changed nothing
    return root


NOTHING_CHANGED = """\
- case: client-0000
  code: NO_MATERIAL_CHANGE
  decision: dismissed
  by: A. Reviewer
  at: 2026-03-01
  reason: the new employer's letter comes on Monday
"""


def batch(root: Path, out: Path, decisions: Path, *args: str) -> tuple[int, str, str]:
    return run("batch", root, "-o", out, "-j", "2", "--decisions", decisions, *args)


def row_of(out: Path, folder: str) -> dict[str, Any]:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, summary_schema())
    return next(r for r in summary["cases"] if r["folder"] == folder)


def test_batch_marks_the_case_in_every_output_and_the_cache_follows_the_file(clients: Path,
                                                                             tmp_path: Path) -> None:
    out, decisions = tmp_path / "reports", write(tmp_path / "decisions.yaml", NOTHING_CHANGED)
    code, _, err = batch(clients, out, decisions, "--format", "json", "--format", "html", "--format", "md",
                         "--format", "text")
    assert code == 1, err  # client-0000 still hides its refusal (critical)
    row = row_of(out, "client-0000")
    assert (row["high"], row["dismissed"], row["stale_decisions"]) == (0, 1, 0)
    assert row_of(out, "client-0001")["dismissed"] == 0
    case = json.loads((out / "cases" / "client-0000" / "report.json").read_text(encoding="utf-8"))
    assert case["summary"]["high"] == 0
    finding = by_field(case["comparisons"][0]["report"], "NO_MATERIAL_CHANGE", None)
    assert finding["review"]["reason"] == "the new employer's letter comes on Monday"
    mark = "DISMISSED by A. Reviewer, 2026-03-01: the new employer&#x27;s letter comes on Monday"
    assert mark in (out / "cases" / "client-0000" / "report.html").read_text(encoding="utf-8")
    for name in ("report.md", "report.txt"):
        text = (out / "cases" / "client-0000" / name).read_text(encoding="utf-8")
        assert "DISMISSED by A. Reviewer, 2026-03-01: the new employer" in text, name
    with open(out / "summary.csv", encoding="utf-8-sig", newline="") as handle:
        csv_row = next(r for r in csv.DictReader(handle) if r["folder"] == "client-0000")
    assert (csv_row["high"], csv_row["dismissed"]) == ("0", "1")
    assert "Dismissed by reviewer" in (out / "index.html").read_text(encoding="utf-8")

    code, stdout, _ = batch(clients, out, decisions)
    assert "2 unchanged since the last run" in stdout
    decisions.write_text(NOTHING_CHANGED.replace("dismissed", "accepted"), encoding="utf-8")
    code, stdout, _ = batch(clients, out, decisions)
    assert "1 unchanged since the last run" in stdout  # only the case the edit is about is redone
    row = row_of(out, "client-0000")
    assert (row["high"], row["dismissed"]) == (1, 0)


def test_batch_tells_a_stale_decision_when_the_client_fixed_the_form(clients: Path, tmp_path: Path) -> None:
    out, decisions = tmp_path / "reports", write(tmp_path / "decisions.yaml", NOTHING_CHANGED)
    batch(clients, out, decisions)
    bc = _batchcases()
    story, names = bc.story(0), bc.write_case(clients / "client-0000", 0)
    income = story.new["work.monthly_income"]
    story.new["work.monthly_income"] = {**income, "amount": int(income["amount"] * 1.5)}
    bc.write_print(story.new, clients / "client-0000" / names["new"], story.new_printed, 1)
    batch(clients, out, decisions)
    row = row_of(out, "client-0000")
    assert (row["stale_decisions"], row["dismissed"]) == (1, 0)
    case = json.loads((out / "cases" / "client-0000" / "report.json").read_text(encoding="utf-8"))
    [stale] = case["comparisons"][0]["report"]["stale_decisions"]
    assert (stale["case"], stale["code"], stale["why"]) == ("client-0000", "NO_MATERIAL_CHANGE", "gone")
    assert "STALE DECISIONS" in (out / "index.html").read_text(encoding="utf-8")


def test_batch_warns_of_a_decision_naming_no_case(clients: Path, tmp_path: Path) -> None:
    decisions = write(tmp_path / "decisions.yaml", NOTHING_CHANGED.replace("client-0000", "client 0000"))
    _, _, err = batch(clients, tmp_path / "reports", decisions)
    assert (f"Warning: {decisions}:1: no case 'client 0000' in this batch (did you mean 'client-0000'?); "
            "the decision was not applied") in err
