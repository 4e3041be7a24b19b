"""Digit strings with '.' and ',' in them: every reading the printed form allows.

A numeral such as "1.234" has two readings (1234 in Indonesian style, 1.234 in English style);
"2.76" or "1.234.567,89" only one. Separators that fit neither style ("72.753.618.04") are
mended only when exactly one repair is consistent. Callers narrow readings with evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from babel.numbers import get_decimal_symbol, get_group_symbol

# Style -> (group symbol, decimal symbol), from the CLDR locale data rather than by habit.
STYLES: dict[str, tuple[str, str]] = {
    style: (get_group_symbol(style), get_decimal_symbol(style)) for style in ("id", "en")
}

NUMERAL = r"\d(?:[\d.,]*\d)?"  # digits with '.'/',' inside: the numeral every form is built on
_SPLIT = re.compile(r"([.,])")
_DOUBLED = re.compile(r"([.,])\1+")


@dataclass(frozen=True, slots=True)
class NumReading:
    value: float
    style: str  # 'plain' (no separator), 'id', 'en', 'repaired', 'digits'
    decimals: int  # digits printed after the decimal mark (precision, for relations)


@dataclass(frozen=True, slots=True)
class Numeral:
    readings: tuple[NumReading, ...]
    repaired: bool = False
    code_like: bool = False  # outline or code number ("1.1.2", "02.0013"), not a quantity
    note: str = ""

    @property
    def ambiguous(self) -> bool:
        return len({r.value for r in self.readings}) > 1


def _groups_ok(groups: list[str]) -> bool:
    """Integer part groups: a 1-3 digit head without leading zero, then 3-digit groups."""
    head = groups[0]
    if len(groups) == 1:
        return bool(head) and (head[0] != "0" or len(head) == 1)
    return 1 <= len(head) <= 3 and head[0] != "0" and all(len(g) == 3 for g in groups[1:])


def _read_style(parts: list[str], seps: list[str], style: str) -> Optional[NumReading]:
    group, decimal = STYLES[style]
    n_dec = seps.count(decimal)
    if n_dec > 1 or (n_dec == 1 and seps[-1] != decimal):
        return None
    int_groups = parts[:-1] if n_dec else parts
    frac = parts[-1] if n_dec else ""
    if not _groups_ok(int_groups) or (n_dec and not frac):
        return None
    digits = "".join(int_groups)
    value = float(f"{digits}.{frac}") if n_dec else float(digits)
    return NumReading(value, style, len(frac))


def _repairs(parts: list[str]) -> list[NumReading]:
    """Readings of a numeral that fits no style: separators typed wrongly by hand.

    Consistent repairs keep every visible separator on a thousands boundary: each one groups
    thousands ("4.894,043,446"), some were left out ("1.577250.000": 577250 is two groups),
    or the last one marks 1-2 decimals ("72.753.618.04", "4.894,043,446,88").
    """
    found = []
    if len("".join(parts)) > MAX_REPAIRED_DIGITS:
        return found  # two amounts printed without a space ('129,531,408,835120,981,038,602')
    if _aligned(parts):
        found.append(NumReading(float("".join(parts)), "repaired", 0))
    if len(parts) > 2 and 1 <= len(parts[-1]) <= 2 and _aligned(parts[:-1]):
        found.append(NumReading(float("".join(parts[:-1]) + "." + parts[-1]), "repaired", len(parts[-1])))
    return found


# digits of the longest amount a repair may read: a thousand trillion rupiah is beyond any budget
MAX_REPAIRED_DIGITS = 15


def _aligned(groups: list[str]) -> bool:
    """Separators on thousands boundaries, some perhaps missing: groups after the head
    have a multiple of three digits, and the head has no leading zero."""
    head = groups[0]
    return (bool(head) and head[0] != "0" and len(groups) > 1
            and all(g and len(g) % 3 == 0 for g in groups[1:]))


def whole_amount_repairs(text: str) -> tuple[NumReading, ...]:
    """Readings of a numeral as a whole amount with separators left out or misplaced.

    For rupiah whose only style reading has three decimals ("907458.180,-",
    "503,753.650,-"): the amount is whole, so every separator must group thousands.
    """
    parts = _SPLIT.split(_DOUBLED.sub(r"\1", text))[0::2]
    return tuple(r for r in _repairs(parts) if r.decimals == 0)


def _code_like(parts: list[str]) -> bool:
    """Outline numbers and codes: "1.1.2", "2.16.03", "02.0013": a short inner group or a
    leading zero, which no amount has (a long inner group is a left-out separator)."""
    if len(parts[0]) > 1 and parts[0][0] == "0":
        return True
    middle = parts[1:-1]
    return len(parts) > 2 and any(len(g) < 3 for g in middle)


def parse_numeral(text: str) -> Numeral:
    """All readings of a digit string with optional '.'/',' separators (no sign, no unit)."""
    if text.isdigit():
        if len(text) > 1 and text[0] == "0":
            return Numeral((), code_like=True, note="leading zero")
        return Numeral((NumReading(float(text), "plain", 0),))
    doubled = _DOUBLED.search(text)
    if doubled:  # "163.305..000": a key struck twice; mend, then read as usual
        mended = parse_numeral(_DOUBLED.sub(r"\1", text))
        return Numeral(mended.readings, repaired=True, code_like=mended.code_like,
                       note="doubled separator")
    pieces = _SPLIT.split(text)
    parts, seps = pieces[0::2], pieces[1::2]
    if any(not p.isdigit() for p in parts):
        return Numeral((), note="empty digit group")
    readings = [r for r in (_read_style(parts, seps, s) for s in STYLES) if r is not None]
    if readings:
        return Numeral(tuple(readings))
    if _code_like(parts) and len(set(seps)) == 1:
        return Numeral((), code_like=True, note="outline or code number")
    repairs = _repairs(parts)
    if repairs:
        return Numeral(tuple(repairs), repaired=True, note="broken grouping")
    return Numeral(tuple(_guesses(parts)), repaired=True, note="unreadable grouping")


def _guesses(parts: list[str]) -> list[NumReading]:
    """Candidates for a numeral no repair explains: kept as readings, never chosen alone.

    "4.300.00,00": the last mark before 1-2 digits is taken for the decimal mark; a short
    all-zero group is read both as typed and padded to three digits (a zero left out).
    """
    whole, frac = (parts[:-1], parts[-1]) if len(parts[-1]) <= 2 else (parts, "")
    out = []
    for groups in (whole, [g.ljust(3, "0") if set(g) == {"0"} else g for g in whole]):
        text = "".join(groups) + (f".{frac}" if frac else "")
        reading = NumReading(float(text), "digits", len(frac))
        if reading not in out:
            out.append(reading)
    return out
