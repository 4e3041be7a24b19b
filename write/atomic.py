"""Writing a file so that readers never see half of it: write a temporary file beside it, then
rename. A failure leaves the previous file as it was and no temporary file behind."""

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
