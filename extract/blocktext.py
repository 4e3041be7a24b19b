"""Plain text of Document blocks for the rule-based readers, with line-level provenance.

Text dumps keep markdown emphasis and HTML fragments from the converter that produced them
("**DINAS ...**", "<p>...</p>"); the readers want the words only.
"""

import re
from itertools import islice
from typing import Iterator, Optional

from kinerja.schema import AnyDocument, Block, ListBlock, PageBreak, Provenance, Table

# A PagedDocument decodes its blocks a page at a time, so readers fetch blocks by index when they
# need them and never hold them all, nor compare them by identity.

_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")


def clean(text: str) -> str:
    """Drop markdown emphasis and HTML tags; keep line breaks."""
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def flat(text: str) -> str:
    """One line of words."""
    return " ".join(clean(text).split())


def block_lines(block: Block) -> list[str]:
    """The non-empty lines of a non-table block, cleaned."""
    if isinstance(block, (Table, PageBreak)):
        return []
    if isinstance(block, ListBlock) and block.items:
        raw = "\n".join(block.items)
    else:
        raw = block.text
    return [line for line in clean(raw).split("\n") if line.strip()]


def line_provenance(block: Block, index: int) -> Provenance:
    """Provenance of the index-th line of a block: the exact line when the block maps 1:1 to lines."""
    prov = block.provenance
    if prov.line_start is not None and prov.line_end is not None:
        lines = [l for l in block.text.split("\n")]
        if len(lines) == prov.line_end - prov.line_start + 1 and index < len(lines):
            line = prov.line_start + _raw_index(lines, index)
            return prov.model_copy(update={"line_start": line, "line_end": line})
    return prov


def _raw_index(raw_lines: list[str], index: int) -> int:
    # block_lines() drops empty lines: map the index back onto the raw lines
    seen = -1
    for i, line in enumerate(raw_lines):
        if clean(line).strip():
            seen += 1
            if seen == index:
                return i
    return 0


def blocks_in(doc: AnyDocument, first: int = 0, last: Optional[int] = None,
              kinds: Optional[frozenset] = None) -> Iterator[tuple[int, Block]]:
    """(index, block) of the blocks first..last (inclusive), in reading order, fetched one at a time.

    From the start the blocks are iterated (a paged store then decodes each page once even without
    a cache); from further in they are indexed, so the pages before `first` are not decoded. With
    `kinds`, a paged store's blocks of other types are skipped undecoded (the caller still checks
    the type: a plain Document yields them all).
    """
    stop = len(doc.blocks) if last is None else max(0, min(last + 1, len(doc.blocks)))
    types = getattr(doc.blocks, "types", None)
    if kinds is not None and types is not None:
        for i in range(first, stop):
            if types[i] in kinds:
                yield i, doc.blocks[i]
    elif first == 0:
        yield from enumerate(islice(doc.blocks, stop))
    else:
        for i in range(first, stop):
            yield i, doc.blocks[i]


TEXT_KINDS = frozenset({"heading", "paragraph", "list", "formula"})
TABLE_KINDS = frozenset({"table"})


def text_blocks(doc: AnyDocument, first: int = 0, last: Optional[int] = None) -> Iterator[tuple[int, Block]]:
    """(index, block) of the blocks that carry running text, within an inclusive block range."""
    for i, block in blocks_in(doc, first, last, TEXT_KINDS):
        if not isinstance(block, (Table, PageBreak)):
            yield i, block


def cell_texts(doc: AnyDocument, first: int = 0, last: Optional[int] = None) -> Iterator[tuple[str, Provenance]]:
    """(cleaned text, provenance) of every table cell within an inclusive block range."""
    for _, block in blocks_in(doc, first, last, TABLE_KINDS):
        if isinstance(block, Table):
            for row in list(block.header_rows) + list(block.body):
                for cell in row:
                    if cell.text.strip():
                        yield clean(cell.text), cell.provenance or block.provenance


def table_rows(table: Table) -> list[list[str]]:
    """Header and body rows as lists of cleaned cell texts, placed by column."""
    rows = []
    for row in list(table.header_rows) + list(table.body):
        width = max((c.col + c.col_span for c in row), default=0)
        texts = [""] * width
        for cell in row:
            texts[cell.col] = flat(cell.text)
        rows.append(texts)
    return rows
