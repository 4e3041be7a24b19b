"""Where the tables of a layout dump's page are: runs of space-aligned lines.

A region is a run of lines where lines of several segments recur, blank lines and wrapped cell
text between them allowed; running text (a long line of single-spaced words) or a signing
block's place and date ends it. A run is
cut where a blank-separated block's words leave the columns found so far (a signature block,
a paragraph) or a block opens a header of its own, maybe under title lines (which go to
neither table); trailing blocks without figures (a place and date) are dropped; cell text and
capitalised label lines right above are added, and lines under the last row opening where a
cell's lines open.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

from kinerja.parsers.text.signing import signing_text
from kinerja.parsers.textdump.layout.columns import MIN_COLS, column_spans, crossing, in_one_column
from kinerja.parsers.textdump.layout.lines import LayoutLine, capitals, has_value, short_labels

MIN_MULTI = 2  # lines with several segments a region needs
MAX_BLANKS = 4  # consecutive blank lines inside a table (padded rows)
SINGLE_RUN = 8  # this many one-segment lines in a row end a region
MAX_TITLE_LINES = 4  # one-segment lines (a title, a caption) right above a header line
MAX_CROSSING = 0.15  # share of a block's words reaching over the table's gutters: not the table
_CAPTION = re.compile(r"^\s*(tabel|table|gambar|grafik)\s+([IVXLC]+|\d+)", re.I)
HEADER_FIRST = re.compile(r"^(no|no\.|nomor|#|kode)$", re.I)


@dataclass
class Region:
    """Lines of one table (blank lines inside it included as empty LayoutLines)."""

    lines: list[LayoutLine]
    more: list["Region"] = field(default_factory=list)  # its continuations on the next pages
    read: Optional[object] = field(default=None, repr=False)  # layout_text.RegionRead, kept
    cut_above: bool = False  # opens with cell text a page break cut from the table's last row
    units: frozenset[str] = frozenset()  # the caller's unit words: a figure's unit run on into the next cell

    @property
    def start(self) -> int:
        return self.lines[0].no

    @property
    def end(self) -> int:
        return (self.more[-1] if self.more else self).lines[-1].no


def find_regions(page: list[LayoutLine]) -> list[Region]:
    """Runs of lines where lines with several segments recur (blank lines and wrapped cell
    text between them allowed), trimmed of one-segment lines at their ends, with label
    lines right above their first line added."""
    out: list[Region] = []
    run: list[LayoutLine] = []
    blanks = singles = 0
    for line in page:
        if not line.words:
            blanks += 1
            if run:
                run.append(line)
            if blanks > MAX_BLANKS and run:
                out.append(Region(run))
                run = []
            continue
        blanks = 0
        if is_prose(line) or is_label_value(line) or signing(line):
            if run:
                out.append(Region(run))
            run, singles = [], 0
        elif line.multi:
            singles = 0
            run.append(line)
        elif run:
            singles += 1
            run.append(line)
            if singles >= SINGLE_RUN and not _wrapped_cell(run[-SINGLE_RUN:], run):
                out.append(Region(run))
                run, singles = [], 0
    if run:
        out.append(Region(run))
    kept = []
    for region in out:
        for lines in _split_by_columns(region.lines):
            if sum(ln.multi for ln in lines) >= MIN_MULTI:
                kept.append(Region(_with_labels_above(page, _with_cell_text_above(page, lines))))
    return kept


def _with_cell_text_above(page: list[LayoutLine], lines: list[LayoutLine]) -> list[LayoutLine]:
    """One-segment lines right above a region that keep inside one of its columns are the
    upper lines of its first row's cells (text centred on a row starts above its figures)."""
    columns = column_spans(lines)
    index = next(i for i, ln in enumerate(page) if ln is lines[0])
    above: list[LayoutLine] = []
    for ln in reversed(page[max(0, index - SINGLE_RUN):index]):
        if not ln.words or ln.multi or is_prose(ln) or capitals(ln.text) or _CAPTION.match(ln.text) \
                or not in_one_column(ln, columns):
            break  # (a caption centred over the table may fit inside one of its wide columns)
        above.insert(0, ln)
    return above + lines


def _wrapped_cell(lines: list[LayoutLine], run: list[LayoutLine]) -> bool:
    """One-segment lines that all keep inside one column of the run so far: a long cell (a
    definition) wrapping, not text after the table."""
    columns = column_spans(run)
    return len(columns) >= MIN_COLS and all(not ln.words or in_one_column(ln, columns) for ln in lines)


def is_prose(line: LayoutLine) -> bool:
    """A line of running text: many words at single spaces over a long stretch (a table's
    wrapped cell text stays within its column)."""
    return (not line.multi and len(line.words) >= 8 and line.words[-1].x1 - line.words[0].x0 >= 60
            and not capitals(line.text))


def signing(line: LayoutLine) -> bool:
    """A line of the signing block under a table (its place and date, a NIP): the table ended."""
    return any(signing_text(" ".join(w.text for w in seg)) for seg in line.segments)


