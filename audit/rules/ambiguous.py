"""Numbers the reader could not decide between two readings ('1.250' : 1250 or 1.25): surfaced
so an auditor reads them, since the other checks skip them rather than guess."""

from typing import Iterable

from kinerja.schema import Extraction, Finding

from ..evidence import evidence, place
from ..labels import label
from ..numbers import show

CODE = "ambiguous-number"


def check(ex: Extraction) -> Iterable[Finding]:
    for r in [*ex.indicators, *ex.budgets]:
        if not r.value.ambiguous:
            continue
        readings = " or ".join(f"{_shown(x.value)} ({x.style})" for x in r.value.readings) or "no reading"
        message = (f"{label(r)}: {r.value.raw!r} reads as {readings}; left unread, not checked"
                   f" (at {place(r.value.provenance)})")
        yield Finding(code=CODE, severity="info", message=message, subject=_name(r),
                      evidence=evidence([r.value]))


def _shown(x) -> str:
    return show(x) if isinstance(x, (int, float)) else repr(x)


def _name(r) -> str:
    return getattr(r, "indicator", None) or getattr(r, "item", "")
