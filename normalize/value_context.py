"""What the surroundings of a value tell the reader: style, expected kind, unit, scale, siblings."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal, Optional

Style = Literal["id", "en"]
Expected = Literal["money", "percent", "index", "score", "count", "code"]

# Plausible value ranges per expected kind; a reading outside is dropped when another fits.
EXPECTED_RANGE = {
    "index": (0.0, 5.0),
    "score": (0.0, 100.0),
    "percent": (-1000.0, 1000.0),
}


@dataclass(frozen=True, slots=True)
class ValueContext:
    """A hint for one value. Hashable, so readings can be cached per (raw, context)."""

    style: Optional[Style] = None
    expected: Optional[Expected] = None
    unit: Optional[str] = None
    scale: Optional[str] = None
    siblings: tuple[str, ...] = ()
    # Where `style` comes from: "document" (the prevailing style: weaker, see reader), else
    # the caller's or the column's word. Also named in read_as.
    style_source: str = ""
    # The column's amounts read one way are all whole (a column of rupiah printed without
    # decimals): a broken grouping there is a digit lost, not a decimal typed with a dot.
    whole_column: bool = False
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # Hashed once: the reader's cache hashes the context on every call.
        key = (self.style, self.expected, self.unit, self.scale, tuple(self.siblings), self.style_source,
               self.whole_column)
        object.__setattr__(self, "_hash", hash(key))

    def __hash__(self) -> int:
        return self._hash


@lru_cache(maxsize=1)
def _header_cues() -> dict:
    text = resources.files("kinerja.normalize").joinpath("data/headers.json").read_text("utf-8")
    return json.loads(text)


_NON_WORD = re.compile(r"[^\w%]+")


def _header_words(header: str) -> str:
    return " " + " ".join(_NON_WORD.split(header.lower())).strip() + " "


def expected_from_header(header: Optional[str]) -> Optional[Expected]:
    """The kind a column header announces, from the cues in data/headers.json."""
    if not header:
        return None
    cues = _header_cues()
    words = _header_words(header)
    for kind, names in cues["whole"].items():
        if words.strip() in names:
            return kind
    kinerja_leaf = _KINERJA_LEAF.search(header) is not None
    for kind, names in cues["words"].items():
        if kind == "money" and kinerja_leaf:
            continue  # 'Target Kinerja dan Anggaran ... / K': the K half is the figure, not the rupiah
        if any(f" {name} " in words for name in names):
            return kind
    return None


# the K (kinerja) half of a K/Rp pair, the header's last segment
_KINERJA_LEAF = re.compile(r"/\s*\(?K\)?\s*$")


def context_from_header(
    header: Optional[str], unit: Optional[str] = None, style: Optional[Style] = None,
    doc_style: Optional[Style] = None,
) -> ValueContext:
    """The context a column header gives, with optionally the row's satuan and a style.

    `style` is a style the caller knows; `doc_style` the document's prevailing style
    (`document_style`), weaker evidence: it does not turn "1,000" into 1.0.
    """
    from .scales import scale_from_cue  # scales loads its own data; avoid a cycle at import

    return ValueContext(
        style=style or doc_style,
        expected=expected_from_header(header),
        unit=unit,
        scale=scale_from_cue(header) if header else None,
        style_source="caller" if style else "document" if doc_style else "",
    )
