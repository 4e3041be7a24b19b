"""Plans by year: the Renstra target matrix (sasaran level, or program and kegiatan with their
funding), the evaluation of the previous Renstra (Permendagri 86/2017), and the Rencana Aksi
with its triwulan targets (PermenPANRB 53/2014)."""

from ..layouts import Years
from ..model import Doc, Heading, Row
from ..names import UNITS_IN_CHARGE
from .budgets import program_tree
from .common import (
    Ctx,
    add_table,
    amount,
    capaian,
    caption,
    draw_realisasi,
    draw_series,
    draw_target,
    graded_score,
    grouped_rows,
    indicator_row,
    indicators,
    lay_out,
    letterhead,
    money_of,
    place_date,
    print_capaian,
    print_value,
    prose,
    sasaran_groups,
    signature,
)


def _period(ctx: Ctx, default: int = 5) -> Years:
    """A Renstra's years (the document's year is the first of them)."""
    n = ctx.years or default
    return Years(ctx.year, tuple(range(ctx.year, ctx.year + n)))


def _renstra_heading(ctx: Ctx, years: Years, chapter: str) -> None:
    letterhead(ctx)
    ctx.add(Heading(f"RENCANA STRATEGIS {ctx.agency.upper()}", 13),
            Heading(f"TAHUN {years.years[0]}-{years.years[-1]}", 12), Heading(chapter, 11))


def build_renstra(ctx: Ctx) -> Doc:
    """Targets of the period's years beside Kondisi Awal (the year before) and Kondisi Akhir (the
    last year's target, printed again): one fact with it."""
    years = _period(ctx, ctx.rng.choice((4, 5, 5)))
    _renstra_heading(ctx, years, "BAB VI RENCANA PROGRAM DAN KEGIATAN SERTA PENDANAAN")
    prose(ctx, "Target kinerja sasaran {agency} selama periode Renstra disajikan pada tabel berikut.")
    if ctx.rng.random() < 0.5:
        _sasaran_targets(ctx, years)
    else:
        _program_targets(ctx, years)
    ctx.add(signature(ctx, place_date(ctx, ctx.year)))
    return ctx.doc("Renstra", landscape=True)


def _targets_row(ctx: Ctx, row: Row, ind, years: Years, unit_col: bool) -> None:
    """The baseline (the year before the period) and each year's target."""
    score = graded_score(ctx)
    keys = [("baseline", years.years[0] - 1)] + [("target", y) for y in years.years]
    for (measure, year), value in zip(keys, draw_series(ind, ctx.rng, len(keys))):
        row.put(f"ind.{measure}", year, print_value(ctx, ind, value, not unit_col, score))


def _sasaran_targets(ctx: Ctx, years: Years) -> None:
    unit_col = ctx.rng.random() < 0.85
    rows = []
    for ind in indicators(ctx, ctx.rows(3, 8, per_page=14)):
        row = indicator_row(ind, unit_col)
        _targets_row(ctx, row, ind, years, unit_col)
        rows.append(row)
    cols = lay_out(ctx, "renstra_target", years, {"unit"} if unit_col else set())
    add_table(ctx, cols, grouped_rows(sasaran_groups(ctx, rows)),
              caption(ctx, "6.1", "Target Kinerja Sasaran Perangkat Daerah"), numbering=None)


def _program_targets(ctx: Ctx, years: Years) -> None:
    """Program and kegiatan rows: each year's K (with its unit) and Rp."""
    rows = []
    for level, name, kode in program_tree(ctx, ctx.rows(4, 9, per_page=9)):
        ind = ctx.pick.indicator()
        row = Row(text={"kode": kode, "name": name, "indicator": ind.name,
                        "pj": ctx.rng.choice(UNITS_IN_CHARGE), "lokasi": ctx.region.short},
                  indicator=ind.name, item=name, bold=level == "program")
        _targets_row(ctx, row, ind, years, unit_col=False)
        for year in years.years:
            row.put("bud.anggaran", year, money_of(ctx, amount(ctx, 50, 3000)))
        rows.append(row)
    kpair = (ctx.kpair,) if ctx.kpair is not None else (True, False)
    cols = lay_out(ctx, "renstra_program", years, set(), kpair)
    add_table(ctx, cols, rows, caption(ctx, "6.1", "Rencana Program, Kegiatan dan Pendanaan"),
              numbering="plain" if ctx.rng.random() < 0.5 else None, font_size=6.5)


