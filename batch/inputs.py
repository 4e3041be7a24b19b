"""Which files a run takes, each once, under the one name the manifest and its output know it by;
and what it passes over in the folders it searches, each with the reason (one line and a
manifest entry, never silence)."""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

INPUT_SUFFIXES = {".pdf", ".txt", ".md"}


@dataclass(frozen=True)
class Passed:
    """A path a folder search did not take: `failed` when input may have been lost (a folder
    that cannot be read, a link to nothing), else a skip (a link loop, a pipe)."""
    path: Path
    reason: str
    failed: bool


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    passed: list[Passed] = field(default_factory=list)


def discover(paths: Iterable[Path]) -> list[Path]:
    return search(paths).files


def search(paths: Iterable[Path]) -> Found:
    """Files named directly are taken whatever they are (so a wrong type or an unreadable file is
    reported); folders contribute their PDF and text files, recursively, in a stable order,
    following links to folders but each real folder once. A file reached twice (a relative and
    an absolute path, a link) is taken once, as first named."""
    found, files = Found(), {}
    for path in map(Path, paths):
        if _is_dir(path):
            _walk(path, files, found.passed)
        else:
            files.setdefault(_identity(path), absolute(path))
    found.files = list(files.values())
    return found


def absolute(path: Path) -> Path:
    """The name a run knows an input by: absolute and normalised, links kept as named."""
    return Path(os.path.abspath(path))


def _walk(top: Path, files: dict, passed: list[Passed]) -> None:
    seen, taken = {_identity(top)}, []

    def unreadable(exc: OSError) -> None:
        passed.append(Passed(absolute(Path(exc.filename)), f"folder cannot be read ({exc.strerror})", True))

    for root, dirs, names in os.walk(top, followlinks=True, onerror=unreadable):
        dirs.sort()  # which of two ways to one folder is taken: the same on every run
        for name in list(dirs):
            sub = Path(root, name)
            if _identity(sub) in seen:  # a link back up the tree, or a second way to one folder
                dirs.remove(name)
                passed.append(Passed(absolute(sub), f"link to a folder already searched ({_identity(sub)})",
                                     False))
            seen.add(_identity(sub))
        for name in names:
            _take(Path(root, name), taken, passed)
    for path in sorted(taken):  # in the order of their paths, as a listing shows them
        files.setdefault(_identity(path), absolute(path))


def _take(path: Path, taken: list[Path], passed: list[Passed]) -> None:
    if path.suffix.lower() not in INPUT_SUFFIXES:
        return
    if path.is_file():
        taken.append(path)
    elif path.is_symlink() and not path.exists():
        passed.append(Passed(absolute(path), "link that leads to no file (its target is missing, or a loop)",
                             True))
    elif not path.is_dir():  # a named pipe or a device: reading it could block the run
        passed.append(Passed(absolute(path), "not a regular file", False))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name the system refuses (too long, ...): a file whose failure says why
        return False


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13)
        return absolute(path)
