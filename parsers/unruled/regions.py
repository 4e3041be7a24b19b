"""Regions of a page that hold one table without rulings each.

Lines run together while no wide vertical gap separates them, and a run holding several
lines split into segments by wide gaps may hold tables. The run is cut at prose running over
the columns from the first one (several lines of it, lines filling the width, or lines
followed by the table's header again), and between two parts whose text runs over each
other's gutters (two tables set one under the other). Captions and headings above a table
are trimmed, and text below it unless it is the tail of the last row.
"""

import re

from kinerja.parsers.grid.headers import is_value
from kinerja.parsers.page.lines import Line
from kinerja.parsers.unruled.columns import Gutter, crosses, gutters, numbering_line
from kinerja.parsers.unruled.blocks import ROW_GAP

MIN_ROWS = 3  # lines with several segments a region needs
MIN_COLS = 3  # two-column layouts (signature blocks, forms) are not data tables
REGION_GAP = 2.2  # line heights: a larger vertical gap ends a region
PROSE_RUN = 3  # this many lines running over the gutters in a row are text between tables
MAX_OVER = 0.25  # share of a part's lines that may run over the other part's gutters
LABEL = 30  # characters: a header label is short
WIDE = 0.8  # share of the table's width a line of prose fills
SPACED = 1.15  # a gap up to this many times the widest one above continues a run
WRAP_GAP = 1.0  # line heights: a trailing one-column line closer than this wraps a cell
FIRST_LABELS = {"no", "nomor"}  # the label a SAKIP table's header opens with
HEADER_LINES = 3  # lines a header spans at most above its 'No' line
CAPTION = re.compile(r"^(tabel|table|gambar|grafik|lampiran)\b", re.I)