def build_renstra_eval(ctx: Ctx) -> Doc:
    """A new Renstra reviewing the years of the previous one: target, realisasi and rasio capaian
    per year of the review."""
    years = _period(ctx)
    n = ctx.years or ctx.rng.randint(3, 5)
    reviewed = Years(ctx.year, tuple(range(ctx.year - n, ctx.year)))
    _renstra_heading(ctx, years, "BAB II GAMBARAN PELAYANAN PERANGKAT DAERAH")
    prose(ctx, "Pencapaian kinerja pelayanan {agency} selama periode Renstra sebelumnya disajikan "
               "pada tabel berikut.")
    unit_col = ctx.rng.random() < 0.7
    rows = []
    for n_row, ind in enumerate(indicators(ctx, ctx.rows(3, 9, per_page=15)), 1):
        row = indicator_row(ind, unit_col)
        row.text["no"] = str(n_row)
        score = graded_score(ctx)
        for year in reviewed.years:
            target = draw_target(ind, ctx.rng)
            real = draw_realisasi(ind, target, ctx.rng)
            t, r = (print_value(ctx, ind, v, not unit_col, score) for v in (target, real))
            row.put("ind.target", year, t)
            row.put("ind.realisasi", year, r)
            if not isinstance(t.value, str) and not isinstance(r.value, str):
                row.put("ind.capaian", year, print_capaian(ctx, capaian(t.value, r.value)))
        rows.append(row)
    cols = lay_out(ctx, "renstra_eval", reviewed, {"unit"} if unit_col else set())
    add_table(ctx, cols, rows, caption(ctx, "2.1", f"Pencapaian Kinerja Pelayanan {ctx.agency}"),
              numbering=None, font_size=6.5)
    ctx.add(signature(ctx, place_date(ctx, ctx.year)))
    return ctx.doc("Renstra", landscape=True)


def build_rencana_aksi(ctx: Ctx) -> Doc:
    """Each indicator's year target and its target for every triwulan (cumulative or not)."""
    letterhead(ctx)
    ctx.add(Heading(f"RENCANA AKSI KINERJA TAHUN {ctx.year}", 13), Heading(ctx.agency.upper(), 11))
    unit_col = ctx.rng.random() < 0.8
    options = ({"unit"} if unit_col else set()) | ({"budget"} if ctx.rng.random() < 0.4 else set())
    rows = []
    for ind in indicators(ctx, ctx.rows(3, 8, per_page=15)):
        row = indicator_row(ind, unit_col)
        row.text["pj"] = ctx.rng.choice(UNITS_IN_CHARGE)
        _quarters(ctx, row, ind, unit_col)
        if "budget" in options:  # the program carrying the indicator, and its budget
            row.item = row.text["name"] = ctx.pick.program()
            row.put("bud.anggaran", ctx.year, money_of(ctx, amount(ctx, 20, 900)))
        rows.append(row)
    cols = lay_out(ctx, "rencana_aksi", Years(ctx.year), options)
    add_table(ctx, cols, grouped_rows(sasaran_groups(ctx, rows)), None,
              numbering="paren" if ctx.rng.random() < 0.3 else None)
    ctx.add(signature(ctx, place_date(ctx, ctx.year, 1)))
    return ctx.doc("other", landscape=True)


def _quarters(ctx: Ctx, row: Row, ind, unit_col: bool) -> None:
    """The year's target and each triwulan's: reached step by step (cumulative), a count shared
    out over the quarters, or the same level every quarter; a grade only in the last."""
    target = draw_target(ind, ctx.rng)
    score = graded_score(ctx)
    row.put("ind.target", ctx.year, print_value(ctx, ind, target, not unit_col, score))
    cumulative = ctx.rng.random() < 0.6
    decimals = 0 if ind.scale == "count" else 2
    for q in range(1, 5):
        if ind.scale.startswith("grade:"):
            value = target if q == 4 else None
        elif cumulative:
            value = round(target * q / 4, decimals)
        else:
            value = round(target / 4) if ind.scale == "count" else target
        if value is not None:
            row.put("ind.target", ctx.year, print_value(ctx, ind, value, not unit_col, score), f"TW{q}")
