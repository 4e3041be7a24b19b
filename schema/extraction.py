"""The per-file output of `kinerja extract`: everything read from one input file."""

from pydantic import Field

from .base import SCHEMA_VERSION, Model
from .records import BudgetValue, Definition, Finding, IndicatorValue, Meta, Part, ScoreValue
from .run import Status
from .source import SourceFile


class Extraction(Model):
    schema_version: str = SCHEMA_VERSION
    source: SourceFile
    status: Status = "ok"
    warnings: list[str] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)
    parts: list[Part] = Field(default_factory=list)
    indicators: list[IndicatorValue] = Field(default_factory=list)
    budgets: list[BudgetValue] = Field(default_factory=list)
    scores: list[ScoreValue] = Field(default_factory=list, description="weighted-score tables: bobot, nilai")
    definitions: list[Definition] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
