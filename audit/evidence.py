"""Where values were read: the provenance a finding carries and the short place names it prints."""

from typing import Iterable, Optional

from kinerja.schema import Provenance, Value


def evidence(values: Iterable[Optional[Value]]) -> list[Provenance]:
    """The provenance of every value involved, once each, in order."""
    out: list[Provenance] = []
    seen: set[str] = set()
    for v in values:
        if v is None or v.provenance is None:
            continue
        key = v.provenance.model_dump_json()
        if key not in seen:
            seen.add(key)
            out.append(v.provenance)
    return out


def place(p: Optional[Provenance]) -> str:
    """'line 40', 'lines 40-41 (table 3, row 2)', 'p. 7 (table 1)'."""
    if p is None:
        return "unknown place"
    if p.line_start is not None:
        where = f"line {p.line_start}" if p.line_end in (None, p.line_start) else \
            f"lines {p.line_start}-{p.line_end}"
    elif p.page is not None:
        where = f"p. {p.page}"
    else:
        where = p.file
    cell = [f"table {p.table}"] if p.table is not None else []
    cell += [f"row {p.row}"] if p.row is not None and p.table is not None else []
    return f"{where} ({', '.join(cell)})" if cell else where


def places(values: Iterable[Value], limit: int = 4) -> str:
    """The places of several values: 'line 478, line 547, ... (10 places)'."""
    names = list(dict.fromkeys(place(v.provenance) for v in values))
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])}, ... ({len(names)} places)"
