"""The Document every parser produces, whatever the input format: pages and typed blocks."""

from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base import SCHEMA_VERSION, Model
from .provenance import Provenance
from .source import SourceFile


class Cell(Model):
    text: str
    row: int = Field(ge=0)
    col: int = Field(ge=0)
    row_span: int = Field(1, ge=1)
    col_span: int = Field(1, ge=1)
    confidence: Optional[float] = Field(None, ge=0, le=1, description="OCR or recovery confidence")
    provenance: Optional[Provenance] = None
    raw_text: Optional[str] = Field(None, description="the cell as printed when it held markup (HTML, LaTeX)")
    formulas: list[str] = Field(default_factory=list, description="LaTeX sources of formulas in the cell")
    equation: Optional[str] = Field(
        None, description="the equation heading the cell, read by OCR from a PDF whose font maps its "
                          "glyphs to no text; the text-layer lines below explain it")


class BlockBase(Model):
    text: str = ""
    provenance: Provenance
    confidence: Optional[float] = Field(None, ge=0, le=1)
    low_confidence: bool = False
    notes: list[str] = Field(default_factory=list)


class Heading(BlockBase):
    type: Literal["heading"] = "heading"
    level: int = Field(1, ge=1, le=6)


class Paragraph(BlockBase):
    type: Literal["paragraph"] = "paragraph"


class ListBlock(BlockBase):
    type: Literal["list"] = "list"
    ordered: bool = False
    items: list[str] = Field(default_factory=list)


class Formula(BlockBase):
    type: Literal["formula"] = "formula"
    source: str = Field("", description="the formula as printed (LaTeX, text)")
    plain: str = Field("", description="readable plain-text rendering, 'a / b x 100%'")


class Table(BlockBase):
    type: Literal["table"] = "table"
    index: int = Field(0, ge=0, description="position among the Document's tables")
    caption: Optional[str] = None
    kind: Literal["data", "toc", "layout", "unknown"] = "data"
    n_rows: int = Field(0, ge=0)
    n_cols: int = Field(0, ge=0)
    header_rows: list[list[Cell]] = Field(default_factory=list)
    column_paths: list[str] = Field(default_factory=list, description="'TAHUN 2024 / TARGET' per column")
    numbering_row: Optional[list[str]] = None
    body: list[list[Cell]] = Field(default_factory=list, description="body rows; spanned slots are absent")
    method: str = Field("", description="how it was found, e.g. 'tsv', 'camelot-lattice', 'ocr'")
    quality: Optional[float] = Field(None, ge=0, le=1)


class PageBreak(BlockBase):
    type: Literal["page_break"] = "page_break"


Block = Annotated[
    Union[Heading, Paragraph, ListBlock, Formula, Table, PageBreak], Field(discriminator="type")
]


class Page(Model):
    number: int = Field(ge=1)
    width: Optional[float] = None
    height: Optional[float] = None
    rotation: int = 0
    kind: Literal["text", "scanned", "empty", "mixed"] = "text"
    has_tables: bool = False
    ocr_confidence: Optional[float] = Field(None, ge=0, le=1)


class Document(Model):
    schema_version: str = SCHEMA_VERSION
    source: SourceFile
    pages: list[Page] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    furniture: list[Paragraph] = Field(
        default_factory=list, description="running headers and footers set aside from the content, "
        "each distinct text once, where it is first printed (they often name the document)")
    degraded: bool = False
    warnings: list[str] = Field(default_factory=list)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
