"""The fast path: the commonest printed forms whose numeral can only be read one way.

"1.234.567,89", "10,979,407,368.00", "2.76", "Rp 5,067,574,800", "146.79%": read with three
precompiled patterns, no numeral splitting. Anything else (a lone 3-digit group, a context,
units, brackets) returns None and takes the full path.
"""

from __future__ import annotations

import re
from typing import Optional

_FAST = re.compile(r"(?P<cur>Rp\.? ?)?(?P<num>\d[\d.,]*?)(?P<dash>,-)?(?P<pct> ?%)?")
_FAST_EN = re.compile(r"[1-9]\d{0,2}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)|(?:0|[1-9]\d*)\.\d{1,2}")
_FAST_ID = re.compile(r"[1-9]\d{0,2}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+)|(?:0|[1-9]\d*),\d{1,2}")
_FAST_INT = re.compile(r"0|[1-9]\d*")


def read_fast(raw: str) -> Optional[dict]:
    m = _FAST.fullmatch(raw)
    if m is None or (m["cur"] and m["pct"]) or (m["dash"] and not m["cur"]):
        return None
    num = m["num"]
    if _FAST_INT.fullmatch(num):
        value, style = float(num), "plain"
    elif _FAST_EN.fullmatch(num):
        value, style = float(num.replace(",", "")), "en"
    elif _FAST_ID.fullmatch(num):
        value, style = float(num.replace(".", "").replace(",", ".")), "id"
    else:
        return None
    if m["cur"]:
        mark = "," if style == "id" else "."
        decimals = len(num) - num.rfind(mark) - 1 if style != "plain" and mark in num else 0
        if decimals > (0 if m["dash"] else 2):  # not a rupiah amount as printed: full path
            return None
        return {"kind": "money", "value": value, "unit": "rp", "unit_raw": m["cur"].strip(), "read_as": style}
    if m["pct"]:
        return {"kind": "percent", "value": value, "unit": "%", "unit_raw": "%", "read_as": style}
    return {"kind": "number", "value": value, "read_as": style}
