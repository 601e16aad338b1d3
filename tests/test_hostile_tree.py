"""Hostile folder trees: permissions that refuse the reader anywhere in a batch become a case or a
file status, never an aborted batch or a case that vanishes.

The trees are generated here (modes cannot be checked in). Root reads every file whatever its
mode, so as root the command runs without the capabilities that let it (``setpriv``, part of
util-linux): the modes then bite as they do for a broker's user account.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample"
SETPRIV = shutil.which("setpriv")
# A case folder: its name -> the mode it gets, and the status and error its row must show.
TREE = {
    "ok": (0o755, "checked", None),
    "no-search": (0o444, "error", "new.pdf: cannot read the file: permission denied"),
    "no-access": (0o000, "error", "the folder cannot be opened: permission denied"),
    "locked-branch": (0o000, "error", "the folder cannot be opened: permission denied"),
    "with-locked-scans": (0o755, "checked", None),
}

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or (os.geteuid() == 0 and SETPRIV is None),
    reason="needs POSIX modes, and setpriv to drop root's right to read every file")


def unprivileged(args: list[str]) -> list[str]:
    """``args`` run so that file modes bind (as root: without CAP_DAC_OVERRIDE/READ_SEARCH)."""
    if os.geteuid() != 0:
        return args
    assert SETPRIV is not None
    return [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", *args]


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(unprivileged([sys.executable, "-m", "ds160check", *map(str, args)]),
                          capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    """Five client folders: one fine, one listable but not searchable, one closed, a closed
    parent of two clients, one whose ``scans/`` sub-folder is closed."""
    clients = tmp_path / "clients"
    for name in ("ok", "no-search", "no-access", "locked-branch/a", "locked-branch/b", "with-locked-scans"):
        (clients / name).mkdir(parents=True)
        for application in ("old.pdf", "new.pdf"):
            shutil.copy(SAMPLE / application, clients / name / application)
    scans = clients / "with-locked-scans" / "scans"
    scans.mkdir()
    shutil.copy(SAMPLE / "refusal-letter.pdf", scans / "refusal-letter.pdf")
    closed = [clients / name for name in TREE if TREE[name][0] != 0o755] + [scans]
    for folder in closed:
        folder.chmod(TREE.get(folder.name, (0o000,))[0])
    yield clients
    for folder in closed:
        folder.chmod(0o755)


def test_folders_that_cannot_be_opened_are_cases_or_entries_and_the_batch_goes_on(
        tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("batch", tree, "-o", out, "--jobs", "1", "--format", "json")
    assert result.returncode == 1, result.stderr  # findings in "ok"; not 2: the batch ran
    assert "Traceback" not in result.stderr
    summary = json.loads((out / "summary.json").read_text())
    rows = {row["folder"]: row for row in summary["cases"]}
    assert sorted(rows) == sorted(TREE)
    for name, (_, status, error) in TREE.items():
        assert rows[name]["status"] == status, (name, rows[name])
        assert (rows[name]["errors"] or [None])[0] == error, name
    # a closed sub-folder of a case: the case is checked and says it is incomplete, and why
    scans = rows["with-locked-scans"]
    assert scans["verdict"].endswith("(check incomplete: a document could not be read)")
    assert [n["message"] for n in scans["notices"]] == [
        "scans/: the folder cannot be opened: permission denied; the documents in it were not checked"]
    report = json.loads((out / "cases" / "with-locked-scans" / "report.json").read_text())
    assert {"name": "scans/", "taken_as": "unreadable"}.items() <= next(
        f for f in report["files"] if f["name"] == "scans/").items()
    # the files of a folder that can be listed but not searched are named with their reason
    blind = json.loads((out / "cases" / "no-search" / "report.json").read_text())
    assert [(f["name"], f["taken_as"], f["detail"]) for f in blind["files"]] == [
        (name, "unreadable", "cannot read the file: permission denied") for name in ("new.pdf", "old.pdf")]
    # every case is in the CSV and the index too
    with (out / "summary.csv").open(encoding="utf-8-sig") as table:
        assert sorted(r["folder"] for r in csv.DictReader(table)) == sorted(TREE)


def test_index_names_every_folder_that_could_not_be_opened(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli("batch", tree, "-o", out, "--jobs", "1", "--format", "html")
    index = (out / "index.html").read_text()
    for name in ("no-access", "locked-branch", "no-search"):
        assert f">{name}<" in index, name
    assert index.count("the folder cannot be opened: permission denied") >= 2


def test_a_batch_root_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    root = tmp_path / "clients"
    root.mkdir()
    root.chmod(0o000)
    try:
        result = run_cli("batch", root, "-o", tmp_path / "out")
    finally:
        root.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == f"Error: {root}: the folder cannot be opened: permission denied\n"


def test_compare_with_files_in_a_folder_that_cannot_be_searched(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("old.pdf", "new.pdf", "refusal-letter.pdf"):
        shutil.copy(SAMPLE / name, folder / name)
    folder.chmod(0o444)
    try:
        as_document = run_cli("compare", SAMPLE / "old.pdf", SAMPLE / "new.pdf",
                              folder / "refusal-letter.pdf", "--format", "json", "--fail-on", "none")
        as_application = run_cli("compare", folder / "old.pdf", SAMPLE / "new.pdf")
    finally:
        folder.chmod(0o755)
    assert as_document.returncode == 0, as_document.stderr
    entry = next(d for d in json.loads(as_document.stdout)["documents"]
                 if d["path"] == str(folder / "refusal-letter.pdf"))
    assert (entry["kind"], entry["warnings"]) == ("unreadable", ["cannot read the file: permission denied"])
    assert as_application.returncode == 2
    assert as_application.stderr == f"Error: {folder / 'old.pdf'}: cannot read the file: permission denied\n"
