"""A read value: the raw text, its normalised reading, how it was read, and where from."""

from typing import Literal, Optional, Union

from pydantic import Field

from .base import Model
from .provenance import Provenance

ValueKind = Literal[
    "number", "money", "percent", "count", "fraction", "range", "qualitative", "text", "empty"
]
Scalar = Union[float, str, None]


class Reading(Model):
    """One candidate interpretation of an ambiguous raw string."""

    value: Scalar
    style: str = Field(description="e.g. 'id' (1.234,5), 'en' (1,234.5), 'plain'")


class Value(Model):
    raw: str
    value: Scalar = None
    kind: ValueKind = "text"
    unit: Optional[str] = Field(None, description="canonical lower-case unit; '%' for persen")
    unit_raw: Optional[str] = None
    ambiguous: bool = False
    readings: list[Reading] = Field(default_factory=list, description="all readings when ambiguous")
    repaired: bool = Field(False, description="a broken hand-typed grouping was repaired")
    read_as: str = Field("", description="how it was read: style and evidence used")
    low: Optional[float] = Field(None, description="lower bound for ranges / bounds")
    high: Optional[float] = None
    numerator: Optional[float] = None
    denominator: Optional[float] = None
    scale: Optional[str] = Field(None, description="qualitative scale name, e.g. 'keterbukaan_informasi'")
    rank: Optional[int] = Field(None, description="position on the qualitative scale, higher is better")
    grade: Optional[str] = Field(None, description="a grade or predikat printed beside the number "
                                 "('Level 3', 'BB', 'Cukup Informatif'); the number is the value")
    provenance: Optional[Provenance] = None
