"""Indikator Kinerja Utama decree (PermenPANRB 53/2014): per sasaran its key indicators with
their formula, data source and the unit in charge; sometimes satuan and target beside them."""

from ..facts import definition_fact
from ..layouts import Years
from ..model import Doc, Heading, Para
from ..names import SUMBER_DATA, UNITS_IN_CHARGE
from .common import (
    Ctx,
    add_table,
    draw_target,
    graded_score,
    grouped_rows,
    indicator_row,
    lay_out,
    letterhead,
    place_date,
    print_value,
    sasaran_groups,
    signature,
)


def build(ctx: Ctx) -> Doc:
    letterhead(ctx)
    ctx.add(Heading(f"KEPUTUSAN {ctx.leader.upper()} {ctx.region.name.upper()}", 11),
            Heading(f"NOMOR: 050/{ctx.rng.randint(10, 999)}/{ctx.year}", 10),
            Heading("TENTANG", 10),
            Heading(f"PENETAPAN INDIKATOR KINERJA UTAMA {ctx.agency.upper()} TAHUN {ctx.year}", 11),
            Para("Indikator Kinerja Utama merupakan ukuran keberhasilan dari tujuan dan sasaran strategis "
                 "perangkat daerah yang ditetapkan sebagai acuan pengukuran kinerja."),
            Heading("INDIKATOR KINERJA UTAMA (IKU)", 11), Heading(ctx.agency.upper(), 10))
    _matrix(ctx)
    ctx.add(signature(ctx, place_date(ctx, ctx.year, 1)))
    return ctx.doc("IKU", landscape=True)


def _matrix(ctx: Ctx) -> None:
    options = {o for o in ("unit", "target") if ctx.rng.random() < 0.5}
    if ctx.header_rows == 3:
        options.add("target")  # the decree's third header row is the target's year
    unit_col = "unit" in options
    rows = []
    for _ in range(ctx.rows(3, 7, per_page=9)):
        ind, formula = ctx.pick.definition()
        row = indicator_row(ind, unit_col)
        row.text.update(formula=formula, sumber=ctx.rng.choice(SUMBER_DATA),
                        pj=ctx.rng.choice(UNITS_IN_CHARGE))
        printed_unit = None
        if "target" in options:
            target = print_value(ctx, ind, draw_target(ind, ctx.rng), not unit_col, graded_score(ctx))
            row.put("ind.target", ctx.year, target)
            printed_unit = target.unit
        # the decree states the unit through a satuan column, or with the target's figure (the
        # gold gives a definition the unit its indicator is stated in, as a reader would)
        ctx.facts.append(definition_fact(ind.name, ind.unit if unit_col else printed_unit, formula))
        rows.append(row)
    add_table(ctx, lay_out(ctx, "iku", Years(ctx.year), options), grouped_rows(sasaran_groups(ctx, rows)),
              None, numbering="paren" if ctx.rng.random() < 0.4 else None)
