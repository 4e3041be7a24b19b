"""Markdown pipe tables whose converter repeats a spanning cell's text in every place it covers
(docling, pandas): the repeats read as spans, the delimiter row closes a header of several rows.

Inputs: generated forms exported that way (two-level headers, sasaran over several indicators),
compared with the same forms' tab-separated export; and short tables written as such exports are.
"""

from pathlib import Path

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.pipeline import extract_file
from tests.forms import generate
from tests.parsing import parse


def _facts(path: Path) -> set[str]:
    return {f.model_dump_json() for f in to_facts(extract_file(path))}


@pytest.mark.parametrize("form", ["lkjip_years", "renja_eval", "rencana_aksi"])
def test_repeated_span_export_gives_the_facts_of_the_tab_separated_one(form, tmp_path):
    g = generate(form, "header2", seed=0, out_dir=tmp_path)
    assert "|---|" in g.text_paths["pipes"].read_text(encoding="utf-8")
    assert _facts(g.text_paths["pipes"]) == _facts(g.text_paths["markdown"])


def _table(tmp_path: Path, text: str):
    path = tmp_path / "export.md"
    path.write_text(text, encoding="utf-8")
    return parse(path).tables()[0]


def test_a_label_repeated_over_its_columns_groups_them(tmp_path):
    table = _table(tmp_path, "| No | Indikator | 2023 | 2023 |\n| No | Indikator | Target | Realisasi |\n"
                             "|---|---|---|---|\n| 1 | Indeks SPBE | 2,6 | 3,1 |\n")
    assert table.column_paths == ["No", "Indikator", "2023 / Target", "2023 / Realisasi"]
    assert [c.text for c in table.body[0]] == ["1", "Indeks SPBE", "2,6", "3,1"]


def test_equal_labels_under_different_parents_stay_two_labels(tmp_path):
    table = _table(tmp_path, "| No | Indikator | 2023 | 2024 |\n| No | Indikator | Target | Target |\n"
                             "|---|---|---|---|\n| 1 | Indeks SPBE | 2,6 | 2,8 |\n")
    assert [p.split() for p in table.column_paths[2:]] == [["2023", "Target"], ["2024", "Target"]]


def test_a_sasaran_repeated_on_each_indicator_row_spans_them(tmp_path):
    table = _table(tmp_path, "| No | Sasaran | Sasaran | Indikator | Target |\n"
                             "| No | Sasaran | Sasaran | Indikator | Target |\n|---|---|---|---|---|\n"
                             "| 1 | Meningkatnya layanan | Meningkatnya layanan | Indeks SPBE | 2,6 |\n"
                             "| 1 | Meningkatnya layanan | Meningkatnya layanan | Nilai KIP | 90 |\n")
    second = table.body[1]
    assert [c.text for c in second if c.col >= 3] == ["Nilai KIP", "90"]
    assert table.body[0][0].row_span == 2


def test_body_cells_equal_to_the_row_above_stay_when_the_header_repeats_nothing(tmp_path):
    table = _table(tmp_path, "| No | Indikator | Target | Realisasi |\n|---|---|---|---|\n"
                             "| 1 | Nilai KIP | Informatif | Informatif |\n| 2 | Nilai KIP | Informatif | Informatif |\n")
    assert [c.text for c in table.body[1]] == ["2", "Nilai KIP", "Informatif", "Informatif"]


def test_a_delimiter_row_after_body_rows_marks_no_header(tmp_path):
    """Some exports end a table with a dash row: the numbered rows above it stay body rows."""
    table = _table(tmp_path, "No.\tIndikator\tTarget\n1.\tIndeks SPBE\t2,6\n2.\tNilai KIP\t90\n---\t---\t---\n")
    assert table.column_paths == ["No.", "Indikator", "Target"] and len(table.body) == 2
