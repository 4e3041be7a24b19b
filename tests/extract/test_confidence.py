"""Confidence and flags of read values; values whose kind fights their column dropped with a warning."""

from kinerja.extract import extract_document
from kinerja.extract.confidence import DOUBTFUL, document_health, doubts, dropped_counts, score_records
from kinerja.schema import Cell, Document, Page, Provenance, SourceFile, Table
from kinerja.schema.run import Health

from ..audit.build import FILE, ambiguous, at, bud, extraction, ind, value
from .seeds import IKU, PK, SEEDS, seed


def _doc(*blocks, pages=()) -> Document:
    source = SourceFile(path=FILE, sha256="0" * 64, format="text", size_bytes=0)
    return Document(source=source, blocks=list(blocks), pages=list(pages))


def _scored(indicators=(), budgets=(), doc=None):
    return score_records(doc or _doc(), extraction(indicators, budgets))


def test_a_rupiah_sized_indicator_value_is_dropped_with_a_warning_naming_it():
    where = at(line=57, table=0, row=1)
    ex = _scored([ind("Indeks SPBE", "target", "2,76", 2.76, at(line=56, table=0, row=0)),
                  ind("Indeks Kepuasan Masyarakat", "target", "1.250.000.000", 1.25e9, where)])
    assert [r.indicator for r in ex.indicators] == ["Indeks SPBE"]
    (warning,) = ex.warnings
    assert warning.startswith("1 value dropped as misreads (1 money-sized-indicator)")
    assert '"Indeks Kepuasan Masyarakat"' in warning and "'1.250.000.000'" in warning
    assert "line 57, table 0, row 1" in warning


def test_a_rupiah_amount_under_a_thousand_is_dropped():
    ex = _scored(budgets=[bud("Program Aplikasi Informatika", "anggaran", "Rp. 125", 125.0, at(line=60)),
                          bud("Program Statistik", "anggaran", "Rp. 812.907.500", 812907500.0, at(line=61))])
    assert [b.item for b in ex.budgets] == ["Program Statistik"]
    assert dropped_counts(ex.warnings) == {"tiny-amount": 1}


def test_a_record_named_by_no_words_is_dropped():
    """A numbering cell '(4)' or a unit '%' read as the indicator's name (a scanned Renstra of
    the wild set gave 18 such records): no indicator or item is named so."""
    ex = _scored([ind("(4)", "target", "84.30", 84.3, at(line=70)),
                  ind("Indeks Desa Membangun", "target", "84.30", 84.3, at(line=71))],
                 [bud("%", "anggaran", "20.000.000", 2e7, at(line=72))])
    assert [r.indicator for r in ex.indicators] == ["Indeks Desa Membangun"] and ex.budgets == []
    assert dropped_counts(ex.warnings) == {"nameless": 2}


def test_an_indicator_named_by_its_three_letter_acronym_is_kept():
    ex = _scored([ind("IPM", "target", "72,5", 72.5, at(line=70))])
    assert [r.indicator for r in ex.indicators] == ["IPM"] and not ex.warnings


def _counted(b, unit: str):
    b.value.unit = unit
    return b


def test_an_amount_printed_with_what_it_counts_or_as_a_percentage_is_dropped():
    """'1.370 Orang' under Rp: the K value of a K/Rp pair read into the rupiah column."""
    ex = _scored(budgets=[
        _counted(bud("Program Pembinaan Peran", "anggaran", "1.370 Orang", 1370.0, at(line=60), kind="count"),
                 "orang"),
        bud("Program Pembinaan Peran", "realisasi", "92,14%", 92.14, at(line=61)),
        bud("Program Statistik", "anggaran", "Rp. 812.907.500", 812907500.0, at(line=62))])
    assert [b.item for b in ex.budgets] == ["Program Statistik"]
    assert dropped_counts(ex.warnings) == {"tiny-amount": 1, "volume-as-amount": 1}  # 92.14: first tiny


