"""Text dumps (Markdown-ish exports, pdftotext output) into the Document model.

Lines are read into items (text lines, tab-separated rows, display formulas, page breaks),
items into chunks (paragraphs, row groups), chunks into blocks: headings, paragraphs, lists,
formulas and tables, each with the line range it came from. Row groups that continue one
another become one table; a caption line before a table becomes its caption. A dump whose
table columns were interleaved line by line (raw pdftotext) goes to `interleaved`. Other
readers add what a plain export hides: space-aligned tables of `pdftotext -layout`
(`layout/`), paragraphs of a hard-wrapped dump (`hard_wrap`), and tables whose cells
plain `pdftotext` printed one run after another (`cellruns/`).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kinerja.parsers.encoding import text_encoding
from kinerja.parsers.errors import UnsupportedFormat
from kinerja.parsers.source import read_bytes, source_file
from kinerja.parsers.text.lines import join_lines, mostly_upper
from kinerja.parsers.text.running import furniture_key, is_page_number, recurs
from kinerja.parsers.textdump.folios import blank_trailing_folios, page_line_numbers
from kinerja.parsers.textdump import hard_wrap, html_tables, interleaved
from kinerja.parsers.textdump.cellruns import tables as cell_runs
from kinerja.parsers.textdump.layout import tables as layout_text
from kinerja.parsers.textdump.markup import latex_to_plain, to_plain
from kinerja.parsers.textdump.tsv import (
    RawRow,
    RowGroup,
    build_table,
    continues,
    drop_repeated_header,
    fold_wide_rows,
)
from kinerja.schema import (
    Document,
    Formula,
    Heading,
    Lexicon,
    ListBlock,
    Page,
    PageBreak,
    Paragraph,
    Provenance,
)

_CAPTION = re.compile(r"^\s*(?:\*\*)?(tabel|table|gambar|grafik|figure)\s+([IVXLC]+|\d+)([.\-]\d+)*\.?(\s|$)", re.I)
_BAB = re.compile(r"^\s*(bab)\s+([IVXLC]+|\d+)\b", re.I)
_SECTION = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s+\S")
_ROMAN_SECTION = re.compile(r"^\s*([IVX]+)\.\s+[A-Z]")
_BULLET = re.compile(r"^\s*[-*•+]\s+")
_ORDERED = re.compile(r"^\s*(\d{1,2}|[a-zA-Z])[.)]\s+\S|^\s*\(\d{1,2}\)\s+\S")
_DISPLAY_MATH = re.compile(r"^\s*\$\$(.*)\$\$\s*$", re.S)


@dataclass(frozen=True)
class TextDumpOptions:
    """Thresholds for telling paragraphs, headings and interrupting text apart, and the genre's
    words for recovering tables from plain pdftotext output (none: no such tables)."""

    lexicon: Lexicon = Lexicon()
    max_heading_chars: int = 200
    max_interjection_lines: int = 3
    max_interjection_chars: int = 200


# --- reading ---------------------------------------------------------------------------------

def decode(path: Path, data: bytes) -> str:
    """Text of the file in the encoding its whole content reads as (parsers.encoding); binary
    content (a PDF or image named .txt) is refused."""
    encoding = None if data[:1024].lstrip()[:5] == b"%PDF-" else text_encoding(lambda: [data])
    if encoding is None:
        raise UnsupportedFormat(path, "binary content, not a text dump")
    return data.decode(encoding)


@dataclass
class _Para:
    lines: list[tuple[int, str]] = field(default_factory=list)
    page: int | None = None
    wrapped: bool = False  # lines of a hard-wrapped dump: one run of text, not separate lines
    _text: str | None = None
    _n: int = 0

    @property
    def text(self) -> str:
        if self._text is None or self._n != len(self.lines):
            texts = [t for _, t in self.lines]
            self._text = join_lines(texts) if self.wrapped else "\n".join(texts)
            self._n = len(self.lines)
        return self._text

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][0]


@dataclass
class _Break:
    line: int
    page: int | None = None


@dataclass
class _Math:
    start: int
    end: int
    source: str
    page: int | None = None


def page_furniture(lines: list[str]) -> set[int]:
    """Line numbers of running headers/footers: text at the top or bottom of pages (between form
    feeds) that recurs on most pages once figures are masked, and bare page numbers there; a
    table's column labels repeated atop its pages are not."""
    pages = page_line_numbers(lines, lambda part: "\t" not in part and not _column_labels(part))
    if len(pages) < 2:
        return set()
    edges: dict[str, list[tuple[int, Optional[int]]]] = {}  # key -> (page index, its trailing number)
    found: set[int] = set()
    for index, page in enumerate(pages):
        for no in page[:2] + page[-2:]:
            text = lines[no - 1].replace("\f", "").strip()
            if is_page_number(text) and not _under_column_labels(lines, no):
                found.add(no)
            if key := furniture_key(text):
                edges.setdefault(key, []).append((index, _trailing_page_number(text)))
    recurring = {k for k, seen in edges.items()
                 if recurs(len({i for i, _ in seen}), len(pages), 0.5) or _counts_pages(seen)}
    for page in pages:
        for no in page[:2] + page[-2:]:
            if furniture_key(lines[no - 1].replace("\f", "").strip()) in recurring:
                found.add(no)
    return found | _deeper_running_lines(lines, pages, found)


