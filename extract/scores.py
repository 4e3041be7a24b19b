"""Weighted-score tables -> ScoreValue records.

The form: components down the rows, a weight column (Bobot) and a score column (Nilai, per year
when the header splits it), sometimes the weighted score in a column of its own (Nilai x Bobot,
Nilai Tertimbang), and total rows ('Total Komponen Pengungkit', 'Nilai Hasil Evaluasi'). It is how
an LKjIP reports its SAKIP evaluation (Perencanaan 30 | Pengukuran 30 | Pelaporan 15 | Evaluasi 25)
and its RB index, and how some weigh their indicators. The header words are data
(extract/data/columns.json, 'score_columns'); a header must name both a weight and a score.

Same-header tables printed one after the other (a form cut by a page) are one series: its last
total may sum the subtotals of the tables before it ('Indeks RB (Pengungkit + Hasil)').
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from kinerja.normalize import document_style, read_column
from kinerja.schema import AnyDocument, Part, ScoreValue, Table

from .blocktext import TABLE_KINDS, blocks_in
from .cell_parts import looks_like_value
from .column_roles import normalise_segment, vocabulary
from .table_context import TableContext
from .table_slots import body_grid, text_at
from .tables import STYLE_NUMERAL, YEAR, part_of

# 'a.', 'II.', 'B', '1.': the list marker before a component's name
MARKER = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Za-z]|\d{1,2})(?:[.)]\s*|\s+(?=\S))(?=\S)")
LONE_MARKER = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Za-z]|\d{1,2})[.)]?\s*$")
# a row that totals the rows above it; an index summing named parts ('Indeks RB (Pengungkit + Hasil)')
TOTAL = re.compile(r"(?i)^\s*(?:(?:sub\s*-?\s*|grand\s+)?total|jumlah|nilai\s+(?:hasil\s+evaluasi|akhir|total)"
                   r"|skor\s+(?:akhir|total))\b|\(\s*[^()+]+\+[^()]+\)\s*$")
SERIES_GAP_BLOCKS = 4   # blocks (page breaks, a repeated caption) allowed between two tables of a series
SERIES_GAP_CHARS = 160  # a text block longer than this between two tables ends the series


@dataclass
class ScoreColumn:
    index: int
    measure: str
    year: Optional[int]
    path: str


def score_columns(table: Table) -> list[ScoreColumn]:
    """The weight and score columns of a weighted-score table, or [] when the header does not name
    both a bobot and a nilai (or weighted nilai) column."""
    found = []
    for i, path in enumerate(table.column_paths):
        measure = _measure(path)
        if measure is not None:
            years = sorted(set(YEAR.findall(path)))
            found.append(ScoreColumn(i, measure, int(years[0]) if len(years) == 1 else None, path))
    kinds = {c.measure for c in found}
    return found if "bobot" in kinds and kinds & {"nilai", "nilai_tertimbang"} else []


def read_scores(doc: AnyDocument, parts: list[Part]) -> list[ScoreValue]:
    """The score records of every weighted-score table of the document. Only tables are fetched
    (a paged document decodes no text for this), and the few blocks between two tables that may
    be one series."""
    out: list[ScoreValue] = []
    series: Optional[int] = None  # block index of the current series' first table
    last: Optional[tuple[int, list[str]]] = None  # the previous table, if a score table: index, header
    for i, block in blocks_in(doc, kinds=TABLE_KINDS):
        if not isinstance(block, Table):
            continue
        cols = score_columns(block) if block.kind in ("data", "unknown") else []
        if not cols:
            last = None
            continue
        if last is None or last[1] != block.column_paths or _gap(doc, last[0], i) > SERIES_GAP_BLOCKS:
            series = i
        ctx = TableContext(file=block.provenance.file or doc.source.path, part=part_of(parts, i),
                           doc_style=document_style(c.text for row in block.body for c in row
                                                    if STYLE_NUMERAL.search(c.text)))
        out.extend(read_score_table(block, cols, ctx, series))
        last = (i, list(block.column_paths))
    return out


def _gap(doc: AnyDocument, first: int, last: int) -> int:
    """The blocks between two tables, a page break counting none and a paragraph of running text
    more than the series allows."""
    if last - first - 1 > SERIES_GAP_BLOCKS:
        return last - first - 1
    return sum(_weight(doc.blocks[j]) for j in range(first + 1, last))


def read_score_table(table: Table, cols: list[ScoreColumn], ctx: TableContext,
                     series: int) -> list[ScoreValue]:
    """One table's records: a row with figures is a component or a total, a row with a name and
    no figure is the heading of the components below it."""
    grid = body_grid(table, max(len(table.column_paths), 1))
    first = min(c.index for c in cols)
    label_col = _label_column(table, first)
    values = {c.index: read_column([text_at(row, c.index) for row in grid], c.path, ctx.doc_style)
              for c in cols}
    out: list[ScoreValue] = []
    group = None
    for r, row in enumerate(grid):
        name = _name(row, label_col, first)
        figures = [(c, values[c.index][r]) for c in cols
                   if text_at(row, c.index) and values[c.index][r].value is not None
                   and values[c.index][r].kind != "text"]
        if not figures:
            group = name or group
            continue
        if not name:
            continue  # figures without a name: nothing to tie them to
        level = "total" if TOTAL.search(name) else "component"
        for col, value in figures:
            cell = row[col.index].cell if row[col.index] is not None else None
            value = value.model_copy(update={"provenance": ctx.provenance(table, r, col.index, cell)})
            out.append(ScoreValue(item=name, level=level, group=group if level == "component" else None,
                                  series=series, year=col.year, measure=col.measure, value=value,
                                  column_path=col.path, part=ctx.part))
    return out


def _weight(block) -> int:
    if block.type == "page_break":
        return 0
    return SERIES_GAP_BLOCKS + 1 if len(block.text or "") > SERIES_GAP_CHARS else 1


def _measure(path: str) -> Optional[str]:
    """The score measure a column's header names: the whole path, else its last segment."""
    segments = [s for s in path.split(" / ") if s.strip()]
    for text in (path, segments[-1] if segments else ""):
        norm = " ".join(YEAR.sub(" ", normalise_segment(text)).split())
        measure = _phrases().get(norm)
        if measure is not None and measure != "label":
            return measure
    return None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    words = vocabulary()["score_columns"]
    return {phrase: measure for measure, phrases in words.items() if measure != "_about" for phrase in phrases}


def _label_column(table: Table, first_measure: int) -> Optional[int]:
    """The column of component names: the one its header names so, else the last column before
    the figures whose cells are words."""
    before = list(range(min(first_measure, len(table.column_paths))))
    for i in before:
        norm = " ".join(YEAR.sub(" ", normalise_segment(table.column_paths[i])).split())
        if _phrases().get(norm) == "label":
            return i
    for i in reversed(before):
        texts = [c.text for row in table.body for c in row if c.col == i and c.text.strip()]
        if texts and sum(not looks_like_value(t) and not LONE_MARKER.match(t) for t in texts) * 2 > len(texts):
            return i
    return None


def _name(row, label_col: Optional[int], first_measure: int) -> str:
    """The row's component name: its label cell, else the words left of the figures (a total's
    label often spans the number column too)."""
    texts = [text_at(row, label_col)] if label_col is not None else []
    if not any(texts):
        texts = [text_at(row, c) for c in range(min(first_measure, len(row)))
                 if row[c] is not None and row[c].first_col]
    words = " ".join(t for t in texts if t and not LONE_MARKER.match(t))
    return MARKER.sub("", words, count=1).strip().rstrip(":").strip()
