"""How far each read value can be trusted; values whose kind fights their column are dropped.

Every IndicatorValue and BudgetValue gets a `confidence` (0..1) and `flags` (short reason codes)
from evidence the records and the Document carry, never from which document it is: the reading
itself (ambiguous, repaired, text where a number is due), the table it was read from (recovered
from a plain text dump, marked low confidence, OCR, the confidence of the table and of the very
cell, OCR or recovery) or, for a value read from running text, the OCR confidence of its page.

Four flags say a value is not what its column holds: a rupiah-sized indicator value, a rupiah
amount under a thousand, a year, a percentage above 1000. A wrong number is worse than a missing
one, so such a record is dropped, and one warning on the Extraction counts them and names the
first few with their provenance (`dropped_counts` reads the counts back from it).

`document_health` sums up a document for the run manifest: records, values kept with each flag,
values dropped, the tables that gave records and why the others gave none; `doubts` says why a
run should call the document's reads doubtful ('degraded').
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Union

from kinerja.normalize.units import is_count_unit, is_listed_unit
from kinerja.schema import AnyDocument, BudgetValue, Extraction, IndicatorValue, Provenance, ScoreValue, Table
from kinerja.schema.records import DOUBTFUL_CONFIDENCE
from kinerja.schema.run import Health

from .blocktext import TABLE_KINDS, blocks_in
from .budget import is_budget_table, is_year_rows_table
from .column_roles import column_roles
from .performance import is_performance_table
from .scores import score_columns

Record = Union[IndicatorValue, BudgetValue, ScoreValue]

# what each piece of doubt leaves of the confidence
AMBIGUOUS = 0.55  # two readings the reader could not decide between: the kept one is a guess
TEXT_VALUE = 0.6  # no number read where the measure wants one
REPAIRED = 0.8  # a broken grouping mended: usually right, not always
RECOVERED = 0.8  # a table rebuilt from plain text cell by cell, or from interleaved columns
LOW_TABLE = 0.8  # a table its parser marked low confidence
FIGHTS_CAP = 0.3  # a value whose kind fights its column: never a clean fact

LOW_CELL = 0.6  # a cell's or page's confidence (OCR, recovery) below it is flagged, as the parsers do
DOUBTFUL = DOUBTFUL_CONFIDENCE  # values below it count as doubtful reads
DOUBTFUL_SHARE = 0.2  # a document with more doubtful values than this share is 'degraded'
EXAMPLES = 3  # dropped values named in the warning

RECOVERED_METHODS = ("cell-runs", "interleaved")
RUPIAH_SIZED = 1e6
AMOUNT_MEASURES = {"anggaran", "realisasi", "anggaran_sebelum", "anggaran_sesudah", "sisa"}
# a ceiling, what was spent and its share are never below zero; a sisa or a selisih may be
NEVER_NEGATIVE = {"anggaran", "anggaran_sebelum", "anggaran_sesudah", "realisasi", "persen_realisasi"}
# an indicator named 'Jumlah ...' counts something; one naming a change ('Pertumbuhan jumlah
# wirausaha', 'Penambahan desa mandiri') may fall below zero whatever its unit
COUNT_NAME = re.compile(r"^\s*(jumlah|banyaknya)\b", re.I)
CHANGE_NAME = re.compile(r"(?i)\b(pertumbuhan|penambahan|peningkatan|perubahan|selisih|kenaikan|penurunan|laju)\b")
YEAR_RAW = re.compile(r"^\s*(19[5-9]\d|20\d\d|2100)\s*$")
YEAR_SPAN = 10  # a year in a value column lies near the year the record is for
PERCENT_LIMIT = 1000.0
RUPIAH_UNIT = re.compile(r"\b(?:rp|rupiah|idr)\b")

INFO_FLAGS = ("ocr",)  # says how a value was read; its OCR confidence says how well
FIGHTS = ("money-sized-indicator", "tiny-amount", "volume-as-amount", "negative-amount", "negative-count",
          "year-as-value", "implausible-percent", "count-as-capaian", "nameless")
MIN_NAME_LETTERS = 3  # an indicator or item named by fewer ('-', '(4)', '%', 'N/A') is no record
DROPPED = re.compile(r"^(\d+) values? dropped as misreads \(([^)]*)\)")


@dataclass
class TableTrust:
    """What a table says of its own reading, and the confidence (OCR, recovery) of the cells
    records cite."""

    method: str = ""
    low_confidence: bool = False
    confidence: Optional[float] = None
    cells: dict[tuple[int, int], float] = field(default_factory=dict)


def score_records(doc: AnyDocument, ex: Extraction) -> Extraction:
    """`ex` with a confidence and flags on every indicator and budget value, the values whose kind
    fights their column removed, and a warning naming those."""
    trust = _table_trust(doc, _cited_cells([*ex.indicators, *ex.budgets, *ex.scores]))
    pages = {p.number: p.ocr_confidence for p in doc.pages if p.ocr_confidence is not None}
    indicators, dropped_ind = _scored(ex.indicators, trust, pages)
    budgets, dropped_bud = _scored(ex.budgets, trust, pages)
    scores, dropped_sco = _scored(ex.scores, trust, pages)
    dropped = dropped_ind + dropped_bud + dropped_sco
    warnings = list(ex.warnings) + ([drop_warning(dropped)] if dropped else [])
    return ex.model_copy(update={"indicators": indicators, "budgets": budgets, "scores": scores,
                                 "warnings": warnings})


def _scored(records: list, trust: dict[int, TableTrust],
            pages: dict[int, float]) -> tuple[list, list]:
    kept, dropped = [], []
    for rec in records:
        confidence, flags = assess(rec, trust, pages)
        scored = rec.model_copy(update={"confidence": confidence, "flags": flags})
        (dropped if any(f in FIGHTS for f in flags) else kept).append(scored)
    return kept, dropped


def assess(rec: Record, trust: dict[int, TableTrust],
           pages: dict[int, float]) -> tuple[float, list[str]]:
    """(confidence, flags) of one record, from its value and where the value was read."""
    factors, flags = _reading(rec)
    where = rec.value.provenance
    table = trust.get(where.table) if where is not None and where.table is not None else None
    if table is not None:
        _table_evidence(table, where, factors, flags)
    elif where is not None and where.page in pages:
        factors.append(_halved(pages[where.page]))
        flags += ["ocr", "low-ocr-page"] if pages[where.page] < LOW_CELL else ["ocr"]
    fights = fights_column(rec)
    confidence = 1.0
    for f in factors:
        confidence *= f
    if fights:
        confidence = min(confidence, FIGHTS_CAP)
    return round(confidence, 3), flags + fights


def _reading(rec: Record) -> tuple[list[float], list[str]]:
    v, factors, flags = rec.value, [], []
    if v.ambiguous:
        factors.append(AMBIGUOUS)
        flags.append("ambiguous")
    if v.repaired:
        factors.append(REPAIRED)
        flags.append("repaired")
    if v.kind == "text":
        factors.append(TEXT_VALUE)
        flags.append("text-value")
    return factors, flags


def _table_evidence(table: TableTrust, where: Provenance, factors: list, flags: list) -> None:
    # recovered, marked low, a table's or a cell's confidence: all say how well the table was
    # read (a recovered table is marked low too), so only the weakest of them counts
    doubts = []
    if any(m in table.method for m in RECOVERED_METHODS):
        doubts.append(RECOVERED)
        flags.append("recovered-table")
    if table.low_confidence:
        doubts.append(LOW_TABLE)
        flags.append("low-confidence-table")
    if "ocr" in table.method:
        flags.append("ocr")
    if table.confidence is not None:
        doubts.append(_halved(table.confidence))
    cell = table.cells.get((where.row, where.col))
    if cell is not None:
        doubts.append(_halved(cell))
        if cell < LOW_CELL:
            flags.append("low-confidence-cell")
    if doubts:
        factors.append(min(doubts))


def _halved(confidence: float) -> float:
    # a word Tesseract (or a table recovery) rates 0.6 is still right more often than not:
    # half its doubt counts
    return (1.0 + confidence) / 2


def fights_column(rec: Record) -> list[str]:
    """The flags of a value whose kind fights its measure: 'money-sized-indicator' (>= 1e6 in an
    indicator whose unit is not rupiah), 'tiny-amount' (a rupiah amount of 1..999),
    'volume-as-amount' (an amount printed with what it counts or as a percentage: '1.370 Orang',
    '92,14%'), 'negative-amount' (a ceiling, a realisation or its share below zero: a growth
    column or a stray dash), 'negative-count' (a count of whole things below zero: '-48' paket,
    a speck read as a minus), 'year-as-value' (a bare year near the record's own),
    'implausible-percent' (above 1000), 'count-as-capaian' (an achievement printed as a count of
    things, '42 Orang/bulan': a target under a header read as capaian); and 'nameless', a record
    whose indicator or item has no name (a numbering or a unit cell read as one)."""
    out = ["nameless"] if _nameless(rec) else []
    x = rec.value.value
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return out
    if isinstance(rec, IndicatorValue) and abs(x) >= RUPIAH_SIZED and not _rupiah_or_counted(rec):
        out.append("money-sized-indicator")
    if isinstance(rec, BudgetValue) and rec.measure in AMOUNT_MEASURES:
        if 1 <= abs(x) <= 999:
            out.append("tiny-amount")
        if _volume(rec.value):
            out.append("volume-as-amount")
    if isinstance(rec, BudgetValue) and rec.measure in NEVER_NEGATIVE and x < 0:
        out.append("negative-amount")
    if isinstance(rec, IndicatorValue) and x < 0 and rec.measure != "capaian" and _counted(rec):
        out.append("negative-count")
    if _is_year(rec, x):
        out.append("year-as-value")
    if _is_percent(rec) and abs(x) > PERCENT_LIMIT:
        out.append("implausible-percent")
    if isinstance(rec, IndicatorValue) and rec.measure == "capaian" and rec.value.kind == "count" \
            and is_count_unit((rec.value.unit or "").split("/")[0]):  # ('orang/bulan': people a month)
        out.append("count-as-capaian")
    return out


def _counted(rec: IndicatorValue) -> bool:
    """A count of whole things: a unit of them ('orang', 'paket'), or no unit under a name that
    counts ('Jumlah Paket ...'); not a change of one ('Pertumbuhan jumlah ...')."""
    unit = rec.unit or rec.value.unit
    name = rec.indicator or ""
    if CHANGE_NAME.search(name):
        return False
    return is_count_unit(unit) or (not unit and bool(COUNT_NAME.match(name)))


def _nameless(rec: Record) -> bool:
    name = getattr(rec, "indicator", None) if isinstance(rec, IndicatorValue) else getattr(rec, "item", None)
    return isinstance(name, str) and sum(ch.isalpha() for ch in name) < MIN_NAME_LETTERS


def _volume(value) -> bool:
    # a listed unit only: words printed after an amount are often the next column's ('APBD', 'Sedang')
    unit = value.unit or ""
    return value.kind == "percent" or (value.kind == "count" and is_listed_unit(unit)
                                       and not RUPIAH_UNIT.search(unit.lower()))


def _rupiah_or_counted(rec: IndicatorValue) -> bool:
    # a cell that names what it counts beside the number ('1.500.000 orang') says it is no amount
    unit = rec.unit or rec.value.unit or ""
    return bool(RUPIAH_UNIT.search(unit.lower())) or (rec.value.kind == "count" and bool(rec.value.unit))


def _is_year(rec: Record, x: float) -> bool:
    m = YEAR_RAW.match(rec.value.raw)
    if not m or float(m.group(1)) != x:
        return False
    return rec.year is None or abs(x - rec.year) <= YEAR_SPAN


def _is_percent(rec: Record) -> bool:
    if rec.measure in ("capaian", "persen_realisasi"):
        return True
    return rec.value.kind == "percent" or (isinstance(rec, IndicatorValue) and rec.unit == "%")


# --- what the tables say of themselves -------------------------------------------------------

def _cited_cells(records: list) -> dict[int, set[tuple[int, int]]]:
    """Table index -> the (row, col) slots records were read from."""
    cited: dict[int, set] = {}
    for rec in records:
        p = rec.value.provenance
        if p is not None and p.table is not None:
            cited.setdefault(p.table, set()).add((p.row, p.col))
    return cited


def _table_trust(doc: AnyDocument, cited: dict[int, set]) -> dict[int, TableTrust]:
    """TableTrust of every table records were read from."""
    out: dict[int, TableTrust] = {}
    if not cited:
        return out
    last = max(cited)
    for _, table in blocks_in(doc, kinds=TABLE_KINDS):
        if not isinstance(table, Table):
            continue
        if table.index in cited:
            out[table.index] = TableTrust(
                method=table.method, low_confidence=table.low_confidence,
                confidence=table.confidence, cells=_cell_confidences(table, cited[table.index]))
        if table.index >= last:
            break  # tables are numbered in reading order: none cited further on
    return out


def _cell_confidences(table: Table, slots: set[tuple[int, int]]) -> dict[tuple[int, int], float]:
    out = {}
    for row, col in slots:
        cell = cell_at(table, row, col) if row is not None and col is not None else None
        if cell is not None and cell.confidence is not None:
            out[(row, col)] = cell.confidence
    return out


def cell_at(table: Table, row: int, col: int):
    """The body cell covering (row, col), spans included (a spanned slot has no cell of its own)."""
    for r in range(min(row, len(table.body) - 1), -1, -1):
        for cell in table.body[r]:
            if cell.col <= col < cell.col + cell.col_span and r + cell.row_span > row:
                return cell
    return None


# --- the warning, and reading it back --------------------------------------------------------

def drop_warning(dropped: list) -> str:
    """'3 values dropped as misreads (2 money-sized-indicator, 1 tiny-amount): ...' with the
    first few named and placed."""
    # each value counted once, under its first reason: the counts add up to the values dropped
    counts = Counter(next(f for f in rec.flags if f in FIGHTS) for rec in dropped)
    summary = ", ".join(f"{n} {flag}" for flag, n in counts.most_common())
    examples = "; ".join(_example(rec) for rec in dropped[:EXAMPLES])
    more = f"; and {len(dropped) - EXAMPLES} more" if len(dropped) > EXAMPLES else ""
    noun = "value" if len(dropped) == 1 else "values"
    return f"{len(dropped)} {noun} dropped as misreads ({summary}): {examples}{more}"


def _example(rec: Record) -> str:
    name = rec.indicator if isinstance(rec, IndicatorValue) else rec.item
    flags = ", ".join(f for f in rec.flags if f in FIGHTS)
    return (f'{rec.measure} {rec.year or "(no year)"} of "{name}" {rec.value.raw!r} [{flags}] '
            f"at {place(rec.value.provenance)}")


def place(p: Optional[Provenance]) -> str:
    """'page 12, table 3, row 4, col 5' or 'line 57, table 0, row 1, col 3'."""
    if p is None:
        return "unknown place"
    parts = [f"page {p.page}" if p.page is not None else None,
             f"line {p.line_start}" if p.line_start is not None else None,
             *(f"{k} {getattr(p, k)}" for k in ("table", "row", "col") if getattr(p, k) is not None)]
    return ", ".join(x for x in parts if x) or p.file


def is_drop_warning(warning: str) -> bool:
    return DROPPED.match(warning) is not None


def dropped_counts(warnings: list[str]) -> dict[str, int]:
    """Flag -> values dropped (each under its first reason), read back from the warning
    `score_records` wrote."""
    out: Counter = Counter()
    for w in warnings:
        m = DROPPED.match(w)
        if m:
            for item in m.group(2).split(", "):
                n, flag = item.split(" ", 1)
                out[flag] += int(n)
    return dict(out)


# --- a document's health ---------------------------------------------------------------------

def document_health(doc: AnyDocument, ex: Extraction) -> Health:
    """Records, flagged and dropped values, tables read and skipped (by reason) of one document."""
    values = [*ex.indicators, *ex.budgets, *ex.scores]
    read = {p.table for p in _provenances(ex) if p is not None and p.table is not None}
    tables, skipped = table_census(doc, read)
    return Health(
        records=len(values) + len(ex.definitions), indicators=len(ex.indicators),
        budgets=len(ex.budgets), scores=len(ex.scores), definitions=len(ex.definitions),
        findings=len(ex.findings),
        doubtful=sum(r.confidence < DOUBTFUL for r in values),
        flagged=dict(Counter(f for r in values for f in r.flags).most_common()),
        dropped=dropped_counts(ex.warnings), tables=tables, tables_read=tables - sum(skipped.values()),
        tables_skipped=skipped)


def _provenances(ex: Extraction):
    yield from (r.value.provenance for r in [*ex.indicators, *ex.budgets, *ex.scores])
    yield from (d.provenance for d in ex.definitions)


def table_census(doc: AnyDocument, read: set[int]) -> tuple[int, dict[str, int]]:
    """(tables in the Document, reason -> tables no record was read from)."""
    total, skipped = 0, Counter()
    for _, table in blocks_in(doc, kinds=TABLE_KINDS):
        if not isinstance(table, Table):
            continue
        total += 1
        if table.index not in read:
            skipped[skip_reason(table)] += 1
    return total, dict(skipped.most_common())


def skip_reason(table: Table) -> str:
    """Why a table gave no record, as a short code: 'toc', 'layout' (not a data table),
    'no-body', 'no-measure-columns' (no indicator or amount columns), 'no-values-read' (such
    columns, no value read under them)."""
    if table.kind in ("toc", "layout"):
        return table.kind
    if not any(table.body):
        return "no-body"
    cols = column_roles(table)
    if not (is_performance_table(cols) or is_budget_table(cols) or is_year_rows_table(table, cols)
            or score_columns(table)):
        return "no-measure-columns"
    return "no-values-read"


def doubts(health: Health) -> list[str]:
    """Why a document's reads are doubtful (empty when they are not): values dropped as misreads,
    or more than DOUBTFUL_SHARE of its values below DOUBTFUL confidence."""
    out = []
    if health.dropped:
        counts = ", ".join(f"{n} {flag}" for flag, n in health.dropped.items())
        n = sum(health.dropped.values())
        out.append(f"misreads dropped: {n} value{'s' if n != 1 else ''} ({counts})")
    values = health.indicators + health.budgets + health.scores
    if values and health.doubtful / values > DOUBTFUL_SHARE:
        share = health.doubtful / values
        out.append(f"doubtful reads: {health.doubtful} of {values} values ({share:.0%}) "
                   f"below confidence {DOUBTFUL}{_top_flags(health.flagged)}")
    return out


def _top_flags(flagged: dict[str, int]) -> str:
    top = sorted(((f, n) for f, n in flagged.items() if f not in INFO_FLAGS), key=lambda fn: -fn[1])[:3]
    return f" ({', '.join(f'{n} {flag}' for flag, n in top)})" if top else ""