DEEP_RUNNING = 2  # lines more a running header or footer may fill past the two at the edge


def _deeper_running_lines(lines: list[str], pages: list[list[int]], found: set[int]) -> set[int]:
    """A running header's third and fourth lines ('29' / 'LAPORAN KINERJA' / 'Dinas ...' /
    'Tahun 2016'): lines right inside an edge the lines found already fill, whose text recurs so
    on most pages. A table's label repeated atop its pages is no edge line's neighbour."""
    seen: dict[str, set[int]] = {}
    candidates: list[tuple[int, str]] = []
    for index, page in enumerate(pages):
        for side in (page, page[::-1]):
            if len(side) <= 2 + DEEP_RUNNING or not all(no in found for no in side[:2]):
                continue
            for no in side[2:2 + DEEP_RUNNING]:
                key = furniture_key(lines[no - 1].replace("\f", "").strip())
                if not key:
                    break
                seen.setdefault(key, set()).add(index)
                candidates.append((no, key))
    return {no for no, key in candidates if recurs(len(seen[key]), len(pages), 0.5)}


_TRAILING_NUMBER = re.compile(r"\S\s{2,}(\d{1,4})$")


def _trailing_page_number(text: str) -> Optional[int]:
    """The number set apart at the end of a footer ('LKjIP Dinas ... Tahun 2022      7')."""
    m = _TRAILING_NUMBER.search(text)
    return int(m.group(1)) if m else None


def _counts_pages(seen: list[tuple[int, Optional[int]]]) -> bool:
    """One text at the edge of two pages or more whose set-apart number counts the pages (7 on
    one, 8 on the next): a running footer with its page number, however few the pages."""
    pages = {index: number for index, number in seen}
    if len(pages) < 2 or len(pages) != len(seen) or None in pages.values():
        return False
    first = min(pages)
    return all(number - pages[first] == index - first for index, number in pages.items())


def furniture_texts(lines: list[str], furniture: set[int], file: str) -> list[Paragraph]:
    """Each distinct running header or footer once, at its first line (page numbers aside)."""
    out: dict[str, Paragraph] = {}
    for no in sorted(furniture):
        text = " ".join(lines[no - 1].replace("\f", "").split())
        key = furniture_key(text)
        if key and key != "#page" and key not in out:
            out[key] = Paragraph(text=text, provenance=_prov(file, no, no))
    return list(out.values())


def _column_labels(text: str) -> bool:
    """Three or more space-aligned segments: a table's header repeated atop each page of a
    layout dump, which continues the table rather than being a running header."""
    return len(re.split(r"\s{2,}", text.strip())) >= 3


def _under_column_labels(lines: list[str], no: int) -> bool:
    """The line right under a table's column labels: a bare number there numbers a row."""
    k = no - 1
    while k > 0 and not lines[k - 1].replace("\f", "").strip():
        k -= 1
    return k > 0 and _column_labels(lines[k - 1].replace("\f", ""))


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def split_row(line: str) -> list[str] | None:
    """Cells of a table line: tab-separated, or a Markdown pipe row '| a | b |'; else None."""
    if "\t" in line:
        return line.split("\t")
    if _PIPE_ROW.match(line) and line.count("|") >= 3:
        return [c.strip() for c in line.strip()[1:-1].split("|")]
    return None


