"""The text-dump parser on its inputs: typed errors for bad files, page breaks, blocks and
provenance. Inputs are the seeds, or files cut from them into tmp_path."""

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.parsing import parse as parse_any
from kinerja.parsers.errors import EmptyFile, MissingFile, UnsupportedFormat
from kinerja.parsers.textdump import parse as parse_text
from tests.parsing import parse
from kinerja.schema import Document, Formula, Heading, ListBlock, PageBreak, Paragraph, Table

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))
LKJIP = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"
PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"


@lru_cache(maxsize=None)
def _doc(seed: str) -> Document:
    return parse(CORPUS / seed)


def _lines(path: Path, first: int, last: int) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[first - 1:last]


# --- bad input -------------------------------------------------------------------------------

def test_empty_file_raises_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyFile):
        parse(path)


def test_blank_lines_only_raises_empty_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n \n\t\n")
    with pytest.raises(EmptyFile):
        parse(path)


def test_binary_file_named_txt_raises_unsupported_format(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(UnsupportedFormat, match="binary"):
        parse(path)
    with pytest.raises(UnsupportedFormat):
        parse_any(path)


def test_pdf_bytes_named_txt_are_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(UnsupportedFormat):
        parse_text(path)  # the text-dump parser itself, named the file's way


def test_missing_file_raises_missing_file(tmp_path):
    with pytest.raises(MissingFile):
        parse(tmp_path / "nowhere.txt")


def test_registry_sends_text_dumps_here():
    doc = parse_any(PK)
    assert doc.source.format == "markdown" and doc.source.line_count == 277  # the last line has no newline
    assert doc.tables()


# --- page breaks and continued tables ---------------------------------------------------------

def test_form_feed_is_a_page_break_and_the_table_continues_across_it(tmp_path):
    # Tabel II.4 (lines 544-558) with a page break after its second indicator's rows
    lines = _lines(LKJIP, 544, 558)
    cut = lines.index(next(l for l in lines if l.startswith("3\t")))
    path = tmp_path / "paged.txt"
    path.write_text("\n".join(lines[:cut]) + "\n\f" + "\n".join(lines[cut:]) + "\n")
    doc = parse(path)
    tables = doc.tables()
    assert len(tables) == 1 and tables[0].n_rows == 12
    assert any(isinstance(b, PageBreak) for b in doc.blocks)
    assert [p.number for p in doc.pages] == [1, 2]
    last = tables[0].body[-1]
    assert last[0].provenance.page == 2
    assert tables[0].provenance.pages == [1, 2]


def test_running_headers_and_page_numbers_do_not_split_a_table(tmp_path):
    # Tabel II.4 over three pages, each with a running title on top and its number below
    lines = _lines(LKJIP, 544, 558)
    rows = [k for k, line in enumerate(lines) if line.startswith(("2\t", "3\t"))]
    pages = [lines[:rows[0]], lines[rows[0]:rows[1]], lines[rows[1]:]]
    title = "Laporan Kinerja Dinas Komunikasi dan Informatika 2024"
    text = "\f".join("\n".join([title, ""] + page + ["", str(17 + k)]) + "\n" for k, page in enumerate(pages))
    path = tmp_path / "running.txt"
    path.write_text(text)
    doc = parse(path)
    assert len(doc.tables()) == 1 and doc.tables()[0].n_rows == 12
    assert not any(title in b.text or b.text.strip() in ("17", "18", "19") for b in doc.blocks)
    assert any("running header/footer" in w for w in doc.warnings)


def test_running_headers_of_a_real_pdftotext_dump_are_left_out(tmp_path):
    pdf = CORPUS.parents[1] / "shared" / "corpus" / "pdf" / "lkip_2016_disnakertrans_jabar.pdf"
    if not pdf.exists() or shutil.which("pdftotext") is None:
        pytest.skip("needs ../shared/corpus/pdf and poppler's pdftotext")
    dump = tmp_path / "lkip.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(dump)], check=True, timeout=120)
    doc = parse(dump)
    n_pages = len(pypdfium2.PdfDocument(str(pdf)))
    assert len(doc.pages) == n_pages  # pdftotext ends each page with a form feed
    assert sum(isinstance(b, PageBreak) for b in doc.blocks) == n_pages
    texts = [b.text for b in doc.blocks if isinstance(b, (Paragraph, Heading))]
    assert "LAPORAN KINERJA" not in texts
    assert not any(t == "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Barat" for t in texts)
    assert any("running header/footer" in w for w in doc.warnings)


def test_markdown_pipe_tables_read_like_tab_separated_ones(tmp_path):
    lines = _lines(LKJIP, 544, 558)  # Tabel II.4, rewritten as a Markdown pipe table
    rows = [line for line in lines if "\t" in line]
    pipe = ["| " + " | ".join(rows[0].split("\t")) + " |", "|" + "---|" * 7]
    pipe += ["| " + " | ".join(r.split("\t")) + " |" for r in rows[1:]]
    path = tmp_path / "pipe.md"
    path.write_text("\n".join(lines[:2] + pipe) + "\n")
    table = parse(path).tables()[0]
    assert table.caption.startswith("Tabel II.4")
    assert table.n_rows == 12 and table.column_paths[-1] == "Target TW"
    assert table.body[0][4].text == "2.8" and table.body[0][4].row_span == 4


def test_a_second_table_with_its_own_header_is_not_merged():
    doc = _doc(PK.name)
    first, second = doc.tables()[:2]
    assert first.column_paths[1] == "Sasaran Strategis" and second.column_paths[1] == "Program"


def test_repeated_header_on_the_next_page_is_dropped():
    table = next(t for t in _doc("iku-2020-diskominfo-kab-bengkulu-selatan.txt").tables() if t.kind == "data")
    assert not any(row[0].text == "No" for row in table.body)
    assert any("header repeated" in note for note in table.notes)


def test_separator_row_of_dashes_is_dropped():
    table = next(t for t in _doc(PK.name).tables() if t.provenance.line_start == 86)
    assert not any(set(c.text) <= set("- ") for row in table.body for c in row if c.text)


# --- blocks ------------------------------------------------------------------------------------

def test_headings_in_capitals_and_numbered_sections():
    headings = {(b.text, b.level) for b in _doc(LKJIP.name).blocks if isinstance(b, Heading)}
    assert ("LAMPIRAN", 2) in headings
    assert ("3.1.1. Sasaran : Meningkatnya Pemanfaatan Teknologi Informasi dan Komunikasi Pemerintah "
            "Provinsi Untuk Pelayanan Administrasi Pemerintahan dan Publik yang terintegrasi", 3) in headings
    iku = {(b.text, b.level) for b in _doc("iku-2020-diskominfo-kab-bengkulu-selatan.txt").blocks
           if isinstance(b, Heading)}
    assert ("BAB I", 1) in iku and ("2.1. Definisi Indikator Kinerja Utama", 2) in iku


def test_numbered_and_bulleted_lists():
    lists = [b for b in _doc(PK.name).blocks if isinstance(b, ListBlock)]
    steps = next(b for b in lists if b.provenance.line_start == 264)
    assert steps.ordered and len(steps.items) == 4
    assert steps.items[0].startswith("1. Melaksanakan Monitoring")
    bullets = next(b for b in lists if b.provenance.line_start == 217)
    assert not bullets.ordered and bullets.items == [
        "A. Menerapkan manajemen data yang terpadu;",
        "B. Menerapkan manajemen keamanan informasi yang terpadu; dan",
        "C. Menggunakan teknologi analitik data dan kecerdasan buatan."]


def test_display_formula_keeps_latex_and_reads_plain():
    formulas = [b for b in _doc(LKJIP.name).blocks if isinstance(b, Formula)]
    first = next(f for f in formulas if f.provenance.line_start == 37)
    assert first.source == r"= \frac{\text{Jumlah total domain}}{\text{Jumlah 4 area penilai}}"
    assert first.plain == "= Jumlah total domain / Jumlah 4 area penilai"


def test_markdown_emphasis_is_stripped_from_text():
    para = next(b for b in _doc(PK.name).blocks if b.provenance.line_start == 15)
    assert "**" not in para.text and "ARRAHMAAN PANE, S.STP.,M.A.P" in para.text


def test_illegible_markers_are_kept():
    texts = [b.text for b in _doc(PK.name).blocks if isinstance(b, Paragraph)]
    assert texts.count("[illegible]") == 4


def test_captions_split_over_lines_are_joined():
    table = next(t for t in _doc(LKJIP.name).tables() if t.provenance.line_start == 577)
    assert table.caption == ("Tabel II.6 Perjanjian Kinerja Perubahan Kesatu Kepala Dinas Komunikasi dan "
                             "Informatika Provinsi Kepulauan Bangka Belitung tahun 2024")


# --- provenance ----------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_every_block_and_cell_has_line_provenance_inside_the_file(seed):
    doc = _doc(seed)
    n = doc.source.line_count
    assert doc.blocks
    for block in doc.blocks:
        prov = block.provenance
        assert prov.file.endswith(seed)
        assert 1 <= prov.line_start <= prov.line_end <= n
        if isinstance(block, Table):
            assert prov.table == block.index
            for r, row in enumerate(block.body):
                for cell in row:
                    p = cell.provenance
                    assert (p.table, p.row, p.col) == (block.index, r, cell.col)
                    assert p.line_start is not None and prov.line_start <= p.line_start <= p.line_end <= prov.line_end


def _covered_once(rows, n_rows: int, n_cols: int) -> bool:
    grid = [[0] * n_cols for _ in range(n_rows)]
    for r, row in enumerate(rows):
        for cell in row:
            for rr in range(r, r + cell.row_span):
                for cc in range(cell.col, cell.col + cell.col_span):
                    grid[rr][cc] += 1
    return all(slot == 1 for line in grid for slot in line)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_slot_of_every_table_is_covered_by_exactly_one_cell(seed):
    for table in _doc(seed).tables():
        assert _covered_once(table.body, table.n_rows, table.n_cols), table.provenance.line_start
        assert _covered_once(table.header_rows, len(table.header_rows), table.n_cols), table.provenance.line_start
        assert len(table.column_paths) == table.n_cols


@pytest.mark.parametrize("seed", SEEDS)
def test_table_indexes_follow_document_order(seed):
    assert [t.index for t in _doc(seed).tables()] == list(range(len(_doc(seed).tables())))


@pytest.mark.parametrize("seed", SEEDS)
def test_the_document_round_trips_through_json(seed):
    doc = _doc(seed)
    assert Document.model_validate_json(doc.model_dump_json()) == doc


# --- any tab grid ---------------------------------------------------------------------------------

_WORDS = ["No", "Target", "Realisasi", "2024", "1", "2.8", "Triwulan I", "", "", "", "(1)", "--",
          "Indeks SPBE", "Rp 5.067.574.800", "$\\frac{a}{b}$", "<p>x</p>", "**y**", "TOTAL"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.just(""), st.just("Tabel 1.2 Judul"), st.just("Teks biasa."),
                          st.lists(st.sampled_from(_WORDS), min_size=2, max_size=7).map("\t".join)),
                min_size=1, max_size=30))
def test_any_tab_grid_parses_into_consistent_tables(tmp_path, lines):
    path = tmp_path / "grid.txt"
    path.write_text("\n".join(lines) + "\nakhir\n")
    doc = parse(path)
    for table in doc.tables():
        assert _covered_once(table.body, table.n_rows, table.n_cols)
        assert _covered_once(table.header_rows, len(table.header_rows), table.n_cols)
        for row in table.body:
            for cell in row:
                assert 1 <= cell.provenance.line_start <= cell.provenance.line_end <= len(lines) + 1
