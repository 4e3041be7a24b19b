"""Which files a run takes, each once, under the one name the manifest and its output know it by."""

import os
from pathlib import Path
from typing import Iterable, Iterator

INPUT_SUFFIXES = {".pdf", ".txt", ".md"}


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named directly are taken whatever they are (so a wrong type or an unreadable file is
    reported); folders contribute their PDF and text files, recursively, in a stable order. A file
    reached twice (a relative and an absolute path, a link) is taken once, as first named."""
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        for f in _files(path):
            found.setdefault(_identity(f), absolute(f))
    return list(found.values())


def absolute(path: Path) -> Path:
    """The name a run knows an input by: absolute and normalised, links kept as named."""
    return Path(os.path.abspath(path))


def _files(path: Path) -> Iterator[Path]:
    if not _is_dir(path):
        yield path
        return
    yield from sorted(f for f in path.rglob("*") if f.suffix.lower() in INPUT_SUFFIXES and f.is_file())


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name the system refuses (too long, ...): a file whose failure says why
        return False


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return absolute(path)
