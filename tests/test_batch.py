"""``ds160check batch`` and ``check_case`` end to end on a generated tree of client folders.

The tree (built once per module from ``fixtures/batchcases.py``) holds
ordinary clients, a folder with broken files, one with a single DS-160, one
with three, one ordered by ``case.toml``, a folder of unreadable files only,
and a client nested two levels down.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shutil
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ds160check import check_case
from ds160check.batch import BatchOptions, CaseDone, run_batch
from ds160check.batch import discover as discover_module
from ds160check.cli import cli
from ds160check.limits import Limits

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the client folders are generated with reportlab and the DejaVu fonts",
)

ORDINARY = 6
SINGLE, THREE, SETTINGS, BROKEN, UNREADABLE_ONLY = (
    "single-ds160", "three-ds160s", "with-case-toml", "broken-files", "unreadable-only")
NESTED = "agency/branch-2/client-nested"


def _batchcases() -> Any:
    sys.path.insert(0, str(FIXTURES))
    import batchcases

    return batchcases


def build_tree(root: Path) -> dict[str, dict[str, str]]:
    """Write the tree; return folder → role → file name."""
    bc = _batchcases()
    roles = {}
    for index in range(ORDINARY):
        roles[bc.client_name(index)] = bc.write_case(root / bc.client_name(index), index)
    roles[SINGLE] = bc.write_case(root / SINGLE, 10)
    (root / SINGLE / roles[SINGLE]["old"]).unlink()
    roles[THREE] = bc.write_case(root / THREE, 11)
    first = bc.story(11)
    bc.write_print({**first.old, "application.id": bc.app_id(11, "first")}, root / THREE / "earliest.pdf",
                   datetime(2023, 6, 1, 9, 0), 2)
    roles[THREE]["first"] = "earliest.pdf"
    roles[SETTINGS] = _settings_case(root / SETTINGS, bc)
    roles[BROKEN] = _broken_case(root / BROKEN, bc)
    (root / UNREADABLE_ONLY).mkdir()
    (root / UNREADABLE_ONLY / "ds160.pdf").write_bytes(b"%PDF-1.4\n%broken beyond repair\n")
    (root / UNREADABLE_ONLY / "notes.txt").write_text("call the client on Monday\n")
    roles[NESTED] = bc.write_case(root / NESTED, 12)
    return roles


def _settings_case(folder: Path, bc: Any) -> dict[str, str]:
    """Both print-outs carry the same print date and no confirmation page: case.toml decides."""
    s = bc.story(13)
    folder.mkdir(parents=True)
    same_day = datetime(2025, 11, 3, 12, 0)
    bc.write_print(s.old, folder / "new.pdf", same_day, 0)  # the names lie: case.toml is right
    bc.write_print(s.new, folder / "old.pdf", same_day, 1)
    (folder / "case.toml").write_text('old = "new.pdf"\nnew = "old.pdf"\nrefused = "214b"\n'
                                      "refusal_date = 2025-02-01\n", encoding="utf-8")
    return {"old": "new.pdf", "new": "old.pdf"}


def _broken_case(folder: Path, bc: Any) -> dict[str, str]:
    roles = bc.write_case(folder, 14)
    bank = folder / roles["bank"]
    bank.write_bytes(bank.read_bytes()[: bank.stat().st_size // 2])  # truncated
    s = bc.story(14)
    bc.write_print(s.new, folder / "locked.pdf", s.new_printed, 3, password="secret")
    (folder / "scan.pdf").write_text("this was never a PDF\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    (folder / "notes.txt").write_text("call the client on Monday\n", encoding="utf-8")
    return {**roles, "truncated": roles["bank"], "encrypted": "locked.pdf", "fake": "scan.pdf",
            "ignored": "notes.txt", "broken image": "photo.jpg"}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, str]]]:
    root = tmp_path_factory.mktemp("clients")
    return root, build_tree(root)


@pytest.fixture(scope="module")
def first_run(tree: tuple[Path, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Any:
    root, _ = tree
    out = tmp_path_factory.mktemp("out") / "reports"
    return run_batch(root, out, BatchOptions(jobs=2, progress=False))


def _rows(result: Any) -> dict[str, dict[str, Any]]:
    return {row["folder"]: row for row in result.rows}


def _report(out: Path, folder: str) -> dict[str, Any]:
    return json.loads((out / "cases" / folder / "report.json").read_text(encoding="utf-8"))


def _taken(report: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["taken_as"] for f in report["files"]}


# --- every case accounted for ---------------------------------------------------------------------


def test_every_case_folder_has_a_summary_row(first_run: Any, tree: Any) -> None:
    _, roles = tree
    assert set(_rows(first_run)) == {*roles, UNREADABLE_ONLY}
    summary = json.loads((first_run.output / "summary.json").read_text(encoding="utf-8"))
    assert [c["folder"] for c in summary["cases"]] == [r["folder"] for r in first_run.rows]
    with open(first_run.output / "summary.csv", encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert [r["folder"] for r in csv_rows] == [r["folder"] for r in first_run.rows]
    assert summary["totals"]["cases"] == len(roles) + 1


def test_ordinary_clients_are_ordered_by_dates_not_file_names(first_run: Any, tree: Any) -> None:
    _, roles = tree
    for index in range(ORDINARY):
        folder = f"client-{index:04d}"
        report = _report(first_run.output, folder)
        assert report["status"] == "checked"
        assert report["order"]["method"] in ("date", "submission date")
        taken = _taken(report)
        assert taken[roles[folder]["old"]] == "old application"
        assert taken[roles[folder]["new"]] == "new application"
        assert taken[roles[folder]["letter"]] == "refusal letter"
        assert taken[roles[folder]["confirmation"]] == "confirmation page"
        assert taken[roles[folder]["property"]].startswith("supporting document")
        assert taken[roles[folder]["job"]].startswith("supporting document")


def test_hidden_refusal_shows_in_the_summary(first_run: Any) -> None:
    rows = _rows(first_run)
    # Every third client of batchcases answers NO to "ever refused" in the new application.
    assert rows["client-0000"]["undisclosed_refusal"] == "yes"
    assert rows["client-0000"]["critical"] >= 1
    assert rows["client-0001"]["undisclosed_refusal"] == "no"
    assert rows["client-0001"]["refusal_type"] == "214b"


def test_single_ds160_is_listed_as_needing_both_applications(first_run: Any) -> None:
    row = _rows(first_run)[SINGLE]
    assert row["status"] == "needs_both"
    assert row["verdict"] == "needs both applications: only one DS-160 found"
    assert row["applications"] == 1
    assert _report(first_run.output, SINGLE)["comparisons"] == []


def test_three_ds160s_check_the_newest_against_each_earlier_one(first_run: Any, tree: Any) -> None:
    _, roles = tree
    report = _report(first_run.output, THREE)
    pairs = [(Path(c["old"]).name, Path(c["new"]).name) for c in report["comparisons"]]
    assert pairs == [(roles[THREE]["old"], roles[THREE]["new"]), ("earliest.pdf", roles[THREE]["new"])]
    assert any("professional review is advisable" in note for note in report["notes"])
    assert report["verdict"].endswith("(two or more refusals: professional review advisable)")
    assert _taken(report)["earliest.pdf"] == "earlier application"


def test_case_toml_decides_the_order_and_states_the_refusal(first_run: Any) -> None:
    report = _report(first_run.output, SETTINGS)
    assert report["order"]["method"] == "case.toml"
    assert _taken(report) == {"case.toml": "case settings", "new.pdf": "old application",
                              "old.pdf": "new application"}
    refusal = report["comparisons"][0]["report"]["refusal"]
    assert (refusal["type"], refusal["date"], refusal["source"]) == ("214b", "2025-02-01", "option")


def test_broken_files_mark_only_themselves_and_the_case_is_still_checked(first_run: Any, tree: Any) -> None:
    _, roles = tree
    report = _report(first_run.output, BROKEN)
    assert report["status"] == "checked"
    taken = _taken(report)
    assert taken[roles[BROKEN]["truncated"]] == "unreadable"
    assert taken["locked.pdf"] == "unreadable"
    assert taken["scan.pdf"] == "unreadable"
    assert taken["notes.txt"] == "ignored"
    assert taken["photo.jpg"] == "unreadable"  # a JPEG by its first bytes, read as a scan: damaged
    problems = _rows(first_run)[BROKEN]["error"]
    assert "locked.pdf: " in problems and "encrypted" in problems
    assert "scan.pdf: named .pdf but the content is neither" in problems


def test_a_folder_of_unreadable_files_is_reported_as_an_error_naming_the_file(first_run: Any) -> None:
    row = _rows(first_run)[UNREADABLE_ONLY]
    # The broken PDF may be an application: "no DS-160 found" would send the broker looking for it.
    assert row["status"] == "error"
    assert row["verdict"] == "not checked: ds160.pdf: the PDF is damaged or truncated and cannot be read"
    assert row["error"].startswith("ds160.pdf: ")
    taken = _taken(_report(first_run.output, UNREADABLE_ONLY))
    assert taken == {"ds160.pdf": "unreadable", "notes.txt": "ignored"}


def test_nested_client_folder_is_a_case(first_run: Any) -> None:
    assert _rows(first_run)[NESTED]["status"] == "checked"
    assert (first_run.output / "cases" / NESTED / "report.html").is_file()


def test_password_opens_the_encrypted_file(tree: Any) -> None:
    root, _ = tree
    result = check_case(root / BROKEN, passwords=["wrong", "secret"])
    taken = {f.name: f.taken_as for f in result.files}
    assert taken["locked.pdf"] in ("new application", "old application", "DS-160 print-out, not compared",
                                   "earlier application")


# --- outputs ----------------------------------------------------------------------------------


def test_every_output_is_readable_by_its_owner_only(first_run: Any) -> None:
    for path in [first_run.output, *first_run.output.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_index_links_to_every_report(first_run: Any) -> None:
    index = (first_run.output / "index.html").read_text(encoding="utf-8")
    for row in first_run.rows:
        assert f'href="{row["report"]}"' in index
        assert (first_run.output / row["report"]).is_file()
    assert "http://" not in index and "https://" not in index


def test_check_case_api_matches_the_batch_report(first_run: Any, tree: Any) -> None:
    root, _ = tree
    result = check_case(root / "client-0003")
    batch = _report(first_run.output, "client-0003")
    assert result.verdict == batch["verdict"]
    assert result.counts() == batch["summary"]


# --- determinism ------------------------------------------------------------------------------


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".ds160check-cache" not in p.parts}


def test_same_bytes_with_one_or_two_jobs_and_any_listing_order(
        first_run: Any, tree: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = tree
    one = run_batch(root, tmp_path / "one", BatchOptions(jobs=1, cache=False, progress=False))
    real_scandir = os.scandir

    class Reversed(list[Any]):
        """The folder's entries in reverse order, usable as ``with os.scandir(...)`` too."""

        def __enter__(self) -> Reversed:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def reversed_scandir(path: Any = ".") -> Reversed:
        with real_scandir(path) as entries:
            return Reversed(sorted(entries, key=lambda e: e.name, reverse=True))

    monkeypatch.setattr(discover_module.os, "scandir", reversed_scandir)
    shuffled = run_batch(root, tmp_path / "shuffled", BatchOptions(jobs=2, cache=False, progress=False))
    assert _outputs(one.output) == _outputs(first_run.output)
    assert _outputs(shuffled.output) == _outputs(first_run.output)


