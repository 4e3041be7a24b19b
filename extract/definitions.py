"""Indicator definitions: formula, definisi operasional, unit and code per indicator.

Sources, all read the same way whatever the file:
- tables with a formula column ("Formula", "Formulasi Perhitungan", "Rumus Perhitungan") beside an
  indicator column: IKU matrices, PK lampiran, LKjIP "Rumusan Indikator" tables, Renstra DO sheets;
- "Formula Perhitungan: ..." rows under an indicator's row, and "Indikator dan Formula" cells;
- tables whose cells hold a formula without a declared column (PK "penjelasan perhitungan");
- running text: "a. NAME, Formulasi Perhitungan : FORMULA" and "... Indikator NAME formula
  perhitungan indikator ini adalah FORMULA".
The same formula printed several times for one indicator is one definition; two different formulas
for one indicator (a PK and its revision) are two.
"""

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from rapidfuzz import fuzz

from kinerja.normalize.names import collapse, match_name
from kinerja.normalize.units import is_listed_unit
from kinerja.schema import (
    AnyDocument,
    Block,
    Definition,
    Formula,
    IndicatorValue,
    Meta,
    PageBreak,
    Part,
    Provenance,
    Table,
)

from . import tables
from .blocktext import block_lines, clean, flat
from .cell_parts import without_labelled
from .formula import plain_formula, similar_formula_key

# no word boundaries: PDF headers lose their spaces ("FORMULASIPERHITUNGAN", "INDIKATORKINERJA UTAMA")
FORMULA_HEADER = re.compile(r"(?i)formula|rumus|(per|peng)hitungan")
INDICATOR_HEADER = re.compile(r"(?i)indikator|\bIK\b|kinerja")
NOT_INDICATOR = re.compile(r"(?i)\b(program|kegiatan|tujuan|formula|target|realisasi|capaian)\b")
# one column for the indicators of every level: "Indikator Tujuan/Sasaran/Program/Kegiatan"
EVERY_LEVEL = re.compile(r"(?i)^\W*indikator\b[^/]*\b(tujuan|sasaran)\s*/")
# a level's label before the indicator's name in such a column: "Indikator Sasaran :", "Tujuan 1 :"
LEVEL_LABEL = re.compile(r"(?i)^\s*(indikator\s+)?(tujuan|sasaran|program|sub\s*kegiatan|kegiatan)"
                         r"(\s+(strategis|[ivx]+|\d+(\.\d+)*))?\s*:\s*")
CODE_HEADER = re.compile(r"(?i)^\s*kode\b")
ITEM_HEADER = re.compile(r"(?i)\b(program|kegiatan|urusan)\b")
UNIT_HEADER = re.compile(r"(?i)\bsatuan\b")
DEFINITION_HEADER = re.compile(r"(?i)\b(definisi|penjelasan)\b")
# a cell that states a formula without a formula column: starts like one and divides
FORMULA_START = re.compile(r"(?i)^\s*(=|'=|\(?\s*(Σ|∑|jumlah|total|banyaknya)\b)")
# a quantity over another ('Jumlah a / Jumlah b', 'Total skor / 5', 'x 100%'), not a slash inside
# a name ('Jumlah laporan bulanan/ triwulanan/semesteran', 'Gedung yang Dipelihara/Direhabilitasi')
DIVISION = re.compile(r"(?i)\s/\s|/\s*\(?\s*(?:jumlah|total|banyaknya|Σ|∑)|[x×*]\s*100\b")
FIGURE_WITH_UNIT = re.compile(r"^\s*[-+]?\d[\d.,]*\s*(.*?)\s*$")
FORMULA_ROW = re.compile(r"(?i)^\s*formula(si)?\s+(per|peng)hitungan\s*:")
# where an "Indikator dan Formula" cell passes from the name to the formula
NAME_FORMULA_SPLIT = re.compile(r"\s(?='?=|Jumlah\b|Σ|∑)")
LIST_FORMULA = re.compile(r"(?i)^(?:[a-z0-9]{1,2}[.)]\s*)?(?P<name>.+?),?\s*formula(?:si)?\s+perhitungan\s*:\s*(?P<f>.*)$")
PROSE_FORMULA = re.compile(
    r"(?i)\bindikator(?:\s+kinerja)?\s+(?P<name>[^.;:]+?)\s+formula\s+perhitungan\s+indikator\s+ini\s+adalah\s+"
    r"(?P<f>.+?)(?=\s+capaian\b|$)"
)
PROSE_WORDS = re.compile(r"(?i)\b(adalah|merupakan|meliputi|berbentuk|dilakukan|disampaikan|yaitu)\b")
MAX_NAME_WORDS = 16
NAME_MATCH = 88
SAME_FORMULA = 80


