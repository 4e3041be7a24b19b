"""Definitions (formula, unit, code) read off IKU matrices, PK lampiran, LKjIP tables and a DO sheet."""

import pytest

from kinerja.evaluate.gold import load_gold
from kinerja.evaluate.metrics import facts_match
from kinerja.extract.definitions import read_definitions
from kinerja.extract.formula import plain_formula
from kinerja.schema import Cell, Document, Provenance, SourceFile, Table
from tests.conftest import WILD
from tests.parsing import parse

from .seeds import IKU, LKJIP, PK, RENSTRA_DO, seed_steps


def _facts(stem: str) -> list[dict]:
    doc, parts, _, indicators, _ = seed_steps(stem)
    return [{"kind": "definition", "indicator": d.indicator, "unit": d.unit, "formula": d.formula,
             "code": d.code} for d in read_definitions(doc, parts, indicators)]


def _matched(pred: list[dict], gold: list[dict]) -> int:
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and facts_match(p, g)), None)
        if hit is not None:
            used.add(hit)
    return len(used)


@pytest.mark.parametrize("stem, at_least", [(IKU, 7), (PK, 3), (LKJIP, 9), (RENSTRA_DO, 45)])
def test_gold_definitions_are_found_and_nothing_else(gold_dir, stem, at_least):
    gold = [f for f in load_gold(gold_dir / f"{stem}.facts.jsonl") if f["kind"] == "definition"]
    pred = _facts(stem)
    matched = _matched(pred, gold)
    assert matched >= at_least
    assert matched >= 0.85 * len(pred)  # precision


def test_printings_of_one_formula_are_one_definition_and_a_revised_formula_is_another():
    kami = [d for d in _facts(LKJIP) if d["indicator"].startswith("Indeks Kematangan Keamanan")]
    # the report's, the Rumusan table's and the PK perubahan's formulas differ; their reprints do not count
    assert len(kami) == 3
    assert len({d["formula"] for d in kami}) == 3


def test_do_sheet_codes_and_units_come_from_their_columns():
    by_code = {d["code"]: d for d in _facts(RENSTRA_DO) if d["code"]}
    assert by_code["2.16.03.2.02.0013"]["unit"] == "aplikasi"
    assert by_code["2.16.03.2.02.0024"]["unit"] == "perangkat daerah"


def test_definitions_from_a_recovered_table_are_low_confidence():
    doc, parts, _, indicators, _ = seed_steps(RENSTRA_DO)
    assert all(d.low_confidence for d in read_definitions(doc, parts, indicators) if d.code)


def test_a_formula_in_an_undeclared_column_is_found_and_its_worked_example_dropped():
    doc = _table_doc(("No", "Indikator Kinerja", "Target"), [
        ("1", "Indeks Transformasi Data Digital",
         "= Jumlah data yang berpotensi terdigitalisasi pada OPD / Jumlah data digitalisasi 0,93 = 446 / 480"),
        ("2", "Indeks SPBE", "2.76 / Baik"),
    ])
    (d,) = read_definitions(doc, [])
    assert (d.indicator, d.formula) == (
        "Indeks Transformasi Data Digital",
        "Jumlah data yang berpotensi terdigitalisasi pada OPD / Jumlah data digitalisasi")


def test_a_formula_row_under_an_indicator_belongs_to_it():
    doc = _table_doc(("NO", "SASARAN STRATEGIS", "INDIKATOR/META INDIKATOR", "SATUAN"), [
        ("1", "Meningkatnya ...", "Indeks Domain Kebijakan Internal SPBE", "nilai"),
        ("", "", "Formula Perhitungan: =(Jumlah total domain)/(Jumlah 4 area penilaian)", ""),
    ])
    (d,) = read_definitions(doc, [])
    assert (d.indicator, d.unit, d.formula) == (
        "Indeks Domain Kebijakan Internal SPBE", "nilai", "(Jumlah total domain)/(Jumlah 4 area penilaian)")


def test_sibling_indicators_one_word_apart_keep_their_own_formulas():
    # an IKU matrix's PDRB shares of each transport mode (Dishub Jatim p.5)
    name = "Persentase sub kategori transportasi (angkutan {}) terhadap PDRB"
    formula = "Δ PDRB angkutan {} / Σ PDRB Jawa Timur x 100%"
    modes = ("laut", "udara", "darat")
    doc = _table_doc(("NO", "INDIKATOR SASARAN", "FORMULASI PERHITUNGAN"),
                     [(str(i), name.format(m), formula.format(m)) for i, m in enumerate(modes, 1)])
    found = {(d.indicator, d.formula) for d in read_definitions(doc, [])}
    assert found == {(name.format(m), formula.format(m)) for m in modes}


