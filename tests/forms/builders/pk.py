"""Perjanjian Kinerja (PermenPANRB 53/2014): the agreement, then its lampiran tables of
targets per sasaran and of program budgets."""

from ..layouts import Years
from ..model import Doc, Heading, Lines, PageBreak, Para, Row
from .common import (
    Ctx,
    add_table,
    amount,
    draw_target,
    graded_score,
    grouped_rows,
    indicator_row,
    indicators,
    lay_out,
    letterhead,
    money_of,
    place_date,
    print_value,
    sasaran_groups,
    signature,
)

TOTALS = ("Jumlah", "JUMLAH", "TOTAL", "Jumlah Anggaran", "Total Anggaran")


def build(ctx: Ctx) -> Doc:
    letterhead(ctx)
    _agreement(ctx)
    ctx.add(PageBreak(), Heading(f"PERJANJIAN KINERJA TAHUN {ctx.year}", 11),
            Heading(ctx.agency.upper(), 10))
    _targets(ctx)
    _budget(ctx)
    ctx.add(signature(ctx, place_date(ctx, ctx.year, 1), with_head=True))
    return ctx.doc("PK", landscape=False)


def _agreement(ctx: Ctx) -> None:
    head = ctx.pick.person()
    ctx.add(Heading(f"PERJANJIAN KINERJA TAHUN {ctx.year}", 12),
            Para("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
                 "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"),
            Lines([("Nama", ctx.pick.person()), ("Jabatan", f"{ctx.leader} {ctx.region.name}".upper())]),
            Para("Selanjutnya disebut pihak pertama"),
            Lines([("Nama", head), ("Jabatan", ctx.region.head.upper())]),
            Para("Selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua."),
            Para("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
                 "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
                 "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
                 "kinerja tersebut menjadi tanggung jawab kami."),
            Para("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
                 "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
                 "dalam rangka pemberian penghargaan dan sanksi."),
            signature(ctx, place_date(ctx, ctx.year, 1), with_head=True))


def _targets(ctx: Ctx) -> None:
    unit_col = ctx.rng.random() < 0.75
    options = {"unit"} if unit_col else set()
    if ctx.rng.random() < 0.3:
        options.add("baseline")
    rows = []
    for ind in indicators(ctx, ctx.rows(3, 8, per_page=16)):
        row = indicator_row(ind, unit_col)
        target = draw_target(ind, ctx.rng)
        score = graded_score(ctx)
        row.put("ind.target", ctx.year, print_value(ctx, ind, target, not unit_col, score))
        if "baseline" in options:
            base = draw_target(ind, ctx.rng)
            row.put("ind.baseline", ctx.year - 1, print_value(ctx, ind, base, not unit_col, score))
        rows.append(row)
    cols = lay_out(ctx, "pk_targets", Years(ctx.year), options)
    add_table(ctx, cols, grouped_rows(sasaran_groups(ctx, rows)), None,
              numbering="paren" if ctx.rng.random() < 0.3 else None)


def _budget(ctx: Ctx) -> None:
    rows, total = [], 0
    for n in range(1, ctx.rng.randint(3, 7) + 1):
        value = amount(ctx)
        total += value
        row = Row(text={"no": f"{n}.", "name": ctx.pick.program(), "ket": ctx.rng.choice(("APBD", "-", ""))})
        row.item = row.text["name"]
        row.put("bud.anggaran", ctx.year, money_of(ctx, value))
        rows.append(row)
    if ctx.rng.random() < 0.7:
        name = ctx.rng.choice(TOTALS)
        total_row = Row(text={"name": name}, item=name, bold=True)
        total_row.put("bud.anggaran", ctx.year, money_of(ctx, total))
        rows.append(total_row)
    add_table(ctx, lay_out(ctx, "pk_budget", Years(ctx.year), set()), rows, None)
