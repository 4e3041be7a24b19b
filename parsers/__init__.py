"""One parser per input format, each `parse(path, options=None) -> Document`.

`detect(path)` names the format from the file's leading bytes (not its extension alone);
`parse(path)` dispatches through FORMATS. Adding a format is one module and one entry here.
"""

from importlib import import_module
from pathlib import Path

from kinerja.schema import Document

from .errors import InputError, UnsupportedFormat
from .source import read_bytes

# format name -> module under kinerja.parsers exposing parse(path, options=None)
FORMATS = {
    "pdf": "pdf",
    "text": "textdump",
}

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}


def detect(path: Path) -> str:
    """Name the format of `path`; raise a typed error for missing, empty or unsupported files."""
    path = Path(path)
    head = read_bytes(path)[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if path.suffix.lower() == ".pdf":
        raise UnsupportedFormat(path, "named .pdf but is not a PDF (no %PDF- header)")
    if _looks_like_text(head):
        return "text"
    raise UnsupportedFormat(path, "not a PDF or a text file")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the 4096-byte boundary is still text
        if exc.start < len(head) - 4:
            return False
    return True


def parse(path: Path, options=None) -> Document:
    fmt = detect(Path(path))
    module = import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.parse(Path(path), options)


__all__ = ["FORMATS", "detect", "parse", "InputError"]
