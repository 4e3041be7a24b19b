"""Reading an input file's identity (hash, size) and refusing missing or empty files early."""

import hashlib
from pathlib import Path

from kinerja.schema import SourceFile

from .errors import EmptyFile, MissingFile, UnreadableFile


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise MissingFile(path)
    if not path.is_file():
        raise UnreadableFile(path, "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise EmptyFile(path)
    return data


def source_file(path: Path, data: bytes, fmt: str, **counts) -> SourceFile:
    return SourceFile(
        path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt,
        size_bytes=len(data), **counts,
    )
