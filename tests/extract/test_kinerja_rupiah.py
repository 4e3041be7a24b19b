"""Kinerja and rupiah side by side (Permendagri 86/2017 evaluation forms): a K is an indicator value,
an Rp a budget value of the row's program or kegiatan, whether they stand in columns of their own
or one over the other in one cell."""

import pytest

from kinerja.extract.kinerja_rupiah import pair, split_with_origin
from kinerja.pipeline import extract_file
from tests.forms import generate
from tests.parsing import parse

from ..conftest import PDFS

# a Renja evaluation (Permendagri 86/2017) with a K and an Rp column under each triwulan
RENJA = PDFS / "renja_2019_dpmptsp_kab_wonosobo.pdf"


@pytest.mark.parametrize("text, k, rp", [
    ("12 Unit 1.040.398.275,00", "12 Unit", "1.040.398.275,00"),
    ("95% Rp 155.898.000", "95%", "Rp 155.898.000"),
    ("100 % 249,837,240.00", "100 %", "249,837,240.00"),
    # OCR readings of a scanned evaluation: a speck after the dash, a comma without its dash
    ("44 Unit Rp. 499.195.430,-.", "44 Unit", "Rp. 499.195.430,-."),
    ("34 Unit Rp. 439.500.000,", "34 Unit", "Rp. 439.500.000,"),
])
def test_a_cell_with_a_figure_then_an_amount_is_a_k_and_an_rp(text, k, rp):
    m = pair(text)
    assert (m.group("k"), m.group("rp")) == (k, rp)


@pytest.mark.parametrize("text", ["1.040.398.275,00", "Pengadaan 2 unit", "1.000.000 2.000.000"])
def test_a_lone_amount_or_a_name_is_no_pair(text):
    assert pair(text) is None


def test_stacked_k_over_rp_cells_give_indicators_and_budgets_of_a_generated_form(tmp_path):
    g = generate("renja_eval", "stacked", seed=3, out_dir=tmp_path)
    ex = extract_file(g.pdf_path)
    amounts = {f["value"] for f in g.facts if f["kind"] == "budget" and f["value"] >= 1000}
    assert ex.budgets and {b.value.value for b in ex.budgets if b.value.value >= 1000} <= amounts
    assert not any(i.value.value in amounts for i in ex.indicators)  # no Rp read as a K


@pytest.fixture(scope="module")
def renja():
    if not RENJA.is_file():
        pytest.skip(f"real PDF not found at {RENJA}")
    return extract_file(RENJA)


def test_a_real_renja_evaluation_reads_its_ks_as_indicators_and_its_rps_as_budgets(renja):
    assert len(renja.budgets) >= 20 and len(renja.indicators) >= 20
    assert all(abs(i.value.value) < 1e6 for i in renja.indicators if isinstance(i.value.value, float))
    amounts = [b for b in renja.budgets if b.measure in ("anggaran", "realisasi") and b.value.value]
    assert amounts and all(b.value.value >= 1000 for b in amounts)


def test_a_split_cell_keeps_the_column_it_was_printed_in(tmp_path):
    g = generate("renja_eval", "stacked", seed=3, out_dir=tmp_path)
    doc = parse(g.pdf_path)
    split = [(t, *split_with_origin(t)) for t in doc.tables()]
    t, s, origin = next(x for x in split if x[1].n_cols > x[0].n_cols)
    assert len(origin) == s.n_cols and origin[-1] == t.n_cols - 1
    printed = {t.index: t.n_cols for t in doc.tables()}
    ex = extract_file(g.pdf_path)
    assert all(r.value.provenance.col < printed[r.value.provenance.table]
               for r in [*ex.budgets, *ex.indicators] if r.value.provenance.table is not None)


