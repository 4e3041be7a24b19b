"""The out dir a run writes to, checked before any file is read: one clear line when it cannot be
made or written to, rather than a traceback or a failure for every file."""

import os
import tempfile
from pathlib import Path


class OutDirError(Exception):
    """The out dir cannot be used. str(err) is the one-line message shown to users."""


def prepare(out_dir: Path) -> None:
    """Make `out_dir` (and its parents) and make sure a file can be written in it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutDirError(f"{out_dir}: not a folder ({_file_in_the_way(out_dir)} is a file)") from exc
    except OSError as exc:
        raise OutDirError(f"{out_dir}: cannot be created ({why(exc)})") from exc
    try:
        fd, probe = tempfile.mkstemp(dir=out_dir, prefix=".kinerja-probe.")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutDirError(f"{out_dir}: cannot be written to ({why(exc)})") from exc


def why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _file_in_the_way(out_dir: Path) -> Path:
    return next((p for p in (out_dir, *out_dir.parents) if p.exists() and not p.is_dir()), out_dir)


def remove_leftovers(out_dir: Path) -> None:
    """Temporary files of atomic writes (write.atomic) that a killed run left behind. Called
    under the run lock, when no other run writes here."""
    for tmp in out_dir.glob(".*.json.*.tmp"):
        tmp.unlink(missing_ok=True)
