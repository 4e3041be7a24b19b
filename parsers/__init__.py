"""One parser per input format, each `parse(path, options=None) -> Document`.

`parse_paged(path)` gives the same Document with its blocks stored page by page
(schema.PagedDocument), for the pipeline: the PDF parser builds it page by page.

`detect(path)` names the format from the file's leading bytes (not its extension alone);
`parse(path)` dispatches through FORMATS. Adding a format is one module and one entry here.
"""

from importlib import import_module
from pathlib import Path

from kinerja.schema import Document, PagedDocument

from .errors import InputError, UnsupportedFormat
from .source import check_file, read_ends

# format name -> module under kinerja.parsers exposing parse(path, options=None)
FORMATS = {
    "pdf": "pdf",
    "text": "textdump",
}

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}


def detect(path: Path) -> str:
    """Name the format of `path`; raise a typed error for missing, empty or unsupported files."""
    path = Path(path)
    check_file(path)
    head, _ = read_ends(path)
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


def parse_paged(path: Path, options=None) -> PagedDocument:
    fmt = detect(Path(path))
    module = import_module(f"{__name__}.{FORMATS[fmt]}")
    if hasattr(module, "parse_paged"):
        return module.parse_paged(Path(path), options)
    return PagedDocument.from_document(module.parse(Path(path), options))


__all__ = ["FORMATS", "detect", "parse", "parse_paged", "InputError"]
