"""The PDF parser on real published PDFs (../shared/corpus/pdf): text layer, tables, provenance.

Default tests use the small text-layer PDFs and one LKjIP; the full corpus (OCR of every scanned
page, 142 pages for one of them) runs under `-m slow`.
"""

import json
from pathlib import Path

import pytest

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions
from kinerja.schema import Document, Heading, Paragraph, Table

FAST = PdfOptions(ocr=False, timeout_s=120)
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PDFS, GOLD = SHARED / "pdf", SHARED / "gold"


def _real(name: str) -> Path:
    path = PDFS / name
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    return path


@pytest.fixture(scope="module")
def pengukuran() -> Document:
    return parse(_real("pk_2021_pengukuran_2020_dkips_sulut.pdf"), FAST)


@pytest.fixture(scope="module")
def grobogan() -> Document:
    return parse(_real("lkjip_2021_dpupr_kab_grobogan.pdf"), FAST)


def _gold(name: str) -> list[dict]:
    path = GOLD / f"{name}.facts.jsonl"
    if not path.exists():
        pytest.skip(f"gold not found at {path}")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _all_cell_text(doc: Document) -> str:
    return " ".join(c.text for t in doc.tables() for row in t.body for c in row)


def test_pages_carry_size_kind_and_tables(pengukuran):
    assert [p.number for p in pengukuran.pages] == [1, 2, 3, 4]
    assert all(p.kind == "text" and p.width and p.height for p in pengukuran.pages)
    assert [p.has_tables for p in pengukuran.pages] == [False, True, True, True]
    assert not pengukuran.degraded


def test_performance_table_has_column_paths_and_numbering_row(pengukuran):
    table = pengukuran.tables()[-1]
    assert table.column_paths[0] == "NO."
    assert "REALISASI" in table.column_paths
    assert table.numbering_row == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    assert [c.text for c in table.body[0]][3:] == ["100 %", "100 %", "100 %"]


def test_budget_cells_hold_the_gold_amounts_as_printed(pengukuran):
    budget = [f for f in _gold("pk_2021_pengukuran_2020_dkips_sulut") if f["kind"] == "budget"]
    cells = _all_cell_text(pengukuran).replace(" ", "")
    for fact in budget:
        printed = f"{fact['value']:,}".replace(",", ".")
        assert printed in cells, fact["item"]


def test_gold_indicators_appear_in_table_cells(pengukuran):
    indicators = {f["indicator"] for f in _gold("pk_2021_pengukuran_2020_dkips_sulut")
                  if f["kind"] == "indicator"}
    cells = _all_cell_text(pengukuran).lower()
    for name in indicators:
        assert name.lower() in cells, name


def test_every_block_and_cell_has_page_and_top_left_box(pengukuran):
    for block in pengukuran.blocks:
        if block.type == "page_break":
            continue
        assert block.provenance.page and block.provenance.bbox.origin == "top-left"
        if isinstance(block, Table):
            for row in block.body:
                for cell in row:
                    box = cell.provenance.bbox
                    assert cell.provenance.table == block.index
                    assert box.x0 < box.x1 and box.y0 < box.y1
                    assert box.y1 <= pengukuran.pages[cell.provenance.page - 1].height


def test_table_cells_and_body_rows_are_indexed(pengukuran):
    for table in pengukuran.tables():
        assert table.n_rows == len(table.body) and table.n_cols == len(table.column_paths)
        for i, row in enumerate(table.body):
            assert all(c.row == i and c.provenance.row == i for c in row)


def test_running_footer_and_page_numbers_are_not_content(grobogan):
    texts = [b.text for b in grobogan.blocks if isinstance(b, (Paragraph, Heading))]
    assert not any(t.startswith("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2021")
                   for t in texts)
    assert not any(t.strip().isdigit() for t in texts)


def test_table_over_a_page_break_is_one_table_naming_both_pages(grobogan):
    first = grobogan.tables()[0]
    assert first.provenance.pages == [3, 4]
    pages_of_cells = {c.provenance.page for row in first.body for c in row}
    assert pages_of_cells == {3, 4}
    indicators = " ".join(c.text for row in first.body for c in row)
    assert "Presentase infrastruktur kondisi baik" in indicators
    assert "Nilai SAKIP" in indicators  # a row printed on the second page


