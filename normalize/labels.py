"""Qualitative labels ("Informatif", "SGT BAIK", "BB (Sangat Baik)") and a number printed
with its predikat ("2.76 / Baik"), placed on their scale (scales.py) where the label, the
context or the number's band decides it.
"""

from __future__ import annotations

import re
from typing import Optional

from .amounts import PLAIN, read_amount
from .value_context import ValueContext
from .numerals import NUMERAL
from .scales import in_band, levels_for

_WITH_LABEL = re.compile(rf"^(?P<n>{NUMERAL})\s*(?:/|-|–|\()\s*(?P<label>[^\W\d_][\w ]*?)\s*\)?$")
_LABEL_NOTE = re.compile(r"^(?P<label>[^()]+?)\s*\((?P<note>[^()]*)\)$")
# a grade with its number in brackets: 'Level 3 (3,6)', 'Nilai A (83)', 'BB (72,14)', 'Baik (3,01)'
_GRADE_NUMBER = re.compile(rf"^(?P<label>[^\W\d_][^()]*?)\s*\(\s*(?P<n>{NUMERAL})\s*(?P<pct>%)?\s*\)$")
# the number first: '(70,00)BB', '(82,5) A'
_NUMBER_GRADE = re.compile(rf"^\(\s*(?P<n>{NUMERAL})\s*(?P<pct>%)?\s*\)\s*(?P<label>[^\W\d_][^()]*?)\s*$")
# a level alone: 'Level 3', 'Tingkat 2' (maturity and capability levels are numbers)
_YEAR = re.compile(r"(?:19[5-9]\d|20\d\d)")
_LEVEL = re.compile(r"^(?P<label>(?:level|tingkat|tahap)\s*(?P<n>[1-5]))$", re.IGNORECASE)


def read_number_with_label(text: str, ctx: ValueContext) -> Optional[dict]:
    m = _WITH_LABEL.match(text)
    if not m:
        return None
    levels = _levels_in_scope(m["label"], ctx)
    if not levels:
        return None
    number = read_amount(m["n"], text, PLAIN, ctx)
    if number.get("ambiguous") or number["kind"] == "text":
        return number
    fitting = [lv for lv in levels if in_band(lv, number["value"])]
    chosen = fitting if fitting else levels
    if len(chosen) == 1:
        level = chosen[0]
        number.update(scale=level.scale, rank=level.rank)
        why = "in its band" if fitting else "OUTSIDE its band"
        number["read_as"] += f"; predikat {level.label} ({level.scale}) {why}"
    else:
        number["read_as"] += f"; predikat {m['label']} on an undetermined scale"
    return number


def read_grade_with_number(text: str, ctx: ValueContext) -> Optional[dict]:
    """'Cukup Informatif (64,53)', 'Level 3 (3,6)', 'Level 3': the number is the value, the grade
    is kept beside it (and placed on its scale where the label names one). '(70,00)BB': the
    grade after its number, which the brackets do not make negative (only a known grade)."""
    m = _GRADE_NUMBER.match(text) or _LEVEL.match(text)
    if m is None:
        m = _NUMBER_GRADE.match(text)
        if m is None or not _levels_in_scope(m["label"], ctx):
            return None
    return _graded_number(m, text, ctx)


def _graded_number(m: re.Match, text: str, ctx: ValueContext) -> Optional[dict]:
    """The Value's fields of a number `m` matched beside its grade (groups n, label, pct)."""
    if _YEAR.fullmatch(m["n"]):
        return None  # 'Target Akhir Renstra (2026)': a label and its year, no graded figure
    number = read_amount(m["n"], text, PLAIN, ctx)
    if number["kind"] == "text":
        return None
    label = m["label"].strip()
    number["grade"] = label
    if m.groupdict().get("pct"):
        number.update(kind="percent", unit="%")
    levels = _levels_in_scope(label, ctx)
    if len({(lv.scale, lv.label) for lv in levels}) == 1:
        number.update(scale=levels[0].scale, rank=levels[0].rank)
    number["read_as"] = f"{number.get('read_as', '')}; grade '{label}' kept beside the number".lstrip("; ")
    return number


def read_bracketed_grade(text: str, ctx: ValueContext) -> Optional[dict]:
    """'(70,00)BB' before the amount readers see it: a bracketed figure followed by a known grade
    whose band holds it is that grade's score, never a negative count of 'BB' ('(1) A' is a
    list's number and a label)."""
    m = _NUMBER_GRADE.match(text)
    levels = _levels_in_scope(m["label"], ctx) if m else ()
    fields = _graded_number(m, text, ctx) if levels else None
    if fields is None or fields.get("value") is None:
        return None
    return fields if any(in_band(lv, fields["value"]) for lv in levels) else None


def read_qualitative(text: str, ctx: ValueContext) -> Optional[dict]:
    label, note = text, ""
    levels = _levels_in_scope(label, ctx)
    if not levels:
        m = _LABEL_NOTE.match(text)
        if not m:
            return None
        label, note = m["label"], m["note"]
        levels = _levels_in_scope(label, ctx)
        if not levels:
            return None
    if len(label.strip()) == 1 and not ctx.scale:  # "A", "B": a list label as often as a grade
        return None
    fields: dict = {"kind": "qualitative"}
    if len({(lv.scale, lv.label) for lv in levels}) == 1:
        level = levels[0]
        fields.update(value=level.label, scale=level.scale, rank=level.rank,
                      read_as=f"level {level.rank} of {level.scale}")
    else:
        scales = ", ".join(sorted({lv.scale for lv in levels}))
        fields.update(value=label.strip(), read_as=f"qualitative; scale undetermined ({scales})")
    if note:
        fields["read_as"] += f"; note '{note}' kept in raw"
    return fields


def _levels_in_scope(label: str, ctx: ValueContext):
    """The label's levels on the hinted scale; all of them if the hint does not fit the label."""
    levels = levels_for(label)
    if ctx.scale:
        return tuple(lv for lv in levels if lv.scale == ctx.scale) or levels
    return levels