def test_check_case_does_not_depend_on_the_order_files_are_given(tree: Any) -> None:
    root, _ = tree
    folder = root / THREE
    files = sorted(p for p in folder.iterdir())
    forward = check_case(folder).to_dict()
    from ds160check.batch.case import check_case as check

    assert check(folder, files=list(reversed(files)), display=str(folder)).to_dict() == forward


# --- cache ------------------------------------------------------------------------------------


def test_rerun_of_an_unchanged_tree_recomputes_nothing(tree: Any, tmp_path: Path) -> None:
    root, _ = tree
    out = tmp_path / "reports"
    first = run_batch(root, out, BatchOptions(jobs=2, progress=False))
    assert first.computed == len(first.rows) and first.from_cache == 0
    seen: list[CaseDone] = []
    again = run_batch(root, out, BatchOptions(jobs=2, progress=False), on_case=seen.append)
    assert again.computed == 0
    assert again.from_cache == len(first.rows)
    assert all(done.cached for done in seen) and len(seen) == len(first.rows)
    assert again.rows == first.rows
    forced = run_batch(root, out, BatchOptions(jobs=2, progress=False, cache=False))
    assert forced.computed == len(first.rows)


def test_a_changed_file_recomputes_only_its_case(tree: Any, tmp_path: Path) -> None:
    root, _ = tree
    copy = tmp_path / "clients"
    shutil.copytree(root / "client-0001", copy / "client-0001")
    shutil.copytree(root / "client-0002", copy / "client-0002")
    out = tmp_path / "reports"
    run_batch(copy, out, BatchOptions(jobs=1, progress=False))
    (copy / "client-0002" / "notes.docx").write_bytes((root / "client-0002" / "house.docx").read_bytes())
    again = run_batch(copy, out, BatchOptions(jobs=1, progress=False))
    assert (again.computed, again.from_cache) == (1, 1)


