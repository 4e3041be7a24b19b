"""The Document with its blocks kept serialized, a page at a time, and decoded on access.

A parsed block costs about ten times its JSON in Python objects (a Cell is three pydantic models).
Holding every page's blocks as compressed JSON, with only a few pages decoded at a time, keeps a
long report's memory from growing with its pages; extraction reads it like a Document.

Two decodings of one block are two objects: readers key by block index, never by id() or `is`.
"""

import gc
import zlib
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Optional, Union

from pydantic import TypeAdapter

from .document import Block, Document, Page, Paragraph, Table
from .source import SourceFile

_BLOCKS = TypeAdapter(list[Block])
DECODED_PAGES = 8  # pages kept decoded: a table's look-back never reaches further
CHUNKS_PER_PAGE = 2  # a page's text and its table, most often


class BlockPages(Sequence):
    """Blocks in reading order, stored page by page as compressed JSON: each table a chunk of its
    own, the text between tables another, so that a reader of text decodes no table. `types`
    names every block's type without decoding it."""

    def __init__(self, decoded_pages: int = DECODED_PAGES):
        self._chunks: list[bytes] = []
        self._starts: list[int] = []  # index of each chunk's first block
        self._count = 0
        self._pages = 0
        self.types: list[str] = []
        self._decoded: OrderedDict[int, list] = OrderedDict()
        self._keep = decoded_pages * CHUNKS_PER_PAGE

    def add_page(self, blocks: list) -> None:
        """Append one page's blocks (an empty page adds nothing)."""
        if not blocks:
            return
        self._pages += 1
        run: list = []
        for block in blocks:
            if block.type == "table":
                self._add_chunk(run)
                self._add_chunk([block])
                run = []
            else:
                run.append(block)
        self._add_chunk(run)

    def _add_chunk(self, blocks: list) -> None:
        if blocks:
            self._starts.append(self._count)
            self._chunks.append(zlib.compress(_BLOCKS.dump_json(blocks), 1))
            self._count += len(blocks)
            self.types.extend(b.type for b in blocks)

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Union[int, slice]):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(f"block {index} of {self._count}")
        chunk = bisect_right(self._starts, index) - 1
        return self._chunk(chunk)[index - self._starts[chunk]]

    def __iter__(self) -> Iterator:
        for chunk in range(len(self._chunks)):
            yield from self._chunk(chunk)

    def _chunk(self, chunk: int) -> list:
        blocks = self._decoded.get(chunk)
        if blocks is not None:
            self._decoded.move_to_end(chunk)
            return blocks
        blocks = _decode(self._chunks[chunk])
        if self._keep:
            self._decoded[chunk] = blocks
            while len(self._decoded) > self._keep:
                self._decoded.popitem(last=False)
        return blocks

    def stored_bytes(self) -> int:
        return sum(len(c) for c in self._chunks)

    def stored_pages(self) -> int:
        return self._pages


def _decode(chunk: bytes) -> list:
    # decoding makes thousands of objects and no cycles: the collector's passes over them
    # would cost half the decoding time for nothing
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _BLOCKS.validate_json(zlib.decompress(chunk))
    finally:
        if enabled:
            gc.enable()


class PagedDocument:
    """Read like a Document (source, pages, blocks, degraded, warnings, tables()); `blocks`
    decodes pages on access. `to_document()` gives the plain pydantic Document."""

    def __init__(self, source: SourceFile, pages: list[Page], blocks: BlockPages,
                 degraded: bool = False, warnings: Optional[list[str]] = None,
                 furniture: Optional[list[Paragraph]] = None):
        self.source, self.pages, self.blocks = source, pages, blocks
        self.degraded, self.warnings = degraded, list(warnings or [])
        self.furniture = list(furniture or [])

    @classmethod
    def from_document(cls, doc: Document, decoded_pages: int = DECODED_PAGES) -> "PagedDocument":
        blocks = BlockPages(decoded_pages)
        page: list = []
        for block in doc.blocks:
            page.append(block)
            if block.type == "page_break":
                blocks.add_page(page)
                page = []
        blocks.add_page(page)
        return cls(doc.source, doc.pages, blocks, doc.degraded, doc.warnings, doc.furniture)

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))

    def to_document(self) -> Document:
        return Document(source=self.source, pages=self.pages, blocks=list(self.blocks),
                        degraded=self.degraded, warnings=self.warnings, furniture=self.furniture)


# what extraction reads: either form, through the same attributes
AnyDocument = Union[Document, PagedDocument]
