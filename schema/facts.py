"""Gold facts (../shared/corpus/GOLD.md): the flat form extraction is scored in."""

from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base import Model
from .records import BudgetMeasure, IndicatorMeasure, Period, Source

FactValue = Union[float, int, str, None]


class MetaFact(Model):
    kind: Literal["meta"] = "meta"
    field: Literal["doc_type", "agency", "region", "region_level", "year"]
    value: FactValue


class IndicatorFact(Model):
    kind: Literal["indicator"] = "indicator"
    indicator: str
    year: Optional[int] = None
    period: Period = "annual"
    measure: IndicatorMeasure
    value: FactValue
    unit: Optional[str] = None
    source: Source = "table"


class BudgetFact(Model):
    kind: Literal["budget"] = "budget"
    item: str
    year: Optional[int] = None
    period: Period = "annual"
    measure: BudgetMeasure
    value: FactValue
    source: Source = "table"


class DefinitionFact(Model):
    kind: Literal["definition"] = "definition"
    indicator: str
    unit: Optional[str] = None
    formula: Optional[str] = None
    code: Optional[str] = None


Fact = Annotated[
    Union[MetaFact, IndicatorFact, BudgetFact, DefinitionFact], Field(discriminator="kind")
]