def test_rows_of_a_budget_table_that_print_their_own_amounts_are_never_folded():
    from kinerja.extract.kinerja_rupiah import _fold_amount_rows
    from ..conftest import WILD
    renstra = WILD / "renstra_2025_2029_kec_muncar_kab_banyuwangi.pdf"  # anggaran and realisasi by year
    if not renstra.is_file():
        pytest.skip(f"real PDF not found at {renstra}")
    table = next(t for t in parse(renstra).tables() if any("Realisasi Anggaran" in p for p in t.column_paths))
    assert len(_fold_amount_rows(table)) == len(table.body)


def test_a_total_row_under_rows_that_print_their_own_amounts_stays_a_row():
    """A scanned Renja evaluation (generated, OCR'd): the total row prints only amounts, under
    a kegiatan row whose cells stack its K over its Rp, one of them read with a speck after the
    dash. Folded into that row, the total became the kegiatan's indicator target in rupiah."""
    from kinerja.extract.kinerja_rupiah import _fold_amount_rows
    from kinerja.schema import Cell, Provenance, Table

    above = ["3.26.02.1.01", "Kegiatan Penyelenggaraan Angkutan Orang", "Jumlah Personil TRC",
             "44 Unit Rp. 499.195.430,-.", "28 Unit Rp. 414. 331.542,-", "34 Unit Rp. 439.500.000,"]
    total = ["", "Jumlah Total", "", "Rp. 4.137.760.235,-", "Rp. 3.217.598.151,-", "Rp. 3.779.599.246,-"]
    body = [[Cell(text=t, row=r, col=c) for c, t in enumerate(texts) if t]
            for r, texts in enumerate((above, total))]
    table = Table(n_rows=2, n_cols=6, body=body, provenance=Provenance(file="scan.pdf", page=1))
    assert len(_fold_amount_rows(table)) == 2


def test_a_kegiatan_code_of_grouped_digits_is_no_amount_of_the_row_above():
    """A -layout dump's K row, its code '2.01.001.002', then its Rp row: folded as one row."""
    from kinerja.extract.kinerja_rupiah import _fold_amount_rows
    from kinerja.schema import Cell, Provenance, Table

    above = ["2.01.001.002", "Penyusunan Dokumen Perencanaan", "12 Dokumen", "13 Dokumen"]
    below = ["", "", "Rp 1.250.000.000", "Rp 1.300.000.000"]
    body = [[Cell(text=t, row=r, col=c) for c, t in enumerate(texts) if t]
            for r, texts in enumerate((above, below))]
    table = Table(n_rows=2, n_cols=4, body=body, provenance=Provenance(file="dump.txt", line_start=1))
    assert len(_fold_amount_rows(table)) == 1


def test_a_total_rows_lone_percentage_is_the_budgets_share_spent_not_the_last_indicators_capaian(tmp_path):
    # 'Jumlah Total' prints only amounts, then '70,32%' in the column whose cells print the
    # capaian of kinerja over that of anggaran: it is the total's realisation share, and the
    # indicator of the row above does not run on into the totals
    g = generate("renja_eval", "ruled", seed=0, out_dir=tmp_path)
    ex = extract_file(g.inputs["markdown"])
    assert [(b.item, b.value.value) for b in ex.budgets if b.measure == "persen_realisasi"
            and b.item == "Jumlah Total"] == [("Jumlah Total", 70.32)]
    assert not [i for i in ex.indicators if i.value.value == 70.32]


def test_a_names_bracketed_tail_on_the_amounts_line_is_folded_with_them(tmp_path):
    # a ruled PDF row 'Pengembangan Kawasan | Angka Kecelakaan | 80% ...' whose second line is
    # 'perdesaan | (20%) | Rp. 439.692.533,- ...': one record, its amounts the kegiatan's
    g = generate("renja_eval", "ruled", seed=0, out_dir=tmp_path)
    ex = extract_file(g.pdf_path)
    assert not [i for i in ex.indicators if isinstance(i.value.value, float) and i.value.value >= 1e6]
    assert any(b.item.startswith("Pengembangan Kawasan perdesaan") for b in ex.budgets)
