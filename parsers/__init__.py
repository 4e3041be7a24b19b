"""One parser per input format, each `parse(path, options=None) -> Document`.

`parse_paged(path)` gives the same Document with its blocks stored page by page
(schema.PagedDocument), for the pipeline: the PDF parser builds it page by page.

`detect(path)` names the format from the file's leading bytes (not its extension alone);
`parse(path)` dispatches through FORMATS. Adding a format is one module and one entry here.
`options` is one format's options (PdfOptions, TextDumpOptions), or ParseOptions holding each
format's: what a caller passes who does not know the format yet (the pipeline).

The layout: `pdf/` (text-layer and scanned PDFs) builds on `ocr/`, `ruled/` and `unruled/` (the
table finders), `grid/` (the found-table model) and `page/` (geometry, words, lines);
`textdump/` reads text dumps on a path of its own; `text/` holds the text rules both share.
"""

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from kinerja.schema import Document, PagedDocument

from .encoding import file_chunks, text_encoding
from .errors import InputError, UnsupportedFormat
from .source import check_file, read_ends

if TYPE_CHECKING:
    from .pdf import PdfOptions
    from .textdump import TextDumpOptions

# format name -> module under kinerja.parsers exposing parse(path, options=None)
FORMATS = {
    "pdf": "pdf",
    "text": "textdump",
}



@dataclass(frozen=True)
class ParseOptions:
    """Each format's options, for a caller that does not know the file's format yet."""

    pdf: Optional["PdfOptions"] = None
    text: Optional["TextDumpOptions"] = None

    def for_format(self, fmt: str):
        return getattr(self, fmt)


def detect(path: Path) -> str:
    """Name the format of `path`; raise a typed error for missing, empty or unsupported files."""
    path = Path(path)
    check_file(path)
    head, _ = read_ends(path)
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if path.suffix.lower() == ".pdf":
        raise UnsupportedFormat(path, "named .pdf but is not a PDF (no %PDF- header)")
    if text_encoding(file_chunks(path)) is not None:
        return "text"
    raise UnsupportedFormat(path, "not a PDF or a text file")


def parse(path: Path, options=None) -> Document:
    fmt = detect(Path(path))
    module = import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.parse(Path(path), _own(options, fmt))


def parse_paged(path: Path, options=None) -> PagedDocument:
    fmt = detect(Path(path))
    module = import_module(f"{__name__}.{FORMATS[fmt]}")
    if hasattr(module, "parse_paged"):
        return module.parse_paged(Path(path), _own(options, fmt))
    return PagedDocument.from_document(module.parse(Path(path), _own(options, fmt)))


def _own(options, fmt: str):
    return options.for_format(fmt) if isinstance(options, ParseOptions) else options


__all__ = ["FORMATS", "ParseOptions", "detect", "parse", "parse_paged", "InputError"]