def is_label_value(line: LayoutLine) -> bool:
    """A form's 'Label : value' line ('Urusan Pemerintahan     : 1.12', 'Organisasi  : Dinas ...')
    over a table: two segments, the second opening with the colon. Not a table row."""
    segments = line.segments
    return len(segments) == 2 and segments[1][0].text.startswith(":")


def _split_by_columns(lines: list[LayoutLine]) -> list[list[LayoutLine]]:
    """Blank-separated blocks joined while their words keep to the columns found so far: a
    block whose words reach over the gutters (a signature block, a paragraph) starts anew."""
    blocks: list[list[LayoutLine]] = [[]]
    for ln in lines:
        if not ln.words and blocks[-1] and blocks[-1][-1].words:
            blocks.append([])
        blocks[-1].append(ln)
    out: list[list[LayoutLine]] = []
    current: list[LayoutLine] = []
    for block in blocks:
        columns = column_spans(current)
        body_above = len([b for b in blocks[:blocks.index(block)] if any(ln.words for ln in b)]) >= 2 \
            or any(has_value(ln) for ln in current)
        title = _title_lines(block)
        if len(columns) >= MIN_COLS and ((body_above and crossing(block, columns) > MAX_CROSSING)
                                         or (_opens_table(block[title:], current)
                                             and not _group_labels(current, block[title:]))):
            out += [current, block[:title]] if title else [current]
            current = block[title:]
        else:
            current = current + block
    out.append(current)
    return [t for t in (_trim(_drop_trailing_text(part)) for part in out) if t]


MAX_GROUP_LINES = 3  # lines of group labels a blank line above a header


def _group_labels(lines: list[LayoutLine], below: list[LayoutLine]) -> bool:
    """Lines of labels side by side, no figure among them, a blank line above the header they
    head (`below`): 'TARGET RENSTRA   REALISASI CAPAIAN   RASIO CAPAIAN' over 'NO  INDIKATOR
    TAHUN ...', the header's top row, not a table of their own. In title case only one line
    of short labels, all of it right of the header's first label (over the measures, not over
    'No'): a table's rows and a page's running head are no group labels."""
    worded = [ln for ln in lines if ln.words]
    if not (0 < len(worded) <= MAX_GROUP_LINES and any(ln.multi for ln in worded)
            and not any(has_value(ln) for ln in worded)):
        return False
    if all(capitals(ln.text) for ln in worded):
        return True
    first = next((ln for ln in below if ln.words), None)
    return len(worded) == 1 and short_labels(worded[0], GROUP_WORDS) and first is not None \
        and worded[0].words[0].x0 > first.words[0].x1


GROUP_WORDS = 5  # words of one group label in title case at most
GROUP_CHARS = 40  # characters of a title-case group label stacked over others at most


def _drop_trailing_text(lines: list[LayoutLine]) -> list[LayoutLine]:
    """Without blocks at the end (after a blank line) that hold no figure beside other text (a
    table row's figures sit in a line of several segments): a place and date, a signature
    block with its NIP under the table."""
    while True:
        blanks = [i for i, ln in enumerate(lines) if not ln.words and i and lines[i - 1].words]
        if not blanks:
            return lines
        tail = lines[blanks[-1]:]
        if any(ln.multi and has_value(ln) for ln in tail) or not any(ln.words for ln in tail):
            return lines if any(ln.words for ln in tail) else lines[:blanks[-1]]
        lines = lines[:blanks[-1]]


def _title_lines(lines: list[LayoutLine]) -> int:
    """How many one-segment lines open the block before its first line of several segments
    (a title or caption printed right above a table's header: 'Anggaran :'); 0 if none or
    if no such line follows soon."""
    worded = 0
    for k, ln in enumerate(lines):
        if ln.multi:
            return k
        worded += bool(ln.words)
        if worded > MAX_TITLE_LINES:
            break
    return 0


def _opens_table(lines: list[LayoutLine], above: list[LayoutLine]) -> bool:
    """A block opening with a header line of its own: 'No.  Program  Anggaran', or a line of
    capital labels under rows holding figures."""
    first = next((ln for ln in lines if ln.words), None)
    if first is None or not first.multi or has_value(first):
        return False
    if HEADER_FIRST.match(first.words[0].text):
        return True
    return (len(first.segments) >= 3 and capitals(first.text)
            and any(has_value(ln) for ln in above))


def _trim(lines: list[LayoutLine]) -> list[LayoutLine]:
    """Without leading blanks and trailing lines that are not table lines: blank lines, and
    one-segment lines crossing a gutter or set off by a blank line (prose after the table)."""
    while lines and not lines[0].words:
        lines = lines[1:]
    columns = column_spans(lines)
    left = min((ln.words[0].x0 for ln in lines if ln.words), default=0)
    end = len(lines)
    while end and not lines[end - 1].multi:
        end -= 1
    while end < len(lines) and lines[end].words and not lines[end].multi \
            and (in_one_column(lines[end], columns)
                 or _continues_cell(lines[end], lines[end - 1], left)):
        end += 1  # wrapped cell text under the last row, inside one column
    return lines[:end]


