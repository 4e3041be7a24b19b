"""The contender engines of the PDF benchmark (bench/pdf_engines.py) on a real PDF,
so that bench_pdf.py cannot silently compare against engines that found nothing."""

from functools import lru_cache

import pytest

from bench.pdf_engines import ENGINES, FINDERS, extract_with
from kinerja.evaluate.facts import to_facts

from .conftest import PDFS

PK = PDFS / "pk_2021_pengukuran_2020_dkips_sulut.pdf"  # ruled tables on pages 2 and 3
PAGES = 3
METHOD = {"camelot": "camelot-lattice", "pdfplumber": "pdfplumber-lines"}


@lru_cache(maxsize=None)
def run(engine: str):
    if not PK.exists():
        pytest.skip(f"real PDF not found at {PK}")
    return extract_with(PK, engine, max_pages=PAGES)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_contender_finds_the_ruled_tables(engine):
    doc, _ = run(engine)
    assert len(doc.pages) == PAGES
    assert {t.provenance.page for t in doc.tables()} == {2, 3}


@pytest.mark.parametrize("engine", FINDERS)
def test_a_contender_tables_come_from_its_own_engine(engine):
    doc, _ = run(engine)
    assert {t.method for t in doc.tables()} == {METHOD[engine]}


@pytest.mark.parametrize("engine", ENGINES)
def test_every_contender_runs_the_whole_pipeline_to_table_facts(engine):
    _, ex = run(engine)
    table_facts = [f for f in to_facts(ex) if getattr(f, "source", None) == "table"]
    assert {f.kind for f in table_facts} == {"indicator", "budget"}


@pytest.mark.parametrize("engine", FINDERS)
def test_a_contender_reads_the_text_outside_tables_as_kinerja_does(engine):
    def text(doc):
        return [b.text for b in doc.blocks if b.type in ("paragraph", "heading")]

    assert text(run(engine)[0]) == text(run("kinerja")[0])