@dataclass
class _Layout:
    """A space-aligned table region (layout_text.Region), built into a Table in order."""

    region: layout_text.Region


def lines_to_chunks(lines: list[str], paged: bool, furniture: set[int] = frozenset(),
                    regions: list = ()) -> list:
    """Paragraphs, row groups, display formulas, page breaks and blank markers, in order;
    running headers/footers (line numbers in `furniture`) read as blank lines; the lines of
    space-aligned table `regions` (layout_text.Region) become one chunk each."""
    starts = {r.start: r for r in regions}
    inside = {no for r in regions for no in range(r.start + 1, r.end + 1)}
    chunks: list = []
    page = 1
    para: _Para | None = None
    group: RowGroup | None = None
    math: list[tuple[int, str]] | None = None

    def close():
        nonlocal para, group
        if para is not None:
            chunks.append(para)
        if group is not None:
            chunks.append(group)
        para, group = None, None

    skip_to = 0  # lines of an HTML table already read
    for no, line in enumerate(lines, start=1):
        if no <= skip_to:
            continue
        if html_tables.TABLE_OPEN.search(line) and no not in inside and no not in starts:
            end = html_tables.table_end(lines, no - 1)
            if end is not None:
                close()
                pg = page if paged else None
                before, after = html_tables.outside(lines[no - 1], lines[end])
                if before:
                    chunks.append(_Para([(no, before)], pg))
                rows = html_tables.html_rows(lines[no - 1:end + 1], no, pg)
                if rows:
                    chunks.append(RowGroup(rows))
                if after:
                    chunks.append(_Para([(end + 1, after)], pg))
                skip_to = end + 1
                continue
        while "\f" in line:
            before, line = line.split("\f", 1)
            if before.strip():
                close()
                chunks.append(_Para([(no, before.rstrip())], page if paged else None))
            close()
            page += 1
            chunks.append(_Break(no, page if paged else None))
        pg = page if paged else None
        if no in starts:
            if para is not None:
                para = _split_title(para, chunks)
            else:
                _split_title_before_break(chunks)
            close()
            chunks.append(_Layout(starts[no]))
            continue
        if no in inside:
            continue
        if math is not None:
            math.append((no, line))
            if "$$" in line:
                source = "\n".join(t for _, t in math).strip().strip("$").strip()
                chunks.append(_Math(math[0][0], no, source, pg))
                math = None
            continue
        if not line.strip() or no in furniture:
            close()
            chunks.append(None)  # blank line
            continue
        cells = split_row(line)
        if cells is not None:
            if para is not None:
                close()
            group = group or RowGroup()
            group.rows.append(RawRow(no, no, cells, page=pg))
            continue
        if group is not None:
            close()
        stripped = line.strip()
        if _DISPLAY_MATH.match(stripped):
            close()
            chunks.append(_Math(no, no, _DISPLAY_MATH.match(stripped).group(1).strip(), pg))
            continue
        if stripped.startswith("$$") and stripped.count("$$") == 1:
            close()
            math = [(no, stripped)]
            continue
        para = para or _Para(page=pg)
        para.lines.append((no, line.rstrip()))
    close()
    return chunks


def unwrap(chunks: list, width: int) -> list:
    """Paragraphs of a hard-wrapped dump cut where a paragraph or a title ends."""
    out: list = []
    for chunk in chunks:
        if isinstance(chunk, _Para) and len(chunk.lines) > 1:
            out += [_Para(part, chunk.page, wrapped=True)
                    for part in hard_wrap.split_paragraph(chunk.lines, width)]
        else:
            out.append(chunk)
    return out


