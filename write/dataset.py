"""Tidy datasets for researchers: extraction JSON files -> Parquet tables and one DuckDB file.

One row per value, with the document's metadata and the value's provenance on every row, so a
figure can be traced back to its file, page or line, table, row and column.
"""

import os
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from kinerja.write.atomic import replace_atomic
from kinerja.schema import Extraction, Value

TABLES = ("documents", "indicators", "budgets", "definitions")


def _doc_columns(ex: Extraction) -> dict:
    m = ex.meta
    return {
        "file": ex.source.path, "sha256": ex.source.sha256, "doc_type": m.doc_type,
        "agency": m.agency.name if m.agency else None, "region": m.region,
        "region_level": m.region_level, "doc_year": m.year,
    }


def _value_columns(v: Value) -> dict:
    p = v.provenance
    return {
        "value": v.value if isinstance(v.value, (int, float)) else None,
        "value_text": v.value if isinstance(v.value, str) else None,
        "raw": v.raw, "value_kind": v.kind, "ambiguous": v.ambiguous, "repaired": v.repaired,
        "page": p.page if p else None, "line_start": p.line_start if p else None,
        "line_end": p.line_end if p else None, "table": p.table if p else None,
        "row": p.row if p else None, "col": p.col if p else None,
    }


def _trust_columns(r) -> dict:
    # flags as one comma-separated string: a list column of mostly empty lists has no type to infer
    return {"confidence": r.confidence, "flags": ",".join(r.flags) or None}


def rows(extractions: Iterable[Extraction]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for ex in extractions:
        doc = _doc_columns(ex)
        out["documents"].append({**doc, "status": ex.status, "date": ex.meta.date,
                                 "n_indicators": len(ex.indicators), "n_budgets": len(ex.budgets)})
        for r in ex.indicators:
            out["indicators"].append({
                **doc, "sasaran": r.sasaran, "indicator": r.indicator, "unit": r.unit,
                "year": r.year, "period": r.period, "measure": r.measure, "source": r.source,
                "column_path": r.column_path, **_value_columns(r.value), **_trust_columns(r)})
        for r in ex.budgets:
            out["budgets"].append({
                **doc, "item": r.item, "level": r.level, "code": r.code, "year": r.year,
                "period": r.period, "measure": r.measure, "source": r.source,
                "column_path": r.column_path, **_value_columns(r.value), **_trust_columns(r)})
        for d in ex.definitions:
            out["definitions"].append({
                **doc, "indicator": d.indicator, "unit": d.unit, "formula": d.formula,
                "definition": d.definition, "code": d.code, "low_confidence": d.low_confidence})
    return out


SCHEMAS = {
    "value": pa.float64(), "value_text": pa.string(), "year": pa.int64(), "doc_year": pa.int64(),
    "page": pa.int64(), "line_start": pa.int64(), "line_end": pa.int64(), "table": pa.int64(),
    "row": pa.int64(), "col": pa.int64(), "confidence": pa.float64(), "flags": pa.string(),
}


def _arrow(records: list[dict]) -> pa.Table:
    if not records:
        return pa.table({})
    names = list(records[0])
    fields = [pa.field(n, SCHEMAS.get(n, pa.infer_type([r.get(n) for r in records]))) for n in names]
    return pa.Table.from_pylist(records, schema=pa.schema(fields))


def write_dataset(extractions: Iterable[Extraction], out_dir: Path) -> dict[str, Path]:
    """Write TABLE.parquet for each table and kinerja.duckdb holding them all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, records in rows(extractions).items():
        path = out_dir / f"{name}.parquet"
        replace_atomic(path, lambda tmp, r=records: pq.write_table(_arrow(r), tmp))
        written[name] = path
    db = out_dir / "kinerja.duckdb"
    replace_atomic(db, lambda tmp: _write_duckdb(tmp, written))
    written["duckdb"] = db
    return written


def _write_duckdb(path: str, parquet: dict[str, Path]) -> None:
    import duckdb

    os.unlink(path)  # duckdb refuses an empty non-database file
    with duckdb.connect(path) as con:
        for name, pq_path in parquet.items():
            if pq.read_metadata(pq_path).num_columns:
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)", [str(pq_path)])