def test_an_equation_read_by_ocr_is_the_formula_and_the_text_under_it_its_legend():
    doc = _table_doc(("NO", "INDIKATOR SASARAN", "FORMULASI PERHITUNGAN"), [
        ("1", "Jumlah rute pelayanan mudik balik gratis laut",
         "Σ rute pelayanan mudik balik Jumlah rute pelayanan mudik balik gratis laut pada tahun yang dievaluasi")])
    doc.blocks[0].body[0][2].equation = "Σ rute pelayanan mudik balik"
    (d,) = read_definitions(doc, [])
    assert d.formula == "Σ rute pelayanan mudik balik"


def test_a_stacked_fraction_broken_by_the_converter_is_restacked():
    raw = ("Jumlah layanan informasi yang terlindungi dan terjaga dengan baik\n"
           "Jumlah Perangkat Daerah yang menggunakan Layanan Informasi / Jumlah layanan informasi "
           "yang terlindungi terdiri dari 33 sterilisasi ruangan x 100%\n"
           "68% = 34 / 50 x 100%\n"
           "Jumlah layanan informasi yang terlindungi terdiri dari 33 sterilisasi ruangan")
    assert plain_formula(raw) == ("Jumlah layanan informasi yang terlindungi dan terjaga dengan baik / "
                                  "Jumlah Perangkat Daerah yang menggunakan Layanan Informasi x 100%")


@pytest.mark.parametrize("raw", ["Baseline 2022 : 514/621 = 0,83", "100% = 26 / 26 x 100%", "  "])
def test_worked_examples_alone_are_no_formula(raw):
    assert plain_formula(raw) is None


