"""Extraction records become one gold-form fact per distinct statement."""

from kinerja.evaluate.facts import to_facts
from kinerja.schema import Extraction, IndicatorValue, SourceFile, Value

SRC = SourceFile(path="x.txt", sha256="0" * 64, format="text", size_bytes=1)


def rec(name, value, source="table", raw=None, **kw):
    v = Value(raw=raw or str(value), value=value, kind="number", **kw)
    return IndicatorValue(indicator=name, measure="target", year=2024, value=v, source=source)


def indicator_facts(*records):
    return [f for f in to_facts(Extraction(source=SRC, indicators=list(records)))
            if f.kind == "indicator"]


def test_a_statement_printed_in_two_tables_is_one_fact():
    assert len(indicator_facts(rec("Indeks SPBE", 2.8), rec("Indeks SPBE", 2.8))) == 1


def test_two_spellings_of_one_name_are_one_fact():
    facts = indicator_facts(rec("Indeks Domian Kebijakan Internal SPBE", 2.8),
                            rec("Indeks Domain Kebijakan Internal SPBE", 2.8))
    assert len(facts) == 1


def test_an_indicator_printed_with_and_without_its_acronym_or_unit_is_one_fact():
    # an LKjIP repeats its IKU table in several chapters, each spelling the name its own way
    facts = indicator_facts(rec("PDRB per Kapita (ADHB) (juta)", 63.19), rec("PDRB Perkapita (ADHB)", 63.19),
                            rec("PDRB perkapita", 63.19))
    assert len(facts) == 1


def test_an_indicator_printed_with_its_satuan_in_brackets_is_the_same_fact():
    # a Renstra's lampiran appends each name's satuan: '(Dokumen)', '(Orang/bulan)'
    assert len(indicator_facts(rec("Jumlah Dokumen Perencanaan Perangkat Daerah (Dokumen)", 1),
                               rec("Jumlah Dokumen Perencanaan Perangkat Daerah", 1))) == 1
    assert len(indicator_facts(rec("Jumlah Orang yang Menerima Gaji dan Tunjangan ASN (Orang/bulan)", 47),
                               rec("Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", 47))) == 1


def test_an_indicator_printed_with_its_nomenclature_code_is_the_same_fact():
    facts = indicator_facts(rec("3.10.4 RTH persatuan wilayah perkotaan (rata-rata)", 0.82),
                            rec("RTH Persatuan Wilayah Perkotaan", 0.82))
    assert len(facts) == 1


def test_indicators_whose_acronyms_name_different_things_stay_apart():
    facts = indicator_facts(rec("Indeks Kualitas Air (IKA)", 53.81), rec("Indeks Kualitas Udara (IKU)", 53.81))
    assert len(facts) == 2


def test_different_values_for_one_indicator_are_two_facts():
    assert len(indicator_facts(rec("Indeks SPBE", 2.8), rec("Indeks SPBE", 3.2))) == 2


def test_prose_repeating_a_table_value_is_the_table_fact():
    (fact,) = indicator_facts(rec("Indeks SPBE", 2.8, source="text"), rec("Indeks SPBE", 2.8))
    assert fact.source == "table"


def test_ambiguous_values_state_no_fact():
    assert indicator_facts(rec("Jumlah aplikasi", None, raw="1.234", ambiguous=True)) == []


def test_a_range_target_states_itself_as_printed():
    # an IKM target 'Nilai IKM | 85-85.5 | 85.6-87.5 ...': no one number, the range as printed
    from kinerja.normalize import read_value

    def target(raw):
        return IndicatorValue(indicator="Indeks Kesehatan", measure="target", year=2022, value=read_value(raw),
                              source="table")
    assert [f.value for f in indicator_facts(target("85-85.5"))] == ["85-85.5"]
    # one range printed with and without spaces around an en dash in two tables is one fact
    assert [f.value for f in indicator_facts(target("75,70 – 76,20"), target("75,70-76,20"))] == ["75,70-76,20"]


def definition_facts(*defs):
    from kinerja.schema import Definition

    ex = Extraction(source=SRC, definitions=[Definition(indicator=n, formula=f) for n, f in defs])
    return [f for f in to_facts(ex) if f.kind == "definition"]


def test_two_formulas_for_one_indicator_are_two_definitions():
    assert len(definition_facts(("Indeks KAMI", "a / b"), ("Indeks KAMI", "a / c x 100%"))) == 2


def test_a_definition_without_formula_yields_to_one_with_a_formula():
    (fact,) = definition_facts(("Indeks KAMI", None), ("Indeks KAMI", "a / b"))
    assert fact.formula == "a / b"


def budget_facts(*items):
    from kinerja.schema import BudgetValue

    recs = [BudgetValue(item=i, measure="anggaran", year=2024,
                        value=Value(raw=str(v), value=v, kind="money")) for i, v in items]
    return [f for f in to_facts(Extraction(source=SRC, budgets=recs)) if f.kind == "budget"]


def test_a_program_printed_without_its_level_word_is_one_fact():
    facts = budget_facts(("PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL", 188020700.0),
                         ("Penyelenggaraan Statistik Sektoral", 188020700.0))
    assert len(facts) == 1


def test_a_kegiatan_with_its_programs_amount_is_its_own_fact():
    facts = budget_facts(("PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK", 5067574800.0),
                         ("Kegiatan Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Provinsi",
                          5067574800.0))
    assert len(facts) == 2


def test_a_name_that_is_anothers_first_words_is_another_indicator():
    # an LKIP's kegiatan of the dinas and the same kegiatan of one of its balai
    facts = indicator_facts(rec("Peningkatan Kesejahteraan dan Kemampuan Aparatur", 100),
                            rec("Peningkatan Kesejahteraan dan Kemampuan Aparatur Balai Latihan Tenaga Kerja", 100))
    assert len(facts) == 2


def test_an_acronym_telling_two_similar_names_apart_keeps_their_facts_apart():
    # a Rencana Aksi: two documents of tata ruang with the same quarterly targets
    facts = indicator_facts(rec("Persentase tersedianya dokumen rencana rinci tata ruang (RRTR)", 25),
                            rec("Persentase tersedianya dokumen perencanaan tata ruang", 25))
    assert len(facts) == 2
