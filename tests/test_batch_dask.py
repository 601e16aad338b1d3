"""``batch --scheduler``: the cases on a real Dask cluster started on this machine.

A ``distributed.LocalCluster`` of two worker processes (one thread each) is started once for the
module; the client folders are generated from ``fixtures/batchcases.py`` (three ordinary clients
and one with a truncated, an encrypted and a fake PDF). What a user must see: the same files, byte
for byte, as from the local pool; shipped files giving the same reports to workers that cannot see
the batch root (a worker in a mount namespace where the root is an empty folder); a worker or a
case's process killed mid-batch costing nothing but time; one line for a scheduler that is not
there or an install without the extra.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ds160check.batch import BatchOptions, CaseDone, run_batch
from ds160check.batch.dask_pool import CONNECT_TIMEOUT_S, read_for_shipping, write_shipped
from ds160check.cli import cli

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("reportlab") is None or not DEJAVU.exists(),
    reason="the client folders are generated with reportlab and the DejaVu fonts",
)
BROKEN = "broken-files"


def _batchcases() -> Any:
    sys.path.insert(0, str(FIXTURES))
    import batchcases

    return batchcases


def build_tree(root: Path) -> None:
    bc = _batchcases()
    for index in range(3):
        bc.write_case(root / bc.client_name(index), index)
    roles = bc.write_case(root / BROKEN, 14)
    bank = root / BROKEN / roles["bank"]
    bank.write_bytes(bank.read_bytes()[: bank.stat().st_size // 2])
    s = bc.story(14)
    bc.write_print(s.new, root / BROKEN / "locked.pdf", s.new_printed, 3, password="secret")
    (root / BROKEN / "scan.pdf").write_text("this was never a PDF\n", encoding="utf-8")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``clients/`` and the local pool's reports in ``local/reports``; every other run writes to
    ``<name>/reports`` beside it, so that the paths relative to the reports folder are the same."""
    base = tmp_path_factory.mktemp("dask")
    build_tree(base / "clients")
    run_batch(base / "clients", base / "local" / "reports", BatchOptions(jobs=2, cache=False, progress=False))
    return base


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file the batch wrote (the summary holds no timings), the cache aside."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".ds160check-cache" not in p.parts}


def _on(cluster: Any, **options: Any) -> BatchOptions:
    return BatchOptions(scheduler=cluster.scheduler_address, progress=False, **options)


def test_two_dask_workers_write_the_same_bytes_as_the_local_pool(cluster: Any, work: Path) -> None:
    result = run_batch(work / "clients", work / "dask" / "reports", _on(cluster, cache=False))
    assert result.computed == 4
    local = _outputs(work / "local" / "reports")
    assert len([name for name in local if name.startswith("cases/")]) == 8  # json and html of 4 cases
    assert _outputs(work / "dask" / "reports") == local


def test_the_cache_is_shared_with_the_local_pool(cluster: Any, work: Path) -> None:
    out = work / "cached" / "reports"
    first = run_batch(work / "clients", out, _on(cluster))
    again = run_batch(work / "clients", out, _on(cluster))
    local = run_batch(work / "clients", out, BatchOptions(jobs=1, progress=False))
    assert (first.computed, again.computed, local.computed) == (4, 0, 0)
    assert again.from_cache == local.from_cache == 4
    assert _outputs(out) == _outputs(work / "local" / "reports")


def test_cases_whose_process_is_killed_mid_batch_are_retried(cluster: Any, work: Path) -> None:
    """The process checking a case on each worker is killed once the first case is in: the cases
    they had are run again and every report comes out as from the local pool."""
    import psutil

    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    workers = list(client.run(os.getpid).values())
    client.close()
    killed: list[int] = []

    def kill_case_processes(done: CaseDone) -> None:
        if killed:
            return
        for pid in workers:
            for child in psutil.Process(pid).children(recursive=True):
                child.kill()
                killed.append(child.pid)

    result = run_batch(work / "clients", work / "killed" / "reports", _on(cluster, cache=False, jobs=2),
                       on_case=kill_case_processes)
    assert killed
    assert all(row["status"] != "error" or row["folder"] == BROKEN for row in result.rows)
    assert _outputs(work / "killed" / "reports") == _outputs(work / "local" / "reports")


def test_a_lost_dask_worker_costs_only_time(cluster: Any, work: Path) -> None:
    """A whole Dask worker process killed mid-batch (its nanny starts another): the scheduler runs
    its cases elsewhere, the reports are the local pool's, and the worker's case processes do not
    outlive it."""
    import psutil

    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    victim = next(iter(client.run(os.getpid).values()))
    lost: list[psutil.Process] = []

    def kill_a_worker(done: CaseDone) -> None:
        if not lost:
            lost.extend(psutil.Process(victim).children(recursive=True))
            os.kill(victim, signal.SIGKILL)

    try:
        run_batch(work / "clients", work / "lost" / "reports", _on(cluster, cache=False, jobs=2),
                  on_case=kill_a_worker)
        client.wait_for_workers(2, timeout=60)  # the next test gets its two workers back
    finally:
        client.close()
    assert lost
    assert _outputs(work / "lost" / "reports") == _outputs(work / "local" / "reports")
    _gone, alive = psutil.wait_procs(lost, timeout=10)
    assert not alive


