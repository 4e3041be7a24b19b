"""Stacked records in one ruled row of a real PDF, split into rows: every name keeps its own lines."""

from tests.conftest import WILD
from tests.parsing import parse

from .real_pdfs import one_page, real_doc

DISNAKERTRANS = "lkip_2016_disnakertrans_jabar.pdf"


def _pagu_rows():
    table = next(t for t in real_doc(DISNAKERTRANS).tables() if any("PAGU DIPA" in p for p in t.column_paths))
    name_col = next(i for i, p in enumerate(table.column_paths) if "PROGRAM" in p)
    return [next((c.text for c in row if c.col == name_col), "") for row in table.body]


def test_a_numbered_items_wrapped_last_line_stays_with_it():
    # '1. Program Penempatan dan Pemberdayaan Tenaga Kerja' / '(04)' printed above '2. Program ...'
    names = [" ".join(n.split()) for n in _pagu_rows() if n.strip()]
    assert any(n.endswith("Tenaga Kerja (04)") for n in names)
    assert not any(n.startswith("(04)") or n.startswith("Kerja (05)") for n in names)


def test_a_section_label_above_items_that_name_themselves_is_a_row_of_its_own():
    # '1.  Dekonsentrasi' over '1. Program Penempatan ... 4,499,237,000', no ruling between
    names = [" ".join(n.split()) for n in _pagu_rows() if n.strip()]
    assert "Dekonsentrasi" in names
    assert any(n.startswith("1. Program Penempatan") for n in names)
    assert sum(1 for n in names if n.lstrip().startswith(("2. Program", "3. Program", "4. Program"))) == 4


def test_a_ratio_broken_before_its_slash_is_one_figure_not_two_records(tmp_path):
    # '15 TPU' over '/263.136' (makam / m2) in the target and realisasi cells of one indicator
    (table,) = parse(one_page(WILD / "lakip_2015_dkp_kab_cianjur.pdf", 48, tmp_path / "p48.pdf")).tables()
    rows = [[" ".join(c.text.split()) for c in row] for row in table.body]
    assert ["4", "15 TPU /263.136", "11 TPU /219.280", "73.3 %"] == [rows[-1][0], *rows[-1][3:]]


def test_a_figure_over_an_amount_is_one_records_two_figures_not_two_records():
    from kinerja.parsers.ruled.stacked_rows import _two_kinds
    assert _two_kinds(["95%", "155.898.000,00"])  # a K over its Rp (Permendagri 86 forms)
    assert not _two_kinds(["70 %", "100%", "335 buah"])  # stacked records: one kind a line
    assert not _two_kinds(["1.200.000", "3.400.000"])


def test_a_section_label_set_right_over_its_first_item_is_a_row_of_its_own():
    # '2.  Tugas Pembantuan' over '1. Program Penyiapan ... 5,212,370,000' in one ruled row: no
    # padding between the label and the item, the figures beside the item only
    names = [" ".join(n.split()) for n in _pagu_rows() if n.strip()]
    assert "Tugas Pembantuan" in names
    assert any(n.startswith("1. Program Penyiapan") for n in names)


INSPEKTORAT = WILD / "renstra_2025_2029_inspektorat_kab_banyuwangi.pdf"  # p. 26: two partly ruled tables


def _inspektorat_rows(tmp_path):
    tables = parse(one_page(INSPEKTORAT, 26, tmp_path / "p26.pdf")).tables()
    return [[[" ".join(c.text.split()) for c in row] for row in t.body] for t in tables]


def test_records_stacked_with_a_grade_among_their_figures_are_split(tmp_path):
    # 'Level 3' / '22' / 'WTP' beside 'Kapabilitas APIP' / 'Nilai SAKIP ...' / 'Opini BPK'
    _, second = _inspektorat_rows(tmp_path)
    assert [r[1] for r in second[:3]] == ["Level 3", "22", "WTP"]
    assert second[2][0] == "Opini BPK"
