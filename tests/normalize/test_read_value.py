"""read_value, one behaviour each, on values printed in the corpus."""

import pytest

from kinerja.normalize import ValueContext, read_value


def test_indonesian_grouping_with_decimal_comma():
    assert read_value("1.234.567,89").value == 1234567.89


def test_english_grouping_with_decimal_point_in_the_same_report():
    assert read_value("10,979,407,368.00").value == 10979407368.0


def test_decimal_comma_and_decimal_point_side_by_side():
    assert (read_value("0,93").value, read_value("2.76").value) == (0.93, 2.76)


def test_rupiah_with_dot_and_dash_is_a_whole_amount():
    value = read_value("Rp. 26.598.218.467,-")
    assert (value.kind, value.value, value.unit) == ("money", 26598218467.0, "rp")


def test_rupiah_with_comma_grouping():
    assert read_value("Rp 5,067,574,800").value == 5067574800.0


def test_rupiah_with_spaced_dot():
    assert read_value("Rp . 36.000.000,-").value == 36000000.0


def test_rupiah_keeps_raw_text_and_printed_unit():
    value = read_value("Rp.3.950.550.697")
    assert (value.raw, value.unit_raw) == ("Rp.3.950.550.697", "Rp.")


def test_rupiah_with_word_multiplier():
    assert read_value("Rp 2,5 juta").value == 2_500_000.0


@pytest.mark.parametrize("raw, number", [("146.79%", 146.79), ("93,09 %", 93.09), ("147%", 147.0)])
def test_percentages_in_both_styles(raw, number):
    value = read_value(raw)
    assert (value.kind, value.value, value.unit) == ("percent", number, "%")


def test_persen_written_out_is_a_percentage():
    assert read_value("70 persen").unit == "%"


def test_parentheses_mark_a_negative_amount():
    assert read_value("(399,556,221.00)").value == -399556221.0


def test_brackets_around_a_percentage_leave_the_sign_open():
    value = read_value("(30.49)%")
    assert value.ambiguous and {r.value for r in value.readings} == {30.49, -30.49}


def test_a_bare_bracketed_integer_is_a_column_label_not_a_negative():
    assert read_value("(2)").kind == "text"


def test_fraction_of_counts():
    value = read_value("446/480")
    assert (value.kind, value.numerator, value.denominator) == ("fraction", 446.0, 480.0)
    assert value.value == pytest.approx(446 / 480)


def test_fraction_with_stated_result_takes_the_printed_result():
    value = read_value("514/621 = 0,83")
    assert (value.value, value.numerator, value.denominator) == (0.83, 514.0, 621.0)
    assert "agrees" in value.read_as


def test_expression_times_hundred_is_a_percentage():
    value = read_value("12/10 x 100% = 120%")
    assert (value.kind, value.value, value.unit) == ("percent", 120.0, "%")


def test_fraction_with_a_non_count_denominator_is_kept_as_printed():
    value = read_value("367/2.6")
    assert (value.kind, value.value) == ("text", "367/2.6")


def test_number_with_its_predikat_gets_the_scale_from_the_band():
    value = read_value("2.76 / Baik")
    assert (value.value, value.scale, value.rank) == (2.76, "spbe_predikat", 3)


@pytest.mark.parametrize("raw, low, high", [
    ("4,2 – 5,0", 4.2, 5.0), ("3,5 - < 4,2", 3.5, 4.2), ("< 1,8", None, 1.8), ("≤ 50", None, 50.0),
    ("$91 \\leq 100$", 91.0, 100.0),
])
def test_ranges_and_bounds(raw, low, high):
    value = read_value(raw)
    assert (value.kind, value.low, value.high) == ("range", low, high)


def test_exclusive_upper_bound_is_said_in_read_as():
    assert "exclusive" in read_value("3,5 - < 4,2").read_as


@pytest.mark.parametrize("raw, number, unit", [
    ("3 KIM", 3.0, "kim"), ("40 OPD", 40.0, "opd"), ("4 Aplikasi", 4.0, "aplikasi"),
    ("10 berkas", 10.0, "berkas"), ("50 orang", 50.0, "orang"), ("1 sistem informasi", 1.0, "sistem informasi"),
])
def test_counts_with_units(raw, number, unit):
    value = read_value(raw)
    assert (value.kind, value.value, value.unit) == ("count", number, unit)


