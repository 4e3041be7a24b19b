"""Per-file outcome of a run, and the run manifest that records them all."""

from typing import Literal, Optional

from pydantic import Field

from .base import SCHEMA_VERSION, Model

Status = Literal["ok", "degraded", "failed", "skipped"]


class StageError(Model):
    stage: str
    error: str = Field(description="typed error name, e.g. 'EncryptedPDF'")
    message: str


class FileResult(Model):
    file: str
    status: Status
    reason: Optional[str] = None
    errors: list[StageError] = Field(default_factory=list)
    output: Optional[str] = None
    sha256: Optional[str] = None
    duration_s: float = Field(0.0, ge=0)
    timings: dict[str, float] = Field(default_factory=dict)


class RunManifest(Model):
    schema_version: str = SCHEMA_VERSION
    started: str
    finished: Optional[str] = None
    out_dir: str
    files: list[FileResult] = Field(default_factory=list)
