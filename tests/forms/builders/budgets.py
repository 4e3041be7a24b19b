"""Budget forms: realisasi anggaran and APBD perubahan tables (an LKjIP chapter or a report of
their own), the Renja program table with its pagu indikatif and prakiraan maju, the RKA/DPA 2.2
summary, and the Permendagri 86/2017 evaluation of Renja results per triwulan (K and Rp).

A program's amounts are the sums of its kegiatan, and a Jumlah row the sum of the programs, as
in the real forms; every amount printed is a fact of its row's item."""

from dataclasses import dataclass, field
from typing import Optional

from ..layouts import ROMAN, Years
from ..model import Doc, Heading, Lines, Row
from ..names import LOCATIONS, SUMBER_DANA, UNITS_IN_CHARGE
from ..printing import Printed, percent
from .common import (
    Ctx,
    add_table,
    amount,
    caption,
    draw_realisasi,
    draw_target,
    lay_out,
    letterhead,
    money_of,
    place_date,
    print_capaian,
    print_value,
    prose,
    signature,
)

ADDITIVE = ("anggaran", "realisasi", "sisa", "anggaran_sebelum", "anggaran_sesudah", "selisih")
TOTALS = ("Jumlah", "JUMLAH", "TOTAL", "Jumlah Total")


@dataclass
class Item:
    """A program or kegiatan: its code, name as printed, and amounts by (measure, year, period)."""
    level: str  # urusan | program | kegiatan | total
    name: str
    kode: str = ""
    amounts: dict = field(default_factory=dict)
    children: list = field(default_factory=list)


def program_tree(ctx: Ctx, n_rows: int) -> list[tuple[str, str, str]]:
    """(level, name, kode) of programs each followed by its kegiatan, about n_rows in all."""
    return [(i.level, i.name, i.kode) for i in _flat(_programs(ctx, n_rows))]


def _programs(ctx: Ctx, n_rows: int) -> list[Item]:
    urusan = f"{ctx.rng.randint(1, 3)}.{ctx.rng.randint(1, 26):02d}"
    programs, rows, p = [], 0, 0
    while rows < n_rows:
        p += 1
        prog = Item("program", ctx.pick.program(), f"{urusan}.{p:02d}")
        for k in range(1, ctx.rng.randint(1, 4) + 1):
            name = ctx.pick.kegiatan()
            if ctx.rng.random() < 0.2 and not name.lower().startswith("kegiatan"):
                name = f"Kegiatan {name}"
            prog.children.append(Item("kegiatan", name, f"{prog.kode}.{ctx.rng.randint(1, 2)}.{k:02d}"))
        programs.append(prog)
        rows += 1 + len(prog.children)
    return programs


def _sum_up(items: list[Item]) -> dict:
    """The additive amounts of the items, summed key by key."""
    total: dict = {}
    for it in items:
        for key, v in it.amounts.items():
            if key[0] in ADDITIVE:
                total[key] = total.get(key, 0) + v
    return total


def _persen(amounts: dict, year: int) -> Optional[float]:
    a, r = amounts.get(("anggaran", year, "annual")), amounts.get(("realisasi", year, "annual"))
    return round(r / a * 100, 2) if a and r is not None else None


def _budget_row(ctx: Ctx, it: Item, text: dict) -> Row:
    """A row printing every amount of the item (the layout shows those it has columns for)."""
    row = Row(text={"name": it.name, "kode": it.kode, **text}, item=it.name, bold=it.level != "kegiatan")
    for (measure, year, period), v in it.amounts.items():
        if measure == "persen_realisasi":
            row.put("bud.persen_realisasi", year, percent(v, 2, ctx.style), period)
        elif v == 0 and measure == "selisih":
            continue  # an unchanged budget prints "-" for its difference
        else:
            row.put(f"bud.{measure}", year, money_of(ctx, v), period)
    return row


def _rolled_up(programs: list[Item], year: int) -> list[Item]:
    """Program amounts as the sums of their kegiatan (with the realisation percentage)."""
    for prog in programs:
        prog.amounts = _sum_up(prog.children)
        for it in [prog] + prog.children:
            if (p := _persen(it.amounts, year)) is not None:
                it.amounts[("persen_realisasi", year, "annual")] = p
    return programs


