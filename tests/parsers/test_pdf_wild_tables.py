"""Ruled tables of real PDFs from regions and agencies the gold does not cover (../shared/corpus/wild),
read from the pages that hold them."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.parsing import parse

from .real_pdfs import FAST

WILD = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "wild"


def _pages(name: str, pages: list[int], out: Path) -> Path:
    src = WILD / name
    if not src.exists():
        pytest.skip(f"real PDF not found at {src}")
    doc, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    new.import_pages(doc, [p - 1 for p in pages])
    new.save(str(out))
    return out


def test_title_rows_inside_the_ruled_box_are_the_caption_and_the_labels_under_them_the_header(tmp_path):
    """'PAGU DAN REALISASI BELANJA DAERAH ...' / 'TAHUN ANGGARAN 2022', each one cell across the
    table, then an empty row, then 'NO. | PERANGKAT DAERAH | PAGU (Rp.) | ...'."""
    doc = parse(_pages("lkjip_2022_pemprov_sumut.pdf", [56], tmp_path / "p.pdf"), FAST)
    table = next(t for t in doc.tables() if "PAGU (Rp.)" in t.column_paths)
    assert table.column_paths[:2] == ["NO.", "PERANGKAT DAERAH"]
    assert "TAHUN ANGGARAN 2022" in table.caption


def test_a_title_that_stops_short_of_the_frames_edge_is_the_caption_and_the_labels_under_it_the_header(tmp_path):
    """'Tabel 4.2' and 'TARGET CAPAIAN INDIKATOR KINERJA RENSTRA ...' over all but the last two of
    25 ruled columns, two rows left empty, then 'Tujuan | Sasaran | ... | BASELINE 2024 | 2025 ...'
    over 'K | RP' pairs."""
    doc = parse(_pages("renstra_2025_2029_setdprd_kab_banyuwangi.pdf", [71], tmp_path / "p.pdf"), FAST)
    table = next(t for t in doc.tables() if t.n_cols == 25)
    assert table.column_paths[:2] == ["Tujuan", "Sasaran"]
    assert table.column_paths[11:15] == ["BASELINE 2024 / K", "BASELINE 2024 / RP", "2025 / K", "2025 / Rp"]
    assert table.caption.startswith("Tabel 4.2 TARGET CAP")


def test_a_forms_title_beside_its_form_label_is_the_caption_not_every_columns_header(tmp_path):
    """A DPA: 'DOKUMEN PELAKSANAAN ANGGARAN ...' beside the box 'FORMULIR DPA-SKPD 2.2', then the
    region and year, the urusan and the table's name, each across the frame, above 'Kode | Uraian
    | ... | Jumlah / Tahun 2019 / Belanja Pegawai ... Jumlah(Rp)'."""
    doc = parse(_pages("dpa_skpd_2019_dpmptsp_kab_wonosobo.pdf", [1], tmp_path / "p.pdf"), FAST)
    (table,) = doc.tables()
    assert table.column_paths[2] == "Uraian"
    assert table.column_paths[-1] == "Jumlah / Tahun 2019 / Jumlah(Rp)"
    assert "Tahun Anggaran 2019" in table.caption

def test_a_continuation_page_that_draws_no_left_columns_joins_the_table_on_its_own_columns(tmp_path):
    """A Renstra funding matrix whose sasaran and tujuan cells ended on the first page: the next
    page's ruling starts at the program column, and its rows keep the first page's column roles."""
    doc = parse(_pages("renstra_2025_2029_satpolpp_kab_banyuwangi.pdf", [48, 49], tmp_path / "p.pdf"), FAST)
    table = next(t for t in doc.tables() if any("PAGU" in p for p in t.column_paths))
    assert table.provenance.pages == [1, 2]
    indicator = table.column_paths.index("INDIKATOR OUTCOME / OUTPUT")
    pagu = table.column_paths.index("TARGET DAN PAGU INDIKATIF TAHUN / 2025 / PAGU (Rp)")
    row = next(r for r in table.body if any(c.col == indicator and "hasil pemberdayaan perlindungan" in c.text
                                            for c in r))
    assert next(c.text for c in row if c.col == pagu) == "200,000,000"


def test_a_row_drawn_without_its_inner_rulings_is_split_at_the_tables_column_lines(tmp_path):
    """Every other row of a LAKIP's budget table has no vertical rulings: one box across the table
    that holds a kegiatan, two amounts and a percentage."""
    doc = parse(_pages("lakip_2015_dkp_kab_cianjur.pdf", [50], tmp_path / "p.pdf"), FAST)
    table = next(t for t in doc.tables() if "Target anggaran" in t.column_paths)
    row = next(r for r in table.body if any("Surat Menyurat" in c.text for c in r))
    texts = {table.column_paths[c.col]: c.text for c in row if c.text}
    assert texts == {"Kegiatan": "Penyediaan Jasa Surat Menyurat", "Target anggaran": "900.000,00",
                     "Realisasi anggaran": "900.000,00", "%": "100,00"}


def test_a_title_row_across_the_table_stays_one_cell(tmp_path):
    doc = parse(_pages("lkjip_2022_pemprov_sumut.pdf", [56], tmp_path / "p.pdf"), FAST)
    table = next(t for t in doc.tables() if "PAGU (Rp.)" in t.column_paths)
    assert "TAHUN ANGGARAN 2022" not in " ".join(c.text for row in table.body for c in row)


def test_a_ruled_table_pasted_as_an_image_into_a_text_page_is_read_by_ocr(tmp_path):
    """A Renstra page whose text layer holds only its headings: the IKU table under them is a
    picture. OCR reads the ruled table inside it; the headings stay the text layer's."""
    doc = parse(_pages("renstra_2025_2029_inspektorat_kab_banyuwangi.pdf", [56], tmp_path / "p.pdf"))
    rows = [[c.text for c in row] for t in doc.tables() for row in t.body]
    maturity = next(r for r in rows if any("Kematangan MR" in c for c in r))
    assert "Indeks" in maturity and "4" in maturity


