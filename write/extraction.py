"""An Extraction written as JSON record by record: one record a line, each checked to load back
as it is written, the whole file atomic. A long report's records are never held twice, as they
would be by dumping the whole Extraction to one string and loading that back to check it."""

import os
from pathlib import Path

from kinerja.write.atomic import replace_atomic
from kinerja.schema import Extraction

RECORD_LISTS = ("indicators", "budgets", "scores", "definitions", "findings")


def write_extraction(ex: Extraction, output: Path) -> None:
    """Write `ex` to `output`. The caller hands `ex` over: its record lists are emptied as they
    are written, so that each record is let go of once on disk."""
    head = ex.model_dump_json(exclude=set(RECORD_LISTS), exclude_none=True, indent=1)
    Extraction.model_validate_json(head)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(head.rstrip()[:-1].rstrip())  # its closing brace comes after the records
            for name in RECORD_LISTS:
                fh.write(f',\n "{name}": [')
                _write_records(fh, getattr(ex, name))
                fh.write("]")
            fh.write("\n}\n")
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomic(output, write)


def _write_records(fh, records: list) -> None:
    records.reverse()  # popped from the end, each record goes as soon as it is written
    separator = "\n  "
    while records:
        record = records.pop()
        text = record.model_dump_json(exclude_none=True)
        type(record).model_validate_json(text)  # what we write must load back
        fh.write(separator + text)
        separator = ",\n  "
    if separator != "\n  ":
        fh.write("\n ")
