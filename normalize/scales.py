"""Qualitative values on ordered scales (data/scales.json): label -> (scale, rank).

A label such as "Informatif" belongs to one scale; "Sangat Baik" to several (SPBE predikat,
kriteria capaian), so the scale then comes from a hint (column header, indicator name) or
from a number printed beside it ("2.76 / Baik" lies in the SPBE band of Baik).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from kinerja.schema import Value

_NOISE = re.compile(r"[^\w\s()]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Level:
    scale: str
    label: str
    rank: int
    band: Optional[tuple[float, float]]
    top: bool  # the band's high end is inclusive


def _key(text: str) -> str:
    return _SPACE.sub(" ", _NOISE.sub(" ", text.lower())).strip()


@lru_cache(maxsize=1)
def _scales() -> dict:
    text = resources.files("kinerja.normalize").joinpath("data/scales.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Level, ...]]:
    """Normalised spelling -> every level it may name (across scales)."""
    index: dict[str, list[Level]] = {}
    for name, scale in _scales().items():
        top_rank = max(level["rank"] for level in scale["levels"])
        for level in scale["levels"]:
            band = tuple(level["band"]) if level.get("band") else None
            entry = Level(name, level["label"], level["rank"], band, level["rank"] == top_rank)
            for spelling in [level["label"], *level.get("aliases", [])]:
                index.setdefault(_key(spelling), []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def levels_for(label: str) -> tuple[Level, ...]:
    """Every scale level a printed label may name ("SGT BAIK", "Informatif", "WTP")."""
    return _index().get(_key(label), ())


def qualitative_level(label: str, scale: Optional[str] = None) -> Optional[Level]:
    """The level a label names, on the given scale or on the only scale that has it."""
    levels = levels_for(label)
    if scale:
        levels = tuple(level for level in levels if level.scale == scale)
    return levels[0] if len(levels) == 1 else None


def scale_levels(scale: str) -> list[str]:
    """The labels of a scale, best first."""
    levels = sorted(_scales()[scale]["levels"], key=lambda level: -level["rank"])
    return [level["label"] for level in levels]



def scale_from_cue(text: Optional[str]) -> Optional[str]:
    """The scale a header or indicator name points at ("Indeks SPBE" -> spbe_predikat)."""
    hits = scales_from_cue(text)
    return hits[0] if len(hits) == 1 else None


def scales_from_cue(text: Optional[str]) -> list[str]:
    """Every scale a header or indicator name points at ('Hasil evaluasi ... akuntabilitas kinerja
    BPK Perwakilan': SAKIP's grades and BPK's opinions)."""
    if not text:
        return []
    words = f" {_key(text)} "
    return [name for name, scale in _scales().items()
            if any(f" {_key(cue)} " in words for cue in scale.get("cues", []))]


def shared_scale(labels) -> Optional[str]:
    """The one scale every qualitative label among `labels` lies on (at least two labels)."""
    common: Optional[set[str]] = None
    found = 0
    for label in labels:
        levels = levels_for(label) if label and not label[:1].isdigit() else ()
        if not levels:
            continue
        found += 1
        scales = {level.scale for level in levels}
        common = scales if common is None else common & scales
    return common.pop() if found >= 2 and common and len(common) == 1 else None


def in_band(level: Level, number: float) -> bool:
    if level.band is None:
        return False
    low, high = level.band
    return low <= number < high or (level.top and number == high)


def compare_levels(a: Value, b: Value) -> Optional[int]:
    """-1, 0 or 1 as qualitative value a is below, equal to or above b; None if not comparable.

    Comparable when both lie on the same scale, or when neither scale is known but the
    labels are the same ("Informatif" against a target "Informatif").
    """
    if a.scale and a.scale == b.scale and a.rank is not None and b.rank is not None:
        return (a.rank > b.rank) - (a.rank < b.rank)
    if a.kind == b.kind == "qualitative" and isinstance(a.value, str) and isinstance(b.value, str):
        if _key(a.value) == _key(b.value):
            return 0
        common = {lv.scale for lv in levels_for(a.value)} & {lv.scale for lv in levels_for(b.value)}
        scale = a.scale or b.scale or (common.pop() if len(common) == 1 else None)
        if scale:
            la, lb = qualitative_level(a.value, scale), qualitative_level(b.value, scale)
            if la and lb:
                return (la.rank > lb.rank) - (la.rank < lb.rank)
    return None
