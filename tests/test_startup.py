"""Start-up: what a command imports is what it needs (each check in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE_PRINT = Path(__file__).resolve().parents[1] / "fixtures" / "sample" / "new.pdf"


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_spacy_pipeline_imports_spacy_without_its_command_line() -> None:
    pytest.importorskip("spacy")
    code = ("import sys\n"
            "from ds160check.evidence.nlp import Pipeline\n"
            "found = Pipeline.build_spacy().entities('Her monthly salary is 650,000 KZT.')\n"
            "cli = ('spacy.cli', 'typer', 'weasel')\n"
            "print(found[0].label, sorted(m for m in sys.modules if m.startswith(cli)))\n"
            "import spacy, spacy.cli\n"  # the real one, when asked for
            "print(spacy.cli.__file__.endswith('__init__.py'), callable(spacy.info))\n")
    assert _run(code).splitlines() == ["MONEY []", "True True"]


def test_extract_does_not_import_the_later_stages() -> None:
    code = ("import sys\n"
            "from ds160check.extraction import extract\n"
            f"extract({str(SAMPLE_PRINT)!r})\n"
            "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('ds160check.')} & "
            "{'matching', 'evidence', 'comparison', 'redact', 'documents', 'batch'}))\n")
    assert _run(code) == "[]"


SAMPLE = SAMPLE_PRINT.parent
EMPLOYMENT_DOCX = (SAMPLE.parent / "evidence" / "documents"
                   / "employment_letter_kz_certificate_docx.docx")
COMPARE_WITH_DOCUMENTS = ["compare", str(SAMPLE / "old.pdf"), str(SAMPLE / "new.pdf"),
                          str(SAMPLE / "refusal-letter.pdf"), str(EMPLOYMENT_DOCX)]
SPACY_MARK = "spacy imported:"


def _command(args: list[str]) -> tuple[str, bool]:
    """The report ``ds160check ARGS`` prints, and whether spaCy was imported by its end."""
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print({SPACY_MARK!r}, 'spacy' in sys.modules, file=sys.stderr))\n"
            f"sys.argv = ['ds160check', *{args!r}]\n"
            "from ds160check.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr  # 1: the sample has critical findings
    mark = next(line for line in done.stderr.splitlines() if line.startswith(SPACY_MARK))
    return done.stdout, mark.split()[-1] == "True"


def test_compare_with_documents_reads_them_without_importing_spacy() -> None:
    report, imported = _command(COMPARE_WITH_DOCUMENTS)
    assert "employment" in report.lower()
    assert not imported


def test_a_spacy_model_is_still_loaded_with_spacy_and_agrees_on_a_blank_one(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    spacy.blank("en").to_disk(tmp_path / "blank")
    default_report, _ = _command(COMPARE_WITH_DOCUMENTS)
    report, imported = _command([*COMPARE_WITH_DOCUMENTS, "--spacy-model", str(tmp_path / "blank")])
    assert imported
    assert report == default_report


def test_the_default_reader_does_not_import_pdfplumber() -> None:
    code = ("import sys\n"
            "from ds160check.extraction import extract\n"
            f"extract({str(SAMPLE_PRINT)!r})\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pdfplumber', 'pdfminer')))\n"
            "from ds160check.reading import read_pdf\n"
            f"words = read_pdf({str(SAMPLE_PRINT)!r}, backend='plumber')[0].words\n"
            "print(bool(words), 'pdfplumber' in sys.modules)\n")  # imported when asked for
    assert _run(code).splitlines() == ["[]", "True True"]


DOCX_MODULES = ("docx", "lxml", "typing_extensions")


def _imported_by_parent_and_children(args: list[str]) -> tuple[str, list[str], list[str]]:
    """The report, what the command imported, and what the first DOCX-reading child imported itself."""
    code = ("import os, sys\n"
            f"watched = {DOCX_MODULES!r}\n"
            "def loaded(): return sorted({m.split('.')[0] for m in sys.modules} & set(watched))\n"
            "from ds160check.documents import ingest\n"
            "real = ingest._load_docx\n"
            "def child_load(file):\n"  # runs in the reading child
            "    before = loaded()\n"
            "    try: return real(file)\n"
            "    finally: print('child had', ','.join(before), file=sys.stderr)\n"
            "ingest._load_docx = child_load\n"
            f"sys.argv = ['ds160check', *{args!r}]\n"
            "import atexit\n"
            "atexit.register(lambda: print('parent had', ','.join(loaded()), file=sys.stderr))\n"
            "from ds160check.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    lines = done.stderr.splitlines()
    parent = next(line for line in lines if line.startswith("parent had")).split()[2:]
    child = [line.split()[2:] for line in lines if line.startswith("child had")]
    child_had = child[0][0].split(",") if child and child[0] else []
    return done.stdout, parent[0].split(",") if parent else [], child_had


def test_compare_without_a_docx_does_not_import_python_docx() -> None:
    report, parent, _ = _imported_by_parent_and_children(COMPARE_WITH_DOCUMENTS[:-1])
    assert "refus" in report.lower()
    assert parent == []


def test_a_docx_is_read_with_python_docx_imported_before_the_child_is_forked() -> None:
    report, parent, child = _imported_by_parent_and_children(COMPARE_WITH_DOCUMENTS)
    assert "employment" in report.lower()
    assert child == ["docx", "lxml", "typing_extensions"]  # inherited: not imported again per child
    assert parent == child


def test_compare_reads_each_rule_file_once() -> None:
    code = ("import collections, sys\n"
            "from ds160check.rules import source\n"
            "read = collections.Counter()\n"
            "real = source.load_source\n"
            "def counting(path):\n"
            "    read[path.name] += 1\n"
            "    return real(path)\n"
            "source.load_source = counting\n"
            "from ds160check.rules import load\n"
            "from ds160check.evidence import rules\n"
            "from ds160check.documents import refusal\n"
            "for module in (load, rules, refusal):\n"
            "    module.load_source = counting\n"
            f"sys.argv = ['ds160check', *{COMPARE_WITH_DOCUMENTS!r}]\n"
            "import atexit, json\n"
            "atexit.register(lambda: print(json.dumps(read), file=sys.stderr))\n"
            "from ds160check.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    counts = json.loads(done.stderr.strip().splitlines()[-1])
    assert {"types.yaml", "entities.yaml", "facts.yaml"} <= set(counts)  # the document rules were read
    assert {name: n for name, n in counts.items() if n != 1} == {}
