"""Per-file outcome of a run, and the run manifest that records them all."""

from typing import Literal, Optional

from pydantic import Field

from .base import SCHEMA_VERSION, Model

Status = Literal["ok", "degraded", "failed", "skipped"]


class StageError(Model):
    stage: str
    error: str = Field(description="typed error name, e.g. 'EncryptedPDF'")
    message: str


class Health(Model):
    """How much of one document was read, and how much of that is doubtful: what `kinerja
    extract` summarises per file, and what makes a run status 'degraded'."""

    records: int = Field(0, ge=0, description="indicator, budget, score and definition records kept")
    indicators: int = Field(0, ge=0)
    budgets: int = Field(0, ge=0)
    scores: int = Field(0, ge=0, description="weighted-score values (bobot, nilai)")
    definitions: int = Field(0, ge=0)
    findings: int = Field(0, ge=0, description="audit findings, every severity")
    doubtful: int = Field(0, ge=0, description="indicator, budget and score values below confidence 0.7")
    flagged: dict[str, int] = Field(default_factory=dict, description="flag -> values kept with it")
    dropped: dict[str, int] = Field(
        default_factory=dict, description="flag -> values dropped as misreads, each under its first "
        "flag (a value whose kind fights its column: a rupiah-sized indicator, a rupiah amount under "
        "a thousand, a year, a percentage above 1000)")
    tables: int = Field(0, ge=0, description="tables in the Document")
    tables_read: int = Field(0, ge=0, description="tables that gave at least one record")
    tables_skipped: dict[str, int] = Field(
        default_factory=dict, description="reason -> tables that gave none: 'toc', 'layout' (not a "
        "data table), 'no-body', 'no-measure-columns' (no indicator or amount columns), "
        "'no-values-read' (such columns, no value read under them)")


class FileResult(Model):
    file: str = Field(description="the input's absolute path: what the manifest is keyed by")
    status: Status
    reason: Optional[str] = None
    errors: list[StageError] = Field(default_factory=list)
    output: Optional[str] = None
    sha256: Optional[str] = Field(None, description="sha256 of the input's bytes")
    output_sha256: Optional[str] = Field(
        None, description="sha256 of the output as written: a truncated or replaced output differs")
    pipeline_version: Optional[str] = Field(None, description="kinerja and schema version that wrote it")
    duration_s: float = Field(0.0, ge=0)
    timings: dict[str, float] = Field(default_factory=dict)
    health: Optional[Health] = None


class RunManifest(Model):
    schema_version: str = SCHEMA_VERSION
    started: str
    finished: Optional[str] = None
    out_dir: str
    files: list[FileResult] = Field(default_factory=list)
