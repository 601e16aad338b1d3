"""The compiled-regex cache: what it builds is what ``re.compile`` builds, and a bad file is ignored."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ds160check import regex_cache

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "sample"
DOCX = SAMPLE.parent / "evidence" / "documents" / "employment_letter_kz_certificate_docx.docx"
COMPARE = ["compare", str(SAMPLE / "old.pdf"), str(SAMPLE / "new.pdf"), str(SAMPLE / "refusal-letter.pdf"),
           str(DOCX)]

# One compare in a fresh interpreter: its report, how many expressions re compiled in it, and whether
# every pattern the rules hold equals re.compile's.
_PROBE = """
import json, re, sys
from re import _compiler
compiled = []
real = _compiler.compile
def counting(p, flags=0):
    compiled.append(p)
    return real(p, flags)
_compiler.compile = counting
sys.argv = ['ds160check', *ARGS]
import contextlib, io
out = io.StringIO()
from ds160check.cli import main
with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
    main()
from ds160check import regex_cache
count = len(compiled)
used = sorted(regex_cache._used)
equal = all(regex_cache.compile_cached(p, f) == re.compile(p, f) for p, f in used)
print(json.dumps({'report': out.getvalue(), 'compiled': count, 'used': len(used), 'equal': equal}))
"""


def _compare(cache_home: Path, *, write: bool = True) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    flags = [] if write else ["-B"]
    done = subprocess.run([sys.executable, *flags, "-c", _PROBE.replace("ARGS", repr(COMPARE))],
                          capture_output=True, text=True, env=env, check=True)
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_second_compare_builds_the_rules_expressions_from_the_cache_with_the_same_report(
        tmp_path: Path) -> None:
    first = _compare(tmp_path)
    second = _compare(tmp_path)
    assert second["report"] == first["report"]
    assert "employment" in str(first["report"]).lower()
    assert first["equal"] and second["equal"]
    assert int(str(second["used"])) > 400  # the refusal, document and tokenizer expressions
    # What is left to compile is the modules' own constants (and the few used outside the rules).
    assert int(str(first["compiled"])) - int(str(second["compiled"])) > 400


def test_nothing_is_written_under_python_minus_b(tmp_path: Path) -> None:
    _compare(tmp_path, write=False)
    assert not (tmp_path / regex_cache.CACHE_DIR_NAME).exists()


def test_a_damaged_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = regex_cache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00not marshal")
    assert regex_cache._read(path) == {}
    # An entry of the right shape with code _sre refuses: compiled afresh, as re compiles it.
    monkeypatch.setattr(regex_cache, "_entries", {("a+b", 2): (34, [1, 2, 3], 0, {}, (None,))})
    assert regex_cache.compile_cached("a+b", re.IGNORECASE) == re.compile("a+b", re.IGNORECASE)


def test_an_invalid_expression_raises_what_re_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_entries", {})
    with pytest.raises(re.error) as ours:
        regex_cache.compile_cached("(unclosed", re.IGNORECASE)
    with pytest.raises(re.error) as theirs:
        re.compile("(unclosed", re.IGNORECASE)
    assert ours.value.msg == theirs.value.msg


@pytest.mark.parametrize("pattern", [r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)", r"^\(?(?:a|b)\)?\s*:?$",
                                     r"(?<![\w-])(?:ALMATY|NUR[ -]+SULTAN)(?![\w-])", "(?!)"])
def test_a_pattern_built_from_its_entry_matches_as_re_compiles_it(pattern: str) -> None:
    entry = regex_cache._entry(pattern, re.IGNORECASE)
    assert entry is not None
    built = regex_cache._build(pattern, entry)
    reference = re.compile(pattern, re.IGNORECASE)
    assert built == reference
    assert built.groupindex == reference.groupindex and built.groups == reference.groups
    text = "Born 9 October in Nur-Sultan; b) ALMATY"
    assert [m.span() for m in built.finditer(text)] == [m.span() for m in reference.finditer(text)]