@dataclass
class Found:
    name: str
    formula: Optional[str]
    block: int
    provenance: Provenance
    code: Optional[str] = None
    unit: Optional[str] = None
    definition: Optional[str] = None
    formula_raw: Optional[str] = None
    low_confidence: bool = False


def read_definitions(doc: AnyDocument, parts: list[Part],
                     indicators: Optional[list[IndicatorValue]] = None) -> list[Definition]:
    """Definitions per (indicator, distinct formula). `indicators`: the table records, whose units
    a definition without a satuan column takes; read from the tables here when not given."""
    from_tables, from_text = _stated_definitions(doc)
    found = [f for f in from_tables + from_text if _good_name(f.name)]
    if indicators is None:
        indicators, _ = tables.read_tables(doc, parts, Meta())
    units = _units_by_name(indicators)
    return [_definition(group, parts, units) for group in _group(found)]


def _stated_definitions(doc: AnyDocument) -> tuple[list[Found], list[Found]]:
    """Definitions stated in tables and in running text, read in one pass over the blocks (a paged
    Document decodes each page once); kept apart so that table ones come first, as they group."""
    from_tables: list[Found] = []
    from_text: list[Found] = []
    held: Optional[tuple[int, Block]] = None  # a text block is read once the next one is known
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            if block.kind in ("data", "unknown"):
                from_tables.extend(_table_definitions(i, block))
        elif not isinstance(block, PageBreak):
            if held is not None:
                from_text.extend(_text_definitions(*held, block))
            held = (i, block)
    if held is not None:
        from_text.extend(_text_definitions(*held, None))
    return from_tables, from_text


# --- tables -------------------------------------------------------------------------------

def _headers(table: Table) -> list[str]:
    if table.column_paths and any(table.column_paths):
        return list(table.column_paths)
    width = max((c.col + c.col_span for row in table.header_rows for c in row), default=table.n_cols)
    heads = [""] * width
    for row in table.header_rows:
        for c in row:
            heads[c.col] = (heads[c.col] + " / " + flat(c.text)).strip(" /")
    return heads


def _table_definitions(block_index: int, table: Table) -> Iterable[Found]:
    heads = _headers(table)
    formula_cols = [i for i, h in enumerate(heads) if FORMULA_HEADER.search(h) and not INDICATOR_HEADER.search(h)]
    combined_cols = [i for i, h in enumerate(heads) if FORMULA_HEADER.search(h) and INDICATOR_HEADER.search(h)]
    indicator_cols = [i for i, h in enumerate(heads) if INDICATOR_HEADER.search(h) and not FORMULA_HEADER.search(h)
                      and (not NOT_INDICATOR.search(h) or EVERY_LEVEL.search(h))
                      and not UNIT_HEADER.search(h)]  # 'Indikator Kinerja Utama / Satuan' holds no name
    if not indicator_cols and not combined_cols:
        return
    cols = {
        "name": _nearest_left(indicator_cols, formula_cols[0]) if formula_cols else (indicator_cols or [None])[0],
        "code": next((i for i, h in enumerate(heads) if CODE_HEADER.search(h)), None),
        "item": next((i for i, h in enumerate(heads) if ITEM_HEADER.search(h)), None),
        "unit": next((i for i, h in enumerate(heads) if UNIT_HEADER.search(h)), None),
        "definition": next((i for i, h in enumerate(heads) if DEFINITION_HEADER.search(h)), None),
    }
    for row in table.body:
        for col in combined_cols:
            cell = next((c for c in row if c.col == col), None)
            if cell is not None:
                yield from _combined(clean(cell.text), block_index, cell, table)
    for record in _records(table, cols):
        yield from _record_definitions(record, cols, formula_cols, indicator_cols, block_index, table)


def _records(table: Table, cols: dict) -> list[list[dict]]:
    """Rows grouped into records: a row with no indicator name of its own continues the record above.

    Multi-row records are the rule in these tables: a "Formula Perhitungan: ..." row under its
    indicator, a formula or a definition wrapped onto the next row, a row repeating the code.
    """
    records: list[list[dict]] = []
    for row in table.body:
        cells = {c.col: c for c in row}
        text = {col: clean(c.text).strip() for col, c in cells.items()}
        name = _first_line(text.get(cols["name"], "")) if cols["name"] is not None else ""
        named = bool(name) and not FORMULA_ROW.match(name) and not _fragment(name)
        entry = {"cells": cells, "text": text, "name": name if named else ""}
        if named or not records:
            records.append([entry])
        else:
            records[-1].append(entry)
    return records


