"""Recovering a table from a pdftotext dump whose cells come one after another.

The inputs are line runs cut from the Renstra seed (renstra-do-2025-...txt, lines as printed).
"""

from pathlib import Path

from kinerja.extract.lexicon import sakip_lexicon
from kinerja.parsers.textdump import interleaved
from tests.parsing import parse

WORDS = interleaved.Words.of(sakip_lexicon())

SEED = Path(__file__).resolve().parents[2] / "corpus" / "renstra-do-2025-diskominfotik-kota-blitar.txt"
LINES = SEED.read_text(encoding="utf-8").split("\n")


def _cut(first: int, last: int) -> list[str]:
    """Lines first..last of the seed, other lines blanked so line numbers stay the seed's."""
    return ["" if not first <= k <= last else line for k, line in enumerate(LINES, start=1)]


def test_the_seed_is_recognised_as_interleaved_and_the_tab_dumps_are_not():
    assert interleaved.is_interleaved(LINES)
    lkjip = SEED.with_name("lkjip-2024-diskominfo-prov-babel.txt").read_text().split("\n")
    assert not interleaved.is_interleaved(lkjip)


def test_a_cell_ends_at_the_first_line_without_a_trailing_space():
    frags = interleaved.lines_to_fragments(_cut(1116, 1126), WORDS)
    assert [(f.text, f.start, f.end) for f in frags] == [
        ("Terlaksananya koordinasi Pengelolaan Data dan Informasi", 1116, 1118),
        ("Jumlah data dan informasi yang dipetakan berdasarkan Arsitektur SPBE pemerintah daerah", 1120, 1126)]


def test_words_cut_at_a_narrow_cell_edge_are_rejoined():
    frags = interleaved.lines_to_fragments(_cut(1600, 1602), WORDS)  # "Permohon" / "an"
    assert [f.text for f in frags] == ["Permohonan"]
    frags = interleaved.lines_to_fragments(_cut(1796, 1802), WORDS)  # "yan" / "g aktif +", "d" / "imanfaatkan"
    assert " ".join(f.text for f in frags) == "Jumlah media milik Pemda yang aktif + Jumlah media berbayar yang dimanfaatkan"


def test_a_code_cut_after_a_dot_is_joined():
    pieces = interleaved.split_pieces(interleaved.lines_to_fragments(_cut(344, 350), WORDS), WORDS)
    assert [(p.kind, p.text) for p in pieces] == [
        ("code", "2.16.03.2.02.0013"), ("text", "Koordinasi Pemanfaatan Pusat Data Nasional")]


def test_a_unit_on_the_definition_line_is_split_off():
    pieces = interleaved.split_pieces(interleaved.lines_to_fragments(_cut(1824, 1832), WORDS), WORDS)
    assert (pieces[0].kind, pieces[0].text) == ("unit", "dokumen")
    assert pieces[1].text.startswith("Penyusunan rencana dan pelaksanaan")


def test_a_fraction_drawn_with_dashes_reads_as_a_division():
    frags = interleaved.lines_to_fragments(_cut(2422, 2432), WORDS)
    assert interleaved.render_formula(frags) == (
        "Jumlah nilai per area keamanan informasi / Jumlah nilai keseluruhan area keamanan informasi X 100%")


def test_a_record_with_two_indicators_gives_each_its_formula():
    table = parse(SEED).tables()[0]
    paths = table.column_paths
    rows = [{paths[c.col]: c.text for c in row} for row in table.body]
    by_name = {r["Indikator"]: r for r in rows}
    first = by_name["Presentase ketersediaan aplikasi pemerintahan dan layananan publik"]
    second = by_name["Persentase Cakupan Layanan Jaringan Intra Pemerintah Daerah"]
    assert first["Rumus Perhitungan"].startswith("Jumlah aplikasi pemerintahan dan layanan publik yang terbangun")
    assert second["Rumus Perhitungan"].startswith("(Jumlah jaringan FO dan CCTV")


def test_remarks_after_a_formula_are_kept_apart_from_it():
    table = parse(SEED).tables()[0]
    paths = table.column_paths
    row = next({paths[c.col]: c.text for c in r} for r in table.body
               if any(c.text == "Persentase pemenuhan layanan SPBE" for c in r))
    assert row["Rumus Perhitungan"].endswith("(persentase layanan jaringan intra pemerintah daerah x 35%)")
    assert row["Keterangan"].startswith("Keterangan :")


def test_titles_stay_as_paragraphs_and_the_table_says_it_is_a_guess():
    doc = parse(SEED)
    titles = [b.text for b in doc.blocks if b.type == "paragraph"]
    assert "Pohon Kinerja" in titles
    assert any(t.startswith("Penerjemahan kedalam Renstra 2025-2029") for t in titles)
    table = doc.tables()[0]
    assert table.low_confidence and table.method == "interleaved" and doc.degraded
    assert all(c.confidence is not None and c.confidence < 1 for row in table.body for c in row)
    assert any("low confidence" in note for note in table.notes)
