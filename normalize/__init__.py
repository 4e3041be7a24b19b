"""kinerja.normalize: read the values Indonesian SAKIP documents print.

Every number the pipeline emits passes through this package. The public API (stable):

- ``read_value(raw, context=None) -> Value``: one cell or amount. Returns a
  ``kinerja.schema.Value`` with the normalised ``value``, its ``kind`` (number, money,
  percent, count, fraction, range, qualitative, text, empty), the ``raw`` text, the canonical
  ``unit`` ("%", "rp", "orang", ...), ``read_as`` (how it was read and on what evidence),
  ``ambiguous`` + ``readings`` when the evidence cannot decide (then ``value`` is None:
  never a silent guess), ``repaired`` for a hand-typed broken grouping mended because exactly
  one reading is consistent, ``low``/``high`` for ranges and bounds, ``numerator``/
  ``denominator`` for fractions, ``scale``/``rank`` for qualitative levels (``value`` is then
  the level's canonical label, or the printed label when the scale is undetermined).
  Codes and outline numbers ("1.1.2", "02.0013") read as text.
- ``ValueContext(style=None, expected=None, unit=None, scale=None, siblings=(),
  style_source="")``: a small frozen hint. ``style`` 'id' (1.234,5) or 'en' (1,234.5)
  decides only what the printed form leaves open (``style_source="document"`` marks it as
  the document's prevailing style, weaker: "1,000" stays ambiguous); ``expected`` is
  'money', 'percent', 'index' (0-5), 'score' (0-100), 'count' or 'code'; ``unit`` is the
  row's satuan; ``scale`` a qualitative scale name; ``siblings`` the other raw cells of the
  column (their unambiguous forms decide the style, their codes and labels code-ness and
  scale).
- ``context_from_header(header, unit=None, style=None, doc_style=None) -> ValueContext``:
  the hint a column header gives ("Anggaran (Rp)" -> money, "% Capaian" -> percent,
  "Kriteria" -> kriteria_capaian scale, "No." -> code).
- ``read_column(raws, header=None, doc_style=None, context=None) -> list[Value]``: a column
  at once; the style is decided from the column's unambiguous cells, then the document's
  style, then the unit or expected kind.
- ``document_style(texts) -> 'id' | 'en' | None``: the style a document's unambiguous
  numbers prevail in (None when mixed or too little evidence).
- ``resolve_by_relation(target, realisasi, capaian) -> (Value, Value, Value)``: picks the
  readings under which capaian ~= realisasi / target * 100 when exactly one combination fits.
- ``canonical_unit(raw) -> str | None``: "Persen" -> "%", "Rp." -> "rp", "Org" -> "orang".
- Qualitative helpers: ``qualitative_level(label, scale=None)``, ``scale_levels(scale)``,
  ``compare_levels(a, b)`` (ordered scales: keterbukaan informasi, SPBE predikat, SAKIP
  grade, BPK opini, kriteria capaian), ``read_number_words(text)`` ("dua puluh lima" -> 25).

Scales, unit synonyms and header cues live in ``normalize/data/*.json``. Modules: reader
(dispatch), fast (the common unambiguous forms), amounts (one amount with affixes),
expressions (fractions, ranges), labels (qualitative), numerals (digit groups and repairs),
evidence/style/column/relation (deciding from the surroundings), words, units, scales.
"""

from .column_reading import read_column
from .value_context import ValueContext, context_from_header
from .reader import read_value
from .relation import resolve_by_relation
from .scales import compare_levels, qualitative_level, scale_levels
from .number_style import document_style
from .units import canonical_unit
from .words import read_number_words

__all__ = [
    "read_value", "read_column", "ValueContext", "context_from_header", "document_style",
    "canonical_unit", "resolve_by_relation", "qualitative_level", "scale_levels",
    "compare_levels", "read_number_words",
]
