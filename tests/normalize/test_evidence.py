"""Deciding the reading from evidence: column, document, relations; units and scales."""

from pathlib import Path

import pytest

from kinerja.normalize import (
    ValueContext, canonical_unit, compare_levels, context_from_header, document_style,
    qualitative_level, read_column, read_number_words, read_value, resolve_by_relation,
    scale_levels,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _lines(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").splitlines()


# --- columns ---------------------------------------------------------------------------


def test_column_style_decides_ambiguous_cells():
    values = read_column(["10,979,407,368.00", "1,234", "(87,516,900.00)"])
    assert values[1].value == 1234.0 and "column" in values[1].read_as


def test_column_without_evidence_falls_back_to_document_style():
    values = read_column(["3.125", "4.375"], doc_style="en")
    assert [v.value for v in values] == [3.125, 4.375] and "document" in values[0].read_as


def test_document_style_alone_does_not_make_a_padded_thousand_a_decimal():
    # "dibawah 1,000 ha" in a document printing 1.000 elsewhere: a slip, not 1.0 ha
    assert read_column(["1,000"], doc_style="id")[0].ambiguous


def test_document_style_does_make_a_padded_thousand_a_thousand():
    assert read_column(["1.000"], doc_style="id")[0].value == 1000.0


def test_column_evidence_decides_even_a_padded_decimal():
    values = read_column(["2.800", "3.14"])
    assert values[0].value == 2.8


def test_column_without_any_evidence_stays_ambiguous():
    assert all(v.ambiguous for v in read_column(["2.800", "3.140"]))


def test_money_header_makes_dash_zero():
    values = read_column(["419,895,795.00", "-"], header="Sesudah Perubahan (Rp)")
    assert (values[1].kind, values[1].value) == ("money", 0.0)


def test_column_of_outline_codes_reads_short_codes_as_codes():
    values = read_column(["1.1", "1.1.1", "1.1.2"], header="Program/Kegiatan")
    assert values[0].kind == "text"


def test_column_labels_on_one_scale_fix_the_scale():
    values = read_column(["Memuaskan", "Sangat Baik", "Baik"], header="Predikat")
    assert [(v.scale, v.rank) for v in values] == [
        ("spbe_predikat", 5), ("spbe_predikat", 4), ("spbe_predikat", 3)]


def test_kriteria_header_puts_sgt_baik_on_the_kriteria_scale():
    value = read_column(["SGT BAIK"], header="KRITERIA/KODE")[0]
    assert (value.value, value.scale, value.rank) == ("Sangat Tinggi", "kriteria_capaian", 5)


@pytest.mark.parametrize("header, expected", [
    ("Sebelum Perubahan (Rp)", "money"), ("Anggaran", "money"), ("% Capaian", "percent"),
    ("PERSENTASE", "percent"), ("Jumlah Barang", "count"), ("Nilai Indeks SPBE", "index"),
    ("No.", "code"), ("Target", None),
])
def test_header_announces_the_kind(header, expected):
    assert context_from_header(header).expected == expected


def test_the_k_half_of_a_kinerja_and_anggaran_pair_announces_no_money():
    # a Renja evaluation's 'Target Kinerja dan Anggaran Renja ... / K | / Rp': an amount that
    # lands in the K half is read as a bare number (then flagged as money-sized), not as rupiah
    header = "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (2018) yang Dievaluasi"
    assert context_from_header(header + " / K").expected is None
    assert context_from_header(header + " / Rp").expected == "money"
    assert read_column(["1.420.000.735,00"], header=header + " / K")[0].unit != "rp"


# --- document style ----------------------------------------------------------------------


def test_document_printing_mostly_indonesian_numbers_is_id():
    assert document_style(_lines("pk-2023-diskominfo-kota-medan.txt")) == "id"


def test_document_mixing_styles_has_no_style():
    assert document_style(_lines("lkjip-2024-diskominfo-prov-babel.txt")) is None


def test_document_without_revealing_numbers_has_no_style():
    assert document_style(_lines("iku-2020-diskominfo-kab-bengkulu-selatan.txt")) is None


def test_outline_numbers_are_not_style_evidence():
    assert document_style(["1.1 Latar Belakang", "1.2 Maksud", "2.1 Definisi"]) is None


# --- arithmetic relations ----------------------------------------------------------------


def test_relation_picks_the_reading_that_makes_capaian_agree():
    target, realisasi, capaian = resolve_by_relation(
        read_value("2.8"), read_value("4.110"), read_value("146,79%"))
    assert realisasi.value == 4.11 and not realisasi.ambiguous
    assert "relation" in realisasi.read_as


def test_relation_tolerates_a_capaian_rounded_to_whole_percent():
    _, realisasi, _ = resolve_by_relation(read_value("2.80"), read_value("4.110"), read_value("147%"))
    assert realisasi.value == 4.11


def test_relation_leaves_values_alone_when_both_readings_fit():
    trio = resolve_by_relation(read_value("2.800"), read_value("4.110"), read_value("146,79%"))
    assert trio[0].ambiguous and trio[1].ambiguous


def test_relation_leaves_values_alone_when_no_reading_fits():
    trio = resolve_by_relation(read_value("10.193"), read_value("4.110"), read_value("99.02%"))
    assert trio[0].ambiguous


# --- units, scales, words ----------------------------------------------------------------


@pytest.mark.parametrize("raw, unit", [
    ("persen", "%"), ("Persen", "%"), ("%", "%"), ("Rp", "rp"), ("Rp.", "rp"), ("Rupiah", "rp"),
    ("Org", "orang"), ("Dokumen", "dokumen"), ("Nilai", "nilai"), ("KIM", "kim"),
])
def test_canonical_unit_synonyms(raw, unit):
    assert canonical_unit(raw) == unit


def test_unknown_unit_is_kept_lower_cased():
    assert canonical_unit("Titik Hotspot") == "titik hotspot"


def test_blank_unit_is_none():
    assert canonical_unit("  ") is None


def test_keterbukaan_scale_is_ordered_best_first():
    assert scale_levels("keterbukaan_informasi") == [
        "Informatif", "Menuju Informatif", "Cukup Informatif", "Kurang Informatif", "Tidak Informatif"]


def test_informatif_equals_a_target_of_informatif():
    assert compare_levels(read_value("Informatif"), read_value("INFORMATIF")) == 0


def test_menuju_informatif_falls_short_of_informatif():
    assert compare_levels(read_value("Menuju Informatif"), read_value("Informatif")) == -1


def test_a_hospitals_accreditation_is_a_level_of_its_scale():
    # a Renja's target 'Terakreditasi | Paripurna' (the teaching hospital: 'Utama')
    assert read_value("Paripurna").kind == "qualitative"
    assert compare_levels(read_value("Utama"), read_value("Paripurna")) == -1


def test_levels_on_different_scales_do_not_compare():
    assert compare_levels(read_value("WTP"), read_value("Informatif")) is None


@pytest.mark.parametrize("label, scale, rank", [
    ("AA", "sakip", 7), ("BB", "sakip", 5), ("WTP", "bpk_opini", 4), ("TMP", "bpk_opini", 1),
    ("Wajar Dengan Pengecualian", "bpk_opini", 3), ("Sangat Rendah", "kriteria_capaian", 1),
])
def test_label_on_a_single_scale(label, scale, rank):
    level = qualitative_level(label)
    assert (level.scale, level.rank) == (scale, rank)


def test_label_on_several_scales_has_no_scale_without_a_hint():
    value = read_value("Baik")
    assert value.kind == "qualitative" and value.scale is None


def test_scale_hint_places_a_shared_label():
    assert read_value("Baik", ValueContext(scale="spbe_predikat")).rank == 3


def test_single_letter_is_not_a_grade_without_a_hint():
    assert read_value("A").kind == "text"


def test_single_letter_is_a_grade_on_the_sakip_scale():
    assert read_value("A", ValueContext(scale="sakip")).rank == 6


@pytest.mark.parametrize("words, number", [
    ("dua", 2), ("sebelas", 11), ("dua belas", 12), ("dua puluh lima", 25), ("seratus", 100),
    ("tiga ribu empat ratus", 3400), ("satu juta dua ratus ribu", 1_200_000),
])
def test_number_words(words, number):
    assert read_number_words(words) == number


def test_ordinary_word_is_not_a_number():
    assert read_number_words("program") is None


def test_one_stray_code_does_not_make_a_column_of_amounts_codes():
    values = read_column(["2.8", "3.14", "4.11", "16.10.2"], header="Target")
    assert values[0].value == 2.8


def test_clock_times_and_table_numbers_are_not_style_evidence():
    assert document_style(["pukul 10.30 WIB", "Tabel 2.1", "Versi 4.1", "acara 08.15 WIB"]) is None


def test_header_context_with_document_style_marks_it_weak():
    context = context_from_header("Target", doc_style="id")
    assert (context.style, context.style_source) == ("id", "document")


def test_column_context_adds_a_satuan():
    values = read_column(["2.8", "3.14"], context=ValueContext(unit="Nilai"))
    assert [v.unit for v in values] == ["nilai", "nilai"]