def _continues_cell(line: LayoutLine, above: LayoutLine, left: int) -> bool:
    """A short line opening where a segment of the line above opens, inside the table (a
    line at its left edge may be a note under it: 'Sumber : ...'), reaching no further than
    the line above does: the next line of that cell."""
    x0 = line.words[0].x0
    return (x0 > left + 2 and len(line.words) <= 6
            and any(seg[0].x0 == x0 for seg in above.segments)
            and line.words[-1].x1 <= max(above.words[-1].x1, x0 + 30))


def _with_labels_above(page: list[LayoutLine], lines: list[LayoutLine]) -> list[LayoutLine]:
    """Short capitalised lines right above a region are the upper lines of its header, unless
    a long capitalised line opens them (the wrapped end of a title: 'KEPULAUAN BANGKA
    BELITUNG' under 'PERJANJIAN KINERJA TAHUN 2024 DINAS ...')."""
    index = next(i for i, ln in enumerate(page) if ln is lines[0])
    above = []
    for ln in reversed(page[max(0, index - 3):index]):
        text = ln.text
        if not ln.words or ln.multi or _CAPTION.match(text):
            break
        group = _group_label(ln, lines, page)
        stacked = group and _stacked_on(ln, lines)
        if (len(text) > 30 and not stacked) or not (capitals(text) or group) \
                or (_centred_title(ln, lines) and not stacked):
            break
        above.insert(0, ln)
    before = index - len(above) - 1
    if above and before >= 0 and _title_line(page[before]) \
            and any(_title_end(ln, page[before]) for ln in above):
        return lines
    return above + lines


def _group_label(line: LayoutLine, lines: list[LayoutLine], page: list[LayoutLine]) -> bool:
    """A short label in title case over the header's columns right of its first label ('Target
    Kinerja dan Kerangka' over 'Pendanaan' over K and Rp), as _group_labels takes one; not the
    wrapped end of a caption centred under it ('Di Provinsi ...') or the title under a
    caption's bare number ('Tabel 3.6.' / 'Indeks Infrastruktur'), nor a year over the
    measures (the caption dates the table: 'Tahun 2024' splits their columns)."""
    first = min((ln for ln in lines if ln.words), key=lambda ln: ln.words[0].x0, default=None)
    above = next((ln for ln in reversed(page) if ln.no < line.no and ln.words), None)
    return first is not None and short_labels(line, GROUP_WORDS) and line.words[0].x0 > first.words[0].x1 \
        and not any(ch.isdigit() for ch in line.text) \
        and line.words[-1].x1 <= max(ln.words[-1].x1 for ln in lines if ln.words) \
        and not (above is not None and not above.multi and _title_end(line, above)) \
        and not (above is not None and _CAPTION.match(above.text) and len(above.words) <= 2)


def _stacked_on(line: LayoutLine, lines: list[LayoutLine]) -> bool:
    """A group label (_group_label) right on top of a line of group labels side by side ('Target
    Renstra' over 'Realisasi Capaian Tahun ke-   Rasio Capaian ...'): the header's top row, even
    where it happens to stand in the table's middle like a title."""
    first = lines[0]
    return first.multi and not has_value(first) and line.no == first.no - 1 and len(line.text) <= GROUP_CHARS


def _title_end(line: LayoutLine, title: LayoutLine) -> bool:
    """A line opening where a title line opens, or centred under it, is the title's wrapped
    end; a group label stands over its columns, elsewhere."""
    middle = (title.words[0].x0 + title.words[-1].x1) / 2
    return abs(line.words[0].x0 - title.words[0].x0) <= 1 \
        or abs((line.words[0].x0 + line.words[-1].x1) / 2 - middle) <= max(3.0, UNDER_TITLE * len(title.text))


UNDER_TITLE = 0.1  # of the title's length: how far off its middle a line centred under it stands


TITLE_LENGTH = 15  # characters: a header's group label is shorter than a table's title
CENTRED = 0.1  # of the table's width: how far off its middle a title line stands


def _centred_title(line: LayoutLine, lines: list[LayoutLine]) -> bool:
    """A long capitalised line centred over the whole table ('INDIKATOR KINERJA UTAMA (IKU)',
    'DINAS TENAGA KERJA KOTA MANADO'): the table's title, not its header's upper line."""
    worded = [ln for ln in lines if ln.words]
    if len(line.text) < TITLE_LENGTH or not worded:
        return False
    left = min(ln.words[0].x0 for ln in worded)
    right = max(ln.words[-1].x1 for ln in worded)
    middle = (line.words[0].x0 + line.words[-1].x1) / 2
    return abs(middle - (left + right) / 2) <= CENTRED * (right - left)


def _title_line(line: LayoutLine) -> bool:
    return bool(line.words) and not line.multi and len(line.text) > 30 and capitals(line.text)