def test_a_ceiling_or_a_realisation_below_zero_is_dropped_but_a_negative_sisa_is_kept():
    """'Rp-686,000,000' (a scan's gap read as a dash) under Anggaran, '-6,90' of a growth column
    read as a share spent: neither can be below zero; money left over can."""
    ex = _scored(budgets=[bud("Program Operasi", "anggaran", "Rp-686,000,000", -6.86e8, at(line=60)),
                          bud("MOBIL BARANG", "persen_realisasi", "-6,90", -6.9, at(line=61)),
                          bud("Program Operasi", "sisa", "(15.000.000)", -1.5e7, at(line=62))])
    assert [(b.item, b.measure) for b in ex.budgets] == [("Program Operasi", "sisa")]
    assert dropped_counts(ex.warnings) == {"negative-amount": 2}


def _unit(record, unit: str):
    record.unit = unit
    return record


def test_a_count_below_zero_is_dropped_but_a_falling_share_or_growth_is_kept():
    """'-48' paket: a speck before a scanned count read as a minus. A decrease in percent,
    an economy's growth, an index and a change of a count or an area may fall below zero."""
    ex = _scored([_unit(ind("Jumlah Paket Mebel yang Disediakan", "baseline", "-48", -48.0, at(line=50)), "paket"),
                  ind("Jumlah Dokumen Perencanaan", "target", "-2", -2.0, at(line=51)),
                  _unit(ind("Persentase penurunan jumlah kecelakaan kerja", "realisasi", "-7,2", -7.2,
                            at(line=52)), "%"),
                  ind("Pertumbuhan ekonomi", "realisasi", "-2,6", -2.6, at(line=53)),
                  _unit(ind("Indeks Williamson", "target", "-0,1", -0.1, at(line=54)), "indeks"),
                  _unit(ind("Pertumbuhan jumlah wirausaha baru", "realisasi", "-35", -35.0, at(line=55)), "orang"),
                  _unit(ind("Perubahan tutupan lahan", "realisasi", "-12", -12.0, at(line=56)), "ha")])
    assert [r.indicator for r in ex.indicators] == ["Persentase penurunan jumlah kecelakaan kerja",
                                                    "Pertumbuhan ekonomi", "Indeks Williamson",
                                                    "Pertumbuhan jumlah wirausaha baru", "Perubahan tutupan lahan"]
    assert dropped_counts(ex.warnings) == {"negative-count": 2}


def test_an_amount_followed_by_its_source_of_funds_is_kept():
    ex = _scored(budgets=[_counted(bud("Program Reformasi Birokrasi", "anggaran", "406.500.000 DAK", 406500000.0,
                                       at(line=60), kind="count"), "dak")])
    assert [b.item for b in ex.budgets] == ["Program Reformasi Birokrasi"] and not ex.warnings


def test_a_year_in_a_value_column_is_dropped_but_a_grouped_count_is_kept():
    ex = _scored([ind("Jumlah dokumen", "target", "2023", 2023.0, at(line=5), kind="number"),
                  ind("Jumlah peserta", "target", "2.024", 2024.0, at(line=6), kind="number")])
    assert [r.indicator for r in ex.indicators] == ["Jumlah peserta"]
    assert dropped_counts(ex.warnings) == {"year-as-value": 1}


def test_a_value_with_two_reasons_to_drop_is_counted_once_under_the_first():
    record = ind("Cakupan layanan", "target", "6.800.000.000", 6.8e9, at(line=58))
    record.unit = "%"
    ex = _scored([record])
    assert dropped_counts(ex.warnings) == {"money-sized-indicator": 1}
    assert "[money-sized-indicator, implausible-percent]" in ex.warnings[0]


def test_a_capaian_above_a_thousand_percent_is_dropped():
    ex = _scored([ind("Indeks SPBE", "capaian", "12.845%", 12845.0, at(line=40))])
    assert ex.indicators == [] and dropped_counts(ex.warnings) == {"implausible-percent": 1}


def test_an_achievement_printed_as_a_count_of_things_is_dropped():
    # 'Capaian Target Kinerja' over '42 Orang/bulan': a plan's target, not how far one was reached
    record = ind("Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "capaian", "42 Orang/bulan", 42.0,
                 at(line=12), kind="count")
    record.value.unit = "orang/bulan"
    ex = _scored([record, ind("Persentase Pelayanan Administrasi", "capaian", "100 %", 100.0, at(line=13))])
    assert [r.indicator for r in ex.indicators] == ["Persentase Pelayanan Administrasi"]
    assert dropped_counts(ex.warnings) == {"count-as-capaian": 1}


