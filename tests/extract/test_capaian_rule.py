"""The capaian formulas a document states for each polarity of indicator (extract/capaian_rule.py)."""

from kinerja.extract.capaian_rule import read_capaian_formulas, _formula, _polarity

from ..parsers.real_pdfs import real_doc


def test_a_report_states_the_twice_target_formula_for_indicators_where_lower_is_better():
    # 'Semakin tinggi realisasi menunjukkan semakin rendah pencapaian kinerja, maka digunakan
    # rumus :' over a little table '% Pencapaian = Rencana-(Realisasi-Rencana) / Rencana x 100%'
    (stated,) = read_capaian_formulas(real_doc("lkip_2016_disnakertrans_jabar.pdf"))
    assert (stated.polarity, stated.formula, stated.provenance.page) == ("lower", "2-R/T", 25)
    assert "Rencana-(Realisasi-Rencana)" in stated.raw


def test_the_two_semakin_of_the_statement_give_the_polarity():
    assert _polarity("tinggi", "baik") == "higher"
    assert _polarity("tinggi", "rendah") == "lower"
    assert _polarity("rendah", "baik") == "lower"


def test_the_numerator_is_the_term_printed_first_after_the_measure_name():
    assert _formula("Persentase pencapaian rencana tingkat capaian = Target / Realisasi x 100%") == "T/R"
    assert _formula("Realisasi Persentase pencapaian rencana = ------- X 100% tingkat capaian Rencana") == "R/T"
    assert _formula("Capaian = (2 x Target - Realisasi) / Target x 100%") == "2-R/T"


def test_a_sentence_naming_realisasi_and_rencana_is_no_formula():
    assert _formula("Penghitungan persentase pencapaian rencana kinerja memperhatikan komponen realisasi") is None
