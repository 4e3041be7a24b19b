"""Headers of space-aligned tables in -layout dumps whose labels stand on staggered lines: labels
centred in cells of different heights come out of pdftotext interleaved with their neighbours',
group labels stand lines above or a blank line apart from the labels they head, and a tall
header opens with a line of wrapped label ends before its 'No' or 'Kode'. Each on a generated
standard form (tests/forms), as the unseen documents of the genre print them."""

from tests.forms import generate
from tests.parsing import parse


def _paths(form: str, variant: str, seed: int, tmp_path) -> list[str]:
    g = generate(form, variant, seed=seed, out_dir=tmp_path)
    return parse(g.text_paths["layout"]).tables()[0].column_paths


def test_a_year_over_its_sub_labels_stays_apart_from_the_label_under_it(tmp_path):
    # a Renstra evaluation: '2019' centred over 'Target  Realisasi  Rasio (%)', two label lines
    # above 'Realisasi'; 'Rasio' / '(%)' stand a line above and below 'Target  Realisasi'
    paths = _paths("renstra_eval", "header2", 2, tmp_path)
    assert paths[3:6] == ["2019 / Target", "2019 / Realisasi", "2019 / Rasio (%)"]
    assert paths[-3:] == ["2023 / Target", "2023 / Realisasi", "2023 / Rasio (%)"]


def test_labels_of_two_cells_on_staggered_lines_of_one_column_are_two_columns(tmp_path):
    # an IKU: 'Target' / '2022' a line above and below 'Formula / Penjelasan', the target figure
    # printed one space before the formula ('49,65 Jumlah PD ...'): no gutter shows the cut
    g = generate("iku", "multipage", seed=1, out_dir=tmp_path)
    table = parse(g.text_paths["layout"]).tables()[0]
    assert table.column_paths[4:6] == ["Target 2022", "Formula / Penjelasan"]
    assert [c.text for c in table.body[0]][4] == "49,65"


def test_a_year_above_a_label_of_its_column_heads_the_group_it_is_centred_on(tmp_path):
    # a Renja: '2020' over 'Target Capaian Kinerja' and 'Kebutuhan Dana/ Pagu Indikatif', a line
    # above the first: a label does not go on after a year (read as one label, '2020 Target
    # Capaian Kinerja' named one column; cut by the gutters found under it, it heads both)
    paths = _paths("renja_program", "landscape", 0, tmp_path)
    assert paths[-2:] == ["2020 / Target Capaian Kinerja", "2020 / Kebutuhan Dana/ Pagu Indikatif"]


def test_a_group_label_over_the_header_is_no_title_line_of_the_table(tmp_path):
    # a Rencana Aksi: 'TARGET' over 'TAHUN  TRIWULAN' under the table's title lines; a title's
    # wrapped end opens where the title opens or is centred under it, a group label stands
    # over its columns
    paths = _paths("rencana_aksi", "ruled", 1, tmp_path)
    assert "TARGET / TAHUN 2022" in paths and "TARGET / TRIWULAN / I" in paths


def test_group_labels_a_blank_line_above_the_header_head_its_columns(tmp_path):
    # a Renstra evaluation: 'TARGET RENSTRA PERANGKAT DAERAH  REALISASI CAPAIAN  RASIO CAPAIAN'
    # and a blank line over 'NO  INDIKATOR KINERJA  SATUAN  TAHUN ...'
    paths = _paths("renstra_eval", "header3", 2, tmp_path)
    assert paths[3] == "TARGET RENSTRA PERANGKAT DAERAH / TAHUN KE-1 2020"
    assert paths[8] == "REALISASI CAPAIAN / TAHUN KE-1 2020"
    assert paths[-1] == "RASIO CAPAIAN / TAHUN KE-5 2024"


def test_a_tall_header_opens_at_its_top_line_above_the_kode_line(tmp_path):
    # a Renstra programme matrix: 'Kondisi' / 'Data Capaian' / 'pada Tahun' / ... wrapped over
    # five lines before 'Kode'; 'Target Kinerja Program dan Kerangka Pendanaan' is one phrase over
    # the four year columns, whatever columns its words fall in
    paths = _paths("renstra_target", "unruled", 0, tmp_path)
    assert paths[0] == "Kode"
    assert paths[4:8] == [f"Target Kinerja Program dan Kerangka Pendanaan / Tahun-{k}" for k in range(1, 5)]
