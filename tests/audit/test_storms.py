"""Storms: many findings of one rule from one table are one 'doubtful-table' note; findings rest on
values read with confidence."""

import pytest

from kinerja.audit import audit, run_checks
from kinerja.audit.storms import CORROBORATED_LIMIT, STORM_LIMIT
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


def _corroborated(n_conflicts: int, n_agreeing: int) -> list:
    """One table (3) printing n_agreeing figures as another table (9) prints them, and
    n_conflicts figures otherwise."""
    out = []
    for i in range(n_agreeing):
        out += [ind(f"Sasaran {i}", "target", "5", 5.0, at(page=1, table=3, row=100 + i)),
                ind(f"Sasaran {i}", "target", "5", 5.0, at(page=9, table=9, row=i))]
    for i in range(n_conflicts):
        out += [ind(f"Indikator {i}", "target", "5", 5.0, at(page=1, table=3, row=i)),
                ind(f"Indikator {i}", "target", "7", 7.0, at(page=9, table=9, row=50 + i))]
    return out


def test_a_table_other_printings_corroborate_lists_its_findings_one_by_one():
    # 40 of its 50 figures printed alike elsewhere: the table is read right, its 10 differences
    # are the document's own
    findings = run_checks(extraction(_corroborated(10, 40)))
    assert codes(findings) == ["conflicting-values"] * 10


def test_a_corroborated_table_still_holds_no_more_than_its_limit():
    findings = run_checks(extraction(_corroborated(CORROBORATED_LIMIT + 1, 200)))
    assert codes(findings) == ["doubtful-table"]


def test_a_table_that_disagrees_with_most_printings_is_doubtful():
    findings = run_checks(extraction(_corroborated(STORM_LIMIT + 1, 5)))
    assert codes(findings) == ["doubtful-table"]


def test_two_copies_of_a_table_that_disagrees_with_a_third_do_not_corroborate_each_other():
    # a Renja's evaluation table printed twice (tables 3 and 4), its figures all otherwise in
    # table 9: the copies agree with each other, and with nothing else
    rows = []
    for i in range(STORM_LIMIT + 1):
        rows += [ind(f"Indikator {i}", "target", "5", 5.0, at(page=1, table=3, row=i)),
                 ind(f"Indikator {i}", "target", "5", 5.0, at(page=5, table=4, row=i)),
                 ind(f"Indikator {i}", "target", "7", 7.0, at(page=9, table=9, row=i))]
    assert set(codes(run_checks(extraction(rows)))) == {"doubtful-table"}


def test_a_recomputation_storm_is_one_note_however_well_the_table_agrees():
    # every row's capaian off the printed target and realisasi: the document's own formula
    rows = _corroborated(0, 40)
    for i in range(STORM_LIMIT + 1):
        where = at(page=1, table=3, row=200 + i)
        rows += [ind(f"Layanan {i}", "target", "50", 50.0, where),
                 ind(f"Layanan {i}", "realisasi", "40", 40.0, where),
                 ind(f"Layanan {i}", "capaian", "95", 95.0, where)]
    assert codes(run_checks(extraction(rows))) == ["doubtful-table"]


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
    # then one doubtful-table note, now not compared at all; two places of one figure still are
    findings = audit(renja.model_copy(update={"findings": []})).findings
    for f in (f for f in findings if f.code == "conflicting-values"):
        assert len({p.table for p in f.evidence}) > 1 or len({p.page for p in f.evidence}) > 1
    per_table: dict = {}
    for f in findings:
        key = (f.code, next((p.table for p in f.evidence if p.table is not None), None))
        per_table[key] = per_table.get(key, 0) + 1
    assert max(per_table.values(), default=0) <= STORM_LIMIT
