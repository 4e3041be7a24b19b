"""The generated document as the renderers read it, and its tables built from columns and rows.

A table is declared as leaf columns, each with a header path (top to bottom) and, for value
columns, the role, year and period its cells hold; rows carry their subject (an indicator, a
budget item) and their printed values keyed by (role, year, period). Building the table lays
the header out (equal group labels merged, short paths spanning down) and makes one fact per
printed value: facts come from exactly the cells the page shows, never from elsewhere.
"""

from dataclasses import dataclass, field
from typing import Optional, Union

from .facts import budget_fact, indicator_fact
from .printing import Printed


@dataclass
class Cell:
    text: str = ""  # "\n" separates the lines the cell prints
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False  # right-aligned
    bold: bool = False


Grid = list[list[Optional[Cell]]]  # None where a spanning cell covers the place


@dataclass
class Heading:
    text: str
    size: int = 12  # points
    align: str = "center"


@dataclass
class Para:
    text: str
    align: str = "justify"


@dataclass
class Lines:
    """Label : value lines of a form's header ("Perangkat Daerah : Dinas ..."), left-aligned."""
    pairs: list[tuple[str, str]]


@dataclass
class Signature:
    """Signature blocks side by side, each a list of lines (blank lines leave room to sign)."""
    columns: list[list[str]]


@dataclass
class PageBreak:
    pass


@dataclass
class TableBlock:
    header: Grid
    body: Grid
    caption: Optional[str] = None
    weights: list[float] = field(default_factory=list)  # relative column widths
    font_size: float = 7.5


Block = Union[Heading, Para, Lines, Signature, PageBreak, TableBlock]


@dataclass
class Doc:
    blocks: list[Block]
    facts: list[dict]
    landscape: bool = False
    footer: Optional[str] = None  # a running footer on every page


# ---- tables --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    role: str  # text role ("no", "sasaran", "indicator", ...) or value roles "ind.target", "bud.anggaran",
    #            several joined by "+" when one cell prints them on successive lines
    path: tuple[str, ...]
    year: Optional[int] = None
    period: str = "annual"
    weight: float = 1.0

    @property
    def numeric(self) -> bool:
        return self.role.startswith(("ind.", "bud."))


@dataclass
class Row:
    text: dict[str, str] = field(default_factory=dict)  # text role -> cell text
    span: dict[str, int] = field(default_factory=dict)  # text role -> rows the cell covers, this one included
    indicator: Optional[str] = None  # subject of the ind.* values
    unit: Optional[str] = None  # the indicator's unit as a satuan column gives it (fact form)
    item: Optional[str] = None  # subject of the bud.* values
    values: dict[tuple, Printed] = field(default_factory=dict)  # (role, year, period) -> value
    blank: str = "-"  # what an empty value cell prints
    bold: bool = False

    def put(self, role: str, year: Optional[int], value: Optional[Printed], period: str = "annual") -> None:
        if value is not None:
            self.values[(role, year, period)] = value


def header_grid(columns: list[Column]) -> Grid:
    """The header rows: a label shared by neighbouring columns under the same parent is one
    cell spanning them; a path shorter than the deepest one spans down to the last row."""
    depth = max(len(c.path) for c in columns)
    grid: Grid = [[None] * len(columns) for _ in range(depth)]
    for r in range(depth):
        c = 0
        while c < len(columns):
            path = columns[c].path
            if r >= len(path):
                c += 1
                continue
            leaf = r == len(path) - 1
            end = c + 1
            while (not leaf and end < len(columns) and len(columns[end].path) > r + 1
                   and columns[end].path[:r + 1] == path[:r + 1]):
                end += 1
            grid[r][c] = Cell(path[r], colspan=end - c, rowspan=depth - r if leaf else 1, bold=True)
            c = end
    return grid


def numbering_row(columns: list[Column], style: str) -> list[Optional[Cell]]:
    """The column numbers under a header: "(1)" or "1", one per K/Rp pair where the pair's
    leaves are K and Rp."""
    row: list[Optional[Cell]] = []
    n = 0
    for i, col in enumerate(columns):
        if col.path[-1] == "Rp" and i and columns[i - 1].path[-1] == "K":
            row.append(None)
            continue
        n += 1
        pair = col.path[-1] == "K" and i + 1 < len(columns) and columns[i + 1].path[-1] == "Rp"
        row.append(Cell(f"({n})" if style == "paren" else str(n), colspan=2 if pair else 1, bold=False))
    return row


def body_grid(columns: list[Column], rows: list[Row], unit_column: bool) -> tuple[Grid, list[dict]]:
    """The body cells and the facts of the values they print."""
    grid: Grid = []
    facts: list[dict] = []
    covered = [0] * len(columns)  # rows still covered by a span from above, per column
    for row in rows:
        cells: list[Optional[Cell]] = []
        for i, col in enumerate(columns):
            if covered[i]:
                covered[i] -= 1
                cells.append(None)
                continue
            if col.numeric:
                cells.append(Cell(_values_text(col, row, unit_column, facts), numeric=True, bold=row.bold))
                continue
            span = row.span.get(col.role, 1)
            covered[i] = span - 1
            cells.append(Cell(row.text.get(col.role, ""), rowspan=span, bold=row.bold))
        grid.append(cells)
    return grid, facts


def _values_text(col: Column, row: Row, unit_column: bool, facts: list[dict]) -> str:
    roles = col.role.split("+")
    lines = []
    for role in roles:
        value = row.values.get((role, col.year, col.period))
        if value is None:
            lines.append(row.blank if len(roles) == 1 else "")
            if len(roles) == 1 and row.blank == "-" and role.startswith("bud.") and row.item \
                    and not _to_date(col):
                # an amount printed '-' is nil: the gold reads it as 0 (a kegiatan dropped in
                # the perubahan), while a '-' under a kinerja figure states nothing
                facts.append(budget_fact(row.item, col.year, col.period,
                                         role.split("~")[0].split(".")[1], 0))
            continue
        lines.append(value.text)
        if _to_date(col):
            continue
        kind, measure = role.split("~")[0].split(".")
        if kind == "ind":
            unit = value.unit if value.unit is not None else (row.unit if unit_column else None)
            facts.append(indicator_fact(row.indicator, col.year, col.period, measure, value.value,
                                        "%" if measure == "capaian" else unit))
        else:
            facts.append(budget_fact(row.item, col.year, col.period, measure, value.value))
    # a stacked cell keeps an empty first line (Rp under a missing K), not an empty last one
    return "\n".join(lines).rstrip("\n")


def _to_date(col: Column) -> bool:
    """A realisation to a date ('s/d Renja Tahun Lalu', 's/d Tahun 2020') sums the years of a plan:
    GOLD.md has no measure for a running total, so its figures are printed but state no fact."""
    return any("s/d" in label for label in col.path)


def table(columns: list[Column], rows: list[Row], caption: Optional[str] = None,
          numbering: Optional[str] = None, font_size: float = 7.5) -> tuple[TableBlock, list[dict]]:
    """A table block and the facts it prints. numbering: None, "paren" or "plain"."""
    header = header_grid(columns)
    if numbering:
        header.append(numbering_row(columns, numbering))
    unit_column = any(c.role == "unit" for c in columns)
    body, facts = body_grid(columns, rows, unit_column)
    return TableBlock(header, body, caption, [c.weight for c in columns], font_size), facts
