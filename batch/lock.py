"""One run per out dir at a time: a lock file naming its holder (pid, host, start).

The lock is a POSIX record lock (lockf): the system drops it when its process ends however it
ends, so a run killed with -9 leaves no stale lock, and forked workers do not inherit it, so
workers outliving a killed run do not keep the out dir locked."""

import errno
import fcntl
import os
import socket
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .outdir import OutDirError, why

LOCK = ".kinerja.lock"


class OutDirBusy(OutDirError):
    """Another run holds the out dir."""


@contextmanager
def run_lock(out_dir: Path) -> Iterator[None]:
    """Hold `out_dir` for this process; OutDirBusy naming the holder if another process does."""
    path = out_dir / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise OutDirError(f"{out_dir}: cannot be written to ({why(exc)})") from exc
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise OutDirError(f"{path}: cannot be locked ({why(exc)})") from exc
            raise OutDirBusy(f"{out_dir}: another kinerja run is writing here ({_holder(path)}); "
                             "let it finish, or choose another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, _me().encode(), 0)
        yield
    finally:
        os.close(fd)


def _me() -> str:
    since = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return f"pid {os.getpid()} on {socket.gethostname()} since {since}\n"


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "holder not yet named"
    except OSError:
        return "holder unknown"
