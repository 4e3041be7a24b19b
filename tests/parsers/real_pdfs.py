"""Real published PDFs (../shared/corpus/pdf) parsed once per test session, text layer only."""

from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions
from kinerja.schema import Document

FAST = PdfOptions(ocr=False, timeout_s=120)
PDFS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"


def real_path(name: str) -> Path:
    path = PDFS / name
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    return path


@lru_cache(maxsize=4)
def real_doc(name: str) -> Document:
    return parse(real_path(name), FAST)


def one_page(src: Path, page: int, out: Path) -> Path:
    """Page `page` (1-based) of a real PDF as a PDF of its own at `out`: a test reads one page
    without parsing the whole document."""
    if not src.exists():
        pytest.skip(f"real PDF not found at {src}")
    doc, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    new.import_pages(doc, [page - 1])
    new.save(str(out))
    return out