# --- --ship-files: workers that cannot see the batch root -----------------------------------------

can_unshare = shutil.which("unshare") is not None and subprocess.run(
    ["unshare", "-m", "--propagation", "private", "true"], capture_output=True).returncode == 0


@pytest.fixture()
def blind_cluster(work: Path) -> Iterator[str]:
    """A scheduler with one worker in a mount namespace of its own, where ``clients/`` is an empty
    folder (a tmpfs mounted over it): the files are not there for it by any path."""
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as scheduler:
        script = 'mount -t tmpfs tmpfs "$0" && exec "$1" -m distributed.cli.dask_worker "$2" ' \
                 "--nworkers 1 --nthreads 1 --no-dashboard"
        worker = subprocess.Popen(["unshare", "-m", "--propagation", "private", "sh", "-c", script,
                                   str(work / "clients"), sys.executable, scheduler.scheduler_address],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            client = distributed.Client(scheduler.scheduler_address, set_as_default=False)
            client.wait_for_workers(1, timeout=60)
            client.close()
            yield scheduler.scheduler_address
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)


@pytest.mark.skipif(not can_unshare, reason="needs unshare -m (a mount namespace) to hide the root")
def test_shipped_files_give_the_same_reports_to_workers_that_cannot_see_the_root(
        blind_cluster: str, work: Path) -> None:
    by_path = run_batch(work / "clients", work / "blind" / "reports",
                        BatchOptions(scheduler=blind_cluster, cache=False, progress=False))
    assert all(row["status"] == "error" for row in by_path.rows)  # proof the worker cannot see them
    shipped = run_batch(work / "clients", work / "shipped" / "reports",
                        BatchOptions(scheduler=blind_cluster, ship_files=True, cache=False, progress=False))
    assert shipped.computed == 4
    assert _outputs(work / "shipped" / "reports") == _outputs(work / "local" / "reports")


def test_a_shipped_file_keeps_its_bytes_mode_and_times_and_one_over_the_limit_is_not_sent(
        tmp_path: Path) -> None:
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 a letter")
    os.chmod(letter, 0o640)
    os.utime(letter, ns=(1_600_000_000_000_000_000, 1_500_000_000_123_456_789))
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as handle:
        handle.truncate(3000)
    sent = read_for_shipping(letter, limit_bytes=1000)
    oversize = read_for_shipping(big, limit_bytes=1000)
    assert oversize.data is None and oversize.size == 3000
    write_shipped(sent, tmp_path / "copy" / "letter.pdf")
    write_shipped(oversize, tmp_path / "copy" / "huge.pdf")
    copy = (tmp_path / "copy" / "letter.pdf").stat()
    assert (tmp_path / "copy" / "letter.pdf").read_bytes() == b"%PDF-1.4 a letter"
    assert (copy.st_mode & 0o777, copy.st_mtime_ns) == (0o640, 1_500_000_000_123_456_789)
    assert (tmp_path / "copy" / "huge.pdf").stat().st_size == 3000


# --- one line for what cannot work --------------------------------------------------------------


def test_a_scheduler_that_is_not_there_is_one_line_within_seconds(work: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["batch", str(work / "clients"), "-o", str(work / "none" / "reports"),
                                      "--scheduler", address])
    assert time.monotonic() - started < CONNECT_TIMEOUT_S + 10
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {address}: no Dask scheduler answers there")


def test_a_scheduler_address_without_a_port_is_one_line(work: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", str(work / "clients"), "--scheduler", "scheduler-host"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: scheduler-host: not a Dask scheduler address (missing port number in address "
        "'scheduler-host'); give one like tcp://HOST:8786"]


def test_without_the_dask_extra_scheduler_names_the_install(work: Path) -> None:
    code = ("import sys; sys.modules['distributed'] = None  # as if the extra were not installed\n"
            "from ds160check.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "batch", str(work / "clients"), "-o",
                             str(work / "noextra"), "--scheduler", "tcp://127.0.0.1:8786"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr == "Error: --scheduler needs the dask extra: pip install 'ds160check[dask]'\n"


def test_ship_files_without_a_scheduler_is_a_usage_error(work: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", str(work / "clients"), "--ship-files"])
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: --ship-files sends the files to a Dask cluster: "
                                     "give --scheduler too")
