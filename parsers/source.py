"""Reading an input file's identity (hash, size) and refusing missing or empty files early."""

import hashlib
from pathlib import Path

from kinerja.schema import SourceFile

from .errors import EmptyFile, MissingFile, UnreadableFile

CHUNK = 1 << 20


def read_bytes(path: Path) -> bytes:
    check_file(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from exc


def check_file(path: Path) -> int:
    """The size of a readable, non-empty regular file; typed errors otherwise."""
    try:
        if not path.exists():
            raise MissingFile(path)
        if not path.is_file():
            raise UnreadableFile(path, "not a regular file")
        size = path.stat().st_size
        with path.open("rb") as fh:
            blank = not fh.read(4096).strip() and not _has_content(fh)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from exc
    if blank:
        raise EmptyFile(path)
    return size


def _has_content(fh) -> bool:
    while chunk := fh.read(CHUNK):
        if chunk.strip():
            return True
    return False


def read_ends(path: Path, size: int = 4096) -> tuple[bytes, bytes]:
    """The first and last `size` bytes, without reading the file between."""
    with path.open("rb") as fh:
        head = fh.read(size)
        fh.seek(max(0, path.stat().st_size - size))
        return head, fh.read(size)


def file_source(path: Path, fmt: str, **counts) -> SourceFile:
    """The file's identity, hashed in chunks: a large scan is never held whole."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return SourceFile(path=str(path), sha256=digest.hexdigest(), format=fmt, size_bytes=size,
                      **counts)


def source_file(path: Path, data: bytes, fmt: str, **counts) -> SourceFile:
    return SourceFile(
        path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt,
        size_bytes=len(data), **counts,
    )
