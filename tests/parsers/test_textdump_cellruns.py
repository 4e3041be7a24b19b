"""Tables of plain pdftotext dumps (no -layout), whose cells come out as blank-separated runs.

The dumps are made here with pdftotext: from seeds rendered to ruled PDFs (tests/tools/
render_pdfs.py, cells known from the seed) and from a real PDF of the corpus.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape

from kinerja.extract.lexicon import sakip_lexicon
from kinerja.parsers.textdump.cellruns import sheets as cell_sheets
from tests.parsing import parse

from tests.tools import render_pdfs

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

REPO = Path(__file__).resolve().parents[2]
REAL_PDF = REPO.parent / "shared" / "corpus" / "pdf"
PK = "pk-2023-diskominfo-kota-medan"
LKJIP = "lkjip-2024-diskominfo-prov-babel"
RENSTRA = "renstra-do-2025-diskominfotik-kota-blitar"


def _pdftotext(pdf: Path, out: Path) -> Path:
    subprocess.run(["pdftotext", str(pdf), str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> dict[str, Path]:
    """Plain pdftotext dumps of the ruled renderings of three seeds."""
    out = tmp_path_factory.mktemp("cellruns")
    made = {}
    for name in (PK, LKJIP, RENSTRA):
        # fractions printed flat: plain pdftotext prints a stacked one as two bare lines
        pdf = render_pdfs.render(render_pdfs.SEEDS / f"{name}.txt", out / f"{name}.pdf", stacked=False)
        made[name] = _pdftotext(pdf, out / f"{name}.txt")
    return made


def _recovered(path: Path):
    return [t for t in parse(path).tables() if t.method == "cell-runs"]


def _column(table, label: str) -> int:
    return next(i for i, path in enumerate(table.column_paths) if path.lower() == label.lower())


def _cell(row, col: int) -> str:
    return next((c.text for c in row if c.col == col), "")


def test_a_numbered_table_pairs_each_programme_with_its_amount(dumps):
    table = next(t for t in _recovered(dumps[PK]) if "Anggaran" in t.column_paths)
    program, amount = _column(table, "Program"), _column(table, "Anggaran")
    pairs = [(_cell(r, program), _cell(r, amount)) for r in table.body]
    assert pairs == [
        ("Program Aplikasi Informatika", "Rp. 26.598.218.467,-"),
        ("Program Pengelolaan Informasi dan Komunikasi Publik", "Rp. 207.038.232,-"),
        ("Program Penyelenggaraan Statistik Sektor", "Rp. 812.907.500,-"),
        ("Program Penyelenggaraan Persandian Untuk Pengamanan Informasi", "Rp. 530.844.662,-"),
    ]


def test_a_recovered_table_is_flagged_as_a_reconstruction(dumps):
    table = _recovered(dumps[PK])[0]
    assert table.low_confidence and table.method == "cell-runs"
    assert any("pdftotext" in note for note in table.notes)


def test_each_cell_points_at_the_lines_it_was_read_from(dumps):
    lines = dumps[PK].read_text(encoding="utf-8").split("\n")
    table = _recovered(dumps[PK])[0]
    for row in table.body:
        for cell in row:
            prov = cell.provenance
            printed = " ".join(" ".join(lines[prov.line_start - 1:prov.line_end]).split())
            assert printed.replace("\f", "") == cell.text


def test_rows_whose_cells_do_not_fit_the_header_stay_prose(dumps):
    # the PK's first table prints two indicators and two targets per cell: no row has one run per
    # column, so no table is guessed from it and its text stays in paragraphs
    doc = parse(dumps[PK])
    assert not any("Sasaran Strategis" in t.column_paths for t in doc.tables() if t.method == "cell-runs")
    assert any("Indeks Transformasi Data Digital" in b.text for b in doc.blocks
               if b.type in ("paragraph", "list"))


def test_a_row_with_fewer_cells_continues_the_row_above_in_the_last_columns(dumps):
    table = next(t for t in _recovered(dumps[LKJIP]) if len(t.body) >= 2
                 and _cell(t.body[0], 1).startswith("Indeks Dom"))
    amount = _column(table, "Anggaran")
    sub = table.body[1]
    assert min(c.col for c in sub) > 1  # no number, no indicator of its own
    assert _cell(sub, 2).startswith("b. Program Pengelolaan Aplikasi")
    assert _cell(sub, amount) == "Rp. 5.753.235.000,-"


def test_sub_rows_repeating_the_period_label_continue_the_row_above(dumps):
    table = next(t for t in _recovered(dumps[LKJIP]) if "Triwulan" in t.column_paths)
    label, target = _column(table, "Triwulan"), _column(table, "Target TW")
    quarters = [(_cell(r, label), _cell(r, target)) for r in table.body]
    assert quarters[:4] == [("Triwulan I", "10"), ("Triwulan II", "20"), ("Triwulan III", "30"), ("Triwulan IV", "10")]
    assert all(min(c.col for c in r) == label for r in table.body[1:4])


def test_period_labels_stacked_in_one_cell_end_the_table(dumps):
    # "Triwulan I Triwulan II Triwulan III Triwulan IV" beside one value: which quarter it is for
    # is unknown, so that row is not read
    table = next(t for t in _recovered(dumps[LKJIP]) if "Triwulan" in t.column_paths)
    assert not any("Triwulan II" in c.text for r in table.body for c in r if "Triwulan I " in c.text)
    assert any("does not fit" in n for n in table.notes)


@pytest.fixture(scope="module")
def landscape_dumps(tmp_path_factory) -> dict[str, Path]:
    """Landscape renderings: wider cells, so pdftotext puts more cells of a row on one line."""
    out = tmp_path_factory.mktemp("landscape")
    made = {}
    for name in (PK, LKJIP):
        pdf = render_pdfs.render(render_pdfs.SEEDS / f"{name}.txt", out / f"{name}.pdf", pagesize=landscape(A4))
        made[name] = _pdftotext(pdf, out / f"{name}.txt")
    return made


def test_a_row_a_cell_short_does_not_take_the_next_row_number(landscape_dumps):
    tables = _recovered(landscape_dumps[PK])
    assert tables
    for table in tables:
        assert not any(re.fullmatch(r"\d+\.?", c.text) for r in table.body for c in r if c.col > 0)


def test_a_figure_on_the_line_of_the_cell_before_is_split_off(landscape_dumps):
    # "Kegiatan Administrasi Barang milik daerah 21,991,112.00" / "pada Perangkat Daerah"
    table = next(t for t in _recovered(landscape_dumps[LKJIP]) if t.column_paths[0] == "Kode")
    row = next(r for r in table.body if _cell(r, 0) == "1.1.3")
    assert [c.text for c in row] == ["1.1.3", "Kegiatan Administrasi Barang milik daerah pada Perangkat Daerah",
                                     "21,991,112.00", "8,432,012.00", "(13,559,100.00)"]


def test_a_header_repeated_on_the_next_page_is_dropped_and_rows_go_on(dumps):
    table = next(t for t in _recovered(dumps[LKJIP]) if any("header repeated" in n for n in t.notes))
    numbers = [_cell(r, 0) for r in table.body]
    assert numbers == [str(k) for k in range(1, len(numbers) + 1)] and len(numbers) >= 3


def test_rows_opening_with_dotted_codes_get_a_code_column(dumps):
    table = next(t for t in _recovered(dumps[LKJIP]) if t.column_paths[0] == "Kode")
    first = [c.text for c in table.body[0]]
    assert first[0] == "1.1" and first[1].startswith("PROGRAM PENUNJANG URUSAN")
    assert first[2:] == ["10,979,407,368.00", "10,579,851,147.00", "(399,556,221.00)"]


def test_unit_cells_under_the_last_labels_join_them(dumps):
    table = next(t for t in _recovered(dumps[LKJIP]) if t.column_paths[0] == "Kode")
    assert table.column_paths[2:] == ["Sebelum Perubahan (Rp)", "Sesudah Perubahan (Rp)", "Bertambah/Berkurang (Rp)"]


def test_years_printed_above_their_columns_head_each_group(dumps):
    # "2023" "2024" then Target Realisasi % Capaian twice: the numbering row 1..10 says ten columns
    tables = [t for t in _recovered(dumps[LKJIP]) if "2024 / Realisasi" in t.column_paths]
    assert len(tables) >= 2
    for table in tables:
        assert table.column_paths[2:8] == [f"{y} / {m}" for y in (2023, 2024)
                                           for m in ("Target", "Realisasi", "% Capaian")]
    spbe = next(t for t in tables if _cell(t.body[0], 1) == "Indeks Domain Kebijakan Internal SPBE")
    assert [c.text for c in spbe.body[0][2:8]] == ["2.7", "3.14", "116.30", "2.8", "4.11", "146.79"]


def test_one_row_is_a_table_only_under_a_numbering_row(dumps):
    rows = {len(t.body) for t in _recovered(dumps[LKJIP]) if "2024 / Realisasi" in t.column_paths}
    assert rows == {1}
    # "Anggaran Penunjang (Kesekretariatan)": No. / Program / Anggaran / Keterangan, one row, no
    # numbering row: too little to trust the column count, it stays prose
    assert not any(_cell(r, 1).startswith("Penunjang Urusan Pemerintahan daerah")
                   for t in _recovered(dumps[LKJIP]) for r in t.body)


def test_a_formula_column_is_text_not_a_figure(dumps):
    table = next(t for t in _recovered(dumps[LKJIP]) if "Formula Penghitungan Target" in t.column_paths)
    formula = _column(table, "Formula Penghitungan Target")
    assert _cell(table.body[0], formula) == "Jumlah total domain / Jumlah 4 area penilaian"


def test_a_definition_sheet_pairs_indicator_unit_and_formula(dumps):
    rows = [[c.text for c in r] for t in _recovered(dumps[RENSTRA]) for r in t.body]
    assert ["Indeks SPBE", "indeks"] in [r[:2] for r in rows]
    spbe = next(r for r in rows if r[0] == "Indeks SPBE")
    assert spbe[3] == "Perhitungan tingkat kematangan indikator SPBE yang telah ditetapkan oleh kementrian panRB"


def test_a_definition_row_never_reaches_across_a_page_break(dumps):
    # a unit cell written after its row's other cells would otherwise take the next page's cells
    lines = dumps[RENSTRA].read_text(encoding="utf-8").split("\n")
    feeds = {no for no, line in enumerate(lines, start=1) if "\f" in line}
    rows = [r for t in _recovered(dumps[RENSTRA]) for r in t.body]
    assert rows
    for row in rows:
        first, last = min(c.provenance.line_start for c in row), max(c.provenance.line_end for c in row)
        assert not any(first < no <= last for no in feeds), [c.text[:30] for c in row]


def test_a_result_phrase_is_never_taken_for_a_formula(dumps):
    rows = [r for t in _recovered(dumps[RENSTRA]) for r in t.body]
    assert rows
    assert not any(cell_sheets.is_result_phrase(r[3].text, sakip_lexicon()) for r in rows)


def test_tab_separated_seeds_get_no_reconstructed_tables():
    for seed in sorted((REPO / "corpus").glob("*.txt")):
        assert not _recovered(seed), seed.name


@pytest.fixture(scope="module")
def real_pk(tmp_path_factory) -> Path:
    """A real PK whose dump prints each column's cells together (NO 1 2 3 4, PROGRAM ..., ANGGARAN ...)."""
    return _pdftotext(REAL_PDF / "pk_2021_pengukuran_2020_dkips_sulut.pdf", tmp_path_factory.mktemp("pk") / "pk.txt")


