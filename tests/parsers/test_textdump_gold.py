"""What the gold facts are read from is in the Document's data tables.

For every fact the gold reads from a table (source "table"), the name it is about and its
value as printed are in one data table (never in a table of contents); for the interleaved
Renstra dump every gold definition can be read from one recovered row.
"""

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tests.parsing import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "gold"
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))
INTERLEAVED = "renstra-do-2025-diskominfotik-kota-blitar.txt"


def _norm(text) -> str:
    return " ".join(str(text or "").lower().split())


@lru_cache(maxsize=None)
def _doc(seed: str):
    return parse(CORPUS / seed)


def _facts(seed: str, kind: str) -> list[dict]:
    path = GOLD / seed.replace(".txt", ".facts.jsonl")
    if not path.exists():
        pytest.skip(f"gold not found at {path}")
    facts = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [f for f in facts if f["kind"] == kind and f.get("source", "table") == "table"]


def _printed_forms(value) -> set[str]:
    """How a gold value can be printed: 2.7 -> '2.7', '2,7', '2.70'; 26598218467 -> '26.598.218.467';
    0 -> '-'."""
    if isinstance(value, str):
        return {_norm(value)}
    forms = {"-"} if value == 0 else set()  # a nil amount is printed as a dash
    number = abs(float(value))
    for decimals in range(0, 3):
        text = f"{number:,.{decimals}f}"
        if decimals and float(text.replace(",", "")) != number:
            continue
        plain = text.replace(",", "")
        forms |= {plain, plain.replace(".", ","), text, text.replace(",", "_").replace(".", ",").replace("_", ".")}
    return forms


def _table_texts(seed: str):
    for table in _doc(seed).tables():
        cells = [c.text for row in table.body for c in row] + [c.text for row in table.header_rows for c in row]
        yield table, cells


def _holds(cells: list[str], name: str, value) -> bool:
    if not any(fuzz.token_set_ratio(_norm(name), _norm(c)) >= 90 or _norm(name) in _norm(c) for c in cells):
        return False
    forms = _printed_forms(value)
    tokens = {t for c in cells for t in re.findall(r"[\w.,/%-]+", _norm(c))}
    tokens |= {t.rstrip("%,-").strip("()") for t in tokens}
    return bool(forms & tokens) or any(f in _norm(c) for f in forms for c in cells if isinstance(value, str))


TABULAR = [s for s in SEEDS if s != INTERLEAVED]


@pytest.mark.parametrize("seed", TABULAR)
def test_every_gold_indicator_value_is_in_a_data_table(seed):
    missing = []
    for fact in _facts(seed, "indicator"):
        found = [t for t, cells in _table_texts(seed) if _holds(cells, fact["indicator"], fact["value"])]
        if not found or all(t.kind != "data" for t in found):
            missing.append((fact["indicator"], fact["year"], fact["period"], fact["measure"], fact["value"]))
    assert not missing, missing


@pytest.mark.parametrize("seed", TABULAR)
def test_every_gold_budget_value_is_in_a_data_table(seed):
    missing = []
    for fact in _facts(seed, "budget"):
        found = [t for t, cells in _table_texts(seed) if _holds(cells, fact["item"], fact["value"])]
        if not found or all(t.kind != "data" for t in found):
            missing.append((fact["item"], fact["measure"], fact["value"]))
    assert not missing, missing


@pytest.mark.parametrize("seed", TABULAR)
def test_every_gold_definition_names_an_indicator_of_a_data_table(seed):
    missing = [f["indicator"] for f in _facts(seed, "definition")
               if not any(t.kind == "data" and any(fuzz.token_set_ratio(_norm(f["indicator"]), _norm(c)) >= 90 for c in cells)
                          for t, cells in _table_texts(seed))]
    assert not missing, missing


def test_no_gold_fact_is_read_from_a_table_of_contents():
    for seed in TABULAR:
        for table, cells in _table_texts(seed):
            if table.kind != "toc":
                continue
            for fact in _facts(seed, "indicator") + _facts(seed, "budget"):
                assert not _holds(cells, fact.get("indicator") or fact.get("item"), fact["value"]), (seed, fact)


def test_every_gold_definition_of_the_interleaved_dump_is_one_recovered_row():
    table = next(t for t in _doc(INTERLEAVED).tables() if t.kind == "data")
    assert table.low_confidence and table.notes
    paths = table.column_paths
    rows = [{paths[c.col]: c.text for c in row} for row in table.body]
    unread = []
    for fact in _facts(INTERLEAVED, "definition"):
        def reads(row):
            formula = row["Rumus Perhitungan"] or None
            formula_ok = (formula is None and fact["formula"] is None) or (
                formula and fact["formula"] and fuzz.ratio(_norm(formula), _norm(fact["formula"])) >= 80)
            return (fuzz.token_set_ratio(_norm(fact["indicator"]), _norm(row["Indikator"])) >= 90
                    and (row["Satuan"] or None) == (fact["unit"] and _norm(fact["unit"]))
                    and (row["Kode"] or None) == fact["code"] and formula_ok)
        if not any(reads(r) for r in rows):
            unread.append(fact["indicator"])
    assert not unread, unread
