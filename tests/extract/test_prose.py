"""Claims in running text: measure, year and indicator of each stated value, and what is no claim."""

from kinerja.evaluate.gold import load_gold
from kinerja.evaluate.metrics import facts_match
from kinerja.extract.prose import read_claims
from kinerja.normalize import read_value
from kinerja.schema import (
    Document, IndicatorValue, Meta, Paragraph, Provenance, SourceFile,
)

from .seeds import IKU, LKJIP, PK, seed_steps

META = Meta(year=2024)
SPBE = "Indeks Domain Kebijakan Internal SPBE"


def _doc(*texts: str) -> Document:
    src = SourceFile(path="x.txt", sha256="0" * 64, format="text", size_bytes=0)
    blocks = [Paragraph(text=t, provenance=Provenance(file="x.txt", line_start=i + 1, line_end=i + 1))
              for i, t in enumerate(texts)]
    return Document(source=src, blocks=blocks)


def _claims(*texts: str, indicators=()) -> set[tuple]:
    found, _ = read_claims(_doc(*texts), [], META, list(indicators), [])
    return {(r.indicator, r.year, r.measure, r.value.value) for r in found}


def _seed_text_facts(stem: str) -> list[dict]:
    doc, parts, info, indicators, budgets = seed_steps(stem)
    ind, bud = read_claims(doc, parts, info, indicators, budgets)
    return ([{"kind": "indicator", "indicator": r.indicator, "year": r.year, "period": r.period,
              "measure": r.measure, "value": r.value.value, "unit": r.unit, "source": "text"} for r in ind]
            + [{"kind": "budget", "item": r.item, "year": r.year, "period": r.period,
                "measure": r.measure, "value": r.value.value, "source": "text"} for r in bud])


def test_every_text_fact_of_the_lkjip_seed_is_found_and_no_other(gold_dir):
    gold = [f for f in load_gold(gold_dir / f"{LKJIP}.facts.jsonl") if f.get("source") == "text"]
    pred = _seed_text_facts(LKJIP)
    unmatched_gold = [g for g in gold if not any(facts_match(p, g) for p in pred)]
    spurious = [p for p in pred if not any(facts_match(p, g) for g in gold)]
    # two gold text facts repeat a value a table also prints under the indicator's table name
    assert len(unmatched_gold) <= 2 and not spurious


def test_documents_without_claims_in_prose_give_none():
    assert _seed_text_facts(PK) == [] and _seed_text_facts(IKU) == []


def test_target_realisation_and_achievement_of_one_sentence():
    claims = _claims(
        f"a. {SPBE}, Formulasi Perhitungan :",
        "Target capaian indikator sasaran tahun 2024 sebesar 3.20; sampai dengan bulan Desember 2024 "
        "terealisasi 4.11 Dengan demikian capaian ini telah melampaui target. Prosentase realisasi "
        "terhadap target mencapai 128.44%.",
        indicators=[_indicator(SPBE)],
    )
    assert claims == {(SPBE, 2024, "target", 3.2), (SPBE, 2024, "realisasi", 4.11),
                      (SPBE, 2024, "capaian", 128.44)}


def test_a_capaian_percentage_after_the_realisation_in_one_sentence_is_the_achievement():
    # a LAKIP's 'mampu merealisasikan 0.162% dengan capaian 19.76%'
    claims = _claims(f"Diukur dengan indikator {SPBE}.",
                     "Pada tahun 2015 dari target 0.820 Dinas mampu merealisasikan 0.162% dengan capaian 19.76%.")
    assert claims == {(SPBE, 2015, "target", 0.82), (SPBE, 2015, "realisasi", 0.162),
                      (SPBE, 2015, "capaian", 19.76)}


def test_a_capaian_of_another_year_than_the_realisation_before_it_keeps_its_reading():
    claims = _claims(f"Diukur dengan indikator {SPBE}.",
                     "Realisasi tahun 2022 sebesar 80% sedangkan capaian tahun 2023 sebesar 85%.")
    assert (SPBE, 2023, "capaian", 85.0) not in claims


def test_a_change_is_no_claim_but_last_years_level_is():
    claims = _claims(f"Diukur dengan indikator {SPBE}.",
                     "Dibandingkan dengan capaian target tahun 2023 sebesar 3.14 terjadi peningkatan sebesar 0.97%.")
    assert claims == {(SPBE, 2023, "realisasi", 3.14)}


def test_last_year_is_the_year_before_the_documents():
    claims = _claims("Dibandingkan persentase capaian tahun lalu sebesar 55% (data Lkj Tahun lalu) indikator "
                     "sasaran Laju pemanfaatan data sektoral mengalami peningkatan sebesar (15)%")
    assert claims == {("Laju pemanfaatan data sektoral", 2023, "capaian", 55.0)}


