"""Faults injected into bulk runs: the run's process or one of its workers killed with -9
mid-batch. A run's workers die with it, and a rerun ends with the outputs and manifest an
uninterrupted run gives. Inputs are the four seeds copied into tmp_path."""

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from kinerja.batch.manifest import MANIFEST

from .conftest import CORPUS, wait_for

SEEDS = sorted(CORPUS.glob("*.txt"))

# a run whose file named slow.txt hangs in its worker, which first writes its pid to argv[2]
SLOW_RUN = """
import os, sys, time
from pathlib import Path
from kinerja import pipeline
real = pipeline.parse_paged

def parse_paged(path, options=None):
    if path.name == "slow.txt":
        Path(sys.argv[2]).write_text(str(os.getpid()))
        time.sleep(120)
    return real(path, options)

pipeline.parse_paged = parse_paged
pipeline.run([Path(sys.argv[3])], pipeline.RunOptions(out_dir=Path(sys.argv[1])))
"""


def _extract(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kinerja.cli", "extract", str(inputs), "--out",
                             str(out), "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _recorded(out: Path) -> int:
    try:
        return len(json.loads((out / MANIFEST).read_text())["files"])
    except (OSError, ValueError):
        return 0


def _alive(pid: int) -> bool:
    """Running, not a zombie left for a parent that no longer reaps it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _state(out: Path) -> dict:
    """What a run leaves: every file's name and bytes (the manifest aside), and per input what the
    manifest says of it, less timings and whether this run or an earlier one wrote it (the
    output's bytes, compared by their hash, hold its status and warnings)."""
    files = {p.name: p.read_bytes() for p in out.iterdir() if p.name not in (MANIFEST, ".kinerja.lock")}
    manifest = json.loads((out / MANIFEST).read_text())
    rows = {r["file"]: (Path(r["output"]).name, r["sha256"], r["output_sha256"], r["pipeline_version"],
                        r["health"], r["status"] != "failed") for r in manifest["files"]}
    return {"files": files, "manifest": rows}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for seed in SEEDS:
        shutil.copy(seed, folder)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(inputs, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("uninterrupted")
    assert _extract(inputs, out).wait(timeout=300) == 0
    return _state(out)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_die_with_a_run_killed_with_9(tmp_path):
    slow = tmp_path / "slow.txt"
    shutil.copy(SEEDS[0], slow)
    marker = tmp_path / "worker.pid"
    run = subprocess.Popen([sys.executable, "-c", SLOW_RUN, str(tmp_path / "out"), str(marker), str(slow)])
    try:
        assert wait_for(lambda: marker.exists() and marker.read_text())
        worker = int(marker.read_text())
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert wait_for(lambda: not _alive(worker), seconds=10)
    finally:
        run.kill()
        if marker.exists() and marker.read_text() and _alive(int(marker.read_text())):
            os.kill(int(marker.read_text()), signal.SIGKILL)


@pytest.mark.parametrize("done_before_kill", [0, 1, 3])
def test_a_rerun_after_a_kill_9_mid_batch_ends_as_an_uninterrupted_run(
        tmp_path, inputs, uninterrupted, done_before_kill):
    out = tmp_path / "out"
    run = _extract(inputs, out)
    assert wait_for(lambda: _recorded(out) >= done_before_kill and (out / ".kinerja.lock").exists())
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert _extract(inputs, out).wait(timeout=300) == 0
    assert _state(out) == uninterrupted


def test_a_rerun_after_a_worker_killed_with_9_ends_as_an_uninterrupted_run(tmp_path, inputs, uninterrupted):
    out = tmp_path / "out"
    run = _extract(inputs, out)
    workers = lambda: psutil.Process(run.pid).children()  # noqa: E731
    assert wait_for(workers)
    with contextlib.suppress(psutil.Error):
        workers()[0].send_signal(signal.SIGKILL)
    run.wait(timeout=300)
    assert _extract(inputs, out).wait(timeout=300) == 0
    assert _state(out) == uninterrupted


@pytest.fixture
def small_disk(tmp_path):
    """A real 200 kB file system (tmpfs): room for some outputs, not for the largest."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_fails_the_file_that_does_not_fit_and_keeps_the_rest(small_disk, inputs):
    out = small_disk / "out"
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", "extract", str(inputs), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    rows = json.loads((out / MANIFEST).read_text())["files"]
    failed = [r for r in rows if r["status"] == "failed"]
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert failed and all(r["errors"][0]["stage"] == "write" and "No space left" in r["reason"] for r in failed)
    assert len(failed) < len(rows), "the outputs that fit are written"
    for r in rows:
        if r["status"] != "failed":
            assert hashlib.sha256(Path(r["output"]).read_bytes()).hexdigest() == r["output_sha256"]
    assert not list(out.glob(".*.tmp")), "no half-written file is left"


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf (system package) judges the damage")
def test_byte_flip_mutants_of_real_pdfs_end_without_crash_hang_or_a_silent_ok(tmp_path):
    """24 seeded mutants here; bench/bench_mutants.py runs 500 the same way."""
    from bench.bench_mutants import SOURCES, judge, make_mutants
    from .conftest import PDFS

    if not PDFS.is_dir():
        pytest.skip(f"real PDF folder not found at {PDFS}")
    mutants = make_mutants(tmp_path / "in", 24, seed=7, sources=[PDFS / s for s in SOURCES])
    outcomes = judge(mutants, tmp_path / "out", workers=2, timeout_s=120)
    assert len(outcomes) == 24
    assert [(o.path.name, o.violation(), o.reason) for o in outcomes if o.violation()] == []
    assert {o.verdict for o in outcomes} >= {"sound", "damaged"}, "the seed gives both kinds"