# --- Ctrl-C ----------------------------------------------------------------------------------


def test_ctrl_c_keeps_finished_reports_and_writes_the_summary(tree: Any, tmp_path: Path) -> None:
    root, roles = tree
    out = tmp_path / "reports"
    done: list[str] = []

    def interrupt_after_three(case: CaseDone) -> None:
        done.append(case.folder)
        if len(done) == 3:
            raise KeyboardInterrupt

    result = run_batch(root, out, BatchOptions(jobs=2, cache=False, progress=False),
                       on_case=interrupt_after_three)
    assert result.interrupted
    rows = _rows(result)
    assert len(rows) == len(roles) + 1
    finished = {f for f, row in rows.items() if row["status"] != "interrupted"}
    assert finished == set(done)
    for folder in finished:
        assert (out / "cases" / folder / "report.json").is_file()
    for folder in set(rows) - finished:
        assert rows[folder]["verdict"] == "not checked: the batch was interrupted"
        assert not (out / "cases" / folder).exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["interrupted"] is True and len(summary["cases"]) == len(rows)
    assert "was interrupted" in (out / "index.html").read_text(encoding="utf-8")


# --- the command line --------------------------------------------------------------------------


def test_cli_exit_codes_follow_fail_on(first_run: Any, tree: Any, tmp_path: Path) -> None:
    root, _ = tree
    runner = CliRunner()
    out = tmp_path / "reports"
    gated = runner.invoke(cli, ["batch", str(root), "-o", str(out), "--jobs", "2"])
    assert gated.exit_code == 1, gated.output
    assert f"{len(first_run.rows)} case(s)" in gated.output
    relaxed = runner.invoke(cli, ["batch", str(root), "-o", str(out), "--fail-on", "none",
                                  "--format", "md", "--format", "text"])
    assert relaxed.exit_code == 0, relaxed.output
    assert (out / "cases" / "client-0000" / "report.md").is_file()
    assert (out / "cases" / "client-0000" / "report.txt").is_file()


