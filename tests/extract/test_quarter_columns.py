"""Quarter columns whose numerals a header prints illegibly: four equal runs of sub-columns under
a group naming the quarters are I to IV in order. Paths are those of the generated scans' OCR
readings (Rencana Aksi, Renja evaluation) and of their printed forms."""

from kinerja.extract.column_roles import column_roles, segment_role
from kinerja.extract.quarter_columns import with_quarter_numerals
from tests.forms import generate
from tests.parsing import parse


def _fixed(paths: list[str]) -> list[str]:
    return with_quarter_numerals(paths, segment_role)


def test_misread_numerals_under_target_triwulan_are_the_four_quarters():
    paths = ["No", "Target Tahunan", "Target Triwulan", "Target Triwulan / ES", "Target Triwulan / il",
             "Target Triwulan / IV", "Penanggung Jawab"]
    assert _fixed(paths)[2:6] == [f"Target Triwulan / {n}" for n in ("I", "II", "III", "IV")]


def test_k_and_rp_pairs_under_misread_numerals_keep_their_quarter():
    group = "Realisasi Kinerja Pada Triwulan"
    paths = [f"{group} / {mark} / {leaf}" for mark in (")", '"', "WW", "Iv") for leaf in ("K", "Rp")]
    assert _fixed(paths) == [f"{group} / {n} / {leaf}" for n in ("I", "II", "III", "IV")
                             for leaf in ("K", "Rp")]


def test_sub_columns_naming_measures_are_no_quarters():
    paths = [f"Triwulan / {leaf}" for leaf in ("Target", "Realisasi", "Capaian", "Keterangan")]
    assert _fixed(paths) == paths


def test_k_and_rp_straight_under_the_quarters_group_are_left_alone():
    """Without a numeral row the group's K | Rp are eight columns of unknown quarters: no guess."""
    paths = [f"Realisasi Triwulan / {leaf}" for _ in range(4) for leaf in ("K", "Rp")]
    assert _fixed(paths) == paths


def test_short_labels_of_other_words_under_a_quarters_group_are_no_quarters():
    """A single quarter's evaluation: 'Realisasi Triwulan' over Tgt | Real | Cap | Dev."""
    paths = [f"Realisasi Triwulan / {leaf}" for leaf in ("Tgt", "Real", "Cap", "Dev")]
    assert _fixed(paths) == paths


def test_unlabelled_columns_under_a_quarters_group_are_not_shared_out():
    """Eight columns under 'Triwulan' with no label between: which are whose is not printed."""
    assert _fixed(["Triwulan"] * 8) == ["Triwulan"] * 8


def test_a_group_that_names_its_quarter_is_left_alone():
    paths = [f"Triwulan II / {leaf}" for leaf in ("a", "b", "c", "d")]
    assert _fixed(paths) == paths


def test_a_printed_rencana_aksi_reads_the_same_quarters_with_the_rule(tmp_path):
    """On a printed form the numerals are legible: the rule changes none of its columns' periods."""
    g = generate("rencana_aksi", "ruled", 0, tmp_path)
    table = next(t for t in parse(g.pdf_path).tables() if "triwulan" in " ".join(t.column_paths).lower())
    periods = [c.period for c in column_roles(table) if c.period]
    assert periods == ["TW1", "TW2", "TW3", "TW4"]