def test_a_table_written_column_by_column_pairs_items_by_position(real_pk):
    table = _recovered(real_pk)[0]
    program, amount = 1, 2
    assert [(_cell(r, program), _cell(r, amount)) for r in table.body] == [
        ("Program Penunjang Urusan Pemerintahan Daerah Provinsi", "7.838.434.333"),
        ("Program Pengelolaan Informasi dan Komunikasi Publik", "9.985.639.757"),  # printed "9.985.639. 757"
        ("Program Pengelolaan Aplikasi Informatika", "5.956.794.338"),
        ("Program Penyelenggaraan Persandian Untuk Pengamanan Informasi", "191.167.770"),
        ("Jumlah", "23.972.036.198"),
    ]


def test_a_column_missing_one_figure_gives_no_table(real_pk, tmp_path):
    lines = real_pk.read_text(encoding="utf-8").split("\n")
    lost = lines.index("5.956.794.338,-")
    cut = tmp_path / "pk.txt"
    cut.write_text("\n".join(lines[:lost] + [""] + lines[lost + 1:]), encoding="utf-8")
    assert not _recovered(cut)


def test_a_row_whose_number_is_not_where_due_is_read_between_its_neighbours(tmp_path):
    dump = _pdftotext(REAL_PDF / "lkjip_2021_dpupr_kab_grobogan.pdf", tmp_path / "lkjip.txt")
    table = next(t for t in _recovered(dump) if "REALISASI (RP)" in t.column_paths)
    row = next(r for r in table.body if _cell(r, 1).startswith("Kegiatan Pemeliharaan Barang"))
    assert _cell(row, 0) == "" and _cell(row, 2) == "1.837.932.600" and _cell(row, 4) == "87,44"
    assert [_cell(r, 0) for r in table.body[8:10]] == ["9.", "10."]
