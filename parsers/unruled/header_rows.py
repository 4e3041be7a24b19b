"""Header rows of a table without rulings whose labels are centred in their cells.

Centred, each label starts at its own height ('Kode' halfway down a two-row header beside
'Target' over 'Tahun-1 | Tahun-2'), and every start would open a row of its own. Above the
first row holding a value, a label is on the level under the labels above it in its columns;
the header has one row per level.
"""

from typing import Optional

from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.unruled.blocks import ROW_GAP, SAME_TOP, Block, blocks, line_spacing, row_tops

MIN_ZONE_TOPS = 3  # row tops above the body below which a header has no level to merge


def header_apart(found: list[Block], tops: list[float], placed, n_cols: int,
                 height: float) -> tuple[list[Block], list[float]]:
    """Rows found from the body's items leave the lines above the first value as one row; a
    header of group labels over sub-labels ('TARGET TRIWULAN' over 'I | II | III | IV') is
    read apart, from its own blocks and levels."""
    body = _body_top(found, tops, height)
    if body is None or body == tops[0]:
        return found, tops
    cut = body - SAME_TOP * height
    head = [p for p in placed if p[2].box.y0 < cut]
    head_blocks = blocks(head, n_cols, line_spacing(head, n_cols) + ROW_GAP * height)
    found = head_blocks + [b for b in found if b.top >= cut]
    all_tops = row_tops(head_blocks, height) + [t for t in tops if t >= cut]
    return found, header_levels(found, all_tops, height)


def _body_top(found: list[Block], tops: list[float], height: float) -> Optional[float]:
    """The first row top with a value on its first line."""
    return next((t for t in tops if any(abs(s.box.y0 - t) <= SAME_TOP * height and is_value(s.text)
                                        for b in found for s in b.parts)), None)


def header_levels(found: list[Block], tops: list[float], height: float) -> list[float]:
    """The row tops with the header's own merged into one per level (module docstring); a
    label with none under it reaches down to the header's last row."""
    body = _body_top(found, tops, height)
    if body is None:
        return tops
    zone = [t for t in tops if t < body - SAME_TOP * height]
    labels = sorted((b for b in found if b.top < body - SAME_TOP * height), key=lambda b: b.top)
    if len(zone) < MIN_ZONE_TOPS:
        return tops
    level: dict[int, int] = {}
    for b in labels:
        above = [level[id(a)] for a in labels if id(a) in level and _over(a, b)]
        level[id(b)] = 1 + max(above, default=-1)
    n_levels = 1 + max(level.values(), default=0)
    if n_levels >= len(zone):
        return tops
    heads = [min(b.top for b in labels if level[id(b)] == k) for k in range(n_levels)]
    if heads != sorted(heads):
        return tops
    bottom = body - SAME_TOP * height
    for b in labels:
        if not any(_over(b, c) for c in labels):
            b.reach = max(b.reach, bottom)
    return heads + [t for t in tops if t >= body - SAME_TOP * height]


def _over(a: Block, b: Block) -> bool:
    """a stands above b, in a column b also fills."""
    return a is not b and a.first <= b.last and b.first <= a.last and a.bottom <= b.top + 1.0
