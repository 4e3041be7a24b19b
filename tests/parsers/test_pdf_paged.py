"""A PDF's Document is built page by page (parsers/pdf_blocks.py): each page is stored as soon
as no later page can add to it, so a long report is never held decoded whole."""

import pytest

from tests.parsing import parse, parse_paged
from kinerja.parsers.pdf import blocks as pdf_blocks, reader as pdf
from kinerja.schema import BlockPages, PagedDocument

from .real_pdfs import FAST, real_doc, real_path

DINKES = "lkip_2016_dinkes_jabar.pdf"  # 110 pages; one table runs over pages 82-86
SEED = "pk-2023-diskominfo-kota-medan.txt"


def test_a_table_printed_over_five_pages_is_one_table_naming_them_all():
    doc = real_doc(DINKES)
    table = next(t for t in doc.tables() if t.provenance.page == 82)
    assert table.provenance.pages == [82, 83, 84, 85, 86]
    assert not [t for t in doc.tables() if t.provenance.page in (83, 84, 85, 86)]


@pytest.fixture(scope="module")
def store_log():
    """(pages read so far, page stored) for every page the parser stores."""
    log, read = [], [0]
    drain, add_page = pdf_blocks.PageStash.drain, BlockPages.add_page

    def counting_drain(self):
        for content in drain(self):
            read[0] += 1
            yield content

    def logging_add(self, blocks):
        log.append((read[0], blocks[0].provenance.page))
        add_page(self, blocks)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdf_blocks.PageStash, "drain", counting_drain)
        mp.setattr(BlockPages, "add_page", logging_add)
        pdf.parse_paged(real_path(DINKES), FAST)
    return log


def test_a_page_is_stored_once_the_next_page_shows_its_last_table_does_not_run_on(store_log):
    """A page ending in a table waits for the next page; any other is stored once read."""
    running = {p for t in real_doc(DINKES).tables() for p in (t.provenance.pages or [])[:-1]}
    outside = [(read, page) for read, page in store_log if page not in running]
    assert len(outside) == 110 - len(running)  # the Dinkes LKIP has 110 pages
    assert all(read in (page, page + 1) for read, page in outside)
    assert sum(read == page for read, page in outside) > 80


def test_the_pages_of_a_running_table_wait_for_its_end(store_log):
    """Pages 82-85 wait until page 86, where the table ends with text below it."""
    assert {page: read for read, page in store_log if 82 <= page <= 86} == dict.fromkeys(
        range(82, 87), 86)


def test_a_text_dump_is_paged_as_its_document(corpus):
    paged = parse_paged(corpus / SEED)
    assert isinstance(paged, PagedDocument)
    assert paged.to_document() == parse(corpus / SEED)


def test_pages_past_the_stash_budget_wait_compressed_and_come_back_the_same(monkeypatch):
    """The stash holds its first pages as read and compresses the rest (memory stays flat past
    them); the Document is the same whatever the budget."""
    name = "pk_2021_pengukuran_2020_dkips_sulut.pdf"  # 4 pages
    held = []
    add = pdf_blocks.PageStash.add

    def noting_add(self, content):
        add(self, content)
        held.append(isinstance(self._pages[-1], bytes))

    whole = parse(real_path(name), FAST)
    monkeypatch.setattr(pdf_blocks, "DECODED_PAGES", 1)
    monkeypatch.setattr(pdf_blocks.PageStash, "add", noting_add)
    stashed = parse(real_path(name), FAST)
    assert held == [False, True, True, True]
    assert [b.model_dump() for b in stashed.blocks] == [b.model_dump() for b in whole.blocks]