def _table_doc(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Document:
    prov = Provenance(file="x.txt", line_start=1, line_end=1 + len(rows))
    head = [Cell(text=h, row=0, col=j) for j, h in enumerate(header)]
    body = [[Cell(text=t, row=i, col=j) for j, t in enumerate(r)] for i, r in enumerate(rows)]
    table = Table(provenance=prov, header_rows=[head], body=body, column_paths=list(header),
                  n_rows=len(rows), n_cols=len(header))
    src = SourceFile(path="x.txt", sha256="0" * 64, format="text", size_bytes=0)
    return Document(source=src, blocks=[table])


def test_a_formula_spelled_in_words_is_written_with_operators():
    assert plain_formula("Jumlah kematian ibu dibagi jumlah kelahiran hidup dalam satu tahun dikalikan 100.000") == \
        "Jumlah kematian ibu / jumlah kelahiran hidup dalam satu tahun x 100.000"
    assert plain_formula("Jumlah persalinan –dibagi-- jumlah sasaran ibu bersalin") == \
        "Jumlah persalinan / jumlah sasaran ibu bersalin"


def test_headers_that_lost_their_spaces_still_name_their_columns():
    doc = _table_doc(("NO.", "SASARAN STRATEGIS", "INDIKATORKINERJA UTAMA", "FORMULASIPERHITUNGAN/PENJELASAN"), [
        ("1", "Meningkatnya ...", "Persentase Penyelenggaraan Pengamanan Informasi",
         "Jumlah SPBE yang sudah diamankan / Jumlah SPBE x 100%"),
    ])
    (d,) = read_definitions(doc, [])
    assert d.formula == "Jumlah SPBE yang sudah diamankan / Jumlah SPBE x 100%"


def test_a_broken_fraction_whose_lines_ran_together_is_restacked():
    # a PDF cell prints its paragraphs as running text: "A B / B x 100%" was A over B
    raw = ("Jumlah Layanan Publik yang diselenggarakan secara online dan terintegrasi Jumlah Layanan Publik "
           "yang tersedia / Jumlah Layanan Publik yang tersedia x 100% 100% = 26 / 26 x 100%")
    assert plain_formula(raw) == ("Jumlah Layanan Publik yang diselenggarakan secara online dan terintegrasi / "
                                  "Jumlah Layanan Publik yang tersedia x 100%")


def test_a_note_pulled_into_a_run_together_fraction_is_dropped_from_it():
    raw = ("Jumlah layanan informasi yang terlindungi dan terjaga dengan baik Jumlah Perangkat Daerah yang "
           "menggunakan Layanan Informasi / Jumlah layanan informasi yang terlindungi terdiri dari 33 sterilisasi "
           "ruangan x 100% 68% = 34 / 50 x 100% Baseline 2022: 33/33 x 100 % = 100% Jumlah layanan informasi "
           "yang terlindungi terdiri dari 33 sterilisasi ruangan")
    assert plain_formula(raw) == ("Jumlah layanan informasi yang terlindungi dan terjaga dengan baik / "
                                  "Jumlah Perangkat Daerah yang menggunakan Layanan Informasi x 100%")


def test_a_numerator_that_multiplies_by_the_denominator_is_kept_as_printed():
    # the parser's plain rendering of a Word equation (A x B) / B
    raw = ("(Perhitungan Indeks KAMI Versi 4.1 x Jumlah total Area penilaian Aspek Indeks KAMI) / "
           "Jumlah total Area penilaian Aspek Indeks KAMI")
    assert plain_formula(raw) == raw


def test_a_baseline_run_on_after_the_indicator_name_is_not_part_of_it():
    doc = _table_doc(("No", "Indikator Kinerja", "Target"), [
        ("2", "Persentase layanan publik online Baseline 2022: 12/10 x 100% = 120% Jumlah layanan: A, B.",
         "Jumlah layanan publik online / Jumlah layanan publik x 100%"),
    ])
    (d,) = read_definitions(doc, [])
    assert d.indicator == "Persentase layanan publik online"


def test_a_sum_over_one_of_its_terms_is_not_taken_for_a_run_together_fraction():
    raw = "Jumlah layanan aktif + Jumlah layanan baru / Jumlah layanan baru x 100%"
    assert plain_formula(raw) == raw


@pytest.mark.parametrize("raw, formula", [
    # an equation's left side names the indicator; the legend of its symbols follows it
    ("f(x) = Δ Laka Ank Umum thn / Σ Laka x 100% Dengan : f(x) : Persentase kejadian kecelakaan",
     "Δ Laka Ank Umum thn / Σ Laka x 100%"),
    ("Jumlah ASN terlatih / Jumlah ASN x 100% Keterangan: ASN terlatih adalah ...",
     "Jumlah ASN terlatih / Jumlah ASN x 100%"),
    ("P / Q x 100% dimana P adalah jumlah pengaduan selesai", "P / Q x 100%"),
    # OCR of an equation lost its opening parenthesis
    ("fx) — Δ PDRB angkutan udara / Σ PDRB Jawa Timur x 100% Dengan : f(x) : Persentase",
     "Δ PDRB angkutan udara / Σ PDRB Jawa Timur x 100%"),
    ("Jumlah ASN sesuai formasi / Jumlah jabatan x 100% Dengan rincian perhitungan : a. Jumlah ASN",
     "Jumlah ASN sesuai formasi / Jumlah jabatan x 100%"),
    ("Jumlah Paket = Σ (Jumlah komponen) n adalah jumlah paket yang dihitung", "Jumlah Paket = Σ (Jumlah komponen)"),
    # '*' for times
    ("Jumlah dokumen tepat waktu / Jumlah dokumen * 100 % Dokumen yang dimaksud adalah RKPD",
     "Jumlah dokumen tepat waktu / Jumlah dokumen * 100 %"),
])
def test_a_formula_stops_where_the_legend_of_its_symbols_begins(raw, formula):
    assert plain_formula(raw) == formula


@pytest.mark.parametrize("raw", ["PERATURAN-BKN-NO.-8-TAHUN-2019", "Permenpan RB Nomor 14 Tahun 2017"])
def test_a_regulation_cited_in_the_formula_column_is_no_formula(raw):
    assert plain_formula(raw) is None


@pytest.mark.parametrize("raw", [
    '(!"#$%& 3,%$)4%4) 5%(6-% 7%-%/ 8)$)9 :%,-%&) / (!"#$%& ;%-/,0 5%(6-%) x 100',
    "\x01-\x03\x04\x05\x06 \x12\x13\x03-\x05",
])
def test_a_formula_whose_font_maps_its_glyphs_to_no_letters_is_no_formula(raw):
    """A wrong formula is worse than none: the definition keeps its name without one."""
    assert plain_formula(raw) is None


def test_one_column_for_the_indicators_of_every_level_names_them_without_their_labels():
    doc = _table_doc(("No.", "Nama Tujuan/Sasaran/Program/Kegiatan", "Indikator Tujuan/Sasaran/Program/Kegiatan",
                      "Definisi Operasional", "Formula Perhitungan"), [
        ("", "Sasaran I : Meningkatnya Kualitas Manajemen", "Indikator Sasaran : Persentase ASN yang berkinerja baik",
         "ASN yang berkinerja baik adalah ...", "Jumlah ASN berkinerja baik / Jumlah ASN x 100%"),
        ("", "Program Penunjang", "Persentase kebutuhan penunjang yang terfasilitasi", "...",
         "Total kebutuhan terfasilitasi / Total kebutuhan x 100%"),
    ])
    names = [d.indicator for d in read_definitions(doc, [])]
    assert names == ["Persentase ASN yang berkinerja baik", "Persentase kebutuhan penunjang yang terfasilitasi"]


def test_a_manual_of_indicators_gives_its_definitions():
    """A real 'Manual Indikator / Definisi Operasional' sheet (all levels in one indicator column)."""
    path = WILD / "definisi_operasional_2024_bkd_kota_pasuruan.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    found = {d.indicator: d.formula for d in read_definitions(parse(path), [])}
    assert found["Indeks Profesionalitas Aparatur"] is None  # a regulation is cited, not a formula
    assert found["Jumlah Dokumen Perencanaan Perangkat Daerah"] == "Jumlah Dokumen Perencanaan Perangkat Daerah"
    assert len(found) >= 40


def test_a_unit_column_under_the_indicator_group_never_names_the_indicator():
    """'Indikator Kinerja Utama / Uraian | Indikator Kinerja Utama / Satuan | Formula': the name
    is the Uraian, though the Satuan column stands nearer the formula."""
    doc = _table_doc(("No", "Sasaran Strategis", "Indikator Kinerja Utama / Uraian", "Indikator Kinerja Utama / Satuan",
                      "Penjelasan / Formula / Cara Pengukuran"), [
        ("1.", "Meningkatnya ...", "Persentase temuan anggaran yang ditindaklanjuti", "%",
         "Jumlah temuan anggaran yang ditindaklanjuti / Jumlah seluruh temuan anggaran x 100%"),
    ])
    (d,) = read_definitions(doc, [])
    assert d.indicator == "Persentase temuan anggaran yang ditindaklanjuti" and d.unit == "%"


def test_a_legend_run_on_after_a_whole_fractions_x_100_is_no_part_of_the_formula():
    # an IKU's formula cell: the equation, then on the same line the meaning of its terms with no
    # 'dengan' or 'dimana' before it
    raw = ("waktu tempuh rill AKDP / waktu tempuh sesuai KPS x 100% waktu tempuh rill AKDP waktu "
           "tempuh rata – rata angkutan umum antar kota dalam provinsi")
    assert plain_formula(raw) == "waktu tempuh rill AKDP / waktu tempuh sesuai KPS x 100%"


def test_text_after_x_100_with_no_fraction_before_it_may_be_the_divisor_and_stays():
    # a stacked fraction flattened: '( A ) x 100 %' then its divisor on the same line
    raw = "( Jumlah Dokumen yang telah dibuat ) x 100 % Jumlah dokumen yang seharusnya dibuat"
    assert "seharusnya dibuat" in plain_formula(raw)


def test_a_figure_with_its_unit_names_no_definition(tmp_path):
    # a Renstra matrix row 'Jumlah Laporan Koordinasi/Sinergi | 22 Laporan | ... | 45 Laporan':
    # the name reads like a formula, and the figure beside it is no indicator's name
    from tests.forms import generate
    from kinerja.pipeline import extract_file
    g = generate("renstra_target", "unruled_multipage", 0, tmp_path)
    names = [d.indicator for d in extract_file(g.inputs["markdown"]).definitions]
    assert "45 Laporan" not in names and not any(n[:1].isdigit() for n in names)


@pytest.mark.parametrize("name, kept", [("45 Laporan", False), ("100 %", False),
                                        ("1000 Hari Pertama Kehidupan", True), ("100 Desa ODF", True)])
def test_a_name_that_starts_with_a_figure_is_a_name_unless_it_is_a_figure_and_its_unit(name, kept):
    from kinerja.extract.definitions import _good_name
    assert _good_name(name) is kept


def test_a_name_with_a_slash_in_a_column_of_no_formula_is_no_formula():
    # a Renstra matrix's lower-level indicator beside a sasaran indicator: 'bulanan/ triwulanan' is a list
    doc = _table_doc(("No", "Indikator Sasaran", "Indikator Sub Kegiatan"), [
        ("1", "Nilai SAKIP", "Jumlah laporan keuangan bulanan/ triwulanan/semesteran yang disusun"),
        ("2", "Persentase layanan terpenuhi", "Jumlah layanan terpenuhi / Jumlah layanan x 100%"),
        ("3", "Nilai rata-rata kepuasan", "Total skor / 5"),
    ])
    assert {(d.indicator, d.formula) for d in read_definitions(doc, [])} == {
        ("Persentase layanan terpenuhi", "Jumlah layanan terpenuhi / Jumlah layanan x 100%"),
        ("Nilai rata-rata kepuasan", "Total skor / 5")}
