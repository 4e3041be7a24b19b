"""A single amount with its affixes: "Rp. 26.598.218.467,-", "93,09 %", "(399,556,221.00)",
"40 OPD", "2 (dua) Program", "Rp 2,5 juta".

The numeral's readings (numerals.parse_numeral) are narrowed by what the affixes and the
context say; `settle` turns what is left into the Value's fields, ambiguous when more than
one reading survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .value_context import EXPECTED_RANGE, ValueContext
from .numerals import NUMERAL, NumReading, parse_numeral, whole_amount_repairs
from .units import canonical_unit, is_count_unit, is_listed_unit
from .words import read_number_words

# 'Rp 5 M', 'Rp 1,2 T': capital M and T after rupiah are miliar and triliun
_MULTIPLIER = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
               "triliun": 1e12, "m": 1e9, "t": 1e12}


def _single_form(multipliers: str) -> re.Pattern:
    return re.compile(
        rf"""^(?P<lp>\()?\s*
        (?P<sign0>[-−](?=\s*(?:rp|idr)))?\s*
        (?P<cur>(?:rp|idr)\s*\.?\s*)?
        (?P<lp2>\()?\s*
        (?P<sign>[-+−](?=\d))?
        (?P<num>{NUMERAL})
        (?P<tail>[.,]{{1,2}}-{{1,2}}|[.,](?!\d))?
        \s*(?P<rp2>\))?
        \s*(?:(?P<mult>{multipliers})\b\.?)?
        \s*(?P<pct>%|persen\b|prosen\b)?
        \s*(?P<rp>\))?
        \s*(?P<rest>.*?)$""",
        re.I | re.X,
    )


_WORD_MULTIPLIERS = "ribu|rb|juta|jt|miliar|milyar|triliun"
_SINGLE = _single_form(_WORD_MULTIPLIERS + "|(?-i:M|T)")
# the same without the capital letters as multipliers: '10 M' read as ten metres
_SINGLE_NO_LETTER = _single_form(_WORD_MULTIPLIERS)
_LOWER_WORD = re.compile(r"[a-z]+")
LONE_LETTER = re.compile(r"\s*[^\W\d_mM]\s*")  # 'm' (metres) is the one-letter unit in use
_UNIT_WORDS = re.compile(r"^[^\W\d_][\w/\-. ]{0,40}$")
_NOTE = re.compile(r"^\((?P<inner>[^()]*)\)\s*(?P<after>.*)$")
# a rate's unit: "per 100.000 KH", "/ 1000 penduduk" (maternal and infant mortality, incidence);
# a base of 100 or more, a power of ten, so that "25/30 kegiatan" stays a count out of a total;
# a base of a thousand or more alone ("89/ 100.000", its 'KH' in the header) is a rate too
_RATE = re.compile(r"^(?:per\s*|/\s*)(?:1(?:[.,]?000|00)(?:[.,]?000)*\s*[^\W\d_][\w. ]{0,30}"
                   r"|10{0,2}[.,]?000(?:[.,]?000)*)$", re.I)


@dataclass(frozen=True)
class Affixes:
    """What is printed around a numeral: currency, percent, unit words, brackets, "-" tail."""

    cur: Optional[str] = None  # "Rp.", "Rp . "
    pct: str = ""  # "%", "persen"
    unit_raw: Optional[str] = None  # "OPD", "sistem informasi"
    paren: bool = False  # "(399,556,221.00)"
    tail: str = ""  # ",-" (a whole rupiah amount), "." (a list number)
    sign: str = ""  # "-"
    mult: Optional[str] = None  # "juta", "miliar"
    note: str = ""  # "(efisiensi)"
    words_value: Optional[int] = None  # "(dua)" -> 2

    @property
    def printed_unit(self) -> Optional[str]:
        return (self.cur or "").strip() or self.pct or self.unit_raw or None


PLAIN = Affixes()


def read_single(text: str, ctx: ValueContext) -> Optional[dict]:
    """One amount with its affixes, or None when the text is not of that form."""
    m = _SINGLE.match(text)
    if m is not None and m["mult"] in ("M", "T") and not m["cur"]:
        m = _SINGLE_NO_LETTER.match(text)  # '10 M' (metres), '5 T': a capital is a multiplier only after Rp
    if not m:
        return None
    opens = bool(m["lp"]) + bool(m["lp2"])
    if opens != bool(m["rp2"]) + bool(m["rp"]) or opens > 1 or (m["mult"] and not m["cur"]):
        return None
    if m["cur"] and m["pct"]:  # "Rp 0.98%": a stray currency sign or a stray percent
        return settle({"kind": "number"}, [(r.value, r.style) for r in parse_numeral(m["num"]).readings],
                      ["both Rp and %: unit undecided"], "", unreadable=True)
    rest, note, words_value = _split_rest(m["rest"])
    if rest is None:
        return None
    affixes = Affixes(
        cur=m["cur"], pct=m["pct"] or "", unit_raw=rest or None, paren=bool(opens), tail=m["tail"] or "",
        sign="-" if m["sign0"] or m["sign"] in ("-", "−") else "", mult=m["mult"], note=note,
        words_value=words_value,
    )
    return read_amount(m["num"], text, affixes, ctx)


def _split_rest(rest: str) -> tuple[Optional[str], str, Optional[int]]:
    """What follows an amount: '' | unit words | '(note)' | '(number words) unit'."""
    note, words_value = "", None
    m = _NOTE.match(rest)
    if m:
        inner = m["inner"].strip()
        words_value = read_number_words(inner)
        note = "" if words_value is not None else inner
        rest = m["after"].strip()
    if _RATE.match(rest):
        return re.sub(r"^/\s*", "/", rest), note, words_value
    if rest and not (_UNIT_WORDS.match(rest) and len(rest.split()) <= 4):
        return None, note, words_value
    return rest, note, words_value


def read_amount(num: str, text: str, affixes: Affixes, ctx: ValueContext) -> dict:
    """The fields of a Value for numeral `num` printed with `affixes` in `text`."""
    numeral = parse_numeral(num)
    if numeral.code_like or not numeral.readings or ctx.expected == "code":
        return {"kind": "text", "value": text, "read_as": f"code or label ({numeral.note or 'code column'})"}
    a = affixes
    if a.paren and not a.cur and not a.pct and ctx.expected != "money" and num.isdigit():
        return {"kind": "text", "value": text, "read_as": "parenthesised label, e.g. a column number"}
    kind, unit = _kind_and_unit(a, ctx)
    evidence: list[str] = []
    readings = _narrow(list(numeral.readings), kind, ctx, a.tail, evidence)
    repaired = numeral.repaired
    if kind == "money" and not any(_fits_rupiah(r, a.tail) for r in readings):
        readings, repaired = _rupiah_repairs(num, readings, evidence)
    elif repaired and ctx.whole_column and all(r.decimals for r in readings):
        # "464.850.00" among whole amounts: a digit lost as likely as a decimal typed with a dot
        evidence.append("decimals mended in a column of whole amounts: a digit may be lost")
        readings = readings + [NumReading(float(re.sub(r"\D", "", num)), "digits", 0)]
    values = _signed(readings, a, kind, evidence)
    if a.unit_raw and LONE_LETTER.fullmatch(a.unit_raw) and not is_listed_unit(a.unit_raw):
        # '2 s', '25 a': OCR's reading of a digit or a bracket, or a list label; no unit is one letter
        return {"kind": "text", "value": text, "read_as": "a number followed by a lone letter that is no unit"}
    if a.unit_raw and all(v != int(v) for v, _ in values) and not _measure_unit(a.unit_raw):
        return {"kind": "text", "value": text, "read_as": "a number followed by words that are not a unit"}
    if kind == "count" and any(v != int(v) for v, _ in values):
        kind = "number"
    if a.words_value is not None:
        values = _check_words(values, a.words_value, evidence)
    if a.note:
        evidence.append(f"note '{a.note}' kept in raw")
    fields = {"kind": kind, "unit": unit, "unit_raw": a.printed_unit}
    if repaired:
        fields["repaired"] = True
    return settle(fields, values, evidence, numeral.note if numeral.repaired else "",
                  unreadable=any(r.style == "digits" for r in readings))


def _signed(readings: list[NumReading], a: Affixes, kind: str, evidence: list[str]) -> list[tuple[float, str]]:
    """Values with the multiplier and the sign applied; brackets around a percentage leave
    the sign open (accounting minus, or just brackets in prose). Brackets around a small figure
    that is no amount ('(60,05)', the score under a grade 'BB') make it no negative: accounts
    bracket amounts, these reports bracket scores and notes."""
    factor = _MULTIPLIER[a.mult.lower()] if a.mult else 1.0
    score = a.paren and kind not in ("money", "percent") \
        and all(abs(r.value) < BRACKETED_SCORE for r in readings)
    if score:
        evidence.append("parentheses around a small figure: a score or note, not negative")
    if a.sign or (a.paren and kind != "percent" and not score):
        factor = -factor
        evidence.append("parentheses: negative" if a.paren else "minus sign")
    values = _scaled(readings, factor)
    if a.paren and kind == "percent":
        values = values + [(-v, s) for v, s in values]
        evidence.append("parentheses around a percentage: sign undecided")
    return values


BRACKETED_SCORE = 1000  # a bracketed figure below this that is no amount is a score or note


def _fits_rupiah(reading: NumReading, tail: str) -> bool:
    return reading.decimals <= (0 if tail.endswith("-") else 2)


def _rupiah_repairs(num: str, readings: list[NumReading], evidence: list[str]):
    """A rupiah amount no style reads with at most 2 decimals ("907458.180,-"): mend it as a
    whole amount if one way fits, else keep every candidate, flagged."""
    repairs = list(whole_amount_repairs(num))
    if len(repairs) == 1:
        evidence.append("rupiah with 3 decimals: separators mended as thousands")
        return repairs, True
    evidence.append("rupiah with 3 decimals: no single mend")
    digits = NumReading(float(re.sub(r"\D", "", num)), "digits", 0)
    return readings + [digits], True


def _measure_unit(words: str) -> bool:
    """A unit a fractional amount may carry: one lower-case word ("1,5 jam", "2,5 km"), or a
    short listed one in any case ("2.8 Ha").

    Rules out outline headings ("2.2 Strategi dan Arah Kebijakan", "4.2 Rekomendasi.....")
    and a number run into a label ("0,93 Informatif"). Lower-case listed units may stack
    ("79,77 nilai indeks").
    """
    if _LOWER_WORD.fullmatch(words) or _RATE.match(words):
        return True
    if len(words) <= 3 and is_listed_unit(words.lower()):
        return True  # a short measure capitalised ('2.8 Ha', '338.5 M3', '12,5 Km'): no heading's word
    parts = words.split()  # 'nilai indeks': every word a listed unit
    return 1 < len(parts) <= 3 and all(p.islower() and is_listed_unit(p) for p in parts)


def _kind_and_unit(a: Affixes, ctx: ValueContext) -> tuple[str, Optional[str]]:
    if a.cur:
        return "money", "rp"
    if a.pct:
        return "percent", "%"
    unit = canonical_unit(a.unit_raw) if a.unit_raw else canonical_unit(ctx.unit)
    if unit == "%" or (unit is None and ctx.expected == "percent"):
        return "percent", "%"
    if unit == "rp" or (unit is None and ctx.expected == "money"):
        return "money", "rp"
    if a.unit_raw or ctx.expected == "count" or is_count_unit(ctx.unit):
        return "count", unit
    return "number", unit


def _narrow(readings: list[NumReading], kind: str, ctx: ValueContext, tail: str,
            evidence: list[str]) -> list[NumReading]:
    """Drop readings the evidence rules out; never drop them all."""

    def keep(test, why: str) -> None:
        nonlocal readings
        if len({r.value for r in readings}) < 2:
            return
        kept = [r for r in readings if test(r)]
        if kept and len(kept) < len(readings):
            readings = kept
            evidence.append(why)

    if kind == "money" or ctx.expected == "money":
        keep(lambda r: r.decimals <= 2, "rupiah amounts have at most 2 decimals")
        if tail.endswith("-"):
            keep(lambda r: r.decimals == 0, "',-' marks a whole rupiah amount")
    if kind == "count" or ctx.expected == "count":
        keep(lambda r: r.decimals == 0, "a count is whole")
    expected = ctx.expected if ctx.expected in EXPECTED_RANGE else None
    if kind == "percent":
        expected = "percent"
    if expected:
        low, high = EXPECTED_RANGE[expected]
        keep(lambda r: low <= r.value <= high, f"{expected} lies in {low:g}..{high:g}")
    if ctx.style:
        keep(lambda r: r.style in (ctx.style, "plain") and not _weak_for(r, ctx),
             f"{ctx.style} style from {ctx.style_source or 'context'}")
    return readings


def _weak_for(reading: NumReading, ctx: ValueContext) -> bool:
    """A document's style alone does not make "1,000" or "2,500" one and two and a half:
    three decimals ending in zero are rarely typed, while a thousand typed in the other
    style is a common slip in mixed documents. Column evidence still decides them."""
    return (ctx.style_source == "document" and reading.decimals == 3
            and round(abs(reading.value) * 1000) % 10 == 0)


def _scaled(readings: list[NumReading], factor: float) -> list[tuple[float, str]]:
    out = []
    for r in readings:
        value = r.value * factor if factor != 1.0 else r.value
        out.append((round(value, 6) if factor not in (1.0, -1.0) else value, r.style))
    return out


def _check_words(values, words_value: int, evidence: list[str]):
    if len(values) == 1 and values[0][0] == words_value:
        evidence.append("digits confirmed by number words")
        return values
    evidence.append(f"digits and number words ({words_value}) disagree")
    return values + [(float(words_value), "words")]


def settle(fields: dict, values: list[tuple[float, str]], evidence: list[str], repair_note: str,
           unreadable: bool = False) -> dict:
    """Value when one reading is left; otherwise ambiguous with all readings and no value."""
    distinct = {v for v, _ in values}
    styles = "/".join(dict.fromkeys(s for _, s in values))
    if repair_note:
        evidence.insert(0, repair_note)
    if len(distinct) == 1 and not unreadable:
        fields["value"] = values[0][0]
        fields["read_as"] = "; ".join([styles, *evidence])
        return fields
    fields["value"] = None
    fields["ambiguous"] = True
    fields["readings"] = tuple(dict.fromkeys(values))
    fields["read_as"] = "; ".join(["ambiguous: " + styles, *evidence])
    return fields