@pytest.mark.parametrize("raw, number, unit", [
    ("90/ 100.000 KH", 90.0, "/100.000 kh"), ("88,10 per 100.000 KH", 88.1, "per 100.000 kh"),
    ("6/1000 KH", 6.0, "/1000 kh"),
])
def test_a_rate_per_a_power_of_ten_is_the_number_with_its_base_as_unit(raw, number, unit):
    value = read_value(raw)
    assert (value.value, value.unit) == (number, unit)


def test_a_count_out_of_a_total_is_not_a_rate():
    assert read_value("25/30 kegiatan").kind == "text"


@pytest.mark.parametrize("raw, number", [("Rp. 9.985.639. 757,-", 9985639757.0), ("Rp. 12 .345.678,-", 12345678.0)])
def test_a_space_typed_inside_a_grouped_amount_is_mended_and_flagged(raw, number):
    value = read_value(raw)
    assert (value.value, value.repaired) == (number, True)


def test_a_list_number_before_an_amount_is_not_mended_into_it():
    assert read_value("1. 234.567").kind == "text"


def test_unit_synonym_is_canonical():
    assert read_value("5 Org").unit == "orang"


def test_digits_confirmed_by_number_words():
    value = read_value("2 (dua)")
    assert value.value == 2.0 and "confirmed" in value.read_as


def test_digits_contradicted_by_number_words_are_flagged():
    value = read_value("3 (dua)")
    assert value.ambiguous and {r.value for r in value.readings} == {3.0, 2.0}


def test_number_words_alone():
    assert read_value("tiga").value == 3.0


def test_dash_is_empty():
    assert read_value("-").kind == "empty"


def test_dash_in_a_money_column_is_zero():
    value = read_value("-", ValueContext(expected="money"))
    assert (value.kind, value.value) == ("money", 0.0)


def test_lone_three_digit_group_is_ambiguous_with_both_readings():
    value = read_value("1.234")
    assert value.ambiguous and value.value is None
    assert {(r.value, r.style) for r in value.readings} == {(1234.0, "id"), (1.234, "en")}


def test_style_hint_decides_a_lone_group():
    assert read_value("3.200", ValueContext(style="en")).value == 3.2


def test_index_expectation_decides_a_lone_group():
    assert read_value("3.200", ValueContext(expected="index")).value == 3.2


def test_money_expectation_decides_a_lone_group():
    assert read_value("3.200", ValueContext(expected="money")).value == 3200.0


def test_count_expectation_decides_a_lone_group():
    assert read_value("1.500 orang").value == 1500.0


def test_siblings_decide_a_lone_group():
    context = ValueContext(siblings=("10,979,407,368.00", "8,432,012.00"))
    assert read_value("1,234", context).value == 1234.0


def test_leading_zero_decimal_is_never_grouping():
    assert read_value("0,500").value == 0.5


def test_broken_grouping_with_mixed_marks_is_repaired():
    value = read_value("4.894,043,446,88")
    assert (value.value, value.repaired) == (4894043446.88, True)


def test_broken_grouping_with_dot_cents_is_repaired():
    value = read_value("72.753.618.04")
    assert (value.value, value.repaired) == (72753618.04, True)


def test_grouping_no_repair_explains_is_flagged_with_candidates():
    value = read_value("4.300.00,00")
    assert value.ambiguous and value.value is None and value.repaired
    assert {r.value for r in value.readings} == {430000.0, 4300000.0}


def test_outline_code_is_not_a_number():
    assert read_value("1.1.2").kind == "text"


def test_nomenclature_code_with_leading_zero_is_not_a_number():
    assert read_value("02.0013").kind == "text"


def test_code_column_reads_everything_as_text():
    assert read_value("1.1", ValueContext(expected="code")).kind == "text"


def test_outline_heading_is_not_a_count():
    assert read_value("2.2 Strategi dan Arah Kebijakan").kind == "text"


def test_two_values_in_one_cell_are_not_read_as_one():
    assert read_value("100% 2.76").kind == "text"


