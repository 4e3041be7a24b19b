"""What a worker may take from the machine: a file over the memory limit fails with the limit
named while the run goes on, and a worker's temporary files (tesseract's page images) are gone
however it ends: finished, killed by the run, or killed from outside with -9."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from kinerja.batch.limits import WORKER_TMP_PREFIX
from kinerja.pipeline import RunOptions, run

from .conftest import CORPUS, PDFS, wait_for

SEED = sorted(CORPUS.glob("*.txt"))[0]
SCAN = PDFS / "pk_2016_kadis_distan_jabar_SCAN.pdf"


def _memory_bomb(path: Path) -> Path:
    """25 kB of PDF: a million rectangles, each an object once read (hundreds of MB)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    page.Contents = pdf.make_stream(b"0 0 1 1 re f\n" * 1_000_000)
    pdf.save(path, compress_streams=True)
    return path


def test_a_file_over_the_memory_limit_fails_naming_the_limit_and_the_run_goes_on(tmp_path):
    bomb = _memory_bomb(tmp_path / "bomb.pdf")
    seed = Path(shutil.copy(SEED, tmp_path))
    manifest = run([bomb, seed], RunOptions(out_dir=tmp_path / "out", workers=2, memory_gb=0.3))
    by_file = {Path(r.file).name: r for r in manifest.files}
    assert by_file["bomb.pdf"].status == "failed"
    assert by_file["bomb.pdf"].errors[0].error == "MemoryLimit"
    assert "over the per-file limit of 0.3 GB" in by_file["bomb.pdf"].reason
    assert by_file[seed.name].status == "ok"


@pytest.mark.parametrize("limit", [0.0, -1.0, float("nan"), float("inf")])
def test_a_memory_limit_is_a_positive_finite_number(tmp_path, limit):
    with pytest.raises(ValueError, match="memory limit"):
        RunOptions(out_dir=tmp_path, memory_gb=limit)


def test_the_command_refuses_a_memory_limit_that_is_no_limit(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", "extract", str(SEED), "--out",
                           str(tmp_path), "--memory-limit", "nan"], capture_output=True, text=True)
    assert done.returncode == 2 and "memory limit" in done.stderr


def _kinerja(args: list, tmp: Path) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmp)}
    return subprocess.Popen([sys.executable, "-m", "kinerja.cli", "extract", *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _worker_files(tmp: Path) -> list[Path]:
    return [f for d in tmp.glob(WORKER_TMP_PREFIX + "*") for f in d.iterdir()]


@pytest.mark.skipif(not SCAN.exists() or shutil.which("tesseract") is None,
                    reason="needs the shared scanned PDF and tesseract")
def test_a_worker_killed_while_tesseract_reads_leaves_no_temporary_files(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    run_ = _kinerja([SCAN, "--out", tmp_path / "out"], tmp)
    try:
        assert wait_for(lambda: _worker_files(tmp), seconds=120), "tesseract's images go to the worker's own folder"
        worker = int(next(tmp.glob(WORKER_TMP_PREFIX + "*")).name[len(WORKER_TMP_PREFIX):])
        os.killpg(worker, 9)
        assert run_.wait(timeout=60) == 1, "the killed worker's file failed"
    finally:
        run_.kill()
    assert list(tmp.iterdir()) == []


def test_a_run_removes_the_temporary_folders_of_workers_no_longer_alive(tmp_path):
    tmp = tmp_path / "tmp"
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = tmp / f"{WORKER_TMP_PREFIX}{dead.pid}"
    left.mkdir(parents=True)
    (left / "tess_page.png").write_bytes(b"left by a worker killed with its run")
    assert _kinerja([SEED, "--out", tmp_path / "out"], tmp).wait(timeout=300) == 0
    assert not left.exists()
