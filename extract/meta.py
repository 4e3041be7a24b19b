"""Document metadata: agency, region and level, year, date, signatories.

Everything is read from the file's main part (its own document, before the lampiran): the agency
it names most and first, the region that agency belongs to, the year its title or cover states
("PERJANJIAN KINERJA TAHUN 2023", "Renstra 2025-2029" -> 2025), its signing date and signatories.
"""

import re
from collections import Counter
from itertools import islice
from typing import Optional

from kinerja.schema import AnyDocument, Meta, Part, Table

from . import doctype
from .agency import read_agency
from .blocktext import TABLE_KINDS, blocks_in, cell_texts, flat, line_provenance, text_blocks
from .capaian_rule import read_capaian_formulas
from .cell_parts import QUARTER_NUMERAL, QUARTER_WORD
from .dates import find_date, most_common_year, title_year
from .region import most_named, split_region
from .signatories import read_signatories

COVER_BLOCKS = 5
COVER_CHARS = 200


def read_meta(doc: AnyDocument, parts: list[Part]) -> Meta:
    meta = Meta()
    if not doc.blocks:
        return meta
    meta.doc_type, meta.doc_type_confidence = doctype.file_type(doc, parts)
    main = doctype.main_part(parts)
    if main is not None:
        meta.provenance["doc_type"] = main.provenance
    first, last = (main.first_block, main.last_block) if main else (0, len(doc.blocks) - 1)
    _read_place(doc, meta, first, last)
    _read_year(doc, meta, main, first, last)
    _read_date(doc, meta, first, last)
    for part in _continuations(parts, main):
        if meta.date is None:
            _read_date(doc, meta, part.first_block, part.last_block)
    if meta.year is None and meta.date and meta.doc_type != "LKjIP":
        # a PK or decree agrees for the year it is signed in; a report is signed after its year
        meta.year = int(meta.date[:4])
    if meta.year is None:
        meta.year = most_common_year([b.text for _, b in text_blocks(doc, first, last)])
    meta.signatories = read_signatories(doc, first, last)
    for part in _continuations(parts, main):
        if not meta.signatories:
            meta.signatories = read_signatories(doc, part.first_block, part.last_block)
    meta.capaian_formulas = read_capaian_formulas(doc)
    return meta


def _continuations(parts: list[Part], main: Optional[Part]) -> list[Part]:
    """Later parts of the main part's type: a decree whose signing page a scan or an export puts
    after its lampiran ("KEPUTUSAN ... / lampiran table / ... Ditetapkan di ... tanggal")."""
    if main is None:
        return []
    return [p for p in parts if p.index > main.index and p.doc_type == main.doc_type]


def _read_place(doc: AnyDocument, meta: Meta, first: int, last: int) -> None:
    texts = [b.text for _, b in text_blocks(doc, first, last)]
    named = (most_named(texts) or most_named([b.text for _, b in text_blocks(doc)])
             or most_named([t for t, _ in cell_texts(doc)]))
    agency = read_agency(doc, first, last, region=named[1] if named else None)
    if agency is None:
        agency = read_agency(doc, region=named[1] if named else None)
    region = split_region(agency.name) if agency else None
    region = region or named
    if agency:
        meta.agency = agency
        if agency.provenance:
            meta.provenance["agency"] = agency.provenance
            if region and split_region(agency.name):
                meta.provenance["region"] = agency.provenance
    if region:
        meta.region_level, meta.region = region


def _read_year(doc: AnyDocument, meta: Meta, main: Optional[Part], first: int, last: int) -> None:
    cover = list(_cover(doc, main, first, last))
    for k, (text, prov) in enumerate(cover):
        if ENDS_IN_TAHUN.search(text) and k + 1 < len(cover):
            text = f"{text} {cover[k + 1][0]}"  # 'TAHUN' over its year set apart: '2027'
        year = title_year(text)
        if year:
            meta.year = _reported_year(doc, meta, year, first, last)
            meta.provenance["year"] = prov
            return
    # no year on the cover: the first short title-like block of the part that names one
    for i, block in text_blocks(doc, first, last):
        text = flat(block.text)
        if len(text) <= COVER_CHARS and doctype.title_type(text) and title_year(text):
            meta.year = title_year(text)
            meta.provenance["year"] = block.provenance
            return
    named = _self_named_year(doc, meta.doc_type, first, last) or _period_year(doc, first, last) \
        or _framed_title_year(doc, first, last)
    if named is not None:
        meta.year, meta.provenance["year"] = named


ENDS_IN_TAHUN = re.compile(r"(?i)\btahun(?:\s+anggaran)?\s*$")


