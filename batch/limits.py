"""What one worker may take from the machine: memory, watched from the run, and a temporary
folder of its own that is removed however the worker ends.

Memory is watched rather than capped with RLIMIT_AS: under an address-space cap pdfium aborts
(SIGABRT) on a failed allocation, and a worker that dies of a signal cannot say why. The run
polls the worker's process tree (tesseract included), kills it over the limit and says so.
"""

import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Optional

import psutil

DEFAULT_MEMORY_GB = 4.0
WORKER_TMP_PREFIX = "kinerja-worker-"
GB = 1024 ** 3


def check_memory_gb(limit_gb: float) -> float:
    if not math.isfinite(limit_gb) or limit_gb <= 0:
        raise ValueError(f"a memory limit is a positive number of GB, not {limit_gb:g}")
    return limit_gb


def own_memory(pid: int) -> Optional[int]:
    """Memory of a process and all its descendants that is theirs alone (USS: what killing them
    frees); None once it is gone. Not RSS: a forked worker's RSS counts every page it shares
    with the run, which may already be over the limit in a notebook holding a large dataset."""
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return None
    total = 0
    for p in procs:
        try:
            total += p.memory_full_info().uss
        except psutil.Error:  # a child that ended between listing and reading
            continue
    return total


def over_limit_reason(used: int, limit_gb: float) -> str:
    return f"used {used / GB:.2f} GB of memory, over the per-file limit of {limit_gb:g} GB"


def worker_tmp(pid: int) -> Path:
    """The temporary folder of the worker with this pid: known to the run without asking the
    worker, so the run can remove it after a kill."""
    return Path(tempfile.gettempdir()) / f"{WORKER_TMP_PREFIX}{pid}"


def use_own_tmp() -> Path:
    """In a worker: its temporary files (tesseract's images, ...) go to a folder of its own."""
    tmp = worker_tmp(os.getpid())
    tmp.mkdir(mode=0o700, exist_ok=True)
    tempfile.tempdir = str(tmp)
    os.environ["TMPDIR"] = str(tmp)  # child programs (tesseract) write there too
    return tmp


def remove_tmp(pid: int) -> None:
    shutil.rmtree(worker_tmp(pid), ignore_errors=True)


def remove_orphan_tmps() -> None:
    """Temporary folders of workers no longer alive (a run killed with -9 takes its workers,
    and the run itself could not clean up after them)."""
    for tmp in Path(tempfile.gettempdir()).glob(WORKER_TMP_PREFIX + "*"):
        pid = tmp.name[len(WORKER_TMP_PREFIX):]
        if pid.isdigit() and not psutil.pid_exists(int(pid)):
            shutil.rmtree(tmp, ignore_errors=True)