def test_a_picture_with_its_own_text_layer_is_not_read_again(tmp_path):
    """A cover whose picture has text printed over it: the text layer has the words, no OCR runs."""
    from kinerja.parsers.pdf.image_tables import blank_images
    from kinerja.parsers.pdf.objects import page_objects
    from kinerja.parsers.pdf.triage import triage_page

    pdf = pdfium.PdfDocument(str(_pages("renstra_2025_2029_kec_muncar_kab_banyuwangi.pdf", [2], tmp_path / "p.pdf")))
    page = pdf[0]
    textpage, objects = page.get_textpage(), page_objects(page)
    assert blank_images(objects, textpage, triage_page(page, 1, textpage, objects)) == []


def test_low_rows_of_a_spreadsheet_printed_small_are_rows_of_their_own(tmp_path):
    """A realisation report exported from a spreadsheet: kegiatan 3 and 4 sit in rows 5.5 points
    high, each border running across the table; they were one row merged into 2 and 5."""
    doc = parse(_pages("pobl_desember_2018_dpmptsp_kab_wonosobo.pdf", [1], tmp_path / "p.pdf"), FAST)
    (table,) = [t for t in doc.tables() if t.body]
    numbers = [row[0].text for row in table.body if row and row[0].col == 0 and row[0].text.isdigit()]
    assert numbers[:6] == ["1", "2", "3", "4", "5", "6"]


def test_a_record_printed_over_two_ruled_rows_with_its_amounts_cut_is_one_row(tmp_path):
    """A Renja's review of the RKPD draft: 'Administrasi Kepegawaian' / 'Perangkat Daerah' over two
    ruled rows, its amounts cut as '108.600.00' / '0' and '454.971.50' / '0'."""
    doc = parse(_pages("renja_2024_bakesbangpol_kota_bandung.pdf", [35], tmp_path / "p.pdf"), FAST)
    rows = [[c.text for c in row] for t in doc.tables() for row in t.body]
    row = next(r for r in rows if r and r[1].startswith("Administrasi Kepegawaian"))
    assert row[1] == "Administrasi Kepegawaian Perangkat Daerah"
    assert "108.600.000" in row and "454.971.500" in row
    assert not any(r[1] == "Perangkat Daerah" for r in rows if r)


def test_a_decimal_over_a_two_digit_figure_is_two_records_not_a_cut_amount(tmp_path):
    """A Renstra target matrix: '11.5' (a percentage) over '85' in the next row is no amount cut
    as '11.5' / '85'; the two indicators stay apart."""
    doc = parse(_pages("renstra_2025_2029_satpolpp_kab_banyuwangi.pdf", [48], tmp_path / "p.pdf"), FAST)
    texts = [c.text for t in doc.tables() for row in t.body for c in row]
    assert "11.5" in texts and "85" in texts and "11.585" not in texts


def _picture_areas(path: Path, page_no: int):
    from kinerja.parsers.pdf.image_tables import blank_images, ruled_areas
    from kinerja.parsers.pdf.objects import page_objects
    from kinerja.parsers.pdf.triage import triage_page

    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    page = pdfium.PdfDocument(str(path))[page_no - 1]
    textpage, objects = page.get_textpage(), page_objects(page)
    tri = triage_page(page, page_no, textpage, objects)
    blank = blank_images(objects, textpage, tri)
    return blank, ruled_areas(page, tri, blank)


def test_a_bar_chart_pasted_as_a_picture_is_not_read_as_a_table():
    """A LKIP's chart of puskesmas shares: gridlines across, thick bars up, no table's rulings."""
    from .real_pdfs import PDFS

    blank, ruled = _picture_areas(PDFS / "lkip_2016_dinkes_jabar.pdf", 69)
    assert blank and not ruled


def test_a_table_picture_is_seen_ruled_before_ocr_reads_it():
    blank, ruled = _picture_areas(WILD / "renstra_2025_2029_inspektorat_kab_banyuwangi.pdf", 56)
    assert ruled and ruled == blank


def test_table_pictures_are_left_unread_when_asked(tmp_path):
    from kinerja.parsers.pdf.reader import PdfOptions

    doc = parse(_pages("renstra_2025_2029_inspektorat_kab_banyuwangi.pdf", [56], tmp_path / "p.pdf"),
                PdfOptions(ocr_pictures=False))
    assert not any("Kematangan MR" in c.text for t in doc.tables() for row in t.body for c in row)


def test_a_ruled_table_on_a_slides_background_panel_is_read_once(tmp_path):
    """A slide deck draws each page's content on a framed panel; the panel holds a ruled table.
    Read again as an unruled table inside the frame, the table's rows came out shifted."""
    doc = parse(_pages("renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf", [11], tmp_path / "p.pdf"),
                FAST)
    tables = [t for t in doc.tables() if any("Indikator" in p for p in t.column_paths)]
    assert len(tables) == 1


def test_numbers_on_a_rotated_landscape_page_keep_their_comma_and_narrow_digits(tmp_path):
    """A LAKIP's program table on a page set '/Rotate 90': '98,11%' and '4,5' (a tight glyph box
    puts the comma below the digits and shrinks a '1' to its stem, so they were split)."""
    doc = parse(_pages("lakip_2024_bakesbangpol_kota_bandung.pdf", [31], tmp_path / "p.pdf"), FAST)
    texts = {c.text for t in doc.tables() for row in t.body for c in row}
    assert {"98,11%", "4,5", "4,8", "106,67%"} <= texts