def test_cli_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {tmp_path / 'nowhere'}: no such folder"


# --- a worker that dies -----------------------------------------------------------------------

fork_only = pytest.mark.skipif(
    sys.platform == "win32" or __import__("multiprocessing").get_start_method() != "fork",
    reason="the faulty reader is patched into forked workers; RLIMIT_CPU is POSIX",
)


@fork_only
def test_a_case_that_kills_its_worker_or_spins_is_reported_and_the_rest_finish(
        tree: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ds160check.batch import case as case_module
    from ds160check.batch import guard

    root, _ = tree
    clients = tmp_path / "clients"
    for name in ("client-0001", "client-0002", "client-0004"):
        shutil.copytree(root / name, clients / name)
    real = case_module.check_case

    def faulty(folder: Path, **kwargs: Any) -> Any:
        if folder.name == "client-0001":
            os._exit(70)  # a reader crashing in C takes the whole worker down
        if folder.name == "client-0002":
            while True:  # a reader looping in C ignores signals; RLIMIT_CPU still ends it
                pass
        return real(folder, **kwargs)

    monkeypatch.setattr(case_module, "check_case", faulty)
    # The case budget: 1 s, and what documents held to --timeout 0.5 may add to it (a few
    # seconds). A print-out takes ~0.07 s to read: 0.1 s, as this test once had, was missed by the
    # healthy case whenever the spinning one and the main process shared its two CPUs.
    monkeypatch.setattr(guard, "CASE_CPU_SECONDS", 1)
    monkeypatch.setattr(guard, "CPU_SLACK_S", 0)
    result = run_batch(clients, tmp_path / "out", BatchOptions(jobs=2, cache=False, progress=False,
                                                               limits=Limits(timeout_s=0.5)))
    rows = _rows(result)
    assert rows["client-0004"]["status"] == "checked", rows["client-0004"].get("error")
    for name in ("client-0001", "client-0002"):
        assert rows[name]["status"] == "error"
        assert rows[name]["error"].startswith("the checker stopped while reading this folder")
        assert (tmp_path / "out" / "cases" / name / "report.json").is_file()


def test_a_case_that_waits_for_ever_is_stopped_by_the_wall_clock_and_the_rest_finish(
        tree: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RLIMIT_CPU ends a worker that spins, not one that sleeps (a hung mount, a lock a fork left
    locked): without a wall-clock limit the batch would wait for ever."""
    import time

    from ds160check.batch import case as case_module
    from ds160check.batch import guard, pool

    root, _ = tree
    clients = tmp_path / "clients"
    for name in ("client-0001", "client-0004"):
        shutil.copytree(root / name, clients / name)
    real = case_module.check_case

    def stuck(folder: Path, **kwargs: Any) -> Any:
        if folder.name == "client-0001":
            time.sleep(3600)
        return real(folder, **kwargs)

    monkeypatch.setattr(case_module, "check_case", stuck)
    monkeypatch.setattr(guard, "CASE_CPU_SECONDS", 1)
    monkeypatch.setattr(guard, "CPU_SLACK_S", 0)
    monkeypatch.setattr(pool, "STALL_FACTOR", 1)
    monkeypatch.setattr(pool, "STALL_MARGIN_S", 3.0)
    started = time.monotonic()
    result = run_batch(clients, tmp_path / "out", BatchOptions(jobs=2, cache=False, progress=False,
                                                               limits=Limits(timeout_s=0.5)))
    rows = _rows(result)
    assert rows["client-0004"]["status"] == "checked", rows["client-0004"].get("error")
    assert rows["client-0001"]["status"] == "error"
    assert rows["client-0001"]["error"].startswith("the checker stopped while reading this folder")
    assert (tmp_path / "out" / "cases" / "client-0001" / "report.json").is_file()
    assert time.monotonic() - started < 60  # two stalls of a few seconds, not an hour


def test_a_pool_whose_workers_are_gone_is_seen_as_not_alive() -> None:
    import signal
    from concurrent.futures import ProcessPoolExecutor

    from ds160check.batch.pool import _alive, stop

    executor = ProcessPoolExecutor(max_workers=1)
    assert executor.submit(abs, -3).result() == 3
    assert _alive(executor)
    for process in list(executor._processes.values()):
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=10)
    assert not _alive(executor)
    stop(executor)


def test_progress_line_tells_cases_errors_rate_and_time_left() -> None:
    import io

    from ds160check.batch.progress import Progress

    stream = io.StringIO()
    progress = Progress(4, stream=stream, enabled=True)
    progress.started -= 2.0  # two seconds in
    progress.advance()
    progress.advance(error=True)
    line = progress.line(progress.started + 2.0)
    assert line.startswith("[############............] 2/4 cases · 1 error(s) · 1.0 cases/s · 0:02 left")
    progress.close()
    assert stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    Progress(4, stream=quiet).advance()  # not a terminal: nothing at all
    assert quiet.getvalue() == ""


def test_index_links_survive_folder_names_with_url_characters() -> None:
    from ds160check.batch.model import interrupted_row
    from ds160check.render.case import render_index_html

    row = {**interrupted_row("Ivanov #2 <b>"), "report": "cases/Ivanov #2 <b>/report.html"}
    page = render_index_html([row])
    assert 'href="cases/Ivanov%20%232%20%3Cb%3E/report.html"' in page
    assert ">Ivanov #2 &lt;b&gt;</a>" in page


def test_check_case_of_a_missing_folder_says_so(tmp_path: Path) -> None:
    from ds160check.errors import FileMissingError

    with pytest.raises(FileMissingError, match="no such folder"):
        check_case(tmp_path / "nowhere")


def test_links_leading_outside_the_root_and_system_files_are_not_read(tmp_path: Path) -> None:
    from ds160check.batch.discover import discover

    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "someone-else.pdf"
    secret.write_bytes(b"%PDF-1.4 not this client's")
    root = tmp_path / "clients"
    client = root / "client-a"
    client.mkdir(parents=True)
    (client / "old.pdf").write_bytes(b"%PDF-1.4 a")
    (client / "inside-link.pdf").symlink_to(client / "old.pdf")
    (client / "outside-link.pdf").symlink_to(secret)
    (client / "Thumbs.db").write_bytes(b"junk")
    (client / "loop").symlink_to(client)
    (client / ".hidden.pdf").write_bytes(b"%PDF-1.4 h")
    passed_over: list[str] = []
    [case] = discover(root, passed_over=passed_over)
    assert sorted(f.name for f in case.files) == ["inside-link.pdf", "old.pdf"]
    assert sorted(passed_over) == [
        "client-a/.hidden.pdf: hidden file",
        "client-a/Thumbs.db: system file: Windows thumbnail cache",
        "client-a/loop/: link to a folder, not followed",
        "client-a/outside-link.pdf: link leading outside the batch folder, not followed",
    ]


def test_redact_masks_personal_values_in_every_batch_output(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from ds160check import extract
    from ds160check.cli import cli

    sample = Path(__file__).resolve().parents[1] / "fixtures" / "sample"
    client = tmp_path / "clients" / "client-1"
    client.mkdir(parents=True)
    for name in ("old.pdf", "new.pdf", "refusal-letter.pdf", "new-confirmation.pdf"):
        shutil.copy(sample / name, client / name)
    personal = set()
    for name in ("old.pdf", "new.pdf"):
        app = extract(sample / name)
        for key in ("passport.number", "personal.national_id", "contact.primary_phone", "contact.email",
                    "personal.date_of_birth"):
            field = app.fields.get(key)
            if field is not None and field.value:
                personal |= {str(field.value), field.span.raw if field.span else ""}
    personal.discard("")
    assert personal
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "clients"), "--output", str(out), "--jobs", "1",
                                      "--redact", "--format", "json", "--format", "html", "--format", "md",
                                      "--format", "text", "--fail-on", "none"])
    assert result.exit_code == 0, result.output
    written = [p for p in out.rglob("*") if p.is_file() and ".ds160check-cache" not in p.parts]
    assert len(written) >= 6
    for path in written:
        text = path.read_text(encoding="utf-8", errors="replace")
        leaked = [value for value in personal if value in text]
        assert not leaked, f"{path.name} shows {leaked}"
