"""Indicator definitions: formula, definisi operasional and code per indicator."""

from kinerja.schema import Definition, Document, Part


def read_definitions(doc: Document, parts: list[Part]) -> list[Definition]:
    return []
