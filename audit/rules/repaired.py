"""Numbers read only after mending a broken hand-typed grouping ('1.234.56'): surfaced so an
auditor confirms the reading the checks went on to use."""

from typing import Iterable

from kinerja.schema import Extraction, Finding

from ..evidence import evidence, place
from ..labels import label
from ..numbers import number

CODE = "repaired-number"


def check(ex: Extraction) -> Iterable[Finding]:
    for r in [*ex.indicators, *ex.budgets]:
        if not r.value.repaired:
            continue
        how = f"; {r.value.read_as}" if r.value.read_as else ""
        message = (f"{label(r)}: {r.value.raw!r} was repaired and read as {r.value.value}{how}"
                   f" (at {place(r.value.provenance)})")
        yield Finding(code=CODE, severity="info", message=message,
                      subject=getattr(r, "indicator", None) or getattr(r, "item", ""),
                      reported=number(r.value), evidence=evidence([r.value]))
