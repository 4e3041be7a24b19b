"""Extraction reads a PagedDocument exactly as it reads the Document it was built from.

The paged store keeps no page decoded (decoded_pages=0), so every access decodes afresh: a reader
that compares blocks by identity, keys them by id() or mutates one expecting the change to stay
gives a different Extraction here.
"""

import pytest

from kinerja.extract import doctype, extract_document, meta, tables
from tests.parsing import parse
from kinerja.schema import Document, PageBreak, PagedDocument, Table

from ..conftest import CORPUS, PDFS
from .seeds import IKU, seed

# text-layer PDFs: the two with gold, and a 110-page report with 55 tables
PDF_STEMS = ("lkjip_2021_dpupr_kab_grobogan", "pk_2021_pengukuran_2020_dkips_sulut", "lkip_2016_dinkes_jabar")


def _same_extraction(doc) -> None:
    paged = PagedDocument.from_document(doc, decoded_pages=0)
    assert extract_document(paged).model_dump() == extract_document(doc).model_dump()


@pytest.fixture(scope="module", params=PDF_STEMS)
def pdf_doc(request):
    path = PDFS / f"{request.param}.pdf"
    if not path.is_file():
        pytest.skip(f"real PDF not found at {path}")
    return parse(path)


@pytest.mark.parametrize("stem", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_paged_seed_extracts_the_same(stem):
    _same_extraction(seed(stem))


def test_paged_pdf_extracts_the_same(pdf_doc):
    _same_extraction(pdf_doc)


def _split_over_pages(doc: Document, index: int, rows: int) -> Document:
    """The document with table `index` printed over two pages, as a text dump splits a long table:
    its body after `rows` rows is a second table, uncaptioned, with the same header."""
    table = doc.blocks[index]
    first = table.model_copy(update={"body": table.body[:rows]})
    rest = table.model_copy(update={"caption": None, "body": table.body[rows:]})
    page_break = PageBreak(provenance=table.provenance)
    blocks = doc.blocks[:index] + [first, page_break, rest] + doc.blocks[index + 1:]
    return doc.model_copy(update={"blocks": blocks})


@pytest.mark.parametrize("paged", [False, True], ids=["document", "paged"])
def test_table_continued_after_a_page_break_keeps_its_year(paged):
    # the IKU matrix is titled with its plan period ("... TAHUN ANGGARAN 2016 2021" above it): its targets
    # belong to no single year, on the second page too (not to the document's year, 2020)
    doc = seed(IKU)
    index = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Table) and len(b.body) > 30)
    split = _split_over_pages(doc, index, rows=18)
    read = PagedDocument.from_document(split, decoded_pages=0) if paged else split
    parts = doctype.find_parts(read)
    info = meta.read_meta(read, parts)
    indicators, _ = tables.read_tables(read, parts, info)
    assert info.year == 2020
    from_table = [r for r in indicators if r.value.provenance.table == split.blocks[index].index]
    # the IKU matrix prints 36 target values (gold: 36 indicator facts), none tied to a year
    assert len(from_table) == 36 and {r.year for r in from_table} == {None}
