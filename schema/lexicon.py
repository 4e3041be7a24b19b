"""The words a genre's tables are made of, handed to the parsers by their caller.

Parsers know no genre: a text-dump reader that recovers tables from plain `pdftotext` output
(cells written one after another, no columns marked) tells a header cell, a unit cell or a
record's start by the genre's words. The caller (the pipeline, from the SAKIP vocabulary that
kinerja.extract keeps as data) hands them over in a Lexicon; an empty Lexicon recovers no such
tables. Words are lower case unless a field says otherwise.
"""

from pydantic import ConfigDict, Field

from .base import Model


class Lexicon(Model):
    model_config = ConfigDict(extra="forbid", frozen=True)

    header_words: frozenset[str] = Field(
        frozenset(), description="every word a column header is made of ('no', 'indikator', 'target', '(rp)')")
    name_headers: frozenset[str] = Field(
        frozenset(), description="header words of a column of names ('sasaran', 'program')")
    measure_headers: frozenset[str] = Field(
        frozenset(), description="header words of a column of figures ('target', 'anggaran', '(rp)')")
    core_measures: frozenset[str] = Field(
        frozenset(), description="header words that make a column one of figures whatever else it says "
        "('target' in 'Indikator Target')")
    yearly_measures: frozenset[str] = Field(
        frozenset(), description="header words a year printed above them heads ('2023' over 'Target')")
    text_headers: frozenset[str] = Field(
        frozenset(), description="header words of a column of free text ('keterangan', 'formula')")
    unit_header: str = Field("", description="the header word of the unit column ('satuan')")
    definition_headers: frozenset[str] = Field(
        frozenset(), description="header words of a definition column ('definisi', 'rumus')")
    unit_words: tuple[str, ...] = Field(
        (), description="units a unit cell holds ('%', 'dokumen', 'perangkat daerah'), several-word ones first")
    name_leads: tuple[str, ...] = Field(
        (), description="words an indicator's name starts with, as printed ('Jumlah', 'Persentase')")
    item_leads: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="by a column's header word: words its items start with, as "
        "printed ({'program': ('Program',)}); 'indikator' items start with name_leads")
    indicator_label: str = Field("", description="the label printed before an indicator's name ('IK')")
    result_phrase: str = Field(
        "", description="regular expression of a result phrase opening a record "
        "('Meningkatnya ...': how goals are worded), matched at the start of a cell")
    definition_columns: tuple[str, ...] = Field(
        (), description="column labels of a definition sheet recovered without its header, as printed")
    matrix_columns: tuple[str, ...] = Field(
        (), description="column labels of a goal-to-indicator matrix recovered from interleaved cells")

    def __bool__(self) -> bool:
        return bool(self.header_words)
