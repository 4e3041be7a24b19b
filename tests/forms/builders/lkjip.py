"""LKjIP chapter III, Pengukuran Kinerja (PermenPANRB 53/2014): target, realisasi and capaian
per indicator for the year, or over several years (realisasi of earlier years beside the year's
target, realisasi and capaian; or a block of the three for every year)."""

from ..layouts import Years
from ..model import Doc, Heading, Row
from ..names import Indicator
from .common import (
    Ctx,
    add_table,
    capaian,
    caption,
    draw_realisasi,
    draw_target,
    graded_score,
    grouped_rows,
    indicator_row,
    indicators,
    lay_out,
    letterhead,
    place_date,
    print_capaian,
    print_value,
    prose,
    sasaran_groups,
    signature,
)


def build_single(ctx: Ctx) -> Doc:
    return _report(ctx, "lkjip", Years(ctx.year))


def build_years(ctx: Ctx) -> Doc:
    n = ctx.years or ctx.rng.randint(2, 5)
    return _report(ctx, "lkjip_years", Years(ctx.year, tuple(range(ctx.year - n + 1, ctx.year + 1))))


def _report(ctx: Ctx, grammar: str, years: Years) -> Doc:
    letterhead(ctx)
    ctx.add(Heading(f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {ctx.year}", 13),
            Heading(ctx.agency.upper(), 11), Heading("BAB III AKUNTABILITAS KINERJA", 11),
            Heading("3.1 Capaian Kinerja Organisasi", 10, "left"))
    prose(ctx, "Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap indikator "
               "kinerja sasaran yang telah ditetapkan dalam Perjanjian Kinerja Tahun {year}.",
          "Capaian kinerja {agency} disajikan pada tabel berikut.")
    unit_col = ctx.rng.random() < 0.8
    rows = [_measured(ctx, ind, years, unit_col) for ind in indicators(ctx, ctx.rows(3, 8, per_page=15))]
    cols = lay_out(ctx, grammar, years, {"unit"} if unit_col else set())
    add_table(ctx, cols, grouped_rows(sasaran_groups(ctx, rows)),
              caption(ctx, "3.1", f"Pengukuran Kinerja Tahun {ctx.year}"),
              numbering="plain" if ctx.rng.random() < 0.3 else None)
    prose(ctx, "Secara umum sasaran strategis {agency} pada tahun {year} telah tercapai dengan baik.")
    ctx.add(signature(ctx, place_date(ctx, ctx.year + 1, 2)))
    return ctx.doc("LKjIP", landscape=False, footer=f"LKjIP {ctx.agency} Tahun {ctx.year}")


def _measured(ctx: Ctx, ind: Indicator, years: Years, unit_col: bool) -> Row:
    """Target, realisasi and capaian of every year of the table: the layout prints those it has
    columns for (and only those become facts). A realisasi not yet known prints "-"."""
    row = indicator_row(ind, unit_col)
    score = graded_score(ctx)
    for year in years.years or (years.Y,):
        target = draw_target(ind, ctx.rng)
        row.put("ind.target", year, print_value(ctx, ind, target, not unit_col, score))
        if ctx.rng.random() < 0.06:
            continue
        real = draw_realisasi(ind, target, ctx.rng)
        printed = print_value(ctx, ind, real, not unit_col, score)
        row.put("ind.realisasi", year, printed)
        target_printed = row.values[("ind.target", year, "annual")]
        if isinstance(printed.value, str) or isinstance(target_printed.value, str):
            continue  # a bare grade has no percentage of achievement
        row.put("ind.capaian", year, print_capaian(ctx, capaian(target_printed.value, printed.value)))
    return row