def _split_title(para: _Para, chunks: list) -> _Para:
    """Capitalised lines closing a paragraph right above a table are the table's title, not
    the end of the list or text above it: they become a paragraph of their own."""
    k = len(para.lines)
    while k > 0 and len(para.lines) - k < 3 and mostly_upper(para.lines[k - 1][1]):
        k -= 1
    if 0 < k < len(para.lines):
        chunks.append(_Para(para.lines[:k], para.page))
        return _Para(para.lines[k:], para.page)
    return para


def _split_title_before_break(chunks: list) -> None:
    """A table opening a page often has its title at the foot of the page before: the last
    paragraph there, across blank lines and the page break, gives up its capitalised tail."""
    k = len(chunks)
    while k and (chunks[k - 1] is None or isinstance(chunks[k - 1], _Break)):
        k -= 1
    if k and k < len(chunks) and isinstance(chunks[k - 1], _Para) \
            and any(isinstance(c, _Break) for c in chunks[k:]):
        head: list = []
        tail = _split_title(chunks[k - 1], head)
        chunks[k - 1:k] = head + [tail]


# --- classifying text ------------------------------------------------------------------------

def is_caption(text: str) -> bool:
    return bool(_CAPTION.match(text))


def heading_level(para: _Para, options: TextDumpOptions) -> int | None:
    """Level of a heading paragraph, None for body text."""
    text = " ".join(t.strip() for _, t in para.lines)
    plain = to_plain(text)[0]
    if len(plain) > options.max_heading_chars or len(para.lines) > 3 or not plain:
        return None
    chapter = _BAB.match(plain)
    if chapter and (not plain[chapter.end():].strip() or mostly_upper(plain[chapter.end():])):
        return 1
    section = _SECTION.match(plain)
    if section and len(para.lines) == 1 and not _ends_sentence_inside(plain):
        return min(6, section.group(1).count(".") + 1)
    if _ROMAN_SECTION.match(plain) and mostly_upper(plain):
        return 1
    if mostly_upper(plain) and len(plain) <= 120 and "," not in plain \
            and not plain.endswith((":", ".")):
        return 2
    if len(para.lines) == 1 and _title_case(plain) and not is_caption(plain):
        return 2
    return None


_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "atas", "untuk", "serta", "pada", "dengan", "dalam", "&"}


def _title_case(text: str) -> bool:
    """'Kata Pengantar', 'Perencanaan dan Perjanjian Kinerja': a short title line."""
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) < 5 or re.search(r"[,.:;!?]$|,", text) or re.search(r"\d", text):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _ends_sentence_inside(text: str) -> bool:
    return bool(re.search(r"[a-z]{3}\.\s+[A-Z]", text))


def is_list_item(line: str) -> bool:
    return bool(_BULLET.match(line) or _ORDERED.match(line))


def para_to_list(para: _Para, file: str) -> ListBlock | None:
    """A paragraph whose first line is an item: items are item lines plus their continuations."""
    if not is_list_item(para.lines[0][1]):
        return None
    items: list[list[str]] = []
    for _, line in para.lines:
        if is_list_item(line) or not items:
            items.append([line.strip()])
        else:
            items[-1].append(line.strip())
    ordered = not _BULLET.match(para.lines[0][1])
    join = join_lines if para.wrapped else "\n".join
    texts = [to_plain(_strip_marker(join(item)))[0] for item in items]
    return ListBlock(text="\n".join(texts), ordered=ordered, items=texts,
                     provenance=_prov(file, para.start, para.end, para.page))


