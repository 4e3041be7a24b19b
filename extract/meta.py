"""Document metadata: agency, region and level, year, date, signatories."""

from kinerja.schema import Document, Meta, Part


def read_meta(doc: Document, parts: list[Part]) -> Meta:
    return Meta()
