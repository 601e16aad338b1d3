"""Start-up: what a command imports is what it needs (each check in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE_PRINT = Path(__file__).resolve().parents[1] / "fixtures" / "sample" / "new.pdf"


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_document_pipeline_imports_spacy_without_its_command_line() -> None:
    pytest.importorskip("spacy")
    code = ("import sys\n"
            "from ds160check.evidence.nlp import Pipeline\n"
            "found = Pipeline.build().entities('Her monthly salary is 650,000 KZT.')\n"
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
