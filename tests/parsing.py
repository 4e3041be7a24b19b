"""The parsers as the pipeline runs them: handed the SAKIP vocabulary (for text dumps) unless a
test passes options of its own. Tests of what extraction sees parse through these."""

from pathlib import Path

from kinerja import parsers
from kinerja.pipeline import parse_options


def parse(path: Path, options=None):
    return parsers.parse(path, parse_options() if options is None else options)


def parse_paged(path: Path, options=None):
    return parsers.parse_paged(path, parse_options() if options is None else options)
