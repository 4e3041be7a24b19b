"""Writing a file so that readers never see half of it: write a temporary file beside it, then
rename. A failure leaves the previous file as it was and no temporary file behind. The file
gets the mode any file the user writes gets (0666 less the umask), not the temporary file's
private 0600: a team sharing an archive reads each other's outputs."""

import os
import tempfile
from pathlib import Path
from typing import Callable


def replace_atomic(path: Path, write: Callable[[str], None]) -> None:
    """Let `write(tmp_path)` produce the new content, then rename it over `path`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write text (UTF-8) atomically, flushed to disk before the rename."""
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomic(path, write)


def umask() -> int:
    """The process's umask, read without changing it where Linux says it (os.umask can only
    be read by setting it, which races with threads creating files meanwhile)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