def _strip_marker(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def _prov(file: str, start: int, end: int, page: int | None = None) -> Provenance:
    return Provenance(file=file, line_start=start, line_end=end, page=page)


def para_to_block(para: _Para, file: str, options: TextDumpOptions):
    level = heading_level(para, options)
    if level is not None:
        text = " ".join(to_plain(para.text)[0].split())
        return Heading(text=text, level=level, provenance=_prov(file, para.start, para.end, para.page))
    listed = para_to_list(para, file)
    if listed is not None:
        return listed
    text, formulas = to_plain(para.text)
    stripped = para.text.strip()
    if formulas and re.fullmatch(r"\$[^$]+\$", stripped):
        return Formula(text=text, source=formulas[0], plain=text,
                       provenance=_prov(file, para.start, para.end, para.page))
    return Paragraph(text=text, provenance=_prov(file, para.start, para.end, para.page))


# --- assembling blocks -----------------------------------------------------------------------

def _is_interjection(para: _Para, options: TextDumpOptions) -> bool:
    text = para.text
    return (len(para.lines) <= options.max_interjection_lines
            and len(text) <= options.max_interjection_chars
            and not is_caption(text) and heading_level(para, options) is None
            and not is_list_item(para.lines[0][1]))


def _next_index(chunks: list, i: int) -> int:
    while i < len(chunks) and (chunks[i] is None or isinstance(chunks[i], _Break)):
        i += 1
    return i


def merge_row_groups(chunks: list, options: TextDumpOptions) -> list:
    """Join row groups that continue a table across blank lines, page breaks or a short text."""
    out: list = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if not isinstance(chunk, RowGroup):
            out.append(chunk)
            i += 1
            continue
        rows = list(chunk.rows)
        notes: list[str] = []
        breaks: list[_Break] = []
        i += 1
        while True:
            j = _next_index(chunks, i)
            gap: _Para | None = None
            if j < len(chunks) and isinstance(chunks[j], _Para) and _is_interjection(chunks[j], options):
                gap = chunks[j]
                j = _next_index(chunks, j + 1)
            if j >= len(chunks) or not isinstance(chunks[j], RowGroup):
                break
            group = chunks[j]
            if not continues(rows, group, gap_text=gap is not None):
                break
            width = RowGroup(rows=[r for r in rows if not r.interjection]).width
            if gap is not None:
                rows.append(RawRow(gap.start, gap.end, [t for _, t in gap.lines], interjection=True,
                                   page=gap.page))
            new_rows = drop_repeated_header(rows, group)
            if len(new_rows) < len(group.rows):
                notes.append(f"header repeated at line {group.rows[0].line_start} dropped")
            if RowGroup(rows=new_rows).width > width:
                folded = fold_wide_rows(new_rows, width)
                notes.append(f"{folded} row(s) from line {group.rows[0].line_start} wider than the "
                             "table: their first cells were joined")
            rows.extend(new_rows)
            crossed = [c for c in chunks[i:j] if isinstance(c, _Break)]
            breaks += crossed
            notes += [f"continued across the page break at line {b.line}" for b in crossed]
            i = j + 1
        out.append((rows, notes))
        out.extend(breaks)  # page breaks inside the table follow it, with their own lines
    return out


def attach_captions(chunks: list, options: TextDumpOptions) -> list:
    """Pair each caption paragraph with the table right after it: (rows, notes, caption)."""
    out: list = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if isinstance(chunk, _Para) and is_caption(chunk.text):
            caption_paras = [chunk]
            j = _next_index(chunks, i + 1)
            # a bare number ("Tabel III.4.") takes up to two short title lines after it
            while (j < len(chunks) and isinstance(chunks[j], _Para) and len(caption_paras) < 3
                   and len(chunks[j].lines) <= 2 and len(chunks[j].text) <= 160
                   and not is_caption(chunks[j].text) and _caption_number_only(chunk.text)
                   and _table_follows(chunks, j)):
                caption_paras.append(chunks[j])
                j = _next_index(chunks, j + 1)
            if j < len(chunks) and isinstance(chunks[j], (tuple, _Layout)):
                caption = " ".join(to_plain(" ".join(p.text for p in caption_paras))[0].split())
                first = caption_paras[0].start
                if isinstance(chunks[j], _Layout):
                    out.append((chunks[j], caption, first))
                else:
                    rows, notes = chunks[j]
                    out.append((rows, notes, caption, first))
                i = j + 1
                continue
        if isinstance(chunk, tuple):
            out.append((chunk[0], chunk[1], None, None))
        elif isinstance(chunk, _Layout):
            out.append((chunk, None, None))
        else:
            out.append(chunk)
        i += 1
    return out


def _caption_number_only(text: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:\*\*)?\w+\s+[IVXLC\d]+([.\-]\d+)*\.?(?:\*\*)?\s*", text.split("\n")[0]))


def _table_follows(chunks: list, j: int) -> bool:
    k = _next_index(chunks, j + 1)
    while k < len(chunks) and isinstance(chunks[k], _Para) and len(chunks[k].lines) <= 2 and k - j < 4:
        k = _next_index(chunks, k + 1)
    return k < len(chunks) and isinstance(chunks[k], (tuple, _Layout))


def chunks_to_blocks(chunks: list, file: str, options: TextDumpOptions) -> list:
    blocks: list = []
    table_index = 0
    for chunk in chunks:
        if chunk is None:
            continue
        if isinstance(chunk, _Break):
            blocks.append(PageBreak(provenance=_prov(file, chunk.line, chunk.line, chunk.page)))
        elif isinstance(chunk, _Math):
            plain = latex_to_plain(chunk.source)
            blocks.append(Formula(text=plain, source=chunk.source, plain=plain,
                                  provenance=_prov(file, chunk.start, chunk.end, chunk.page)))
        elif isinstance(chunk, _Para):
            blocks.append(para_to_block(chunk, file, options))
        elif isinstance(chunk, tuple) and isinstance(chunk[0], _Layout):
            layout, caption, caption_line = chunk
            table = layout_text.region_table(layout.region, file, table_index, caption=caption)
            if caption_line is not None:
                table.notes.append(f"caption from line {caption_line}")
            blocks.append(table)
            table_index += 1
        elif isinstance(chunk, tuple):
            rows, notes, caption, caption_line = chunk
            table = build_table(rows, file, table_index, caption=caption, notes=notes)
            if caption_line is not None:
                table.notes.append(f"caption from line {caption_line}")
            blocks.append(table)
            table_index += 1
    return blocks


# --- entry point -----------------------------------------------------------------------------

def parse(path: Path, options=None) -> Document:
    path = Path(path)
    if options is None or not isinstance(options, (TextDumpOptions, dict)):
        options = TextDumpOptions()  # options meant for another format (the registry passes them on)
    elif isinstance(options, dict):
        options = TextDumpOptions(**options)
    data = read_bytes(path)
    text = decode(path, data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    file = str(path)
    # pdftotext ends every page with a form feed: a final one opens no page
    n_pages = text.count("\f") + (0 if text.rstrip("\n ").endswith("\f") else 1)
    paged = n_pages > 1
    fmt = "markdown" if _has_markdown(text) or path.suffix.lower() in (".md", ".markdown") else "text"
    warnings: list[str] = []
    furniture: set[int] = set()
    if interleaved.is_interleaved(lines):
        blocks, notes = interleaved.parse_lines(lines, file, options.lexicon)
        warnings += notes
    else:
        furniture = page_furniture(lines) if paged else set()
        if paged:
            lines, folios = blank_trailing_folios(lines, furniture)
            if folios:
                warnings.append(f"page number(s) at the end of a line of content left out: lines "
                                + ", ".join(map(str, folios)))
        if furniture:
            warnings.append(f"{len(furniture)} running header/footer line(s) left out: lines "
                            + ", ".join(map(str, sorted(furniture))))
        rows = {no for no, line in enumerate(lines, start=1) if split_row(line) is not None}
        regions = layout_text.layout_regions(lines, furniture | rows, frozenset(options.lexicon.unit_words))
        chunks = lines_to_chunks(lines, paged, furniture, regions)
        width = hard_wrap.wrap_width(lines)
        if width:
            chunks = unwrap(chunks, width)
        chunks = merge_row_groups(chunks, options)
        chunks = attach_captions(chunks, options)
        blocks = chunks_to_blocks(chunks, file, options)
        blocks = cell_runs.insert_tables(blocks, lines, file, options.lexicon, furniture)  # plain pdftotext
    pages = [Page(number=k, kind="text") for k in range(1, n_pages + 1)] if paged else []
    return Document(
        source=source_file(path, data, fmt, line_count=len(lines), page_count=n_pages if paged else None),
        pages=pages, blocks=blocks, warnings=warnings, furniture=furniture_texts(lines, furniture, file),
        degraded=any(getattr(b, "low_confidence", False) for b in blocks),
    )


def _has_markdown(text: str) -> bool:
    return "**" in text or "$$" in text or "\\frac" in text or "<p>" in text


__all__ = ["parse", "TextDumpOptions", "decode"]
