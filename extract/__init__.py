"""Document -> SAKIP records. Reads only the Document (never the raw file, never kinerja.parsers).

Each step is a module with one entry function; `extract_document` is the only place they are chained:
  doctype.find_parts   -> Parts (an LKjIP carries its PK, PK perubahan, monev as lampiran)
  meta.read_meta       -> Meta (doc type, agency, region, year, date, signatories)
  tables.read_tables   -> IndicatorValue / BudgetValue records from performance and budget tables
  scores.read_scores   -> ScoreValue records from weighted-score tables (Komponen | Bobot | Nilai)
  definitions.read_definitions -> Definition records (formula, definisi operasional, code)
  prose.read_claims    -> IndicatorValue / BudgetValue records stated only in running text
  confidence.score_records -> a confidence and flags on every value; misreads dropped, with a warning
  canonical.name_records -> catalogue ids on indicators and definitions, region code, agency nomenclature
"""

from kinerja.schema import AnyDocument, Extraction

from . import canonical, confidence, definitions, doctype, meta, prose, scores, tables


def extract_document(doc: AnyDocument) -> Extraction:
    parts = doctype.find_parts(doc)
    info = meta.read_meta(doc, parts)
    indicators, budgets = tables.read_tables(doc, parts, info)
    defs = definitions.read_definitions(doc, parts, indicators)
    text_ind, text_bud = prose.read_claims(doc, parts, info, indicators, budgets)
    return canonical.name_records(confidence.score_records(doc, Extraction(
        source=doc.source,
        status="degraded" if doc.degraded else "ok",
        warnings=list(doc.warnings),
        meta=info,
        parts=parts,
        indicators=indicators + text_ind,
        budgets=budgets + text_bud,
        scores=scores.read_scores(doc, parts),
        definitions=defs,
    )))


__all__ = ["extract_document"]