def _total(ctx: Ctx, programs: list[Item], year: int) -> Item:
    total = Item("total", ctx.rng.choice(TOTALS), amounts=_sum_up(programs))
    if (p := _persen(total.amounts, year)) is not None:
        total.amounts[("persen_realisasi", year, "annual")] = p
    return total


def _flat(programs: list[Item]) -> list[Item]:
    return [i for p in programs for i in [p] + p.children]


def _chapter_or_report(ctx: Ctx, title: str) -> str:
    """The table sits in an LKjIP (chapter III) or in a report of its own: its doc_type."""
    letterhead(ctx)
    if ctx.rng.random() < 0.5:
        ctx.add(Heading(f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {ctx.year}", 13),
                Heading(ctx.agency.upper(), 11), Heading("3.2 Realisasi Anggaran", 10, "left"))
        prose(ctx, "Dalam rangka mencapai sasaran strategis, {agency} melaksanakan program dan kegiatan "
                   "yang dibiayai dari APBD Tahun Anggaran {year} dengan rincian sebagai berikut.")
        return "LKjIP"
    ctx.add(Heading(title.format(Y=ctx.year), 13), Heading(ctx.agency.upper(), 11))
    return "other"


# ---- realisasi anggaran, APBD perubahan -----------------------------------------------------------

def build_realisasi(ctx: Ctx) -> Doc:
    doc_type = _chapter_or_report(ctx, "LAPORAN REALISASI ANGGARAN TAHUN {Y}")
    programs = _programs(ctx, ctx.rows(5, 12, per_page=24))
    for it in _flat(programs):
        if it.level == "kegiatan":
            a = amount(ctx, 20, 2000)
            r = int(a * ctx.rng.uniform(0.7, 1.0))
            it.amounts = {("anggaran", ctx.year, "annual"): a, ("realisasi", ctx.year, "annual"): r,
                          ("sisa", ctx.year, "annual"): a - r}
    _amount_table(ctx, "realisasi_anggaran", programs, f"Realisasi Anggaran Tahun {ctx.year}")
    ctx.add(signature(ctx, place_date(ctx, ctx.year + 1, 2)))
    return ctx.doc(doc_type, landscape=False)


def build_apbd_perubahan(ctx: Ctx) -> Doc:
    doc_type = _chapter_or_report(ctx, "PERBANDINGAN ANGGARAN SEBELUM DAN SESUDAH PERUBAHAN TAHUN {Y}")
    programs = _programs(ctx, ctx.rows(5, 12, per_page=24))
    for it in _flat(programs):
        if it.level == "kegiatan":
            before = amount(ctx, 20, 2000)
            after = int(before * ctx.rng.uniform(0.6, 1.3)) // 1000 * 1000
            if ctx.rng.random() < 0.15:
                after = before  # unchanged by the revision
            it.amounts = {("anggaran_sebelum", ctx.year, "annual"): before,
                          ("anggaran_sesudah", ctx.year, "annual"): after,
                          ("selisih", ctx.year, "annual"): after - before}
    _amount_table(ctx, "apbd_perubahan", programs,
                  f"Anggaran Sebelum dan Sesudah Perubahan Tahun {ctx.year}")
    ctx.add(signature(ctx, place_date(ctx, ctx.year + 1, 2)))
    return ctx.doc(doc_type, landscape=False)


def _amount_table(ctx: Ctx, grammar: str, programs: list[Item], title: str) -> None:
    _rolled_up(programs, ctx.year)
    items = _flat(programs) + ([_total(ctx, programs, ctx.year)] if ctx.rng.random() < 0.7 else [])
    rows, n = [], 0
    for it in items:
        number = ""
        if it.level == "program":
            n += 1
            number = f"{n}."
        rows.append(_budget_row(ctx, it, {"no": number}))
    add_table(ctx, lay_out(ctx, grammar, Years(ctx.year), set()), rows, caption(ctx, "3.5", title),
              numbering="paren" if ctx.rng.random() < 0.3 else None)


# ---- Renja program table, RKA/DPA 2.2 --------------------------------------------------------------

def _output_target(ctx: Ctx, row: Row, year: int) -> None:
    """The row's indicator with its target for the year and the next, each printed with its unit
    ("12 Bulan", "100%"): the table has no satuan column."""
    ind = ctx.pick.indicator()
    row.text["indicator"] = row.indicator = ind.name
    row.unit = ind.unit
    for y in (year, year + 1):
        row.put("ind.target", y, print_value(ctx, ind, draw_target(ind, ctx.rng), True))


def build_renja_program(ctx: Ctx) -> Doc:
    letterhead(ctx)
    ctx.add(Heading(f"RENCANA KERJA (RENJA) PERANGKAT DAERAH TAHUN {ctx.year}", 13),
            Heading("RUMUSAN RENCANA PROGRAM DAN KEGIATAN PERANGKAT DAERAH", 11),
            Heading(f"TAHUN {ctx.year} DAN PRAKIRAAN MAJU TAHUN {ctx.year + 1}", 11),
            Heading(ctx.agency.upper(), 11))
    programs = _programs(ctx, ctx.rows(5, 12, per_page=14))
    for it in _flat(programs):
        if it.level == "kegiatan":
            it.amounts = {("anggaran", ctx.year, "annual"): amount(ctx, 20, 2000)}
            if ctx.rng.random() < 0.92:  # a prakiraan maju is sometimes left empty
                it.amounts[("anggaran", ctx.year + 1, "annual")] = amount(ctx, 20, 2000)
    _rolled_up(programs, ctx.year)
    urusan = Item("urusan", _urusan(ctx.agency_base), programs[0].kode[:4], amounts=_sum_up(programs))
    rows = [_budget_row(ctx, urusan, {})]
    for it in _flat(programs):
        row = _budget_row(ctx, it, {"lokasi": ctx.pick.choice(LOCATIONS, short=ctx.region.short),
                                    "sumber_dana": ctx.rng.choice(SUMBER_DANA)})
        if it.level == "kegiatan" or ctx.rng.random() < 0.5:
            _output_target(ctx, row, ctx.year)
        rows.append(row)
    rows.append(_budget_row(ctx, _total(ctx, programs, ctx.year), {}))
    add_table(ctx, lay_out(ctx, "renja_program", Years(ctx.year), set()), rows,
              caption(ctx, "3.1", f"Rencana Program dan Kegiatan Tahun {ctx.year}"),
              numbering="paren" if ctx.rng.random() < 0.5 else None, font_size=6.5)
    ctx.add(signature(ctx, place_date(ctx, ctx.year - 1, 6)))
    return ctx.doc("Renja", landscape=True)


def _urusan(agency_base: str) -> str:
    """The urusan row heading the agency's programs (Permendagri 90/2019 wording): a dinas
    carries a government affair, a badan or inspektorat supports them."""
    kind, _, field = agency_base.partition(" ")
    if kind == "Dinas":
        return f"URUSAN PEMERINTAHAN BIDANG {field.upper()}"
    return "UNSUR PENUNJANG URUSAN PEMERINTAHAN"


def build_dpa(ctx: Ctx) -> Doc:
    letterhead(ctx)
    ctx.add(Heading("DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH", 12),
            Heading(f"{ctx.region.name.upper()} - Tahun Anggaran {ctx.year}", 10),
            Lines([("Urusan Pemerintahan", f"{ctx.rng.randint(1, 3)}.{ctx.rng.randint(1, 26):02d}"),
                   ("Organisasi", ctx.agency_base)]),
            Heading("REKAPITULASI BELANJA LANGSUNG BERDASARKAN PROGRAM DAN KEGIATAN", 11))
    programs = _programs(ctx, ctx.rows(5, 12, per_page=22))
    for it in _flat(programs):
        if it.level == "kegiatan":
            it.amounts = {("anggaran", y, "annual"): amount(ctx, 10, 1500)
                          for y in (ctx.year - 1, ctx.year, ctx.year + 1)}
    _rolled_up(programs, ctx.year)
    cols = lay_out(ctx, "dpa", Years(ctx.year), {"prev"} if ctx.rng.random() < 0.4 else set())
    unit_col = any(c.role == "unit" for c in cols)
    rows = []
    for it in _flat(programs):
        parts = it.kode.split(".")
        row = _budget_row(ctx, it, {"kode_p": parts[2], "kode_k": parts[4] if len(parts) > 4 else ""})
        if it.level == "kegiatan":
            row.text.update(lokasi=ctx.pick.choice(LOCATIONS, short=ctx.region.short),
                            sumber_dana=ctx.rng.choice(SUMBER_DANA))
            _kegiatan_target(ctx, row, unit_col)
        rows.append(row)
    rows.append(_budget_row(ctx, _total(ctx, programs, ctx.year), {}))
    add_table(ctx, cols, rows, None, numbering="plain", font_size=6.5)
    ctx.add(signature(ctx, place_date(ctx, ctx.year, 1)))
    return ctx.doc("other", landscape=True)


def _kegiatan_target(ctx: Ctx, row: Row, unit_col: bool) -> None:
    """The kegiatan's target kinerja: the quantity the kegiatan itself is to reach (the form
    names no indicator, so the kegiatan is its subject), its satuan in a column of its own or
    printed after the number."""
    unit = ctx.rng.choice(("%", "Bulan", "Dokumen", "Paket", "Kegiatan", "Laporan", "Orang", "Unit"))
    value = 100 if unit == "%" else ctx.rng.choice((1, 2, 4, 6, 12, 12, 20, 50))
    row.indicator = row.item
    row.unit = "%" if unit == "%" else unit.lower()
    row.text["unit"] = unit
    if unit_col:
        row.put("ind.target", ctx.year, Printed(str(value), value))
    else:
        text = f"{value}%" if unit == "%" else f"{value} {unit}"
        row.put("ind.target", ctx.year, Printed(text, value, row.unit))


# ---- Renja evaluation per triwulan (Permendagri 86/2017) ---------------------------------------------

def build_renja_eval(ctx: Ctx) -> Doc:
    last = ctx.year + ctx.rng.randint(0, 2)  # the last year of the Renstra period
    upto = ctx.rng.choice((3, 4, 4, 4))  # the triwulan the evaluation reaches
    letterhead(ctx)
    period = f"Triwulan {ROMAN[upto - 1]} Tahun {ctx.year}"
    ctx.add(Heading("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", 12),
            Heading(f"LINGKUP {ctx.region.name.upper()}", 11),
            Lines([("Perangkat Daerah", ctx.agency), ("Periode Pelaksanaan", period)]),
            Heading("Indikator dan target kinerja Perangkat Daerah yang mengacu pada sasaran RKPD: "
                    f"Tahun {ctx.year}", 8, "left"))
    options = {"renstra"} if ctx.rng.random() < 0.5 else set()
    kpair = (ctx.kpair,) if ctx.kpair is not None else (True, False)
    cols = lay_out(ctx, "renja_eval", Years(ctx.year, (last,)), options, kpair)
    programs = _programs(ctx, ctx.rows(4, 9, per_page=9))
    for it in _flat(programs):
        if it.level == "kegiatan":
            it.amounts = _quarterly_amounts(ctx, last, upto)
    _rolled_up(programs, ctx.year)
    rows = _eval_rows(ctx, programs, last, upto)
    rows.append(_budget_row(ctx, _total(ctx, programs, ctx.year), {}))
    if any(c.role.startswith("bud.") for c in cols) and ctx.rng.random() < 0.6:
        _rupiah_below(rows)
    add_table(ctx, cols, rows, None, numbering="plain", font_size=5.5)
    ctx.add(signature(ctx, place_date(ctx, ctx.year + 1, 1)))
    return ctx.doc("Renja", landscape=True)


def _rupiah_below(rows: list[Row]) -> None:
    """Rows printing their K on the first line and their Rp on the second, as exports of the
    form do when K and Rp stand in columns of their own."""
    for row in rows:
        if row.indicator:
            for key, p in list(row.values.items()):
                if key[0].startswith("bud."):
                    row.values[key] = Printed("\n" + p.text, p.value, p.unit)


def _quarterly_amounts(ctx: Ctx, last: int, upto: int) -> dict:
    y = ctx.year
    a = amount(ctx, 20, 1500)
    shares = [ctx.rng.uniform(0.1, 0.3) for _ in range(4)]
    tw = [int(a * s) // 1000 * 1000 for s in shares[:upto]]
    out = {("anggaran", last, "annual"): int(a * ctx.rng.uniform(1.0, 1.3)), ("anggaran", y, "annual"): a,
           ("realisasi", y - 1, "annual"): int(a * ctx.rng.uniform(0.7, 1.0))}
    for q, v in enumerate(tw, 1):
        out[("realisasi", y, f"TW{q}")] = v
    out[("realisasi", y, "annual")] = sum(tw)
    return out


def _eval_rows(ctx: Ctx, programs: list[Item], last: int, upto: int) -> list[Row]:
    """Rows under their sasaran: a sasaran spans its program and kegiatan rows, or two short
    programs' (a span taller than a page cannot be printed)."""
    groups: list[list[Item]] = []
    for prog in programs:
        size = 1 + len(prog.children)
        shared = groups and sum(1 + len(p.children) for p in groups[-1]) + size <= 5
        if shared and ctx.rng.random() < 0.5:
            groups[-1].append(prog)
        else:
            groups.append([prog])
    rows: list[Row] = []
    for n, group in enumerate(groups, 1):
        start = len(rows)
        for it in [i for p in group for i in [p] + p.children]:
            row = _budget_row(ctx, it, {"pj": ctx.rng.choice(UNITS_IN_CHARGE)})
            _renstra_sums(ctx, row, it, last)
            _eval_indicator(ctx, row, last, upto)
            rows.append(row)
        rows[start].text.update(sasaran=ctx.pick.sasaran(), no=str(n))
        rows[start].span.update(sasaran=len(rows) - start, no=len(rows) - start)
    return rows


def _renstra_sums(ctx: Ctx, row: Row, it: Item, last: int) -> None:
    """Renstra realisation up to the year (last year's plus this year's) and its percentage
    of the Renstra target."""
    y = ctx.year
    done = sum(it.amounts.get(("realisasi", year, "annual"), 0) for year in (y - 1, y))
    target = it.amounts.get(("anggaran", last, "annual"))
    row.put("bud.realisasi~renstra", y, money_of(ctx, done))
    if target:
        row.put("bud.persen_realisasi~renstra", y, percent(done / target * 100, 2, ctx.style))


def _eval_indicator(ctx: Ctx, row: Row, last: int, upto: int) -> None:
    """The row's outcome (program) or output (kegiatan) indicator: its K in every column."""
    ind = ctx.pick.indicator()
    y = ctx.year
    row.text["indicator"] = row.indicator = ind.name
    row.unit = ind.unit
    target = draw_target(ind, ctx.rng)
    final = draw_target(ind, ctx.rng) if last != y else target  # the Renstra's last-year target
    k = {("target", y): target, ("target", last): final,
         ("realisasi", y - 1): draw_realisasi(ind, target, ctx.rng)}
    per_quarter = target / 4 if ind.scale == "count" else target  # a count is done bit by bit
    quarters = [draw_realisasi(ind, per_quarter, ctx.rng) for _ in range(upto)]
    for q, v in enumerate(quarters, 1):
        row.put("ind.realisasi", y, print_value(ctx, ind, v, True), f"TW{q}")
    real = sum(quarters) if ind.scale == "count" else quarters[-1]
    k[("realisasi", y)] = real
    for (measure, year), v in k.items():
        row.put(f"ind.{measure}", year, print_value(ctx, ind, v, True))
    row.put("ind.capaian", y, print_capaian(ctx, round(real / target * 100, 2) if target else None))
    # the Renstra columns: done up to the year (a count adds last year's), against the Renstra target
    done = real + k[("realisasi", y - 1)] if ind.scale == "count" else real
    row.put("ind.realisasi~renstra", y, print_value(ctx, ind, done, True))
    row.put("ind.capaian~renstra", y, print_capaian(ctx, round(done / final * 100, 2) if final else None))
