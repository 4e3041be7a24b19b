"""Tables continued over page breaks on real PDFs are joined into one (parsers/table_joins.py)."""

from .real_pdfs import real_doc

BPBD = "lkip_2016_bpbd_jabar.pdf"
DISNAKER = "lkip_2016_disnakertrans_jabar.pdf"
GROBOGAN = "lkjip_2021_dpupr_kab_grobogan.pdf"


def _table_on(doc, page: int, path: str):
    return next(t for t in doc.tables() if t.provenance.page == page and path in t.column_paths)


def _body_text(table) -> str:
    return " ".join(c.text for row in table.body for c in row)


def test_budget_table_continued_without_a_repeated_header_is_one_table():
    """The budget table of p66 runs on over p67 and p68 with no header there, a chapter page
    number ('III-10') between the parts."""
    table = _table_on(real_doc(BPBD), 66, "ANGGARAN Rp.")
    assert table.provenance.pages == [66, 67, 68]
    assert "Penguatan Kapasitas Kesiapsiagaan" in _body_text(table)  # p67
    assert "Bimbingan Teknis Pengkajian Kebutuhan" in _body_text(table)  # p68


def test_continued_rows_get_the_column_roles_of_the_first_page():
    table = _table_on(real_doc(BPBD), 66, "ANGGARAN Rp.")
    col = table.column_paths.index("ANGGARAN Rp.")
    p68 = [row for row in table.body if row and row[0].provenance.page == 68]
    assert p68 and any(c.col == col and c.text.startswith("380.500.000") for r in p68 for c in r)


def test_continuation_with_a_sliver_column_is_fitted_to_the_columns_it_continues():
    """p22 repeats p21's header but its grid has an extra narrow column at the right edge."""
    table = _table_on(real_doc(DISNAKER), 21, "Indikator Kinerja")
    assert table.provenance.pages == [21, 22]
    assert table.n_cols == 4
    repeated = [row for row in table.body if row and row[0].text.strip() == "No."]
    assert not repeated


def test_tables_with_other_columns_on_the_next_page_stay_apart():
    doc = real_doc(GROBOGAN)
    assert not [t for t in doc.tables() if {48, 49} <= set(t.provenance.pages or [])]


def test_header_repeated_without_its_sub_label_row_is_not_a_body_row():
    """Pages 2-4 of the action plan repeat the first two header rows of page 1, not its third
    ('TW I ... TW IV')."""
    doc = real_doc("rencana_aksi_2022_dpupr_kab_grobogan.pdf")
    table = doc.tables()[0]
    assert table.provenance.pages == [1, 2, 3, 4]
    labels = [row for row in table.body if [c.text for c in row][:2] == ["TUJUAN", "SASARAN"]
              or [c.text for c in row][:3] == ["Uraian", "Indikator", "Target"]]
    assert not labels


def test_row_broken_by_the_page_is_mended():
    """The activity name 'Peningkatan Kapasitas Kemampuan Relawan dan' ends p66; its rest
    ('Kesiapan dan Ketersediaan ...') opens p67 with no figures of its own."""
    table = _table_on(real_doc(BPBD), 66, "ANGGARAN Rp.")
    names = [c.text for row in table.body for c in row if "Relawan dan" in c.text]
    assert names == ["Peningkatan Kapasitas Kemampuan Relawan dan Kesiapan dan Ketersediaan "
                     "Kab/Kota dlm Penyediaan Logistik dan Peralatan"]
    assert not [row for row in table.body if any(c.text.startswith("Kesiapan dan") for c in row)]
