"""A Document stored page by page (schema/paged.py) reads back as the Document it stores."""

import pytest

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions
from kinerja.schema import PagedDocument

from .conftest import PDFS

PK = PDFS / "pk_2021_pengukuran_2020_dkips_sulut.pdf"  # 4 pages, ruled tables on pages 2 and 3


@pytest.fixture(scope="module")
def doc():
    if not PK.exists():
        pytest.skip(f"real PDF not found at {PK}")
    return parse(PK, PdfOptions(ocr=False))


def test_a_paged_document_gives_back_the_document_it_stores(doc):
    assert PagedDocument.from_document(doc).to_document() == doc


def test_blocks_are_stored_a_page_at_a_time(doc):
    paged = PagedDocument.from_document(doc)
    assert paged.blocks.stored_pages() == len(doc.pages) == 4


def test_blocks_read_alike_by_index_slice_and_iteration(doc):
    blocks = PagedDocument.from_document(doc, decoded_pages=2).blocks
    assert len(blocks) == len(doc.blocks)
    assert [blocks[i] for i in range(len(blocks))] == list(blocks) == doc.blocks
    assert blocks[-1] == doc.blocks[-1]
    assert blocks[2:30:3] == doc.blocks[2:30:3]


def test_an_index_past_the_end_raises_index_error(doc):
    blocks = PagedDocument.from_document(doc).blocks
    with pytest.raises(IndexError):
        blocks[len(doc.blocks)]


def test_a_page_out_of_the_decoded_window_is_decoded_again_as_a_new_object(doc):
    """Readers must key blocks by index: identity does not survive the window."""
    blocks = PagedDocument.from_document(doc, decoded_pages=1).blocks
    first = blocks[0]
    assert blocks[0] is first  # its page is still decoded
    for _ in blocks:  # the other pages pass through the window
        pass
    assert blocks[0] == first and blocks[0] is not first


def test_stored_blocks_take_a_fraction_of_their_json(doc):
    paged = PagedDocument.from_document(doc)
    json_bytes = sum(len(b.model_dump_json()) for b in doc.blocks)
    assert paged.blocks.stored_bytes() < json_bytes / 3


def test_tables_are_read_from_the_stored_pages(doc):
    assert list(PagedDocument.from_document(doc).tables()) == doc.tables()