def test_the_national_comparison_and_labels_are_no_claims():
    assert _claims(f"Sebagai kesimpulan capaian indikator {SPBE} berada diatas capaian Nasional yaitu sebesar 3.") == set()
    assert _claims("2. Capaian sasaran strategis 2 “Termanfaatkannya data”:") == set()


def test_a_value_the_tables_print_is_the_tables_fact():
    table = _indicator(SPBE, measure="capaian", value="146.79")
    claims = _claims(f"Pada tahun 2024, indikator kinerja {SPBE} tercapai dengan presentase 146,79%.",
                     indicators=[table])
    assert claims == set()


def test_an_amount_given_to_a_kegiatan_is_a_budget_claim():
    _, budgets = read_claims(_doc(
        "Program Penyelenggaraan Statistik sektoral melekat pada Bidang E-Government dan Statistik pada "
        "kegiatan Penyelenggaraan Statistik Sektoral di Lingkup Daerah Provinsi dengan anggaran sebesar "
        "Rp . 188.020.700,-"), [], META, [], [])
    (claim,) = budgets
    assert (claim.item, claim.level, claim.measure, claim.value.value, claim.year, claim.source) == (
        "kegiatan Penyelenggaraan Statistik Sektoral di Lingkup Daerah Provinsi", "kegiatan",
        "anggaran", 188020700.0, 2024, "text")


def test_claims_keep_raw_text_and_line():
    found, _ = read_claims(_doc("x", f"Diukur dengan indikator {SPBE}. Tercapai 4.11 pada tahun 2024."),
                           [], META, [], [])
    (claim,) = found
    assert claim.value.raw == "4.11" and claim.value.provenance.line_start == 2


def _indicator(name: str, measure: str = "target", value: str = "2.8") -> IndicatorValue:
    return IndicatorValue(indicator=name, year=2024, measure=measure, value=read_value(value), unit="nilai")


def test_a_budget_statement_wrapped_over_paragraphs_is_read_whole_from_its_first_line():
    # a PDF gives each wrapped line of a numbered list item as a paragraph of its own
    _, budgets = read_claims(_doc(
        "(4) Kegiatan Peningkatan Kapasitas Manajemen Kedaruratan dan",
        "Logistik di Jawa Barat, dengan alokasi anggaran Rp. 1.116.954.000,- dengan realisasi sebesar",
        "Rp.920.942.000,- atau sebesar 82,45%, begitu pula realisasi fisik sebesar 100%."), [], META, [], [])
    got = {(b.measure, b.value.value, b.value.provenance.line_start) for b in budgets}
    assert got == {("anggaran", 1116954000.0, 1), ("realisasi", 920942000.0, 1), ("persen_realisasi", 82.45, 1)}
    assert {b.item for b in budgets} == {"Kegiatan Peningkatan Kapasitas Manajemen Kedaruratan dan Logistik di Jawa Barat"}


def test_a_realised_amount_ending_in_a_dash_still_reaches_its_percentage():
    _, budgets = read_claims(_doc(
        "Kegiatan Pelatihan Pemulihan Sarana Pasca Bencana, dengan alokasi anggaran Rp.660.180.000,-, dengan "
        "realisasi anggaran sebesar Rp 649.452.500.- atau sebesar 96,38 %."), [], META, [], [])
    assert ("persen_realisasi", 96.38) in {(b.measure, b.value.value) for b in budgets}


def test_a_year_in_brackets_after_a_value_is_that_values_year():
    # a Renstra's review of the last plan: 'Realisasi: 78,5% (2020), 90,1% (2021)'
    claims = _claims(f"Diukur dengan indikator {SPBE}.", "Realisasi tahun lalu: 78,5% (2020).")
    assert claims == {(SPBE, 2020, "realisasi", 78.5)}


def test_a_rasio_capaian_is_the_achievement_not_the_realisation():
    claims = _claims(f"Diukur dengan indikator {SPBE}.", "Pada tahun 2024 rasio capaian mencapai 297,1%.")
    assert claims == {(SPBE, 2024, "capaian", 297.1)}


def test_a_percentage_quoted_beside_an_indicator_measured_in_points_is_no_target_of_it():
    # an LKjIP's explanation of an index quotes the national stunting target
    kesehatan = _indicator("Indeks Kesehatan", value="75,70")
    claims = _claims("Diukur dengan indikator Indeks Kesehatan.",
                     "Prevalensi stunting masih memerlukan kerja keras untuk mencapai target tahun 2024 "
                     "sebesar 14 %.", indicators=[kesehatan])
    assert claims == set()