def test_a_count_of_millions_that_names_what_it_counts_is_kept():
    record = ind("Jumlah kunjungan", "realisasi", "1.500.000 orang", 1.5e6, at(line=9), kind="count")
    record.value.unit = "orang"
    (kept,) = _scored([record]).indicators
    assert kept.flags == [] and kept.confidence == 1.0


def test_an_ambiguous_value_lowers_confidence_below_doubtful():
    where = at(line=893, table=10, row=0)
    record = ind("Indeks KAMI", "target", "1.250", None, where)
    record.value = ambiguous("1.250", [(1250.0, "id"), (1.25, "en")], where)
    (scored,) = _scored([record]).indicators
    assert scored.flags == ["ambiguous"] and scored.confidence < DOUBTFUL


def test_a_weak_ocr_cell_lowers_confidence_and_is_flagged():
    prov = Provenance(file=FILE, page=3, table=0, row=0, col=1)
    table = Table(provenance=prov, index=0, method="ocr-ruled", confidence=0.85, n_rows=1, n_cols=2,
                  body=[[Cell(text="Indeks SPBE", row=0, col=0, confidence=0.9),
                         Cell(text="2,7G", row=0, col=1, confidence=0.4)]])
    record = ind("Indeks SPBE", "target", "2,7", 2.7, prov)
    (scored,) = _scored([record], doc=_doc(table)).indicators
    assert scored.flags == ["ocr", "low-confidence-cell"] and scored.confidence == 0.7


def test_a_value_read_from_an_ocr_page_carries_the_page_confidence():
    record = ind("Indeks SPBE", "realisasi", "2,81", 2.81, at(page=2))
    doc = _doc(pages=[Page(number=2, kind="scanned", ocr_confidence=0.5)])
    (scored,) = _scored([record], doc=doc).indicators
    assert scored.flags == ["ocr", "low-ocr-page"] and scored.confidence == 0.75


def test_a_value_of_a_table_recovered_from_plain_text_counts_its_doubt_once():
    prov = Provenance(file=FILE, line_start=12, line_end=12, table=0, row=0, col=1)
    table = Table(provenance=prov, index=0, method="cell-runs", low_confidence=True, confidence=0.5,
                  n_rows=1, n_cols=2,
                  body=[[Cell(text="Indeks", row=0, col=0), Cell(text="3", row=0, col=1)]])
    (scored,) = _scored([ind("Indeks", "target", "3", 3.0, prov)], doc=_doc(table)).indicators
    assert scored.flags == ["recovered-table", "low-confidence-table"] and scored.confidence == 0.75


def test_a_number_read_as_text_is_flagged():
    record = ind("Indeks KAMI", "realisasi", "367/2.6", None, at(line=686))
    record.value = value("367/2.6", "367/2.6", "text", at(line=686))
    (scored,) = _scored([record]).indicators
    assert scored.flags == ["text-value"] and scored.confidence < DOUBTFUL


def test_every_seed_value_gets_a_confidence_and_none_is_dropped():
    for stem in SEEDS:
        ex = extract_document(seed(stem))
        assert dropped_counts(ex.warnings) == {}, stem
        assert all(0 < r.confidence <= 1 for r in [*ex.indicators, *ex.budgets]), stem


def test_the_clean_pk_seed_reads_every_value_with_high_confidence():
    ex = extract_document(seed(PK))
    assert min(r.confidence for r in [*ex.indicators, *ex.budgets]) >= DOUBTFUL


def test_a_table_of_contents_is_counted_as_skipped_for_that_reason():
    doc = seed(IKU)
    health = document_health(doc, extract_document(doc))
    assert (health.tables, health.tables_read, health.tables_skipped) == (2, 1, {"toc": 1})


def test_more_than_a_fifth_of_values_doubtful_is_a_reason_to_degrade():
    health = Health(indicators=8, budgets=2, doubtful=3, flagged={"ocr": 10, "ambiguous": 2, "repaired": 1})
    assert doubts(health) == [
        "doubtful reads: 3 of 10 values (30%) below confidence 0.7 (2 ambiguous, 1 repaired)"]
    assert doubts(health.model_copy(update={"doubtful": 2})) == []
