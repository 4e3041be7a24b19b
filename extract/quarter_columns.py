"""Quarter columns a header numbers illegibly.

The forms put four sub-columns under a group that names the quarters without a numeral
('Target Triwulan' over I | II | III | IV, 'Realisasi Kinerja pada Triwulan' over I..IV each
with K | Rp). The numerals are short and often printed small; OCR reads them as '"', 'ES',
'il', or not at all. Four equal runs of sub-columns under such a group, none of whose labels
names anything else, are the quarters I to IV in order.
"""

import re
from typing import Callable, Optional

from kinerja.extract.cell_parts import QUARTER_NUMERAL, QUARTER_WORD

QUARTERS_GROUP = re.compile(rf"\b{QUARTER_WORD}\b", re.IGNORECASE)
QUARTER_NAMED = re.compile(rf"\b{QUARTER_WORD}\s*[-.]?\s*{QUARTER_NUMERAL}\b", re.IGNORECASE)
# what OCR makes of 'I', 'II', 'III', 'IV' set small: strokes, quotes, brackets, and letters of
# like shape ('ES', 'il', 'WW', 'Iv', 'n'); 'Tgt', 'Fis', 'Keu', 'Cap' hold other letters
NUMERAL_LOOKALIKE = re.compile(r"^[IiLl1-4|!VvWwMmNnUuYyEeSs\"'`´‘’“”:;.,()\[\]{}\s_-]*$")
NUMERALS = ("I", "II", "III", "IV")
MAX_NUMERAL_CHARS = 4  # a label longer than this names something else ('Target', 'Rp')


def with_quarter_numerals(paths: list[str], role_of: Callable[[str], Optional[str]]) -> list[str]:
    """`role_of` tells what a label names (column_roles.segment_role), None when nothing."""
    out = list(paths)
    for prefix in _quarter_groups(paths):
        under = [i for i, p in enumerate(paths) if _starts_with(p, prefix)]
        if not _consecutive(under) or len(under) % 4:
            continue
        labels = [_child(paths[i], prefix) for i in under]
        if not all(_may_be_numeral(label, role_of) for label in labels):
            continue
        width = len(under) // 4
        if width > 1 and None in labels:
            continue  # columns under the group with no label between: no telling the quarters apart
        if any(labels[k] != labels[k - 1] and k % width for k in range(1, len(labels))):
            continue  # a label changes inside a quarter's run: not four runs of one label each
        for k, i in enumerate(under):
            out[i] = _numbered(paths[i], prefix, NUMERALS[k // width])
    return out


def _quarter_groups(paths: list[str]) -> list[tuple[str, ...]]:
    """Path prefixes ending in a segment that names the quarters but none of them."""
    groups: list[tuple[str, ...]] = []
    for path in paths:
        segments = tuple(path.split(" / "))
        for d, seg in enumerate(segments):
            if QUARTERS_GROUP.search(seg) and not QUARTER_NAMED.search(seg) and segments[:d + 1] not in groups:
                groups.append(segments[:d + 1])
    return groups


def _starts_with(path: str, prefix: tuple[str, ...]) -> bool:
    return tuple(path.split(" / "))[:len(prefix)] == prefix


def _consecutive(indices: list[int]) -> bool:
    return bool(indices) and indices == list(range(indices[0], indices[0] + len(indices)))


def _child(path: str, prefix: tuple[str, ...]) -> Optional[str]:
    segments = path.split(" / ")
    return segments[len(prefix)] if len(segments) > len(prefix) else None


def _may_be_numeral(label: Optional[str], role_of: Callable[[str], Optional[str]]) -> bool:
    """Missing, or a short mark naming no measure, year or money: 'IV', 'il', '"', 'ES'."""
    if label is None:
        return True
    text = label.strip()
    return (len(text) <= MAX_NUMERAL_CHARS and bool(NUMERAL_LOOKALIKE.match(text))
            and role_of(text) is None)


def _numbered(path: str, prefix: tuple[str, ...], numeral: str) -> str:
    segments = path.split(" / ")
    rest = segments[len(prefix) + 1:] if len(segments) > len(prefix) else []
    return " / ".join([*prefix, numeral, *rest])
