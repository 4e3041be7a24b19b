"""Numbers as auditors compare them: the printed precision, rounding tolerance, display.

A recomputed figure agrees with a printed one when rounding (or truncating) it to the printed
precision gives the printed figure: "147%" agrees with 146.79, "146.79" with 146.7857.
"""

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Optional

from kinerja.schema import Value

# Kinds whose `value` is one number arithmetic may use (ranges and fractions are not one number).
ARITHMETIC_KINDS = {"number", "money", "percent", "count"}
_TOKEN = re.compile(r"\d[\d.,]*\d|\d")


def number(v: Optional[Value]) -> Optional[float]:
    """The value as a float, or None when it is missing, ambiguous or not a plain number."""
    if v is None or v.ambiguous or v.kind not in ARITHMETIC_KINDS:
        return None
    if isinstance(v.value, bool) or not isinstance(v.value, (int, float)):
        return None
    return float(v.value)


def decimals(v: Value) -> int:
    """How many decimals the raw text prints: '146,79' -> 2, '120.00' -> 2, '5.753.235.000' -> 0;
    negative for a scaled amount: 'Rp 5,7 M' (5.7e9) prints to the 1e8, -8."""
    x = number(v)
    tokens = _TOKEN.findall(v.raw)
    if x is None or not tokens:
        return 0
    token = max(tokens, key=len)
    if abs(x) < 1:  # '0,98' or ',98': what follows the last separator
        tail = re.split(r"[.,]", token)[-1] if re.search(r"[.,]", token) else ""
        return len(re.sub(r"\D", "", tail))
    digits = re.sub(r"\D", "", token)
    return len(digits) - len(str(int(abs(x))))


def _quantize(x: float, places: int, mode: str) -> float:
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=mode))


def agrees(printed: Value, expected: float) -> bool:
    """True when `expected` rounded or truncated to the printed precision is the printed number."""
    got = number(printed)
    if got is None:
        return True  # nothing to compare: not a finding
    places = decimals(printed)
    eps = 1e-9 * max(1.0, abs(expected))
    return any(abs(got - _quantize(expected, places, mode)) <= eps
               for mode in (ROUND_HALF_UP, ROUND_DOWN))


# a percentage recomputed within this many points of the printed one is a slip in its last digit
# ('87,10' for 87.092), not an inconsistency an auditor follows up
PERCENT_SLIP = 0.1


def close_percent(printed: Value, expected: float) -> bool:
    got = number(printed)
    return got is not None and abs(got - expected) <= PERCENT_SLIP + 1e-9


def half_step(v: Value) -> float:
    """Half the last printed decimal: '0,34' stands for anything in [0.335, 0.345). A figure
    printed without decimals ('1 %', '80') is taken as exact: targets and counts are set whole."""
    places = decimals(v)
    return 0.5 * 10.0 ** -places if places > 0 else 0.0


def agrees_within(printed: Value, low: float, high: float) -> bool:
    """True when some figure in [low, high] (what the printed inputs may stand for) shows as the
    printed number: a capaian of rounded figures is not recomputed exactly from them."""
    got = number(printed)
    if got is None:
        return True
    # a printed result is a rounded ratio even without decimals ('147%' for 146.79)
    half = max(0.5 * 10.0 ** -decimals(printed), PERCENT_SLIP)
    return low - half - 1e-9 <= got <= high + half + 1e-9 or agrees(printed, low) or agrees(printed, high)


def same_number(a: Value, b: Value, derived: bool) -> bool:
    """Two printed numbers say the same thing. A derived figure (a percentage of achievement)
    printed less precisely is the same as the more precise one ('147%' and '146.79');
    measured figures must be equal ('3' and '3.4' are two values)."""
    x, y = number(a), number(b)
    if x is None or y is None:
        return _same_text(a, b)
    if abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y)):
        return True
    if not derived:
        return False
    coarse, fine = (a, y) if decimals(a) <= decimals(b) else (b, x)
    return agrees(coarse, fine)


def _same_text(a: Value, b: Value) -> bool:
    fold = lambda v: " ".join(str(v.value if v.value is not None else v.raw).casefold().split())  # noqa: E731
    return fold(a) == fold(b)


MISPRINT_DIGITS = 4  # below this, numbers one digit apart are too common to suggest a misprint


def one_digit_apart(x: float, y: float) -> bool:
    """'5,753,235,900' and '5,753,235,000': same length, one digit differs (a likely misprint)."""
    places = max(_places(x), _places(y))
    a, b = f"{abs(x):.{places}f}", f"{abs(y):.{places}f}"
    if len(a.replace(".", "").lstrip("0")) < MISPRINT_DIGITS:
        return False
    return len(a) == len(b) and sum(c != d for c, d in zip(a, b)) == 1


def _places(x: float) -> int:
    text = repr(float(x))
    return 0 if "e" in text or text.endswith(".0") else len(text.split(".")[1])


def show(x: float, places: Optional[int] = None) -> str:
    """A number for a message: grouped thousands, at most `places` decimals (default: as needed)."""
    if places is None:
        places = min(_places(x), 4)
    x = _quantize(x, places, ROUND_HALF_UP)
    places = max(places, 0)
    return f"{x:,.{places}f}" if abs(x) >= 10000 else f"{x:.{places}f}"


def shown(v: Value) -> str:
    """A printed value for a message, at its printed precision."""
    x = number(v)
    return show(x, decimals(v)) if x is not None else repr(v.raw)
