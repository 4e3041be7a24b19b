"""What every form shares: the document's context, its letterhead and signatures, drawing and
printing indicator values, grouping indicators under their sasaran, and laying tables out."""

import random
from dataclasses import dataclass, field
from typing import Optional

from ..facts import meta_facts
from ..layouts import LAYOUTS, Years, columns
from ..model import Block, Cell, Doc, Heading, Para, Row, Signature, TableBlock, table
from ..names import Indicator, Picker, Region
from ..printing import Printed, Style, grade, money, number, percent, quantity

STREETS = ("Jalan Merdeka", "Jl. Jenderal Sudirman", "Jalan Pahlawan", "Jl. Ahmad Yani", "Jl. Diponegoro")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


@dataclass
class Ctx:
    """One document being generated: its randomness, names, number style and shape."""
    rng: random.Random
    pick: Picker
    style: Style
    year: int
    region: Region
    agency_base: str
    header_rows: int
    pages: int = 1  # pages the main table should run over
    grades: bool = False
    years: Optional[int] = None  # year columns asked for (None: the form's own choice)
    kpair: Optional[bool] = None  # K and Rp in columns of their own (None: the form's choice)
    blocks: list[Block] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)

    @property
    def agency(self) -> str:
        return f"{self.agency_base} {self.region.name}"

    @property
    def leader(self) -> str:
        """The agency head's title ("Kepala Dinas Kesehatan")."""
        if self.agency_base.startswith("Inspektorat"):
            return "Inspektur"
        if self.agency_base.startswith("Sekretariat"):
            return "Sekretaris"
        return f"Kepala {self.agency_base}"

    def rows(self, low: int, high: int, per_page: int) -> int:
        """How many body rows: a few for a one-page table, enough to run over the pages asked."""
        if self.pages <= 1:
            return self.rng.randint(low, high)
        return int(per_page * (self.pages - 0.5)) + self.rng.randint(0, per_page // 4)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def doc(self, doc_type: str, landscape: bool, footer: Optional[str] = None) -> Doc:
        facts = meta_facts(doc_type, self.agency, self.region.name, self.region.level, self.year)
        return Doc(self.blocks, facts + self.facts, landscape, footer)


# ---- letterhead, prose, signatures ---------------------------------------------------------------

def letterhead(ctx: Ctx) -> None:
    """The kop: the government, the agency, its address."""
    street = ctx.rng.choice(STREETS)
    ctx.add(Heading(f"PEMERINTAH {ctx.region.name.upper()}", 12),
            Heading(ctx.agency_base.upper(), 13),
            Heading(f"{street} No. {ctx.rng.randint(1, 120)} {ctx.region.short}", 8))


def place_date(ctx: Ctx, year: int, month: Optional[int] = None) -> str:
    month = month or ctx.rng.randint(1, 3)
    return f"{ctx.region.short}, {ctx.rng.randint(2, 28)} {MONTHS[month - 1]} {year}"


def signature(ctx: Ctx, when: str, with_head: bool = False) -> Signature:
    """The agency head's block (and the regional head's beside it, as a PK has)."""
    own = [when, f"{ctx.leader}", ctx.region.name + ",", "", "", ctx.pick.person(), ctx.pick.rank(),
           f"NIP. {ctx.pick.nip()}"]
    if not with_head:
        return Signature([[], own])
    head = ["", ctx.region.head.upper() + ",", "", "", "", ctx.pick.person().split(",")[0]]
    return Signature([head, own])


def prose(ctx: Ctx, *sentences: str) -> None:
    """Running text. It never states a value: every fact of a generated document is a table's."""
    text = " ".join(sentences).format(agency=ctx.agency, year=ctx.year, region=ctx.region.name)
    ctx.add(Para(text))


# ---- indicator values -----------------------------------------------------------------------------

def draw_target(ind: Indicator, rng: random.Random) -> float:
    if ind.scale.startswith("grade:"):
        return float(rng.randint(0, 2))  # a rank on the scale, best first
    if ind.scale == "percent":
        return rng.choice((100, 100, 95, 90, 85, 80, 75, 70, 60, round(rng.uniform(40, 99), 2)))
    if ind.scale == "score":
        return round(rng.uniform(70, 92), rng.choice((0, 2)))
    if ind.scale == "index":
        return round(rng.uniform(2.0, 4.6), 2)
    if ind.scale == "ratio":
        return round(rng.uniform(0.2, 1.0), 2)
    big = ind.unit in ("orang", "jiwa", "izin", "kunjungan", "umkm", "berkas")
    return float(rng.randint(100, 5000) if big else rng.randint(1, 60))


def draw_realisasi(ind: Indicator, target: float, rng: random.Random) -> float:
    if ind.scale.startswith("grade:"):
        return float(max(0, int(target) + rng.choice((-1, 0, 0, 1))))
    if ind.scale == "count":
        return float(max(0, round(target * rng.uniform(0.7, 1.2))))
    decimals = 0 if ind.scale == "score" and target == int(target) and rng.random() < 0.5 else 2
    value = target * rng.uniform(0.8, 1.15)
    if ind.scale == "percent" and target >= 100:
        value = min(value, 100.0)
    return round(value, decimals)


def draw_series(ind: Indicator, rng: random.Random, n: int) -> list[float]:
    """n values year after year, as plans set them: each a little above the one before (a grade
    rank a step better now and then)."""
    values = [draw_target(ind, rng)]
    for _ in range(n - 1):
        last = values[-1]
        if ind.scale.startswith("grade:"):
            values.append(max(0.0, last - rng.choice((0, 0, 1))))
        elif ind.scale == "count":
            values.append(float(round(last * rng.uniform(1.0, 1.25))))
        elif ind.scale == "percent" and last >= 100:
            values.append(100.0)
        else:
            top = 100.0 if ind.scale == "percent" else last * 1.2
            values.append(round(min(top, last * rng.uniform(1.0, 1.08)), 2))
    return values


def capaian(target: float, realisasi: float) -> Optional[float]:
    return round(realisasi / target * 100, 2) if target else None


def print_value(ctx: Ctx, ind: Indicator, value: float, with_unit: bool, score: bool = True) -> Printed:
    """An indicator value as printed: bare under a satuan column, with its unit word where the
    table has none ("12 Dokumen", "85%"). Graded values print their grade, with the score in
    brackets (`score`) or bare."""
    if ind.scale.startswith("grade:"):
        return grade(ind.scale[6:], int(value), ctx.rng, ctx.style, score)
    decimals = 0 if value == int(value) else 2
    if ind.scale == "percent" and with_unit:
        return percent(value, decimals, ctx.style, sign=True)
    if ind.scale == "count" and with_unit:
        return quantity(value, decimals, ctx.style, ind.satuan)
    return number(value, decimals, ctx.style)


def print_capaian(ctx: Ctx, value: Optional[float]) -> Optional[Printed]:
    if value is None:
        return None
    return percent(value, 0 if value == int(value) else 2, ctx.style)


def graded_score(ctx: Ctx) -> bool:
    """Whether a graded value prints its score too ("BB (72,14)") or the grade alone."""
    return ctx.rng.random() < 0.6


def indicators(ctx: Ctx, n: int) -> list[Indicator]:
    """n indicators; with grades on, a few of them graded (at least one)."""
    graded = min(n, ctx.rng.randint(1, 3)) if ctx.grades else 0
    picks = [ctx.pick.indicator(graded=i < graded) for i in range(n)]
    ctx.rng.shuffle(picks)
    return picks


def sasaran_groups(ctx: Ctx, items: list, most: int = 3) -> list[tuple[str, list]]:
    """The items shared out under sasaran, one to `most` each, in order."""
    groups, i = [], 0
    while i < len(items):
        k = ctx.rng.randint(1, most)
        groups.append((ctx.pick.sasaran(), items[i:i + k]))
        i += k
    return groups


def grouped_rows(groups: list[tuple[str, list[Row]]]) -> list[Row]:
    """Rows of each sasaran, the sasaran and number cells spanning its rows."""
    out = []
    for n, (sasaran, rows) in enumerate(groups, 1):
        first = rows[0]
        first.text.update(sasaran=sasaran, no=f"{n}.")
        first.span.update(sasaran=len(rows), no=len(rows))
        out += rows
    return out


# ---- tables -------------------------------------------------------------------------------------

def lay_out(ctx: Ctx, grammar: str, years: Years, options: set[str], kpair_choices=(False,)):
    """The columns of a style of the grammar (and K/Rp choice) whose header has the number of
    rows the document asks for, or the nearest number it has."""
    candidates = []
    for style in LAYOUTS[grammar]:
        for kpair in kpair_choices:
            cols = columns(grammar, style, years, options, kpair)
            miss = abs(max(len(c.path) for c in cols) - ctx.header_rows)
            candidates.append((miss, style, kpair, cols))
    best = min(c[0] for c in candidates)
    return ctx.rng.choice([c for c in candidates if c[0] == best])[3]


def indicator_row(ind: Indicator, unit_column: bool) -> Row:
    """A row about an indicator: its name, and its satuan where the table has a satuan column."""
    return Row(text={"indicator": ind.name, "unit": ind.satuan if unit_column else ""},
               indicator=ind.name, unit=ind.unit)


def add_table(ctx: Ctx, cols, rows: list[Row], caption: Optional[str], numbering: Optional[str] = None,
              font_size: float = 7.5) -> TableBlock:
    """Lay the table out, keep its facts, and print its header as the document does (often in
    capitals)."""
    block, facts = table(cols, rows, caption, numbering, font_size)
    if ctx.rng.random() < 0.35:
        for row in block.header:
            for cell in row:
                if isinstance(cell, Cell) and not cell.text.startswith("("):
                    cell.text = cell.text.upper()
    ctx.add(block)
    ctx.facts += facts
    return block


def money_of(ctx: Ctx, value: int) -> Printed:
    return money(value, ctx.style)


def amount(ctx: Ctx, low: int = 50, high: int = 5000) -> int:
    """A rupiah amount as budgets have them: millions, to the thousand, sometimes odd."""
    odd = ctx.rng.choice((0, 0, 500_000, ctx.rng.randint(1, 999) * 1000))
    value = ctx.rng.randint(low, high) * 1_000_000 + odd
    if ctx.rng.random() < 0.3:
        value += ctx.rng.randint(1, 999)
    return value


def caption(ctx: Ctx, number: str, text: str) -> Optional[str]:
    """A "Tabel 3.1 ..." caption, or none (not every document captions its tables)."""
    return f"Tabel {number} {text}" if ctx.rng.random() < 0.7 else None

