"""The command line as users meet it: exact messages, exit codes, help everywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ds160check import __version__
from ds160check.cli import cli

COMMANDS = [
    [],
    ["extract"],
    ["compare"],
    ["rules"],
    ["rules", "check"],
    ["rules", "list"],
    ["rules", "show"],
    ["schema"],
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version_is_printed() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"ds160check, version {__version__}"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "main")
def test_every_command_has_help(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert out.startswith("Usage: ")


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    code, out, err = run("extract", str(missing))
    assert code == 2
    assert err == f"Error: {missing}: no such file\n"


def test_text_file_named_pdf_says_what_it_is(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("hello, this is not a PDF\n")
    code, _, err = run("extract", str(fake))
    assert code == 2
    assert err.startswith(f"Error: {fake}: not a PDF")
    assert err.count("\n") == 1


def test_rules_check_passes_on_shipped_rules() -> None:
    code, out, err = run("rules", "check")
    assert code == 0 and out == "" and "rules OK" in err


def test_rules_check_exits_1_and_lists_problems(tmp_path: Path) -> None:
    import shutil

    from ds160check.rules_path import rules_dir

    broken = tmp_path / "field_rules"
    shutil.copytree(rules_dir(), broken)
    path = broken / "print" / "personal.yaml"
    path.write_text(path.read_text().replace("key: personal.sex", "key: personal.sexx"))
    code, out, err = run("rules", "check", str(broken))
    assert code == 1
    assert "unknown field key 'personal.sexx' (did you mean 'personal.sex'?)" in out
    assert "1 problem(s) found" in err


def test_schema_extract_is_a_json_schema() -> None:
    code, out, _ = run("schema", "extract")
    schema = json.loads(out)
    assert code == 0
    assert schema["properties"]["schema"] == {"const": "ds160check.extract/1"}
    assert "personal.date_of_birth" in schema["properties"]["fields"]["properties"]


def test_help_does_not_import_spacy_and_is_quick() -> None:
    code = (
        "import sys, time; t = time.perf_counter()\n"
        "from ds160check.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spaCy imported by --help'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_module_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ds160check", "--version"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_installed_tool_works_from_any_directory(tmp_path: Path) -> None:
    # The rules ship inside the package: nothing may depend on the working directory.
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "print" / "kz-akhmetova-table.pdf"
    for args in (["rules", "check"], ["extract", str(fixture), "--format", "json"]):
        result = subprocess.run([sys.executable, "-m", "ds160check", *args], capture_output=True, text=True,
                                timeout=60, cwd=tmp_path)
        assert result.returncode == 0, result.stderr


def test_python_api_accepts_documents_and_evidence_keywords() -> None:
    import ds160check

    prints = Path(__file__).resolve().parents[1] / "fixtures" / "print"
    letter = prints.parent / "documents" / "refusal" / "214b_astana_found_ineligible.pdf"
    one = ds160check.compare(prints / "kz-akhmetova-inline.pdf", prints / "kz-akhmetova-table.pdf",
                             documents=[letter])
    two = ds160check.compare(prints / "kz-akhmetova-inline.pdf", prints / "kz-akhmetova-table.pdf",
                             evidence=[letter])
    assert one.to_dict() == two.to_dict()
    assert one.refusal is not None and one.refusal.type == "214b"
