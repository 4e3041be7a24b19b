"""The PDF parser on PDFs rendered from the seed texts (tests/tools/render_pdfs.py), where the
expected table content is the seed's own tab-separated rows."""

import re
from pathlib import Path

import pytest

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions

from tests.tools import render_pdfs

PK = "pk-2023-diskominfo-kota-medan"
LKJIP = "lkjip-2024-diskominfo-prov-babel"
FAST = PdfOptions(ocr=False)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rendered")
    for seed in (PK, LKJIP):
        src = render_pdfs.SEEDS / f"{seed}.txt"
        render_pdfs.render(src, out / f"{seed}.ruled.pdf")
        render_pdfs.render(src, out / f"{seed}.unruled.pdf", ruled=False, repeat_header=False)
        render_pdfs.render(src, out / f"{seed}.landscape.pdf",
                           pagesize=render_pdfs.landscape(render_pdfs.A4))
    return out


@pytest.fixture(scope="module")
def lkjip_ruled(rendered):
    return parse(rendered / f"{LKJIP}.ruled.pdf", FAST)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _seed_tables(seed: str):
    """The tables the text-dump parser reads from the seed: what the PDF prints."""
    return render_pdfs.seed_document(render_pdfs.SEEDS / f"{seed}.txt").tables()


def test_rendering_is_deterministic(tmp_path):
    src = render_pdfs.SEEDS / f"{PK}.txt"
    a = render_pdfs.render(src, tmp_path / "a.pdf").read_bytes()
    b = render_pdfs.render(src, tmp_path / "b.pdf").read_bytes()
    assert a == b


def test_ruled_tables_reproduce_the_seed_rows(rendered):
    doc = parse(rendered / f"{PK}.ruled.pdf", FAST)
    parsed = {tuple(_norm(c.text) for c in row if c.text) for t in doc.tables() for row in t.body}
    seed_rows = [tuple(_norm(render_pdfs.printable(c.text)) for c in row if c.text)
                 for t in _seed_tables(PK) for row in t.body]
    assert seed_rows
    missing = [r for r in seed_rows if r not in parsed]
    assert len(missing) <= 0.1 * len(seed_rows), missing[:3]


def test_merged_header_cells_become_column_paths(lkjip_ruled):
    paths = [t.column_paths for t in lkjip_ruled.tables()]
    assert any("TARGET TAHUNAN / 2023" in p and "TARGET TAHUNAN / 2026" in p for p in paths)
    assert any("2023 / Target" in p and "2024 / % Capaian" in p for p in paths)


def test_header_spans_are_kept_on_cells(lkjip_ruled):
    table = next(t for t in lkjip_ruled.tables() if "TARGET TAHUNAN / 2023" in t.column_paths)
    spanning = [c for c in table.header_rows[0] if c.text == "TARGET TAHUNAN"]
    assert spanning and spanning[0].col_span == 4
    assert table.numbering_row and table.numbering_row[:3] == ["1", "2", "3"]


def test_table_split_over_pages_with_repeated_header_is_joined_once(lkjip_ruled):
    joined = [t for t in lkjip_ruled.tables() if t.provenance.pages]
    assert joined, "the seed's long tables run over a page break"
    for table in joined:
        assert len(table.provenance.pages) >= 2
        header = [_norm(p) for p in table.column_paths]
        for row in table.body:
            assert [_norm(c.text) for c in row] != header, "repeated header left in the body"


def test_landscape_rendering_gives_the_same_tables(rendered, lkjip_ruled):
    doc = parse(rendered / f"{LKJIP}.landscape.pdf", FAST)
    assert all(p.width > p.height for p in doc.pages)
    # compared without spaces: narrow portrait columns wrap long words by characters
    wanted = {tuple(map(_norm, t.column_paths)) for t in lkjip_ruled.tables() if t.numbering_row}
    got = {tuple(map(_norm, t.column_paths)) for t in doc.tables() if t.numbering_row}
    assert len(wanted & got) >= 0.8 * len(wanted)


def test_unruled_tables_are_found_from_aligned_columns(rendered):
    doc = parse(rendered / f"{PK}.unruled.pdf", FAST)
    cells = " ".join(c.text for t in doc.tables() for row in t.body for c in row)
    assert "Rp. 26.598.218.467,-" in cells
    assert "Program Penyelenggaraan Statistik Sektor" in cells


def test_running_footer_of_rendered_pages_is_not_content(lkjip_ruled):
    texts = [b.text for b in lkjip_ruled.blocks if b.type in ("paragraph", "heading")]
    assert not any("Dokumen uji kinerja" in t for t in texts)


def _page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n")
                for i in range(len(pdf))]
    finally:
        pdf.close()


def test_formula_cell_is_printed_as_a_stacked_fraction_and_read_back(rendered):
    """The renderer draws '\\frac{A}{B}' as A over a rule over B (no '/' printed); the parser
    reads the rule as a fraction bar and the cell as 'A / B'."""
    layer = " ".join(" ".join(_page_texts(rendered / f"{PK}.ruled.pdf")).split())
    assert "Jumlah data digitalisasi" in layer
    assert "pada OPD / Jumlah data digitalisasi" not in layer
    doc = parse(rendered / f"{PK}.ruled.pdf", FAST)
    cells = [c.text for t in doc.tables() for row in t.body for c in row]
    assert any("terdigitalisasi pada OPD / Jumlah data digitalisasi" in c for c in cells)


def test_two_fractions_stacked_in_one_cell_are_read_as_two(rendered):
    """'= A/B' and, under it, '0,93 = 446/480': the second numerator is not the first's
    denominator continued."""
    doc = parse(rendered / f"{PK}.ruled.pdf", FAST)
    cells = [" ".join(c.text.split()) for t in doc.tables() for row in t.body for c in row]
    assert any("/ Jumlah data digitalisasi 0,93 = 446 / 480" in c for c in cells)


def test_text_beside_the_fraction_bar_follows_the_fraction(rendered):
    doc = parse(rendered / f"{PK}.ruled.pdf", FAST)
    cells = [c.text for t in doc.tables() for row in t.body for c in row]
    assert any("Jumlah Layanan Publik yang tersedia / Jumlah Layanan Publik yang tersedia x 100%"
               in c for c in cells)


def test_a_cells_line_breaks_are_printed(rendered):
    """'...terintegrasi<br>Baseline 2022: ...' in the seed: the second line starts a line."""
    lines = [ln.strip() for page in _page_texts(rendered / f"{PK}.ruled.pdf")
             for ln in page.splitlines()]
    assert any(ln.startswith("Baseline 2022:") for ln in lines)


def test_unruled_renders_keep_fractions_flat(rendered):
    layer = " ".join(" ".join(_page_texts(rendered / f"{PK}.unruled.pdf")).split())
    assert "pada OPD / Jumlah data digitalisasi" in layer
