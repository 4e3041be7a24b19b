"""Storms: many findings of one rule from one table are one 'doubtful-table' note; findings rest on
values read with confidence."""

import pytest

from kinerja.audit import audit, run_checks
from kinerja.audit.storms import STORM_LIMIT
from kinerja.pipeline import extract_file

from ..conftest import WILD
from .build import at, codes, extraction, ind

# a Renja whose budget table a name cut short turns into dozens of 'conflicting values'
RENJA = WILD / "renja_2016_dkp_kab_cianjur.pdf"


def _conflicts(n: int, tables) -> list:
    """n indicators each printed with two different targets, in the given tables (cycled) and
    in the text (two rows of one table are two items, never compared)."""
    out = []
    for i in range(n):
        t = tables[i % len(tables)]
        out += [ind(f"Indikator {i}", "target", "5", 5.0, at(page=1, table=t, row=i)),
                ind(f"Indikator {i}", "target", "7", 7.0, at(page=2, line=100 + 10 * i))]
    return out


def test_more_findings_of_one_rule_from_one_table_than_it_can_hold_are_one_note():
    findings = run_checks(extraction(_conflicts(STORM_LIMIT + 1, [3])))
    assert codes(findings) == ["doubtful-table"]
    assert findings[0].severity == "info" and f"{STORM_LIMIT + 1} conflicting-values" in findings[0].message


def test_a_few_findings_from_one_table_stand_one_by_one():
    assert codes(run_checks(extraction(_conflicts(STORM_LIMIT, [3])))) == ["conflicting-values"] * STORM_LIMIT


def test_findings_spread_over_tables_stand_one_by_one():
    findings = run_checks(extraction(_conflicts(2 * STORM_LIMIT, [1, 2, 3, 4])))
    assert codes(findings) == ["conflicting-values"] * (2 * STORM_LIMIT)


def test_a_value_read_with_doubt_raises_no_recomputation_finding():
    where = at(line=680, table=3, row=0)
    rows = [ind("Indeks SPBE", "target", "2.80", 2.8, where), ind("Indeks SPBE", "realisasi", "4.11", 4.11, where),
            ind("Indeks SPBE", "capaian", "128.44", 128.44, where)]
    assert codes(run_checks(extraction(rows))) == ["capaian-mismatch"]
    rows[1] = rows[1].model_copy(update={"confidence": 0.5, "flags": ["low-confidence-cell"]})
    assert codes(run_checks(extraction(rows))) == []


@pytest.fixture(scope="module")
def renja():
    if not RENJA.is_file():
        pytest.skip(f"real PDF not found at {RENJA}")
    return extract_file(RENJA)


def test_a_real_table_of_names_cut_short_floods_no_report(renja):
    # its rows, cut alike, are different items of one table: once a storm of 'conflicting values',
    # then one doubtful-table note, now not compared at all
    findings = audit(renja.model_copy(update={"findings": []})).findings
    assert "conflicting-values" not in codes(findings)
    per_table: dict = {}
    for f in findings:
        key = (f.code, next((p.table for p in f.evidence if p.table is not None), None))
        per_table[key] = per_table.get(key, 0) + 1
    assert max(per_table.values(), default=0) <= STORM_LIMIT
