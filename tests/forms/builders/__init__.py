"""The forms: each a builder of a Doc (blocks and facts) from a Ctx, and what it can vary."""

from dataclasses import dataclass
from typing import Callable

from ..model import Doc
from . import budgets, iku, lkjip, pk, plans
from .common import Ctx


@dataclass(frozen=True)
class Form:
    build: Callable[[Ctx], Doc]
    doc_type: str  # as GOLD.md names it ("LKjIP or other": the form decides per document)
    header_rows: tuple[int, ...] = (1, 2, 3)  # the header depths its grammar has
    years: bool = False  # has year columns whose number varies (1-5)
    kpair: bool = False  # has K/Rp pairs (in columns of their own, or stacked in one cell)
    grades: bool = True  # has indicator values that can be graded ("BB (72,14)")


FORMS: dict[str, Form] = {
    "pk": Form(pk.build, "PK"),
    "iku": Form(iku.build, "IKU", grades=False),
    "lkjip": Form(lkjip.build_single, "LKjIP"),
    "lkjip_years": Form(lkjip.build_years, "LKjIP", years=True),
    "renja_eval": Form(budgets.build_renja_eval, "Renja", kpair=True, grades=False),
    "renstra_target": Form(plans.build_renstra, "Renstra", years=True, kpair=True),
    "renstra_eval": Form(plans.build_renstra_eval, "Renstra", years=True),
    "renja_program": Form(budgets.build_renja_program, "Renja", grades=False),
    "rencana_aksi": Form(plans.build_rencana_aksi, "other"),
    "realisasi_anggaran": Form(budgets.build_realisasi, "LKjIP or other", grades=False),
    "apbd_perubahan": Form(budgets.build_apbd_perubahan, "LKjIP or other", grades=False),
    "dpa": Form(budgets.build_dpa, "other", grades=False),
}
