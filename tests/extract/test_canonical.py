"""Canonical names on a document's records: catalogue ids weighed by the direction of the
document's own targets, the region's code, the agency's nomenclature."""

from kinerja.extract.canonical import name_records
from kinerja.pipeline import extract_file
from kinerja.schema import Extraction, IndicatorValue, Value
from kinerja.schema.source import SourceFile

from ..conftest import CORPUS

LKJIP = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"


def test_targets_rising_as_the_entry_expects_are_named_in_the_reason():
    ex = extract_file(LKJIP)
    assert any("its targets rise, as for better higher" in r.canonical.reason for r in ex.indicators if r.canonical)


def _targets(name: str, values: list[float]) -> Extraction:
    records = [IndicatorValue(indicator=name, year=2021 + i, measure="target", unit="%",
                              value=Value(raw=str(v), value=v, kind="percent"))
               for i, v in enumerate(values)]
    return Extraction(source=SourceFile(path="x.txt", sha256="0" * 64, format="text", size_bytes=1), indicators=records)


def test_targets_falling_year_on_year_refuse_a_higher_is_better_entry():
    ex = name_records(_targets("Indeks Kepuasan Masyarakat", [90.0, 85.0, 80.0]))
    assert {r.canonical.id for r in ex.indicators} == {None}
    assert "fall year on year" in ex.indicators[0].canonical.reason


def test_two_years_of_targets_are_no_trend():
    ex = name_records(_targets("Indeks Kepuasan Masyarakat", [90.0, 85.0]))
    assert ex.indicators[0].canonical.id is not None


def test_the_document_carries_its_region_code_and_agency_id():
    meta = extract_file(LKJIP).meta
    assert meta.region_code == "19" and meta.agency.id == f"{meta.agency.nomenclature}@19"
