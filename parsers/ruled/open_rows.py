"""Rows cut by a page break: a ruled table whose row runs on over the break draws that row's
closing ruling on one page only, so on the other the row has no top (or no bottom) border and
its cells never close. The table's verticals still run on past its first (or last) horizontal
ruling to where the row's text stops: the missing ruling is drawn there, across the verticals
that end together."""

MIN_OPEN = 2  # verticals ending together without a crossing ruling, to close a row


def closing_edges(h: list[list], v: list[list], snap: float, min_row: float) -> list[list]:
    """Horizontal edges [x0, y, x1, y, width, 0] closing rows left open at a table's top or
    bottom. Edges are lists [x0, top, x1, bottom, width, height], top-left coordinates."""
    out = []
    for at, beyond in ((1, min), (3, max)):  # open tops, then open bottoms
        for group in _open_ends(h, v, at, snap):
            if not all(_crossing_ys(h, e, snap) for e in group):
                continue  # verticals of no table
            # the table's outermost ruling over these verticals: the open end lies past it
            over = [e[1] for e in h if any(e[0] - snap <= ve[0] <= e[2] + snap for ve in group)]
            y = sum(e[at] for e in group) / len(group)
            edge = beyond(over)
            if abs(y - edge) >= min_row and beyond(y, edge) == y:
                x0, x1 = min(e[0] for e in group), max(e[0] for e in group)
                out.append([x0, y, x1, y, x1 - x0, 0.0])
    return out


def _open_ends(h: list[list], v: list[list], at: int, snap: float) -> list[list[list]]:
    """Verticals whose end (top: at=1, bottom: at=3) no horizontal ruling crosses, grouped by
    the height they end at."""
    ends = sorted((e for e in v if not _crossed(h, e[0], e[at], snap)), key=lambda e: e[at])
    groups: list[list[list]] = []
    for e in ends:
        if groups and e[at] - groups[-1][-1][at] <= snap:
            groups[-1].append(e)
        else:
            groups.append([e])
    return [g for g in groups if len(g) >= MIN_OPEN]


def _crossed(h: list[list], x: float, y: float, snap: float) -> bool:
    return any(abs(e[1] - y) <= snap and e[0] - snap <= x <= e[2] + snap for e in h)


def _crossing_ys(h: list[list], ve: list, snap: float) -> list[float]:
    return [e[1] for e in h if ve[1] - snap <= e[1] <= ve[3] + snap and e[0] - snap <= ve[0] <= e[2] + snap]