def _record_definitions(record: list[dict], cols: dict, formula_cols: list[int], indicator_cols: list[int],
                        block_index: int, table: Table) -> Iterable[Found]:
    name = record[0]["name"]
    if not name:
        return
    first = record[0]
    extra = dict(code=_record_cell(record, cols["code"]), unit=_record_cell(record, cols["unit"]),
                 definition=_joined(record, cols["definition"]), low_confidence=table.low_confidence)
    name_cell = first["cells"].get(cols["name"])
    stated = False
    for entry in record:  # "Formula Perhitungan: ..." rows, in any column
        for col, raw in entry["text"].items():
            if FORMULA_ROW.match(raw):
                stated = True
                yield _found(name, raw, block_index, entry["cells"][col], table, **extra)
    for col in formula_cols:
        raw = _equation(record, col) or _joined(record, col, formula=True)
        if raw:
            stated = True
            yield _found(name, raw, block_index, first["cells"].get(col) or name_cell, table, **extra)
    if not formula_cols:
        for entry in record:  # a formula in a cell of no declared column ("penjelasan perhitungan")
            for col, raw in entry["text"].items():
                if col not in indicator_cols and col != cols["definition"] and FORMULA_START.match(raw) and DIVISION.search(raw):
                    stated = True
                    yield _found(name, raw, block_index, entry["cells"][col], table, **extra)
    # a code alone defines an indicator in a code list, not beside a program / kegiatan column
    # (a Renja's program table): there it is the item's nomenclature
    if not stated and extra["code"] and (cols["item"] is None or cols["definition"] is not None):
        yield Found(name=name, formula=None, block=block_index, provenance=_prov(name_cell, table), **extra)


def _fragment(text: str) -> bool:
    """A piece of a word cut by a recovered table ("asi", "atnya layanan pemerint"), not a cell's text."""
    words = text.split()
    return bool(words) and words[0][:1].islower() and len(words) <= 4


def _joined(record: list[dict], col: Optional[int], formula: bool = False) -> Optional[str]:
    if col is None:
        return None
    pieces = [e["text"].get(col, "") for e in record]
    pieces = [p for p in pieces if p and not FORMULA_ROW.match(p) and not _fragment(p)
              and not (formula and _not_formula(p))]
    return collapse(" ".join(pieces)) or None


def _equation(record: list[dict], col: int) -> Optional[str]:
    """An equation OCR read at the head of the record's formula cell: the formula, without the
    legend printed under it (parsers/pdf/unmapped.leading_equation)."""
    return next((e["cells"][col].equation for e in record
                 if col in e["cells"] and e["cells"][col].equation), None)


def _not_formula(text: str) -> bool:
    """Prose or a citation that landed in a formula column: a formula has no copula, no sources."""
    flat_text = collapse(text)
    if re.fullmatch(r"\([^()/]*\)", flat_text):
        return True  # "(Perka BSSN no.10 th 2019)": where the method comes from
    return bool(PROSE_WORDS.search(flat_text)) and not re.search(r"/|\bx\s*100|^\W*(jumlah|Σ|∑)", flat_text, re.I)


def _record_cell(record: list[dict], col: Optional[int]) -> Optional[str]:
    if col is None:
        return None
    return next((collapse(e["text"][col]) for e in record if e["text"].get(col, "").strip()), None)


