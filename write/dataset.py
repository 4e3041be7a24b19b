"""Tidy datasets for researchers: extraction JSON files -> Parquet tables and one DuckDB file.

One row per value, with the document's metadata and the value's provenance on every row, so a
figure can be traced back to its file, page or line, table, row and column.
"""

import json
import os
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from kinerja.extract.canonical import name_records
from kinerja.normalize.catalogue import shipped_index
from kinerja.normalize.regions import province_of
from kinerja.write.atomic import replace_atomic
from kinerja.schema import CanonicalMatch, Extraction, Finding, Value
from kinerja.schema.records import DOUBTFUL_CONFIDENCE

TABLES = ("documents", "indicators", "budgets", "scores", "definitions", "findings", "catalogue")


def _doc_columns(ex: Extraction) -> dict:
    m = ex.meta
    return {
        "file": ex.source.path, "sha256": ex.source.sha256, "doc_type": m.doc_type,
        "agency": m.agency.name if m.agency else None, "agency_id": m.agency.id if m.agency else None,
        "agency_nomenclature": m.agency.nomenclature if m.agency else None, "region": m.region,
        "region_level": m.region_level, "region_code": m.region_code,
        "province_code": province_of(m.region_code), "doc_year": m.year,
    }


def _canonical_columns(match: "CanonicalMatch | None") -> dict:
    m = match
    return {"indicator_id": m.id if m else None, "indicator_canonical": m.name if m else None,
            "match_score": m.score if m else None, "match_runner_up": m.runner_up if m else None,
            "match_runner_up_score": m.runner_up_score if m else None,
            "match_reason": m.reason if m else "not matched", "catalogue_version": m.catalogue_version if m else None}


def _finding_columns(f: Finding) -> dict:
    first = f.evidence[0] if f.evidence else None
    return {"code": f.code, "severity": f.severity, "message": f.message, "subject": f.subject,
            "expected": f.expected, "reported": f.reported,
            "page": first.page if first else None, "line_start": first.line_start if first else None,
            "table": first.table if first else None, "row": first.row if first else None,
            "evidence": json.dumps([e.model_dump(exclude_none=True) for e in f.evidence], ensure_ascii=False)}


def _catalogue_rows() -> list[dict]:
    cat = shipped_index().catalogue
    return [{"id": e.id, "name": e.name, "aliases": " | ".join(e.aliases), "unit": e.unit,
             "polarity": e.polarity, "scale": e.scale, "domain": e.domain, "regulation": e.regulation,
             "catalogue_version": cat.version} for e in cat.indicators]


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
        if any(r.canonical is None for r in [*ex.indicators, *ex.definitions]):
            ex = name_records(ex)  # written before the catalogue: named now, so no row goes without
        doc = _doc_columns(ex)
        out["documents"].append({**doc, "status": ex.status, "date": ex.meta.date,
                                 "n_indicators": len(ex.indicators), "n_budgets": len(ex.budgets),
                                 "n_scores": len(ex.scores)})
        for r in ex.indicators:
            out["indicators"].append({
                **doc, "sasaran": r.sasaran, "indicator": r.indicator, "unit": r.unit,
                "year": r.year, "period": r.period, "measure": r.measure, "source": r.source,
                "column_path": r.column_path, **_canonical_columns(r.canonical),
                **_value_columns(r.value), **_trust_columns(r)})
        for r in ex.budgets:
            out["budgets"].append({
                **doc, "item": r.item, "level": r.level, "code": r.code, "year": r.year,
                "period": r.period, "measure": r.measure, "source": r.source,
                "column_path": r.column_path, **_value_columns(r.value), **_trust_columns(r)})
        for r in ex.scores:
            out["scores"].append({
                **doc, "item": r.item, "level": r.level, "group_heading": r.group, "series": r.series,
                "year": r.year, "measure": r.measure, "source": r.source, "column_path": r.column_path,
                **_value_columns(r.value), **_trust_columns(r)})
        for d in ex.definitions:
            out["definitions"].append({
                **doc, "indicator": d.indicator, "unit": d.unit, "formula": d.formula,
                "definition": d.definition, "code": d.code, "low_confidence": d.low_confidence,
                **_canonical_columns(d.canonical)})
        for f in ex.findings:
            out["findings"].append({**doc, **_finding_columns(f)})
    out["catalogue"] = _catalogue_rows()
    return out


SCHEMAS = {
    "value": pa.float64(), "value_text": pa.string(), "year": pa.int64(), "doc_year": pa.int64(),
    "page": pa.int64(), "line_start": pa.int64(), "line_end": pa.int64(), "table": pa.int64(),
    "row": pa.int64(), "col": pa.int64(), "confidence": pa.float64(), "flags": pa.string(),
    "agency_id": pa.string(), "agency_nomenclature": pa.string(), "region_code": pa.string(),
    "province_code": pa.string(), "indicator_id": pa.string(), "indicator_canonical": pa.string(),
    "match_score": pa.float64(), "match_runner_up": pa.string(), "match_runner_up_score": pa.float64(),
    "match_reason": pa.string(), "catalogue_version": pa.string(), "expected": pa.float64(),
    "reported": pa.float64(), "subject": pa.string(), "region": pa.string(), "agency": pa.string(),
    "group_heading": pa.string(), "series": pa.int64(),
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
        _create_views(con)


# Comparison across documents: catalogued indicators only, values read with confidence.
# name -> (the tables it reads, its query)
VIEWS = {
    "indicator_comparison": ({"indicators", "catalogue"}, f"""
        SELECT i.indicator_id, c.name AS canonical_name, c.unit AS catalogue_unit, c.polarity,
               i.agency, i.agency_id, i.region, i.region_code, i.province_code, i.doc_type, i.doc_year,
               i.year, i.period, i.measure, i.value, i.value_text, i.unit, i.indicator AS printed_name,
               i.match_score, i.file, i.page, i.line_start, i."table", i."row", i.col, i.confidence
        FROM indicators i JOIN catalogue c ON c.id = i.indicator_id
        WHERE i.confidence >= {DOUBTFUL_CONFIDENCE}"""),
    "findings_by_document": ({"findings"}, """
        SELECT file, agency, region_code, doc_type, doc_year, severity, count(*) AS findings
        FROM findings GROUP BY ALL ORDER BY file, severity"""),
}


def _create_views(con) -> None:
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for name, (needed, sql) in VIEWS.items():
        if needed <= tables:
            con.execute(f"CREATE VIEW {name} AS {sql}")
