"""Canonical names on the records: each indicator's catalogue entry (or an explicit no-match),
the region's Kemendagri code and the agency's nomenclature, so rows join across documents.

The direction a document's targets take is evidence too: targets that rise year on year
(three years or more) do not belong to a lower-is-better entry, nor falling ones to a
higher-is-better entry; such a match is refused with that reason.
"""

from collections import defaultdict
from typing import Optional

from kinerja.normalize.agency_match import match_agency, own_name
from kinerja.normalize.catalogue import shipped_index
from kinerja.normalize.indicator_match import match_shipped
from kinerja.normalize.regions import region_code
from kinerja.schema import CanonicalMatch, Extraction, IndicatorValue

TREND_YEARS = 3
AGAINST = {"higher": "fall", "lower": "rise"}


def name_records(ex: Extraction) -> Extraction:
    trends = _target_trends(ex.indicators)
    for record in [*ex.indicators, *ex.definitions]:
        match = match_shipped(record.indicator, record.unit)
        record.canonical = _weighed(match, trends.get(record.indicator))
    _name_agency(ex)
    return ex


def _target_trends(records: list[IndicatorValue]) -> dict[str, str]:
    """Printed name -> 'rise' or 'fall' when its annual targets move one way over TREND_YEARS
    years or more."""
    series: dict[str, dict[int, float]] = defaultdict(dict)
    for r in records:
        if r.measure == "target" and r.period == "annual" and r.year and isinstance(r.value.value, float):
            series[r.indicator].setdefault(r.year, r.value.value)
    trends = {}
    for name, by_year in series.items():
        values = [by_year[y] for y in sorted(by_year)]
        steps = [b - a for a, b in zip(values, values[1:])]
        if len(values) >= TREND_YEARS and all(s > 0 for s in steps):
            trends[name] = "rise"
        elif len(values) >= TREND_YEARS and all(s < 0 for s in steps):
            trends[name] = "fall"
    return trends


def _weighed(match: CanonicalMatch, trend: Optional[str]) -> CanonicalMatch:
    if match.id is None or trend is None:
        return match
    polarity = shipped_index().entry(match.id).polarity
    if AGAINST.get(polarity) == trend:
        return CanonicalMatch(reason=f"its targets {trend} year on year, but '{match.name}' is better {polarity}",
                              runner_up=match.id, runner_up_score=match.score,
                              catalogue_version=match.catalogue_version)
    if polarity in AGAINST:
        return match.model_copy(update={"reason": f"{match.reason}; its targets {trend}, as for better {polarity}"})
    return match


def _name_agency(ex: Extraction) -> None:
    meta = ex.meta
    meta.region_code = region_code(meta.region, meta.region_level)
    if meta.agency is None:
        return
    nomenclature, why = match_agency(meta.agency.name)
    meta.agency.nomenclature = nomenclature.id if nomenclature else None
    meta.agency.nomenclature_reason = why
    if nomenclature and meta.region_code:
        # a kecamatan or an RSUD is one of many of its region: its own name joins the id
        own = own_name(meta.agency.name, nomenclature)
        meta.agency.id = f"{nomenclature.id}{'-' + own if own else ''}@{meta.region_code}"
