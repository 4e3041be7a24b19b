"""Where a piece of content came from: one type for every value, block, cell and finding."""

from typing import Literal, Optional

from pydantic import Field

from .base import Model


class BBox(Model):
    """A box on a page in PDF points; the origin is stated on the box (parsers convert once)."""

    x0: float
    y0: float
    x1: float
    y1: float
    origin: Literal["top-left", "bottom-left"] = "top-left"


class Provenance(Model):
    """File plus the narrowest location known: page or line range, box, table, row, column."""

    file: str
    page: Optional[int] = Field(None, ge=1, description="1-based page number (PDF)")
    line_start: Optional[int] = Field(None, ge=1, description="1-based first line (text dumps)")
    line_end: Optional[int] = Field(None, ge=1, description="1-based last line, inclusive")
    bbox: Optional[BBox] = None
    table: Optional[int] = Field(None, ge=0, description="index of the table in Document.tables order")
    row: Optional[int] = Field(None, ge=0, description="0-based body row index in the table")
    col: Optional[int] = Field(None, ge=0, description="0-based column index in the table")
    char_start: Optional[int] = Field(None, ge=0, description="offset in the block or cell text")
    char_end: Optional[int] = Field(None, ge=0)
    pages: Optional[list[int]] = Field(None, description="all pages a multi-page item spans")
