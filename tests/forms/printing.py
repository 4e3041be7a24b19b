"""How a generated document prints its numbers, and the value a careful reader takes from each.

Every printer returns a Printed: the text that goes on the page and the value GOLD.md reads off
it ("Rp 26.598.218.467,-" -> 26598218467, "93,09" -> 93.09, "BB (72,14)" -> 72.14, "BB" -> "BB").
A document keeps one Style throughout (its decimal mark, its money and percent habits), so
that a reader can tell "2.76" from "2.760" the way GOLD.md asks: by the document's own usage.
"""

import random
from dataclasses import dataclass
from typing import Optional, Union

Value = Union[int, float, str]


@dataclass(frozen=True)
class Printed:
    text: str
    value: Value
    unit: Optional[str] = None  # a unit printed with the value, in fact form ("%", "dokumen")


@dataclass(frozen=True)
class Style:
    decimal: str = ","  # "," Indonesian (1.234,5) or "." English (1,234.5)
    money: str = "plain"  # plain | rp | rp_dash | cents
    percent_sign: bool = False  # "93,09%" rather than "93,09" under a "(%)" header
    space_before_sign: bool = False  # "93,09 %"
    negative: str = "paren"  # paren "(1.234)" | minus "-1.234"

    @property
    def thousands(self) -> str:
        return "." if self.decimal == "," else ","

    @classmethod
    def draw(cls, rng: random.Random, decimal: Optional[str] = None) -> "Style":
        decimal = decimal or ("," if rng.random() < 0.85 else ".")
        money = rng.choice(("plain", "plain", "rp", "rp_dash", "cents"))
        if decimal == "." and money == "rp_dash":  # ",-" is an Indonesian habit
            money = "cents"
        return cls(decimal=decimal, money=money, percent_sign=rng.random() < 0.4,
                   space_before_sign=rng.random() < 0.3, negative=rng.choice(("paren", "minus")))


def number_text(value: float, decimals: int, style: Style) -> str:
    """`value` with `decimals` places, thousands grouped, in the style's marks."""
    text = f"{abs(value):,.{decimals}f}"  # 1,234.50
    whole, _, frac = text.partition(".")
    out = whole.replace(",", style.thousands) + (style.decimal + frac if frac else "")
    return ("-" if value < 0 else "") + out


def _clean(value: float, decimals: int) -> Union[int, float]:
    v = round(value, decimals)
    return int(v) if v == int(v) else v


def number(value: float, decimals: int, style: Style) -> Printed:
    return Printed(number_text(value, decimals, style), _clean(value, decimals))


def percent(value: float, decimals: int, style: Style, sign: Optional[bool] = None) -> Printed:
    """A percentage; the sign printed per the style unless `sign` says."""
    text = number_text(value, decimals, style)
    if style.percent_sign if sign is None else sign:
        text += " %" if style.space_before_sign else "%"
    return Printed(text, _clean(value, decimals), "%")


def quantity(value: float, decimals: int, style: Style, word: str) -> Printed:
    """A value printed with its unit word ("12 Dokumen", "100%"): the unit is then the document's."""
    if word == "%":
        return percent(value, decimals, style, sign=True)
    return Printed(f"{number_text(value, decimals, style)} {word}", _clean(value, decimals), word.lower())


def money(value: int, style: Style) -> Printed:
    """Rupiah as the style prints it; a negative amount in brackets or with a minus."""
    body = number_text(abs(value), 2 if style.money == "cents" else 0, style)
    if style.money == "rp":
        body = f"Rp {body}"
    elif style.money == "rp_dash":
        body = f"Rp. {body},-"
    if value < 0:
        body = f"({body})" if style.negative == "paren" else f"-{body}"
    return Printed(body, int(value))


# ---- graded values ----------------------------------------------------------------------------

# scale -> (grade, lowest score, highest score), best first; scores printed with the grade
GRADE_SCALES = {
    "sakip": [("AA", 90.0, 100.0), ("A", 80.0, 89.99), ("BB", 70.0, 79.99), ("B", 60.0, 69.99),
              ("CC", 50.0, 59.99)],
    "level": [("Level 5", 4.5, 5.0), ("Level 4", 3.5, 4.49), ("Level 3", 2.5, 3.49),
              ("Level 2", 1.5, 2.49)],
    "kip": [("Informatif", 90.0, 100.0), ("Menuju Informatif", 80.0, 89.99),
            ("Cukup Informatif", 60.0, 79.99)],
    "spbe": [("Memuaskan", 4.2, 5.0), ("Sangat Baik", 3.5, 4.19), ("Baik", 2.6, 3.49)],
    "ombudsman": [("Zona Hijau", 81.0, 100.0), ("Zona Kuning", 51.0, 80.99)],
    "opini": [("WTP", None, None), ("WDP", None, None)],  # an opinion has no score
}


def grade(scale: str, rank: int, rng: random.Random, style: Style, with_score: bool) -> Printed:
    """The rank-th grade of a scale, with its score in brackets ("BB (72,14)", read as 72.14)
    or bare ("BB", read as the string: a qualitative value; "Level 3" as its number)."""
    label, low, high = GRADE_SCALES[scale][min(rank, len(GRADE_SCALES[scale]) - 1)]
    if scale == "level" and not with_score:
        return Printed(label, int(label.split()[-1]))  # 'Level 3' is the number 3 (the rule)
    if not with_score or low is None:
        return Printed(label, label)
    decimals = 1 if scale == "level" else 2
    score = round(rng.uniform(low, high), decimals)
    return Printed(f"{label} ({number_text(score, decimals, style)})", _clean(score, decimals))
