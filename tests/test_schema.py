"""The schema: versioned, strict, exported as JSON Schema."""

import json

import jsonschema
import pytest
from pydantic import ValidationError

from kinerja.schema import (
    SCHEMA_VERSION, Cell, Document, Extraction, IndicatorValue, Provenance, SourceFile, Table, Value,
)
from kinerja.schema.export import json_schemas, write_schemas

SHA = "0" * 64


def _source() -> SourceFile:
    return SourceFile(path="x.txt", sha256=SHA, format="text", size_bytes=10, line_count=2)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Provenance(file="x.txt", page=1, colour="red")


def test_documents_carry_the_schema_version():
    assert Document(source=_source()).schema_version == SCHEMA_VERSION


def test_blocks_round_trip_through_json_by_their_type():
    prov = Provenance(file="x.txt", line_start=3, line_end=4)
    table = Table(provenance=prov, caption="Tabel 1", n_rows=1, n_cols=1,
                  body=[[Cell(text="2,76", row=0, col=0, provenance=prov)]])
    doc = Document(source=_source(), blocks=[table])
    back = Document.model_validate_json(doc.model_dump_json())
    assert isinstance(back.blocks[0], Table) and back.tables()[0].body[0][0].text == "2,76"


def test_every_value_keeps_raw_text_beside_the_normalised_value():
    v = IndicatorValue(indicator="Indeks SPBE", measure="target", year=2023,
                       value=Value(raw="2.76", value=2.76, kind="number"))
    assert v.value.raw == "2.76" and v.value.value == 2.76


def test_exported_schemas_are_valid_json_schema(tmp_path):
    paths = write_schemas(tmp_path)
    assert {p.name for p in paths} >= {"document.schema.json", "extraction.schema.json",
                                        "fact.schema.json", "run-manifest.schema.json"}
    for p in paths:
        jsonschema.Draft202012Validator.check_schema(json.loads(p.read_text()))


def test_an_extraction_validates_against_its_exported_schema():
    ex = Extraction(source=_source())
    jsonschema.validate(json.loads(ex.model_dump_json(exclude_none=True)), json_schemas()["extraction"])
