"""The run manifest in the out dir: one FileResult per input, keyed by its absolute path.

A file is skipped only when its result says the same input bytes went through the same pipeline
version into an output still as written (a truncated or replaced output is redone). Saving
merges into what is on disk, so that results recorded by another writer are never dropped."""

import hashlib
from pathlib import Path
from typing import Iterable, Optional

from kinerja.version import __version__
from kinerja.normalize.catalogue import catalogue_versions
from kinerja.schema import SCHEMA_VERSION, FileResult, RunManifest
from kinerja.write.atomic import write_atomic

from .outdir import OutDirError, why

MANIFEST = "run-manifest.json"
# a new catalogue renames rows: outputs matched against the old one are redone
PIPELINE_VERSION = f"kinerja {__version__}, schema {SCHEMA_VERSION}, catalogues {catalogue_versions()}"
DONE = ("ok", "degraded", "skipped")


def load(out_dir: Path) -> Optional[RunManifest]:
    try:
        return RunManifest.model_validate_json((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return None  # an unreadable manifest only costs a re-run


def results(out_dir: Path) -> dict[str, FileResult]:
    manifest = load(out_dir)
    return {r.file: r for r in manifest.files} if manifest else {}


def up_to_date(path: Path, output: Path, old: Optional[FileResult]) -> bool:
    """Same input bytes, same pipeline version, the output still as written; the output is
    compared by name, the out dir being perhaps spelled otherwise this time."""
    if old is None or old.status not in DONE or old.pipeline_version != PIPELINE_VERSION:
        return False
    if old.output is None or Path(old.output).name != output.name or None in (old.sha256, old.output_sha256):
        return False
    return old.sha256 == sha256_of(path) and old.output_sha256 == sha256_of(output)


def as_skipped(old: FileResult) -> FileResult:
    """The earlier result, standing for this run (its reason kept, once)."""
    if old.status == "skipped":
        return old
    reason = "unchanged since last run" + (f"; {old.reason}" if old.reason else "")
    return old.model_copy(update={"status": "skipped", "reason": reason})


class ManifestFile:
    """The manifest of one out dir, each save merged into what is on disk: results of the same
    files replaced, the others kept. It is read back only when another writer replaced it since
    our last save, so saving after every file stays cheap on a long run."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self._files: list[FileResult] = []
        self._written: Optional[tuple] = None  # the file as we last left it

    def save(self, manifest: RunManifest) -> RunManifest:
        """Write `manifest` merged; returns what was written. OutDirError if it cannot be."""
        if self._written is None or self._stat() != self._written:
            on_disk = load(self.out_dir)
            self._files = on_disk.files if on_disk else []
        self._files = merge(self._files, manifest.files)
        merged = manifest.model_copy(update={"files": self._files})
        try:
            write_atomic(self.out_dir / MANIFEST, merged.model_dump_json(indent=1) + "\n")
        except OSError as exc:  # a full disk: the run cannot record what it does
            raise OutDirError(f"{self.out_dir / MANIFEST}: cannot be written ({why(exc)})") from exc
        self._written = self._stat()
        return merged

    def _stat(self) -> Optional[tuple]:
        try:
            st = (self.out_dir / MANIFEST).stat()
        except OSError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns


def merge(old: Iterable[FileResult], new: Iterable[FileResult]) -> list[FileResult]:
    by_file = {r.file: r for r in old}
    by_file.update((r.file, r) for r in new)
    return list(by_file.values())


def sha256_of(path: Path) -> Optional[str]:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None
