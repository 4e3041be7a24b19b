"""The scorer follows GOLD.md's matching rules; hand-made cases with known answers."""

from kinerja.evaluate.metrics import match, score_document, total


def ind(name, value, measure="target", year=2024, period="annual", unit=None, source="table"):
    return {"kind": "indicator", "indicator": name, "year": year, "period": period,
            "measure": measure, "value": value, "unit": unit, "source": source}


def bud(item, value, measure="anggaran", year=2024, source="table"):
    return {"kind": "budget", "item": item, "year": year, "period": "annual",
            "measure": measure, "value": value, "source": source}


def defn(name, formula, unit=None):
    return {"kind": "definition", "indicator": name, "unit": unit, "formula": formula, "code": None}


def test_identical_facts_score_one():
    gold = [ind("Indeks SPBE", 2.76), bud("Program Aplikasi Informatika", 26598218467)]
    s = score_document("d", list(gold), gold)
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (1.0, 1.0, 1.0)


def test_names_match_by_token_set_ratio_after_lowercasing():
    gold = [ind("Indeks Domian Kebijakan Internal SPBE", 2.8)]  # typo kept in gold
    pred = [ind("INDEKS DOMAIN KEBIJAKAN INTERNAL  SPBE", 2.8)]
    assert match(pred, gold) == {0: 0}


def test_names_below_threshold_do_not_match():
    assert match([ind("Indeks Kepuasan Masyarakat", 2.8)], [ind("Indeks SPBE", 2.8)]) == {}


def test_numbers_match_within_relative_tolerance_only():
    assert match([ind("Indeks SPBE", 2.76 + 1e-12)], [ind("Indeks SPBE", 2.76)]) == {0: 0}
    assert match([ind("Indeks SPBE", 2.77)], [ind("Indeks SPBE", 2.76)]) == {}


def test_string_values_compare_casefolded_and_whitespace_collapsed():
    assert match([ind("Nilai KIP", "  INFORMATIF ")], [ind("Nilai KIP", "Informatif")]) == {0: 0}


def test_number_never_equals_string():
    assert match([ind("Nilai KIP", "100")], [ind("Nilai KIP", 100)]) == {}


def test_year_period_and_measure_must_agree():
    gold = [ind("Indeks SPBE", 2.8)]
    assert match([ind("Indeks SPBE", 2.8, year=2023)], gold) == {}
    assert match([ind("Indeks SPBE", 2.8, period="TW4")], gold) == {}
    assert match([ind("Indeks SPBE", 2.8, measure="realisasi")], gold) == {}


def test_each_gold_fact_matches_at_most_one_prediction():
    gold = [ind("Indeks SPBE", 2.8)]
    s = score_document("d", [ind("Indeks SPBE", 2.8), ind("Indeks SPBE", 2.8)], gold)
    assert (s.overall.gold_matched, s.overall.predicted) == (1, 2)
    assert s.overall.precision == 0.5 and s.overall.recall == 1.0


def test_matching_is_maximum_not_greedy():
    # prediction 0 fits both gold facts, prediction 1 only gold 0: a greedy pass that gives
    # prediction 0 to gold 0 leaves gold 1 unmatched; the maximum matching pairs both.
    gold = [ind("Indeks SPBE", 3.0), ind("Indeks SPBE Provinsi", 3.0)]
    pred = [ind("Indeks SPBE", 3.0), ind("Indeks SPBE Kabupaten", 3.0)]
    assert match([pred[1]], [gold[1]]) == {}  # the premise: prediction 1 cannot take gold 1
    assert match(pred, gold) == {0: 1, 1: 0}


def test_definition_matches_on_unit_and_formula_ratio():
    gold = [defn("Persentase Layanan Online", "Jumlah layanan online / jumlah layanan x 100%", "%")]
    close = [defn("Persentase Layanan Online", "Jumlah layanan online / jumlah layanan x100%", "%")]
    wrong_unit = [defn("Persentase Layanan Online", gold[0]["formula"], "nilai")]
    assert match(close, gold) == {0: 0}
    assert match(wrong_unit, gold) == {}


def test_definition_with_both_formulas_null_matches():
    assert match([defn("Indeks KAMI", None)], [defn("Indeks KAMI", None)]) == {0: 0}
    assert match([defn("Indeks KAMI", "a / b")], [defn("Indeks KAMI", None)]) == {}


def test_meta_facts_match_on_field_and_value():
    gold = [{"kind": "meta", "field": "year", "value": 2023},
            {"kind": "meta", "field": "region", "value": "Kota Medan"}]
    pred = [{"kind": "meta", "field": "year", "value": 2023},
            {"kind": "meta", "field": "region", "value": "kota medan"}]
    assert len(match(pred, gold)) == 2


def test_per_source_counts_gold_and_predicted_sides_apart():
    gold = [ind("Indeks SPBE", 3.2, source="text"), ind("Indeks KAMI", 3, source="table")]
    pred = [ind("Indeks SPBE", 3.2, source="table")]
    s = score_document("d", pred, gold)
    assert s.by_source["text"].recall == 1.0      # the gold text fact was found
    assert s.by_source["table"].precision == 1.0  # the one table prediction was right
    assert s.by_source["table"].recall == 0.0     # the gold table fact was missed


def test_unit_accuracy_counts_only_matched_indicator_facts():
    gold = [ind("Indeks SPBE", 2.8, unit="nilai"), ind("Laju data", 70, unit="%"),
            ind("Indeks KAMI", 3, unit="nilai")]
    pred = [ind("Indeks SPBE", 2.8, unit="NILAI"), ind("Laju data", 70, unit=None)]
    s = score_document("d", pred, gold)
    assert (s.unit_matched, s.unit_correct, s.unit_accuracy) == (2, 1, 0.5)


def test_empty_prediction_scores_zero_recall_and_no_precision():
    s = score_document("d", [], [ind("Indeks SPBE", 2.8)])
    assert s.overall.recall == 0.0 and s.overall.precision is None and s.overall.f1 == 0.0


def test_total_adds_documents():
    a = score_document("a", [ind("x y z", 1)], [ind("x y z", 1)])
    b = score_document("b", [], [ind("x y z", 1)])
    t = total([a, b])
    assert (t.overall.gold, t.overall.gold_matched, t.overall.recall) == (2, 1, 0.5)