def test_a_growth_rate_is_no_level_of_the_indicator():
    pdrb = _indicator("PDRB per Kapita", value="59")
    claims = _claims("Diukur dengan indikator PDRB per Kapita.",
                     "Ekonomi tahun 2022 tumbuh sebesar 4,73 persen, lebih tinggi dibanding capaian tahun "
                     "2021 yang tumbuh sebesar 2,61 persen.", indicators=[pdrb])
    assert claims == set()


def test_a_capaian_kinerja_in_percent_of_an_index_is_its_achievement_not_its_realisation():
    ikm = _indicator("Indeks Kepuasan Masyarakat", value="82")
    claims = _claims("Sasaran ini diukur dengan Indeks Kepuasan Masyarakat, dengan capaian kinerja 100.27%.",
                     indicators=[ikm])
    assert claims == {("Indeks Kepuasan Masyarakat", 2024, "capaian", 100.27)}


def test_a_numbered_paragraph_naming_its_own_indicator_gives_no_claim_to_the_one_before():
    # a LAKIP's analysis, one indicator a numbered item, its name paraphrasing the table's
    tpst = _indicator("Tempat Pembuangan sampah TPST persatuan penduduk", value="18").model_copy(update={"unit": "%"})
    claims = _claims("Diukur dengan indikator Tempat Pembuangan sampah TPST persatuan penduduk.",
                     "1. Persentase penanganan persampahan dari target 5 % Dinas Kebersihan dan Pertamanan "
                     "mampu merealisasikan 5 %.", indicators=[tpst])
    assert claims == set()


def test_the_growth_of_a_realisation_is_no_realisation():
    claims = _claims(f"Diukur dengan indikator {SPBE}.",
                     "Rata-rata pertumbuhan realisasi sebesar 10,68% per tahun.")
    assert claims == set()


def test_an_items_amount_with_its_realisation_after_it_is_its_allocation():
    # an LKjIP's account of spending: 'a) Program X, sebesar Rp N,- dengan realisasi Rp M,- (P%)',
    # and a spending line named by its kind ('Belanja Tidak Langsung (Gaji)')
    _, budgets = read_claims(_doc(
        "a) Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya, sebesar Rp. 5.154.000.000,- "
        "dengan realisasi Rp. 3.351.237.780,- (65,02%)",
        "2. Belanja Tidak Langsung (Gaji) sebesar Rp. 54.979.136.088,- dengan realisasi anggaran sebesar "
        "Rp. 53.544.653.004,- (97,39%)"), [], META, [], [])
    assert {(b.item, b.measure, b.value.value) for b in budgets} == {
        ("Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya", "anggaran", 5154000000.0),
        ("Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya", "realisasi", 3351237780.0),
        ("Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya", "persen_realisasi", 65.02),
        ("Belanja Tidak Langsung (Gaji)", "anggaran", 54979136088.0),
        ("Belanja Tidak Langsung (Gaji)", "realisasi", 53544653004.0),
        ("Belanja Tidak Langsung (Gaji)", "persen_realisasi", 97.39)}


def test_a_programs_amount_alone_states_no_measure():
    # 'c. Program Pelayanan Kesehatan sebesar Rp. 13.963.563.802,-' may be its pagu or its spending
    _, budgets = read_claims(_doc("c. Program Pelayanan Kesehatan sebesar Rp. 13.963.563.802,-"), [], META, [], [])
    assert budgets == []


def test_the_share_spent_after_an_amounts_full_stop_and_physical_progress_are_no_indicators():
    # the sentencizer cuts after 'Rp 649.452.500.-'; 'atau sebesar 96,38 %' is the budget's share
    # spent, and a 'target capaian fisik' is the work planned on the kegiatan
    claims = _claims(f"Diukur dengan indikator {SPBE}.",
                     "Kegiatan Pelatihan Pemulihan Sarana Pasca Bencana, dengan alokasi anggaran Rp.660.180.000,-, "
                     "dengan realisasi anggaran sebesar Rp 649.452.500.- atau sebesar 96,38 %. Adapun target "
                     "capaian fisik kegiatan ini yaitu 100%.")
    assert claims == set()


def test_a_plans_realisation_named_by_no_year_is_none_of_the_plans_years():
    # a Renstra 2025-2029 reviewing the last plan: 'Realisasi pada tahun pertama hanya mencapai 85,41%'
    found, _ = read_claims(_doc(f"Diukur dengan indikator {SPBE}.",
                                "Realisasi pada tahun pertama hanya mencapai 85,41%."),
                           [], Meta(doc_type="Renstra", year=2025), [], [])
    assert found == []
