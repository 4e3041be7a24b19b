"""The input file a Document was read from."""

from typing import Literal, Optional

from pydantic import Field

from .base import Model

SourceFormat = Literal["pdf", "pdf-scanned", "text", "markdown", "unknown"]


class SourceFile(Model):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: SourceFormat
    size_bytes: int = Field(ge=0)
    page_count: Optional[int] = Field(None, ge=0)
    line_count: Optional[int] = Field(None, ge=0)
