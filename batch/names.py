"""The output file of each input: `<stem>.<hash>.json`, the hash that of its absolute path.

A path hash (rather than the path relative to the folder named on the command line, or a hash of
the content) gives one input the same output on every run, however its path was spelled and
whichever folder was named; two inputs sharing a stem two outputs; and a changed input the same
output, replaced, rather than a second one beside the old (which `kinerja dataset` would count
twice) as a content hash would, a content hash also giving two copies of one file one output.
The hash keeps every name distinct from the manifest's."""

import hashlib
from pathlib import Path

HASH_CHARS = 10
MAX_STEM_BYTES = 100  # a file name has 255 bytes at most: room for the hash and the suffix


def output_name(path: Path) -> str:
    """`path` absolute (inputs.absolute): the name depends on nothing else."""
    digest = hashlib.sha256(_bytes(str(path))).hexdigest()[:HASH_CHARS]
    stem = _bytes(path.stem)[:MAX_STEM_BYTES].decode("utf-8", "surrogateescape")
    return f"{stem}.{digest}.json"


def _bytes(name: str) -> bytes:
    return name.encode("utf-8", "surrogateescape")  # a file name may hold bytes that are no UTF-8