def test_gold_table_indicators_of_the_lkjip_are_in_cells(grobogan):
    gold = _gold("lkjip_2021_dpupr_kab_grobogan")
    names = {f["indicator"] for f in gold if f["kind"] == "indicator"}
    cells = " ".join(_all_cell_text(grobogan).lower().split())
    found = sum(1 for n in names if " ".join(n.lower().split()) in cells)
    assert found / len(names) >= 0.8, f"{found} of {len(names)} gold indicators in table cells"


def test_scanned_pages_without_ocr_are_named_in_warnings(grobogan):
    assert grobogan.pages[0].kind == "scanned"
    assert grobogan.degraded
    assert any("page 1 is scanned" in w for w in grobogan.warnings)


def test_landscape_pages_keep_their_size(pdf_dir):
    doc = parse(pdf_dir / "rencana_aksi_2022_dpupr_kab_grobogan.pdf", FAST)
    assert all(p.width > p.height for p in doc.pages)
    assert doc.tables()
    table = doc.tables()[0]
    assert max(c.provenance.bbox.x1 for row in table.body for c in row) > doc.pages[0].height


@pytest.mark.parametrize("name", [
    "pk_2017_kadis_dispora_jabar.pdf", "pk_2016_kaban_bpmpd_jabar.pdf", "iku_2017_dinkes_jabar.pdf",
    "iku_2016_bpmpd_jabar.pdf", "sk_iku_2021_dkips_sulut.pdf",
])
def test_small_text_pdfs_parse_with_tables(pdf_dir, name):
    doc = parse(pdf_dir / name, FAST)
    assert doc.pages and not doc.degraded, doc.warnings
    assert doc.tables(), "each of these prints at least one ruled table"


@pytest.mark.slow
def test_every_real_pdf_opens_and_its_first_page_is_read(pdf_dir):
    """Every shared PDF opens and its first page is read, a scan's found to be one (its OCR is
    tested on the real scans' own pages in test_ocr.py and test_meta.py; the whole corpus, 530
    pages through OCR, is bench/bench_corpus_parse.py's)."""
    for path in sorted(pdf_dir.glob("*.pdf")):
        doc = parse(path, PdfOptions(max_pages=1, ocr=False))
        assert doc.pages, path.name
        assert not any("time limit" in w for w in doc.warnings), (path.name, doc.warnings)
        if path.stem.endswith("_SCAN"):  # (a text PDF's cover may be a scanned image too)
            assert {p.kind for p in doc.pages} == {"scanned"}, path.name


def test_rotated_page_reads_like_the_upright_original(pengukuran, tmp_path):
    """Content drawn turned a quarter and shown upright by /Rotate 90 (how landscape pages of
    scanned or exported reports are stored) gives the same tables in the displayed frame."""
    import pikepdf

    out = tmp_path / "rotated.pdf"
    with pikepdf.open(_real("pk_2021_pengukuran_2020_dkips_sulut.pdf")) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
            page.contents_coalesce()
            body = page.Contents.read_bytes()
            page.Contents = pdf.make_stream(f"q 0 1 -1 0 {y1 - y0} 0 cm\n".encode() + body + b"\nQ")
            page.MediaBox = [0, 0, y1 - y0, x1 - x0]
            page.Rotate = 90
        pdf.save(out)
    doc = parse(out, FAST)
    assert [p.rotation for p in doc.pages] == [90] * 4
    assert [t.column_paths for t in doc.tables()] == [t.column_paths for t in pengukuran.tables()]
    assert [[c.text for c in r] for t in doc.tables() for r in t.body] == \
        [[c.text for c in r] for t in pengukuran.tables() for r in t.body]


def test_justified_prose_with_wide_word_gaps_is_no_table(pdf_dir):
    # lkip_2016_bpbd_jabar p. 34: a justified list of duties, words spread over the line
    doc = parse(pdf_dir / "lkip_2016_bpbd_jabar.pdf", PdfOptions(ocr=False, max_pages=34))
    assert not [t for t in doc.tables() if t.provenance.page == 34]