def _combined(raw: str, block_index: int, cell, table: Table) -> Iterable[Found]:
    # "Indikator dan Formula Perhitungan": the name runs until the formula starts
    parts = NAME_FORMULA_SPLIT.split(flat(raw), maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        yield _found(parts[0].strip(), parts[1], block_index, cell, table,
                     low_confidence=table.low_confidence)


def _found(name: str, raw: str, block_index: int, cell, table: Table, **extra) -> Found:
    return Found(name=name, formula=plain_formula(raw), formula_raw=raw, block=block_index,
                 provenance=_prov(cell, table), **extra)


def _prov(cell, table: Table) -> Provenance:
    if cell is not None and cell.provenance is not None:
        return cell.provenance
    return table.provenance.model_copy(update={"table": table.index})


def _nearest_left(cols: list[int], target: int) -> Optional[int]:
    left = [c for c in cols if c < target]
    return max(left) if left else (cols[0] if cols else None)


def _first_line(text: str) -> str:
    # a baseline printed under the name ends it, on its own line or (a PDF cell's flowed lines) not
    line = without_labelled(LEVEL_LABEL.sub("", text.strip(), count=1).split("\n")[0])
    return re.sub(r"^\s*(\d+[.)]|[a-z][.)]|IK\s*:)\s*", "", line).strip()


# --- running text -----------------------------------------------------------------------

def _text_definitions(i: int, block: Block, following: Optional[Block]) -> Iterable[Found]:
    """Formulas a text block states; `following` is the next text block (tables and page breaks
    between them skipped), where a formula announced at the end of this one may stand."""
    for line in block_lines(block):
        m = LIST_FORMULA.match(line)
        if m and len(m.group("name").split()) <= MAX_NAME_WORDS:
            raw = m.group("f").strip() or _formula_of(following)
            if raw:
                yield Found(name=m.group("name").strip(" ,"), formula=plain_formula(raw),
                            formula_raw=raw, block=i, provenance=block.provenance)
        for p in PROSE_FORMULA.finditer(line):
            name = _strip_lead(p.group("name"))
            if len(name.split()) <= MAX_NAME_WORDS:
                yield Found(name=name, formula=plain_formula(p.group("f")), formula_raw=p.group("f"),
                            block=i, provenance=block.provenance)


def _formula_of(following: Optional[Block]) -> Optional[str]:
    # "a. NAME, Formulasi Perhitungan :" with the formula set as its own (display) block
    if isinstance(following, Formula):
        return following.plain or following.text
    return None


def _strip_lead(name: str) -> str:
    return re.sub(r"(?i)^(kinerja|sasaran)\s+", "", name.strip()).strip(" ,")


def _good_name(name: str) -> bool:
    """Words that can name an indicator: not a formula's row, nor a figure with its unit ('45
    Laporan', the target beside a name read as a formula)."""
    words = name.split()
    return (1 <= len(words) <= 40 and any(len(w) > 2 for w in words) and not FORMULA_ROW.match(name)
            and not _figure_with_unit(name))


def _figure_with_unit(name: str) -> bool:
    """'45 Laporan', '100 %': a figure and at most a listed unit ('1000 Hari Pertama Kehidupan'
    and '100 Desa ODF' are names)."""
    m = FIGURE_WITH_UNIT.match(name)
    return bool(m) and (not m.group(1) or is_listed_unit(m.group(1)))


# --- merging ----------------------------------------------------------------------------

def _group(found: list[Found]) -> list[list[Found]]:
    """One group per (indicator, distinct formula); a name printed with typos joins its group."""
    by_name: dict[str, list[Found]] = {}
    for f in found:
        hit = match_name(f.name, by_name.keys(), cutoff=NAME_MATCH)
        by_name.setdefault(hit[0] if hit else f.name, []).append(f)
    groups: list[list[Found]] = []
    for items in by_name.values():
        with_formula = [f for f in items if f.formula]
        clusters: list[list[Found]] = []
        for f in with_formula:
            home = next((c for c in clusters if _same_formula(c[0].formula, f.formula)), None)
            home.append(f) if home else clusters.append([f])
        if not clusters:
            clusters = [items]
        else:
            for f in items:  # code and unit from formula-less printings join the first group
                if not f.formula:
                    clusters[0].append(f)
        groups.extend(clusters)
    return groups


def _same_formula(a: str, b: str) -> bool:
    return fuzz.ratio(similar_formula_key(a), similar_formula_key(b)) >= SAME_FORMULA


def _definition(group: list[Found], parts: list[Part], units: dict[str, str]) -> Definition:
    with_formula = [f for f in group if f.formula]
    best = _medoid(with_formula) if with_formula else group[0]
    name = Counter(f.name for f in group).most_common(1)[0][0]
    unit = next((_unit(f.unit) for f in group if f.unit), None) or _unit_of(name, units)
    return Definition(
        indicator=name, unit=unit, formula=best.formula, formula_raw=best.formula_raw,
        definition=next((f.definition for f in group if f.definition), None),
        code=next((f.code for f in group if f.code), None), provenance=best.provenance,
        low_confidence=all(f.low_confidence for f in group), part=_part_of(best.block, parts),
    )


def _medoid(items: list[Found]) -> Found:
    """The printing most like the others: the formula as the document most often means it."""
    keys = [similar_formula_key(f.formula) for f in items]
    return max(zip(items, keys), key=lambda fk: sum(fuzz.ratio(fk[1], k) for k in keys))[0]


def _units_by_name(indicators: list[IndicatorValue]) -> dict[str, str]:
    """indicator name -> the unit its targets and realisations are stated in (capaian is always %)."""
    counts: dict[str, Counter] = {}
    for r in indicators:
        if r.unit and r.measure != "capaian":
            counts.setdefault(r.indicator, Counter())[r.unit] += 1
    return {name: c.most_common(1)[0][0] for name, c in counts.items()}


def _unit_of(name: str, units: dict[str, str]) -> Optional[str]:
    hit = match_name(name, units.keys(), cutoff=NAME_MATCH)
    return units[hit[0]] if hit else None


def _unit(raw: str) -> Optional[str]:
    # the unit as printed, lower-cased; "persen" is written "%" (GOLD.md)
    text = collapse(raw).lower()
    return "%" if text in {"%", "persen", "prosen"} else (text or None)


def _part_of(block: int, parts: list[Part]) -> Optional[int]:
    return next((p.index for p in parts if p.first_block <= block <= p.last_block), None)
