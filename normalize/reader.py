"""read_value: one printed value -> kinerja.schema.Value, with the evidence it was read on.

The forms, tried in order: empty markers ("-"), a single amount with its affixes
("Rp. 26.598.218.467,-", "93,09 %", "(399,556,221.00)", "40 OPD", "2 (dua)"), number words
("tiga"), fractions and stated results ("514/621 = 0,83", "12/10 x 100% = 120%"), ranges and
bounds ("3,5 - < 4,2", "≤ 50"), a number with its predikat ("2.76 / Baik"), qualitative
labels ("Informatif", "SGT BAIK"), else text. Readings the form leaves open are narrowed by
the context; what stays open is returned ambiguous with every reading and no value.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from kinerja.schema import Reading, Value

from .amounts import PLAIN, read_amount, read_single
from .value_context import ValueContext
from .expressions import read_fraction, read_range
from .common_forms import read_fast
from .labels import read_bracketed_grade, read_grade_with_number, read_number_with_label, read_qualitative
from .numerals import NUMERAL
from .units import canonical_unit
from .words import read_number_words

_NO_CONTEXT = ValueContext()
_PLAIN = re.compile(NUMERAL)
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_EMPTY = frozenset({"", "-", "--", "---", "–", "—", "*", "**", "n/a", "na", "-/-", "…", "...",
                    "tidak ada", "nihil"})
_LATEX = (("\\leq", "≤"), ("\\geq", "≥"), ("\\le ", "≤ "), ("\\ge ", "≥ "), ("\\%", "%"),
          ("\\times", "x"), ("$", ""), ("<=", "≤"), (">=", "≥"))
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # runs of spaces, tabs, newlines, no-break spaces
_DIGIT = re.compile(r"\d")
_TRAILING = re.compile(r"(?<=[%)])[.,;:]+$|[,;:]+$")
_CURRENCY_ONLY = re.compile(r"^(?:rp|idr)\s*\.?\s*(?=[-–—])", re.I)


def read_value(raw: str, context: Optional[ValueContext] = None) -> Value:
    """Read one printed value; see the module docstring for the forms understood."""
    ctx = context or _NO_CONTEXT
    if ctx.siblings:
        ctx = _sibling_context(ctx)
    fields = _read_cached(raw, ctx)
    if "readings" in fields:  # fresh Reading objects: callers may edit what they get
        fields = {**fields, "readings": [Reading(value=v, style=s) for v, s in fields["readings"]]}
    return Value(raw=raw, **fields)


@lru_cache(maxsize=1024)
def _sibling_context(ctx: ValueContext) -> ValueContext:
    from .column_evidence import with_column_evidence  # evidence reads numerals and scales, as we do

    return with_column_evidence(ctx, ctx.siblings)


@lru_cache(maxsize=65536)
def _read_cached(raw: str, ctx: ValueContext) -> dict:
    """The Value's fields for (raw, context); a run reads the same strings many times."""
    return _read(raw, ctx)


def _read(raw: str, ctx: ValueContext) -> dict:
    if ctx.expected is None and ctx.unit is None:
        fields = read_fast(raw)
        if fields is not None:
            return fields
    if _PLAIN.fullmatch(raw) and ctx.expected != "code":  # a bare numeral
        return read_amount(raw, raw, PLAIN, ctx)
    text = _clean(raw)
    for reader in _WITH_DIGITS if _DIGIT.search(text) else _WITHOUT_DIGITS:
        fields = reader(text, ctx)
        if fields is not None:
            return fields
    mended = _mend_cut_group(_SPACED_GROUP.sub("", text))
    if mended != text:
        fields = _read(mended, ctx)
        if fields["kind"] != "text":
            read_as = "; ".join(x for x in (fields.get("read_as"), "a space inside its digit groups left out") if x)
            return {**fields, "repaired": True, "read_as": read_as}
    return {"kind": "text", "value": text, "read_as": "text"}


# a space typed inside a grouped amount, after whole groups: "9.985.639. 757", "12 .345.678"
_SPACED_GROUP = re.compile(r"(?<=\d[.,]\d{3}[.,]) (?=\d{3}(?!\d))|(?<=\d) (?=[.,]\d{3}[.,]\d{3}(?!\d))")


# an amount whose last group a wrapped cell cut: '108.600.00 0', '9.992.176.7 20' (one separator throughout)
_CUT_GROUP = re.compile(r"^(?P<lead>(?:rp\.?\s*)?\d{1,3}(?:(?P<sep>[.,])\d{3})+(?P=sep))(?P<a>\d{1,2}) (?P<b>\d{1,2})"
                        r"(?P<tail>,-|\.-|,00)?$", re.IGNORECASE)


def _mend_cut_group(text: str) -> str:
    m = _CUT_GROUP.match(text)
    if m is None or len(m["a"]) + len(m["b"]) != 3:
        return text
    return f"{m['lead']}{m['a']}{m['b']}{m['tail'] or ''}"


def _clean(raw: str) -> str:
    text = raw
    for old, new in _LATEX:
        if old in text:
            text = text.replace(old, new)
    text = _SPACES.sub(" ", text).strip() if _ODD_SPACE.search(text) else text.strip()
    text = _TRAILING.sub("", text)  # "70%;" "146.79%." at the end of a sentence
    while text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    return text


def _empty(text: str, ctx: ValueContext) -> Optional[dict]:
    currency = _CURRENCY_ONLY.match(text)
    if currency:  # "Rp. -", "Rp -": an accounting zero
        text, ctx = text[currency.end():], ValueContext(expected="money")
    if text.lower() not in _EMPTY:
        return None
    if ctx.expected == "money" and text not in ("", "*", "**"):
        return {"kind": "money", "value": 0.0, "unit": "rp",
                "read_as": "dash in a money column: zero (accounting)"}
    return {"kind": "empty", "value": None, "read_as": "empty marker"}


def _words(text: str, ctx: ValueContext) -> Optional[dict]:
    if not text[:1].isalpha() or len(text) > 60:
        return None
    value = read_number_words(text)
    if value is None:
        return None
    kind = "count" if ctx.expected == "count" else "number"
    return {"kind": kind, "value": float(value), "unit": canonical_unit(ctx.unit),
            "read_as": "number words (spaCy Indonesian lexicon)"}


# The forms in the order they are tried; text without a digit skips the numeric ones.
_WITH_DIGITS = (_empty, read_bracketed_grade, read_single, read_fraction, read_range, read_number_with_label,
                read_grade_with_number, read_qualitative)
_WITHOUT_DIGITS = (_empty, _words, read_qualitative)  # 'Level 3' has a digit