# 'Periode Pelaksanaan : Triwulan III Tahun 2019', 'TW. IV Tahun Anggaran 2019', 'Triwulan III/2019':
# the quarter a report or evaluation covers; 's/d Triwulan III Tahun 2018' cites a cumulative figure
PERIOD_YEAR = re.compile(rf"(?i)(?<!s/d )(?<!sampai dengan )\b(?:{QUARTER_WORD}|semester)\.?\s*{QUARTER_NUMERAL}"
                         r"\s*(?:tahun(?:\s+anggaran)?\s+|/\s*)((?:19|20)\d\d)\b")
PERIOD_BLOCKS = 15  # text blocks from the part's start where its heading states its period


def _period_year(doc: AnyDocument, first: int, last: int):
    """(year, provenance) of the quarter or semester the part's heading says it covers: a
    quarterly evaluation is signed in the next year when it covers the last quarter."""
    for _, block in islice(text_blocks(doc, first, last), PERIOD_BLOCKS):
        found = PERIOD_YEAR.search(flat(block.text))
        if found:
            return int(found.group(1)), block.provenance
    return None


def _self_named_year(doc: AnyDocument, doc_type: str, first: int, last: int):
    """(year, provenance) the text gives the document by its own name ("Rencana Kerja Tahun 2019",
    "Renja OPD Tahun 2017"). A plan also names the plans it follows on (the Renja of two years
    before, evaluated in its chapter II): the latest year is its own; a report names its year most."""
    name = doctype.self_name(doc_type)
    if name is None:
        return None
    pattern = re.compile(rf"(?i)\b(?:{name})\b[^.;:]{{0,60}}?\btahun\s+((?:19|20)\d\d)\b")
    found = [(int(m.group(1)), b.provenance) for _, b in text_blocks(doc, first, last)
             for m in pattern.finditer(flat(b.text))]
    if not found:
        return None
    if doc_type == "LKjIP":
        year = Counter(y for y, _ in found).most_common(1)[0][0]
    else:
        year = max(y for y, _ in found)
    return year, next(p for y, p in found if y == year)


def _reported_year(doc: AnyDocument, meta: Meta, cover_year: int, first: int, last: int) -> int:
    """A report is printed the year after the one it reports on: a cover that prints only its
    printing year ("TAHUN 2017" over a 2016 report) gives way to the year its text names most,
    when that is the year before."""
    if meta.doc_type != "LKjIP":
        return cover_year
    named = most_common_year([b.text for _, b in text_blocks(doc, first, last)])
    return named if named == cover_year - 1 else cover_year


def _framed_title_year(doc: AnyDocument, first: int, last: int):
    """A form that prints its title inside the table's frame (a DPA: '... Tahun Anggaran 2019'
    above the column labels): the year of the part's first table's caption, with its provenance."""
    table = next((b for _, b in blocks_in(doc, first, min(last, first + COVER_BLOCKS), TABLE_KINDS)
                  if isinstance(b, Table)), None)
    year = title_year(table.caption) if table is not None and table.caption else None
    return (year, table.provenance) if year else None


def _cover(doc: AnyDocument, main: Optional[Part], first: int, last: int):
    """The title block of the main part and the short blocks after it."""
    start = first
    if main is not None and main.title:
        start = next((i for i, b in text_blocks(doc, first, last) if flat(b.text) == main.title), first)
    taken = 0
    for i, block in text_blocks(doc, start, last):
        text = flat(block.text)
        if len(text) > COVER_CHARS:
            text = _leading_title_lines(block.text)
            if not text:
                continue
        yield text, block.provenance
        taken += 1
        if taken == COVER_BLOCKS:
            return


TITLE_LINE = 70  # characters of a centred title line at most; a prose line runs longer


def _leading_title_lines(text: str) -> str:
    """The short lines a long block opens with, as far as COVER_CHARS allows: a text dump runs a
    centred title into the lines under it ('PERBANDINGAN ANGGARAN ... / PERUBAHAN TAHUN 2024' over
    the agency and the table's caption, no blank line between)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or len(line) > TITLE_LINE or len(" ".join(out + [line])) > COVER_CHARS:
            break
        out.append(line)
    return " ".join(out) if len(out) >= 2 else ""


def _read_date(doc: AnyDocument, meta: Meta, first: int, last: int) -> None:
    """The first signing date of the part; dates far from its year are cited decrees, not it."""
    for i, block in text_blocks(doc, first, last):
        for k, line in enumerate(block.text.split("\n")):
            found = find_date(line)
            if found and (meta.year is None or abs(int(found[0][:4]) - meta.year) <= 1):
                meta.date, meta.date_raw = found
                meta.provenance["date"] = line_provenance(block, k)
                return
