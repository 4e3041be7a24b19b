"""Space-aligned tables of a layout text dump (`pdftotext -layout`) into Table blocks.

The steps, one module each: lines (words with their character columns, pages) ->
regions (where the tables are) -> columns (character ranges of the columns) ->
header (header lines, labels, column refinements, header rows and column paths) ->
rows (which lines make one row) -> here: cells of a row joined line by line, the rows of
regions continuing a table over page breaks appended (through the repeated header's labels,
else column by column), and the Table built with the line range and column of every cell.
Body cells are made by tsv.body_to_cells, so spans mean what they mean for
tab-separated dumps: a row's leading empty cells under a filled one extend its row span.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.text.lines import join_lines
from kinerja.parsers.text.numbering import ROW_NUMBER
from kinerja.parsers.textdump.layout.columns import (
    MIN_COLS, column_spans, figures_cut_from_text, in_one_column, line_cells, line_texts,
    numbered_columns,
)
from kinerja.parsers.textdump.layout.header import (
    between_value_labels,
    header_cells,
    empty_headed_joined,
    header_labels,
    label_centres,
    lone_columns_joined,
    split_by_labels,
    split_header,
    text_columns_joined,
)
from kinerja.parsers.textdump.layout.labels import Label
from kinerja.parsers.textdump.layout.lines import LayoutLine, has_figure, line_words, page_lines
from kinerja.parsers.textdump.layout.pairs import divide, mark_words, pair_labels, without_marks
from kinerja.parsers.textdump.layout.regions import Region, find_regions, is_prose
from kinerja.parsers.textdump.layout.rows import body_rows, value_columns
from kinerja.parsers.textdump.tsv import RawRow, body_to_cells
from kinerja.schema import Provenance, Table

MIN_VALUE_ROWS = 2  # rows holding a figure outside the first column a headless table needs


@dataclass
class RegionRead:
    """One region read: its columns, header and body rows, before becoming a Table."""

    region: Region
    columns: list[tuple[int, int]]
    header_lines: list[LayoutLine]
    labels: list[Label]
    numbering: Optional[LayoutLine]
    rows: list[RawRow]
    centres: list[Optional[float]] = field(default_factory=list)
    values: set[int] = field(default_factory=set)  # columns where most cells hold a figure

    @property
    def is_table(self) -> bool:
        """Enough columns, and rows holding figures (one will do under a header of labels);
        under a header of labels, rows of text filling two columns or more will do (a sheet
        of definitions)."""
        if len(self.columns) < MIN_COLS:
            return False
        valued = sum(1 for r in self.rows if any(has_figure(t) for t in r.cells[1:]))
        if len(self.labels) < MIN_COLS:
            return valued >= MIN_VALUE_ROWS
        filled = sum(1 for r in self.rows if sum(1 for t in r.cells if t) >= 2)
        return valued >= 1 or filled >= MIN_VALUE_ROWS


def read_region(region: Region, centres: Optional[list[Optional[float]]] = None,
                logical: Optional[int] = None, headless: bool = False) -> Optional[RegionRead]:
    """Columns, header and rows of a region; `centres` are the label centres of the table a
    headless region continues, `logical` its count of columns under distinct labels; `headless`:
    every line is body."""
    columns = column_spans(region.lines)
    if len(columns) < MIN_COLS:
        return None
    header_lines, numbering, body_lines = ([], None, region.lines) if headless \
        else split_header(region.lines, columns)
    columns = split_by_labels(columns, [ln for ln in header_lines if ln.words])
    merged = lone_columns_joined(columns, header_labels(header_lines, columns, spread=False),
                                 body_lines)
    # a label with nothing under it names the unlabelled column of words on its left before
    # that column is taken for the run-on of the text column beyond it
    merged = empty_headed_joined(merged, header_labels(header_lines, merged, spread=False), body_lines)
    merged = text_columns_joined(merged, header_labels(header_lines, merged, spread=False),
                                 value_columns(body_lines, merged))
    columns = merged
    labels = header_labels(header_lines, columns)
    own = labels or centres is None or len(centres) != len(columns)
    if not labels and centres is not None and len(centres) > len(columns):
        cut = figures_cut_from_text(columns, body_lines)  # a headless part: its table's count decides
        columns = cut if len(cut) in (len(centres), logical) else columns
    if own:  # the table's centres fit only a part cut to its columns on the same margins
        centres = label_centres(labels, len(columns))
    columns = between_value_labels(columns, centres, value_columns(body_lines, columns))
    numbered = numbered_columns(numbering, body_lines) if numbering is not None else None
    if numbered and line_texts(numbering, columns) != [w.text for w in numbering.words]:
        # the form numbers its columns: where the words' gaps put the numbers in other columns
        # than one each, the numbers decide
        columns, centres = numbered, [w.cx for w in numbering.words]
        labels = header_labels(header_lines, columns)
    marks = mark_words(header_lines)
    divided = divide(columns, marks, body_lines) if marks else None
    if divided:  # K/Rp pairs numbered once: each half a column of its own
        base = header_labels(without_marks(header_lines, marks), columns)
        columns, origin = divided
        labels = pair_labels(base, origin, marks, columns)
        centres = label_centres(labels, len(columns))
    if labels and not divided:
        strays = _stray_figure_columns(columns, centres, body_lines, region.units)
        if strays:
            columns = _without_columns(columns, strays)
            labels = header_labels(header_lines, columns)
            centres = label_centres(labels, len(columns))
    rows = _quantities_apart(_rows(body_lines, columns, centres, region.units), labels, len(columns))
    return RegionRead(region, columns, header_lines, labels, numbering, rows, centres,
                      value_columns(body_lines, columns))


_UNIT_LABEL = re.compile(r"(?i)^satuan$")
_QUANTITY_LABEL = re.compile(r"(?i)^(?:kuantitas|volume|vol\.?|jumlah|target)$")
_FIGURE_THEN_WORDS = re.compile(r"^([-+]?\d[\d.,]*)\s+([^\d\s].*)$")


def _quantities_apart(rows: list[RawRow], labels: list[Label], width: int) -> list[RawRow]:
    """Under 'Kuantitas | Satuan' (a DPA's target, a volume and its unit), a figure printed one
    space before its unit ('2 Dokumen', '100 %') stands in the unit's column, its own left empty:
    the figure goes back to the quantity's column."""
    leaf = [_leaf_label(labels, c) for c in range(width)]
    pairs = [c for c in range(1, width) if _UNIT_LABEL.match(leaf[c]) and _QUANTITY_LABEL.match(leaf[c - 1])]
    for row in rows:
        for c in pairs:
            found = _FIGURE_THEN_WORDS.match(row.cells[c])
            if found and not row.cells[c - 1]:
                row.cells[c - 1], row.cells[c] = found.group(1), found.group(2)
    return rows


def _leaf_label(labels: list[Label], c: int) -> str:
    """The text of the narrowest label over column c (the lowest header row's), '' for none."""
    over = [(lab.last - lab.first, -k, lab.text) for k, lab in enumerate(labels) if lab.first <= c <= lab.last]
    return min(over)[2].strip() if over else ""


def _stray_figure_columns(columns: list[tuple[int, int]], centres: list[Optional[float]],
                          body_lines: list[LayoutLine], units: frozenset[str]) -> list[int]:
    """Figure columns no label of their own names, between two that have one, that keep no
    figure once each line's figures go one per labelled column (columns._figures_in_order):
    a gutter pdftotext's uneven spacing opened inside a run of values."""
    if not any(centres[c] is None and None not in (centres[c - 1], centres[c + 1]) for c in range(1, len(centres) - 1)):
        return []  # (no unlabelled column between two labelled ones: the body need not be read again)
    values = frozenset(value_columns(body_lines, columns))
    used = {c for ln in body_lines
            for c, cell in enumerate(line_cells(ln, columns, values, centres, units)) if cell}
    return [c for c in sorted(values) if centres[c] is None and c not in used
            and {c - 1, c + 1} <= values and None not in (centres[c - 1], centres[c + 1])]


def _without_columns(columns: list[tuple[int, int]], drop: list[int]) -> list[tuple[int, int]]:
    """The columns with each of `drop` shared out between its neighbours, at its middle."""
    out = list(columns)
    for c in sorted(drop, reverse=True):
        mid = (out[c][0] + out[c][1]) / 2
        out[c - 1], out[c + 1] = (out[c - 1][0], mid), (mid, out[c + 1][1])
        del out[c]
    return out


def _rows(body_lines: list[LayoutLine], columns: list[tuple[int, int]],
          centres: list[Optional[float]], units: frozenset[str]) -> list[RawRow]:
    return [RawRow(r.line_start, r.line_end, [join_lines([t for _, t in r.lines.get(c, [])])
                                              for c in range(len(columns))], page=r.page)
            for r in body_rows(body_lines, columns, centres, units)]


def column_map(first: RegionRead, part: RegionRead) -> Optional[list[int]]:
    """For a region at the top of the next page that may continue a table, the table column
    of each of its columns: through a repeated header's labels, else in order when the counts
    agree, else by character position; None when its header differs from the table's."""
    if part.labels:
        if [lab.text for lab in part.labels] != [lab.text for lab in first.labels]:
            return None
        out = []
        for c in range(len(part.columns)):
            pairs = [(p, f) for p, f in zip(part.labels, first.labels) if p.first <= c <= p.last]
            if pairs:
                p, f = pairs[-1]
                out.append(min(f.first + c - p.first, f.last))
            else:
                out.append(out[-1] if out else 0)
        return out
    if len(part.columns) == len(first.columns):
        return list(range(len(part.columns)))
    return _by_same_figures(first, part) or _by_figure_columns(first, part) \
        or _by_label_groups(first, part) or [_nearest_column(col, first.columns) for col in part.columns]


def _by_same_figures(first: RegionRead, part: RegionRead) -> Optional[list[int]]:
    """A headless part whose figure columns stand at the same places in its run of columns as
    the table's, up to the last of them: the columns up to there are the table's in order, and
    the text columns after it the table's text columns after it, in order (a last 'Keterangan'
    left empty on this page prints no column). None where the part has more columns than the
    table, or where a figure column of the table's has no label of its own (it
    may be a gutter pdftotext opened, which the part need not repeat)."""
    if not part.values or part.values != first.values \
            or any(first.centres[c] is None for c in first.values if c < len(first.centres)):
        return None
    if len(part.columns) > len(first.columns):
        return None
    return list(range(len(part.columns)))


def _by_figure_columns(first: RegionRead, part: RegionRead) -> Optional[list[int]]:
    """A part whose figure columns are as many as the table's, printed on a page whose margins
    moved the columns: figure columns in order, the text columns before them into the table's
    text column they overlap most (a bullet column with the name beside it may share one). None
    unless both end in as many figure columns (code columns of figures at the left, '01  02',
    are matched like text)."""
    ours, theirs = _trailing(part.values, len(part.columns)), _trailing(first.values, len(first.columns))
    if not ours or len(ours) != len(theirs) or (theirs[0] == 0 < ours[0]):
        return None  # (text columns of the part's with none of the table's to go to)
    lead = _lead_map(part.columns[:ours[0]], [c in part.values for c in range(ours[0])],
                     first.columns[:theirs[0]], [c in first.values for c in range(theirs[0])])
    return lead + theirs


def _lead_map(cols: list[tuple[int, int]], figures: list[bool], table: list[tuple[int, int]],
              table_figures: list[bool]) -> list[int]:
    """The part's text columns before its figure run onto the table's: one each and in order
    where the part has no more of them, a figure column (a code) onto a figure column, the
    least misfit in all (a page printed narrower moves a narrow code column nearer the next
    one's); else each into the one it overlaps most (a bullet column and the name beside it
    share one)."""
    in_order = _in_order(cols, figures, table, table_figures) if len(cols) <= len(table) else None
    return in_order if in_order is not None else [_nearest_column(col, table) for col in cols]


def _in_order(cols: list[tuple[int, int]], figures: list[bool], table: list[tuple[int, int]],
              table_figures: list[bool]) -> Optional[list[int]]:
    """Each of `cols` onto its own of `table`, in order and kind for kind, at the least misfit
    in all; None where no such assignment exists."""
    inf = float("inf")
    # best[i][j]: least cost of the first i part columns onto the first j table columns
    best = [[0.0] * (len(table) + 1)] + [[inf] * (len(table) + 1) for _ in cols]
    for i in range(1, len(cols) + 1):
        for j in range(i, len(table) + 1):
            fit = _misfit(cols[i - 1], table[j - 1]) if figures[i - 1] == table_figures[j - 1] else inf
            best[i][j] = min(best[i][j - 1], best[i - 1][j - 1] + fit)
    if best[len(cols)][len(table)] == inf:
        return None
    out, j = [], len(table)
    for i in range(len(cols), 0, -1):  # walk back the choices
        while best[i][j] == best[i][j - 1]:
            j -= 1
        out.append(j - 1)
        j -= 1
    return out[::-1]


def _misfit(col: tuple[int, int], into: tuple[int, int]) -> float:
    """0 for a column lying inside `into`, 1 for one touching it, more the farther apart, in
    the column's widths."""
    return 1 - (min(col[1], into[1]) - max(col[0], into[0])) / max(1, col[1] - col[0])


def label_groups(read: RegionRead) -> list[list[int]]:
    """The table's columns in runs under the same labels: pdftotext may print one column of
    right-aligned figures of different widths as two, both under the column's label."""
    groups: list[list[int]] = []
    last_key = None
    for c in range(len(read.columns)):
        key = tuple(i for i, lab in enumerate(read.labels) if lab.first <= c <= lab.last)
        if groups and key and key == last_key:
            groups[-1].append(c)
        else:
            groups.append([c])
        last_key = key
    return groups


def _by_label_groups(first: RegionRead, part: RegionRead) -> Optional[list[int]]:
    """A headless part on a page whose margins moved the columns: its run of figure columns
    matched in order to the table's figure columns counted once per label, the text columns
    after them in order too (a 'Penanggung Jawab' after the targets), those before it into the
    table's text column they overlap most. None unless both runs and tails agree in count."""
    groups = label_groups(first)
    theirs = _shape([any(c in first.values for c in g) for g in groups])
    ours = _shape([c in part.values for c in range(len(part.columns))])
    if theirs is None or ours is None or theirs[1:] != ours[1:]:
        return None
    lead = [c for g in groups[:theirs[0]] for c in g]
    if not lead and ours[0]:
        return None
    mapping = [_nearest_column(col, [first.columns[c] for c in lead]) for col in part.columns[:ours[0]]]
    mapping = [lead[k] for k in mapping]
    return mapping + [g[0] for g in groups[theirs[0]:]]


def _shape(figures: list[bool]) -> Optional[tuple[int, int, int]]:
    """Columns before the run of figure columns, in it, and after it; None unless the figure
    columns make one run with text only after it."""
    runs = [k for k, f in enumerate(figures) if f]
    if not runs or runs[-1] - runs[0] + 1 != len(runs):
        return None
    return runs[0], len(runs), len(figures) - runs[-1] - 1


def _trailing(figures: set[int], width: int) -> list[int]:
    """The run of figure columns that ends the table."""
    k = width
    while k - 1 in figures:
        k -= 1
    return list(range(k, width))


def _nearest_column(col: tuple[int, int], columns: list[tuple[int, int]]) -> int:
    def distance(k: int) -> float:
        a, b = columns[k]
        overlap = min(b, col[1]) - max(a, col[0])
        return -overlap if overlap > 0 else abs((a + b) / 2 - (col[0] + col[1]) / 2)
    return min(range(len(columns)), key=distance)


def _append_part(rows: list[RawRow], part: RegionRead, mapping: list[int], width: int) -> None:
    """The part's rows after the table's, in the table's columns; a first row of cell text cut
    off above the part, or without a figure and with nothing in the first column, is the rest
    of the last row, cut by the page break."""
    body = []
    for r in part.rows:
        cells = [""] * width
        for c, text in enumerate(r.cells):
            cells[mapping[c]] = join_lines([cells[mapping[c]], text])
        body.append(RawRow(r.line_start, r.line_end, cells, page=r.page))
    if rows and body and not _numbered_like(body[0], rows[-1]) and (
            part.region.cut_above
            or not body[0].cells[0] and not any(has_figure(t) for t in body[0].cells)):
        last, tail = rows[-1], body.pop(0)
        last.cells = [join_lines([a, b]) for a, b in zip(last.cells, tail.cells)]
        last.line_end = tail.line_end
    rows.extend(body)


def _numbered_like(row: RawRow, last: RawRow) -> bool:
    """The row holds a row number where the last row holds one ('5' under '4'): a row of its
    own, whatever lines a page break left above it."""
    return any(ROW_NUMBER.match(a) and ROW_NUMBER.match(b) for a, b in zip(row.cells, last.cells))


def part_mapping(first: RegionRead, part: Region) -> Optional[tuple[RegionRead, list[int]]]:
    """The read of a region continuing a table and the table column of each of its columns:
    read with the table's label centres, else on its own (a part whose repeated header reads
    the table's labels only on its own columns); None when it does not continue the table."""
    for centres in ((first.centres, None) if first.centres is not None else (None,)):
        more = read_region(part, centres, len(label_groups(first)))
        mapping = column_map(first, more) if more is not None else None
        if mapping is None and more is not None and 0 < len(more.labels) < 2:
            # one 'label' over the part is the name of its first row ('MENULAR DAN TIDAK
            # MENULAR', a program's name cut by the page break), not a header
            more = read_region(part, centres, len(label_groups(first)), headless=True)
            mapping = column_map(first, more) if more is not None else None
        if mapping is not None:
            return more, mapping
    return None


def region_table(region: Region, file: str, table_index: int, caption: Optional[str] = None
                 ) -> Optional[Table]:
    """The Table of one region and the regions continuing it on the next pages, or None when
    it is no data table."""
    read = region.read or read_region(region)
    if read is None or not read.is_table:
        return None
    width = len(read.columns)
    rows = [RawRow(r.line_start, r.line_end, list(r.cells), page=r.page) for r in read.rows]
    notes = ["read from space-aligned columns at character columns "
             + ", ".join(f"{a}-{b}" for a, b in read.columns)]
    for part in region.more:
        # a part layout_regions joined was read there
        found = part_mapping(read, part) if part.read is None else (part.read, column_map(read, part.read))
        if found is not None and found[1] is not None:
            more, mapping = found
            _append_part(rows, more, mapping, width)
            notes.append(f"continued at line {part.start} after a page break"
                         + (", its repeated header dropped" if more.labels else ""))
    header, paths = header_cells(read.labels, width, read.header_lines, file, table_index)
    body = body_to_cells(rows, width, file, table_index)
    numbering_row = line_texts(read.numbering, read.columns) if read.numbering is not None else None
    pages = sorted({ln.page for part in [region] + region.more for ln in part.lines if ln.page})
    text = "\n".join("\t".join(c.text for c in row) for row in header + body)
    return Table(
        text=text, index=table_index, caption=caption, kind="data", n_rows=len(body),
        n_cols=width, header_rows=header, column_paths=paths, numbering_row=numbering_row,
        body=body, method="layout-text", notes=notes,
        provenance=Provenance(file=file, line_start=region.start, line_end=region.end,
                              table=table_index, page=pages[0] if pages else None,
                              pages=pages if len(pages) > 1 else None),
    )


def layout_regions(lines: list[str], furniture: set[int] = frozenset(),
                   units: frozenset[str] = frozenset()) -> list[Region]:
    """Table regions of a layout dump that read as data tables, in line order; a region
    continuing the last table of the page before over a page break is joined to it
    (Region.more), with the lines of cell text the break cut off above it. `units` are the
    unit words a figure's unit may be where it ran on into the next cell."""
    out: list[Region] = []
    last_read: Optional[RegionRead] = None
    for page in page_lines(lines, furniture):
        for k, region in enumerate(find_regions(page)):
            region.units = units
            read = read_region(region)
            if read is None:
                continue
            # a region opening a page, or a headless one after the table (the region finder cut
            # it at a program's row it kept out), may continue the table before
            if last_read is not None and out and (k == 0 or len(read.labels) < 2):
                part = _with_cut_text(page, region, last_read.columns) if k == 0 else region
                between = _only_blank_between(lines, out[-1].end, part.start, furniture)
                if not between and len(read.labels) < 2 \
                        and _few_lines_between(lines, out[-1].end, part.start, furniture):
                    between, part = True, _with_lines_above(page, part, out[-1].end)
                joined = _continuation(last_read, part, region) if between else None
                if joined is not None:
                    out[-1].more.append(joined)
                    continue
            if read.is_table:
                region.read = read
                out.append(region)
                last_read = read
            else:
                last_read = None
    return out


def _continuation(first: RegionRead, part: Region, region: Region) -> Optional[Region]:
    """The region continuing the table as region_table will read it: with the cell text cut
    above it (`part`), else without; its read kept on it. None when neither continues it."""
    for candidate in ((part,) if part is region else (part, region)):
        found = part_mapping(first, candidate)
        if found is not None:
            candidate.read = found[0]
            return candidate
    return None


def _with_cut_text(page: list[LayoutLine], region: Region, columns: list[tuple[int, int]]) -> Region:
    """The region with the lines above it at the top of its page when they are all cell text
    keeping inside one column of the table continued (the end of its last row's cells)."""
    above = [ln for ln in page if ln.no < region.start]
    filled = [ln for ln in above if ln.words]
    if not filled or not all(not ln.multi and in_one_column(ln, columns) for ln in filled):
        return region
    first = above.index(filled[0])
    return Region(above[first:] + region.lines, cut_above=True, units=region.units)


MAX_LINES_BETWEEN = 6  # lines of a table's own row the region finder may leave between its parts
CAPTION = re.compile(r"(?i)^\s*(?:tabel|table|gambar|grafik)\b")


def _few_lines_between(lines: list[str], end: int, start: int, furniture: set[int]) -> bool:
    """At most MAX_LINES_BETWEEN filled lines between, none of them running text or a caption (a
    program's row printed in bold, its figures one space apart: 'PROGRAM PELAYANAN ADMINISTRASI')."""
    filled = [LayoutLine(no, line_words(no, lines[no - 1].replace("\f", " ")))
              for no in range(end + 1, start) if no not in furniture and lines[no - 1].replace("\f", "").strip()]
    return len(filled) <= MAX_LINES_BETWEEN and not any(is_prose(ln) or CAPTION.match(ln.text)
                                                        for ln in filled)


def _with_lines_above(page: list[LayoutLine], region: Region, end: int) -> Region:
    """The region with the page's lines between the table's end and it (a row it was cut at)."""
    above = [ln for ln in page if end < ln.no < region.start]
    return Region(above + region.lines, cut_above=region.cut_above, units=region.units) if above else region


def _only_blank_between(lines: list[str], end: int, start: int, furniture: set[int]) -> bool:
    return all(no in furniture or not lines[no - 1].replace("\f", "").strip()
               for no in range(end + 1, start))