def height_of(lines: list[Line]) -> float:
    heights = sorted(ln.box.height for ln in lines)
    return heights[len(heights) // 2] if heights else 10.0


def _runs(lines: list[Line], height: float) -> list[list[Line]]:
    out: list[list[Line]] = [[]]
    for line in lines:
        if out[-1] and line.box.y0 - out[-1][-1].box.y1 > REGION_GAP * max(height, 1.0) \
                and not _spaced_row(out[-1], line):
            out.append([])
        out[-1].append(line)
    return [r for r in out if sum(len(ln.segments) >= 2 for ln in r) >= MIN_ROWS]


def _spaced_row(run: list[Line], line: Line) -> bool:
    """A row of a list printed with wide spacing (a scanned list set one and a half lines
    apart, items a blank line apart): a line in columns no farther below the run than the
    run's own rows are apart."""
    if len(line.segments) < 2 or sum(len(ln.segments) >= 2 for ln in run) < 2:
        return False
    widest = max(b.box.y0 - a.box.y1 for a, b in zip(run, run[1:]))
    return line.box.y0 - run[-1].box.y1 <= SPACED * widest


def _spread(line: Line, cuts: list[Gutter]) -> bool:
    """A line of prose over the table's columns: one segment from the first column that runs
    over a gutter."""
    if len(line.segments) != 1 or not cuts:
        return False
    seg = line.segments[0]
    return seg.box.x0 < cuts[0].x0 and crosses(seg, cuts) >= 1


def _same_columns(a: list[Line], b: list[Line], height: float) -> bool:
    """Two parts of a run are one table unless the text of each runs over the other's gutters
    on several lines (labels spanning columns aside). One way only is one table whose part
    has a column split by a wide space (a formula, an amount after 'Rp'). The header's
    labels over a body of values may span its columns: only the upper part's lines from its
    first value are checked."""
    past = _past_header(a)
    labels = a[:len(a) - len(past)]
    checked = past if _past_header(b) and _header_labels(labels) else a
    return _passes(checked, gutters(b, height)) or _passes(b, gutters(a, height))


HEADER_COLS = 4  # labels side by side on a header's line (a diagram's rows hold two or three boxes)


def _header_labels(lines: list[Line]) -> bool:
    """Lines that read as a table's header: labels side by side on some line."""
    return any(len(ln.segments) >= HEADER_COLS for ln in lines)


def _past_header(lines: list[Line]) -> list[Line]:
    """The lines from the first one holding a value: the header's labels above may span the
    columns below (an 'Indikator Kinerja' over 'Tolok Ukur | Target'); none when no line
    does (a header alone, its labels centred in cells of different heights)."""
    first = next((i for i, ln in enumerate(lines) if any(is_value(s.text) for s in ln.segments)),
                 len(lines))
    return lines[first:]


def _passes(lines: list[Line], cuts: list[Gutter]) -> bool:
    over = sum(1 for ln in lines if any(crosses(s, cuts) for s in ln.segments))
    return over <= max(1, MAX_OVER * len(lines))


def _split(run: list[Line], height: float) -> list[list[Line]]:
    """The run cut into tables: at prose running over the columns for several lines or
    between parts whose columns differ, and between two tables set one right under the
    other; the ends of each part trimmed."""
    multi = [ln for ln in run if len(ln.segments) >= 2]
    cuts = gutters(multi, height)
    if not cuts:
        return []
    spread = [_spread(ln, cuts) for ln in run]
    parts: list[list[Line]] = [[]]
    i = 0
    while i < len(run):
        j = i
        while j < len(run) and spread[j] == spread[i]:
            j += 1
        chunk = run[i:j]
        if not spread[i]:
            pieces = _cut_by_columns(chunk, height)
            if parts[-1] and not _same_columns(parts[-1], pieces[0], height):
                parts.append([])
            parts[-1].extend(pieces[0])
            parts += pieces[1:]
        elif parts[-1] and j < len(run) and not _prose(chunk, parts[-1], run[j]):
            parts[-1].extend(chunk)  # rows spanning all columns, unless the next part differs
        else:
            parts.append([])
        i = j
    return [_trim(p, height) for p in parts if p]


def _prose(chunk: list[Line], above: list[Line], following: Line) -> bool:
    """Lines over the columns that are text between two tables, not a row spanning all
    columns: several of them, or two or more filling the width, or followed by a header
    (the table's own again, or a line of short labels without a value)."""
    left = min(ln.box.x0 for ln in above)
    width = max(ln.box.x1 for ln in above) - left
    wide = chunk[0].box.x1 - min(chunk[0].box.x0, left) >= WIDE * width
    header = [s.text for s in above[0].segments] == [s.text for s in following.segments]
    return len(chunk) >= PROSE_RUN or (len(chunk) >= 2 and wide) or header or \
        _labels(following)


def _labels(line: Line) -> bool:
    """A line of short labels, none a value: a header row."""
    texts = [s.text for s in line.segments]
    return len(texts) >= MIN_COLS and all(len(t) <= LABEL and not is_value(t) for t in texts)


def _cut_by_columns(lines: list[Line], height: float) -> list[list[Line]]:
    """Lines cut where the part above and the part below have different columns (checked
    only at gaps wider than the line spacing, where rows and tables end)."""
    gaps = sorted(b.box.y0 - a.box.y1 for a, b in zip(lines, lines[1:]))
    if not gaps:
        return [lines]
    limit = gaps[len(gaps) // 10] + ROW_GAP * height
    out, start = [], 0
    for i in range(1, len(lines)):
        if lines[i].box.y0 - lines[i - 1].box.y1 <= limit:
            continue
        above, below = lines[start:i], lines[i:]
        if _numbered(above) and not _numbered(below) and not _header_restart(below):
            continue  # rows under a header that numbers its columns are that table's, however they wrap
        if _multi(above) >= 2 and _multi(below) >= 2 and not _same_columns(above, below, height):
            out.append(above)
            start = i
    out.append(lines[start:])
    return out


def _header_restart(lines: list[Line]) -> bool:
    """A new table's header among the first lines: a line of short labels opening with 'No' (a
    PK's budget table printed right under its indicator table)."""
    return any(_labels(ln) and _opens_with_no(ln) for ln in lines[:HEADER_LINES])


def _numbered(lines: list[Line]) -> bool:
    """A column numbering row ('(1) (2) (3) ...') among the lines: a table's header ends there."""
    return any(numbering_line(ln) for ln in lines)


def _multi(lines: list[Line]) -> int:
    return sum(len(ln.segments) >= 2 for ln in lines)


def label_value(line: Line) -> bool:
    """A form's 'Label : value' line ('Perangkat Daerah      : Inspektorat'): two segments, the
    second opening with the colon."""
    return len(line.segments) == 2 and line.segments[1].text.lstrip().startswith(":")


def _trim(part: list[Line], height: float) -> list[Line]:
    """Leading one-segment lines and 'Label : value' lines are text above the table (a caption, a
    heading, a form's fields); trailing
    ones are kept as the wrapped tail of the last row, or as a last row of one cell when set
    off no wider than the table's rows are and inside one column."""
    start = next((i for i, ln in enumerate(part) if len(ln.segments) >= 2 and not label_value(ln)), len(part))
    start -= _labels_over(part[:start], part[start:], height)
    part = part[start:]
    end = len(part)
    while end > 0 and len(part[end - 1].segments) < 2:
        end -= 1
    gaps = sorted(b.box.y0 - a.box.y1 for a, b in zip(part[:end], part[1:end]))
    rows = [g for g in gaps if g > gaps[0] + ROW_GAP * height] if gaps else []
    row_gap = rows[len(rows) // 2] + 0.3 * height if rows else WRAP_GAP * height
    cuts = gutters(part[:end], height)
    k = end
    while k < len(part) and part[k].box.y0 - part[k - 1].box.y1 <= max(row_gap, WRAP_GAP * height) \
            and not any(crosses(s, cuts) for s in part[k].segments):
        k += 1
    return part[:k]


def _labels_over(above: list[Line], table: list[Line], height: float) -> int:
    """How many one-segment lines right above the header are its top labels: a short label
    over one column ('Target' over '2017', 'Anggaran' over '(Rp)'), set no farther above than
    a wrapped line, that reaches over no more than half of any gutter (a title, a caption or
    a group label reaches over them). One gutter narrower than a line may pass under it:
    inside one column, it parts a centred label from right-aligned figures."""
    multi = [ln for ln in table if len(ln.segments) >= 2]
    if not multi:
        return 0
    cuts = gutters(multi, height)
    wide = [g for g in cuts if g.x1 - g.x0 >= height]
    left, right = min(ln.box.x0 for ln in multi), max(ln.box.x1 for ln in multi)
    k, below = 0, table[0]
    for ln in reversed(above):
        seg = ln.segments[0] if len(ln.segments) == 1 else None
        if seg is None or len(seg.text) > LABEL or is_value(seg.text) or CAPTION.match(seg.text) \
                or below.box.y0 - ln.box.y1 > WRAP_GAP * height:
            break
        if (crosses(seg, cuts) > 1 or any(_overlap(seg.box, g) > (g.x1 - g.x0) / 2 for g in wide)) \
                and not (k == 0 and _opens_with_no(below) and _group_label(seg.box, left, right, height)) \
                and not _stacked_on(seg, below, height):
            break
        k, below = k + 1, ln
    return k


def _stacked_on(seg, below: Line, height: float) -> bool:
    """A label centred on a segment of the line right under it, no more than twice as wide: the
    first line of a tall label set higher than its neighbours ('Tingkat Capaian' over 'Kinerja
    dan' over 'Realisasi ...' over a K/Rp pair), not a title over the whole header."""
    return any(abs(s.box.cx - seg.box.cx) <= height and seg.box.width <= 2 * s.box.width
               for s in below.segments)


def _opens_with_no(line: Line) -> bool:
    """A line opening with 'No': a SAKIP table's own first label line."""
    return line.segments[0].text.strip().rstrip(".").lower() in FIRST_LABELS


OFF_CENTRE = 0.15  # of the table's width: a title stands over its middle


def _group_label(box, left: float, right: float, height: float) -> bool:
    """A short label right over the header's 'No' line reaching over gutters, off the table's
    middle and its left edge: a group label over some of the columns ('TARGET' over 'TAHUN
    TRIWULAN'), not a title (centred over the table) nor a heading (at its left)."""
    middle = (box.x0 + box.x1) / 2
    return abs(middle - (left + right) / 2) > OFF_CENTRE * (right - left) and box.x0 - left > 2 * height


def _overlap(box, gutter: Gutter) -> float:
    return max(0.0, min(box.x1, gutter.x1) - max(box.x0, gutter.x0))


def regions(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines that look like one table each."""
    height = height_of(lines)
    out = []
    for run in _runs(lines, height):
        for part in _split(run, height):
            if sum(len(ln.segments) >= 2 for ln in part) >= MIN_ROWS:
                out.append(part)
    return out
