"""Each seed's tables have the structure a reader sees in the file.

Expectations are beside each seed, in corpus/groundtruth/NAME.tables.json, written by hand from
the seed (line numbers, headers, spans as printed); a table is found by the line of its first row.
Every seed has one: a missing file fails.
"""

import json
from functools import lru_cache
from pathlib import Path

import pytest

from tests.parsing import parse
from kinerja.schema import Table

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))
EXPECTED = {seed: json.loads((CORPUS / "groundtruth" / f"{seed[:-4]}.tables.json").read_text())
            for seed in SEEDS}
TABLES = [(seed, spec) for seed in SEEDS for spec in EXPECTED[seed]["tables"]]


@lru_cache(maxsize=None)
def _doc(seed: str):
    return parse(CORPUS / seed)


def _table(seed: str, line: int) -> Table:
    found = [t for t in _doc(seed).tables() if t.provenance.line_start == line]
    assert found, f"no table starts at line {line} of {seed}"
    return found[0]


def _cell(rows, row: int, col: int):
    return next((c for c in rows[row] if c.col == col), None)


def _id(param):
    seed, spec = param
    return f"{seed.split('-')[0]}-L{spec['line']}"


@pytest.mark.parametrize("seed", SEEDS)
def test_data_tables_are_found_at_the_lines_they_start(seed):
    doc = _doc(seed)
    data = sorted(t.provenance.line_start for t in doc.tables() if t.kind == "data")
    assert data == EXPECTED[seed]["data_table_lines"]


@pytest.mark.parametrize("seed", SEEDS)
def test_tables_of_contents_are_kind_toc(seed):
    doc = _doc(seed)
    toc = sorted(t.provenance.line_start for t in doc.tables() if t.kind == "toc")
    assert toc == EXPECTED[seed]["toc_table_lines"]


@pytest.mark.parametrize("param", TABLES, ids=[_id(p) for p in TABLES])
def test_caption_rows_and_columns(param):
    seed, spec = param
    table = _table(seed, spec["line"])
    assert table.caption == spec["caption"]
    for key in ("n_rows", "n_cols", "numbering_row", "column_paths", "low_confidence"):
        if key in spec:
            assert getattr(table, key) == spec[key], key
    if "line_end" in spec:
        assert table.provenance.line_end == spec["line_end"]
    for col, path in spec.get("column_path_at", {}).items():
        assert table.column_paths[int(col)] == path


@pytest.mark.parametrize("param", [p for p in TABLES if "cells" in p[1] or "header_cells" in p[1]],
                         ids=[_id(p) for p in TABLES if "cells" in p[1] or "header_cells" in p[1]])
def test_cells_with_their_spans(param):
    seed, spec = param
    table = _table(seed, spec["line"])
    for rows, cells in ((table.body, spec.get("cells", [])), (table.header_rows, spec.get("header_cells", []))):
        for want in cells:
            cell = _cell(rows, want["row"], want["col"])
            assert cell is not None, want
            assert cell.text == want["text"], want
            assert cell.row_span == want.get("row_span", 1), want
            assert cell.col_span == want.get("col_span", 1), want


@pytest.mark.parametrize("param", [p for p in TABLES if "absent" in p[1]], ids=[_id(p) for p in TABLES if "absent" in p[1]])
def test_spanned_slots_are_absent_not_duplicated(param):
    seed, spec = param
    table = _table(seed, spec["line"])
    for slot in spec["absent"]:
        assert _cell(table.body, slot["row"], slot["col"]) is None, slot


@pytest.mark.parametrize("param", [p for p in TABLES if "cell_starts" in p[1] or "formulas" in p[1]],
                         ids=[_id(p) for p in TABLES if "cell_starts" in p[1] or "formulas" in p[1]])
def test_markup_cells_read_as_plain_text_and_keep_their_latex(param):
    seed, spec = param
    table = _table(seed, spec["line"])
    for want in spec.get("cell_starts", []):
        assert _cell(table.body, want["row"], want["col"]).text.startswith(want["text"]), want
    for want in spec.get("formulas", []):
        cell = _cell(table.body, want["row"], want["col"])
        assert want["latex"] in cell.formulas
        assert cell.raw_text and "\\frac" in cell.raw_text


@pytest.mark.parametrize("param", [p for p in TABLES if "rows_by_indicator" in p[1]],
                         ids=[_id(p) for p in TABLES if "rows_by_indicator" in p[1]])
def test_interleaved_rows_hold_indicator_unit_formula_code(param):
    seed, spec = param
    table = _table(seed, spec["line"])
    paths = table.column_paths
    rows = [{paths[c.col]: c.text for c in row} for row in table.body]
    for want in spec["rows_by_indicator"]:
        match = [r for r in rows if r["Indikator"] == want["Indikator"]]
        assert len(match) == 1, want["Indikator"]
        for key, value in want.items():
            assert match[0][key] == value, (want["Indikator"], key)
