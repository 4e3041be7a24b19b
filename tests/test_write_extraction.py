"""An Extraction is written record by record (extraction_file.py): the same data, one record a
line, every record checked, the file replaced atomically."""

import pytest
from pydantic import ValidationError

from kinerja.write.extraction import RECORD_LISTS, write_extraction
from kinerja.pipeline import extract_file
from kinerja.schema import Extraction, IndicatorValue

from .conftest import CORPUS

SEED = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract_file(SEED)


def test_the_written_file_loads_back_as_the_extraction(extraction, tmp_path):
    out = tmp_path / "out.json"
    write_extraction(extraction.model_copy(deep=True), out)
    assert Extraction.model_validate_json(out.read_text()) == extraction


def _lines_of(name: str, lines: list[str]) -> list[str]:
    start = lines.index(f' "{name}": [')
    return lines[start + 1:lines.index(" ],", start) if name != RECORD_LISTS[-1] else -2]


def test_each_record_is_one_line(extraction, tmp_path):
    out = tmp_path / "out.json"
    write_extraction(extraction.model_copy(deep=True), out)
    lines = out.read_text().splitlines()
    for name in ("indicators", "budgets", "definitions"):
        records = getattr(extraction, name)
        assert records and len(_lines_of(name, lines)) == len(records)


def test_the_records_are_handed_over_as_they_are_written(extraction, tmp_path):
    ex = extraction.model_copy(deep=True)
    write_extraction(ex, tmp_path / "out.json")
    assert not ex.indicators and not ex.budgets and not ex.definitions


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_a_record_that_does_not_load_back_leaves_the_previous_file(extraction, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous\n")
    ex = extraction.model_copy(deep=True)
    broken = IndicatorValue.model_construct(**{**ex.indicators[-1].__dict__, "year": "next year"})
    ex.indicators.append(broken)
    with pytest.raises(ValidationError):
        write_extraction(ex, out)
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