def test_trailing_note_is_kept_out_of_the_unit():
    value = read_value("0.98% (efisiensi)")
    assert (value.value, value.unit) == (0.98, "%")


def test_satuan_from_context_becomes_the_unit():
    assert read_value("2.8", ValueContext(unit="Nilai")).unit == "nilai"


def test_percent_expectation_makes_a_bare_number_a_percentage():
    assert read_value("146.79", ValueContext(expected="percent")).kind == "percent"


def test_raw_text_is_kept_verbatim():
    assert read_value("  Rp 44,000,000 ").raw == "  Rp 44,000,000 "


def test_read_as_names_the_style_used():
    assert read_value("1.234.567,89").read_as.startswith("id")


def test_returned_values_are_independent_copies():
    first = read_value("Rp 44,000,000")
    first.value = 0.0
    assert read_value("Rp 44,000,000").value == 44000000.0


def test_fractional_amount_with_a_lower_case_unit():
    value = read_value("1,5 jam")
    assert (value.value, value.unit) == (1.5, "jam")


def test_outline_heading_ending_in_a_unit_word_is_not_a_measurement():
    assert read_value("4.2 Rekomendasi.....").kind == "text"


def test_currency_with_a_dash_is_a_zero_amount():
    value = read_value("Rp. -")
    assert (value.kind, value.value) == ("money", 0.0)


def test_a_rate_per_hundred_thousand_is_its_count_per_that_base():
    # maternal mortality '86,97/100.000' (its 'KH' in the header, or wrapped away): 86,97 per
    # 100.000, as the document states it, not the fraction 0.0008697
    value = read_value("86,97/100.000")
    assert (value.value, value.unit) == (86.97, "/100.000")


def test_a_rate_whose_base_is_a_thousand_or_more_is_read_so_whatever_its_marks():
    assert (read_value("89/100.000").value, read_value("89/ 100.000").value) == (89.0, 89.0)
    assert read_value("3/100").value == 0.03  # a base of a hundred alone: a fraction


def test_sibling_evidence_outweighs_a_document_hint():
    context = ValueContext(style="id", style_source="document", siblings=("10,979,407,368.00",))
    assert read_value("1,234", context).value == 1234.0


def test_doubled_separator_is_mended():
    value = read_value("163.305..000,-")
    assert (value.value, value.repaired) == (163305000.0, True)


def test_left_out_separator_is_mended_when_groups_stay_aligned():
    value = read_value("1.577250.000,-")
    assert (value.value, value.repaired) == (1577250000.0, True)


def test_two_amounts_printed_without_a_space_are_flagged_not_mended_into_one():
    # a realisasi total beside its anggaran total, the space between them lost
    value = read_value("129,531,408,835120,981,038,602")
    assert value.ambiguous and value.value is None


def test_misaligned_group_is_flagged_not_mended():
    value = read_value("9.871.1466.000")
    assert value.ambiguous and value.value is None


def test_whole_rupiah_with_three_decimals_is_mended_as_thousands():
    value = read_value("Rp. 503,753.650,-")
    assert (value.kind, value.value, value.repaired) == ("money", 503753650.0, True)


def test_year_after_a_slash_is_not_a_fraction():
    assert read_value("2013/ 2014").kind == "text"


def test_mixed_style_expression_is_read_in_one_style():
    assert read_value("86,97/1.234").denominator == 1234.0


def test_stray_currency_before_a_percentage_is_flagged():
    value = read_value("Rp. 100%")
    assert value.ambiguous and value.value is None


def test_minus_before_the_currency_is_a_negative_amount():
    assert read_value("-Rp 5.000.000").value == -5000000.0


def test_sentence_punctuation_after_an_amount_is_dropped():
    assert read_value("128.44%.").value == 128.44


