"""ambiguous-number and repaired-number: numbers read with doubt surface as info findings."""

from kinerja.audit.rules import ambiguous, repaired
from kinerja.schema import Value

from .build import ambiguous as ambiguous_value
from .build import at, bud, extraction, ind


def test_an_ambiguous_number_is_an_info_finding_listing_its_readings():
    where = at(line=893, table=10, row=0)
    record = ind("Indeks KAMI", "target", "1.250", None, where)
    record.value = ambiguous_value("1.250", [(1250.0, "id"), (1.25, "en")], where)
    (f,) = ambiguous.check(extraction([record]))
    assert f.code == "ambiguous-number" and f.severity == "info" and f.subject == "Indeks KAMI"
    assert "'1.250' reads as 1250 (id) or 1.25 (en)" in f.message
    assert f.evidence == [where]


def test_a_repaired_number_is_an_info_finding_with_its_reading():
    where = at(line=540, table=2, row=20)
    record = bud("Total", "anggaran", "1.234.56", None, where, level="total")
    record.value = Value(raw="1.234.56", value=123456.0, kind="money", repaired=True,
                         read_as="id grouping repaired", provenance=where)
    (f,) = repaired.check(extraction(budgets=[record]))
    assert f.code == "repaired-number" and f.reported == 123456.0
    assert "'1.234.56' was repaired and read as 123456.0; id grouping repaired" in f.message


def test_numbers_read_without_doubt_are_not_surfaced():
    ex = extraction([ind("Indeks KAMI", "target", "3", 3.0, at(line=480))],
                    [bud("Program", "anggaran", "Rp 1.000", 1000.0, at(line=500))])
    assert list(ambiguous.check(ex)) == [] and list(repaired.check(ex)) == []
