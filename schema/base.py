"""Shared pydantic base: data only, unknown fields rejected."""

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1.2.0"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)