@pytest.mark.parametrize("raw, value, grade", [
    # a grade beside the number: the number is the value, the grade is kept
    ("Level 3 (3,6)", 3.6, "Level 3"),
    ("Nilai A (83)", 83.0, "Nilai A"),
    ("A (82,92)", 82.92, "A"),
    ("BB (72,14)", 72.14, "BB"),
    ("Cukup Informatif (64,53)", 64.53, "Cukup Informatif"),
    ("Level 3", 3.0, "Level 3"),
    ("(70,00)BB", 70.0, "BB"),  # the grade after its bracketed score (an LKjIP's SAKIP target)
    ("(82,5) A", 82.5, "A"),
])
def test_a_grade_beside_its_number_reads_as_the_number_with_the_grade_kept(raw, value, grade):
    v = read_value(raw)
    assert (v.value, v.grade) == (value, grade)


def test_a_label_with_its_year_in_brackets_is_no_graded_figure():
    assert read_value("Target Akhir Renstra (2026)").grade is None


def test_a_figure_in_brackets_is_not_read_as_a_negative_number():
    v = read_value("(3,157)")
    assert v.value is None or v.value > 0


@pytest.mark.parametrize("unit, value", [("Orang", 2156.0), ("Dokumen", 2156.0), ("paket", 2156.0)])
def test_a_figure_under_a_unit_of_whole_things_groups_thousands(unit, value):
    v = read_value("2.156", ValueContext(unit=unit))
    assert (v.kind, v.value, v.ambiguous) == ("count", value, False)


@pytest.mark.parametrize("unit", [None, "km", "Indeks", "ton", "kali"])
def test_a_figure_under_a_unit_that_may_be_fractional_stays_undecided(unit):
    assert read_value("2.156", ValueContext(unit=unit)).ambiguous


def test_a_decimal_with_a_unit_of_two_listed_words_is_read():
    # an LKjIP's IKM realisasi, '79,77 nilai indeks', beside its target '80 nilai indeks'
    v = read_value("79,77 nilai indeks")
    assert (v.value, v.unit) == (79.77, "nilai indeks")


def test_a_decimal_run_into_words_that_are_no_units_stays_text():
    assert read_value("4,5 nilai dan").value != 4.5


@pytest.mark.parametrize("raw, value", [("Rp 5 M", 5e9), ("Rp. 2,5 M", 2.5e9), ("Rp 1,2 T", 1.2e12)])
def test_capital_m_and_t_after_rupiah_are_miliar_and_triliun(raw, value):
    assert read_value(raw).value == value


@pytest.mark.parametrize("raw", ["2 s", "25 a", "5 A"])
def test_a_figure_followed_by_a_lone_letter_is_no_count_of_that_letter(raw):
    # OCR reads '25' as '2 s', a bracket as 'a': no unit is one letter
    assert read_value(raw).kind == "text"


def test_metres_stay_a_unit():
    assert (read_value("3 m").value, read_value("3 m").unit) == (3.0, "m")
    assert (read_value("10 M").value, read_value("10 M").unit) == (10.0, "m")  # no rupiah: no miliar


def test_a_bracketed_number_before_a_grade_outside_its_band_is_no_score():
    assert read_value("(1) A").kind == "text"  # a list's number and a label


@pytest.mark.parametrize("raw, value", [("108.600.00 0", 108600000.0), ("9.992.176.7 20", 9992176720.0),
                                        ("Rp 23.706.203.30 0", 23706203300.0)])
def test_an_amount_whose_last_group_a_wrapped_cell_cut_is_read_whole(raw, value):
    assert read_value(raw).value == value


@pytest.mark.parametrize("raw", ["1.000,00 0", "100,00 0", "1.000.00 00"])
def test_a_space_that_leaves_no_whole_group_mends_nothing(raw):
    assert read_value(raw).kind == "text"


def test_a_decimal_with_a_short_capitalised_unit_is_a_measure():
    # a LAKIP's 'Penataan Pemakaman | 2.8 Ha | 0 | 1.7': an area, not a heading
    v = read_value("2.8 Ha")
    assert (v.value, v.unit) == (2.8, "ha")
    assert read_value("2.2 Strategi").kind == "text"


def test_a_stray_stop_before_the_whole_rupiah_mark_is_a_typing_slip():
    # a Renja's 'Pemeliharaan Rutin/Berkala Gedung Kantor | 65.000.000,- | 62.292.650.,- | 95.83'
    assert read_value("62.292.650.,-").value == 62292650.0
