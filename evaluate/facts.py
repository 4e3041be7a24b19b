"""Extraction records -> the flat facts of GOLD.md, one fact per distinct statement."""

import re
from typing import Iterable, Optional

from rapidfuzz import fuzz

from kinerja.normalize.units import is_listed_unit
from kinerja.schema import (
    BudgetFact, DefinitionFact, Extraction, IndicatorFact, MetaFact, Value,
)

from .metrics import squash

# The schema separates parts a gold file does not: the file's type is the GOLD-level one.
GOLD_DOC_TYPE = {
    "LKjIP": "LKjIP", "PK": "PK", "PK-perubahan": "PK", "IKU": "IKU",
    "Renstra": "Renstra", "DO": "Renstra", "Renja": "Renja", "monev": "other", "other": "other",
}


def to_facts(ex: Extraction) -> list:
    facts = list(_meta_facts(ex)) + _indicator_facts(ex) + _budget_facts(ex)
    return facts + _definition_facts(ex)


def _meta_facts(ex: Extraction) -> Iterable[MetaFact]:
    m = ex.meta
    yield MetaFact(field="doc_type", value=GOLD_DOC_TYPE[m.doc_type])
    if m.agency:
        yield MetaFact(field="agency", value=m.agency.name)
    if m.region:
        yield MetaFact(field="region", value=m.region)
    if m.region_level:
        yield MetaFact(field="region_level", value=m.region_level)
    if m.year is not None:
        yield MetaFact(field="year", value=m.year)


RANGE_DASH = re.compile(r"\s*[-–—]\s*")


def fact_value(v: Value) -> Optional[float | str]:
    """The single value a fact states; None when there is none to state (ambiguous, empty). A
    range ('85-85.5', an IKM target) states itself as printed, as a value no number says does."""
    if v.kind == "range" and v.raw and v.raw.strip() and not v.ambiguous:
        # one range printed '75,70 – 76,20' and '75,70-76,20' in two tables is one value
        return RANGE_DASH.sub("-", " ".join(v.raw.split()))
    if v.ambiguous or v.value is None or v.kind == "empty":
        return None
    return v.value


SAME_NAME_RATIO = 90  # one statement printed under two spellings ("Domian" / "Domain")


def _dedup(facts: list, key, name, same=None) -> list:
    """Keep one fact per statement; a table fact wins over the same statement found in prose.
    Names are merged by plain fuzz.ratio: token_set_ratio would merge a program with its only
    kegiatan when both carry the same amount."""
    same = same or _same_item
    buckets: dict = {}
    for f in facts:
        kept = buckets.setdefault(key(f), [])
        twin = next((i for i, k in enumerate(kept) if same(name(k), name(f))), None)
        if twin is None:
            kept.append(f)
        elif kept[twin].source == "text" and f.source == "table":
            kept[twin] = f
    return [f for kept in buckets.values() for f in kept]


def _same_item(a: str, b: str) -> bool:
    return fuzz.ratio(_bare_name(a), _bare_name(b)) >= SAME_NAME_RATIO


SAME_WITHOUT_ACRONYM = 97  # an acronym may tell two names apart ('... tata ruang (RRTR)'): near-equal only


def _same_indicator(a: str, b: str) -> bool:
    """One indicator's spellings: its code and units aside, the same letters (spaces aside: 'per
    kapita' / 'perkapita'), or nearly so without its acronym ('PDRB per Kapita (ADHB)'). (A
    name that is another's first words is no spelling of it: 'Peningkatan Kesejahteraan ...
    Aparatur' and the same '... Aparatur Balai Latihan Tenaga Kerja Luar Negeri'.)"""
    if any(_spaceless_ratio(_bare_indicator(a, satuan=s), _bare_indicator(b, satuan=s)) >= SAME_NAME_RATIO
           for s in (False, True)):
        return True
    return _spaceless_ratio(_bare_indicator(a, True), _bare_indicator(b, True)) >= SAME_WITHOUT_ACRONYM


def _spaceless_ratio(a: str, b: str) -> float:
    return fuzz.ratio(a.replace(" ", ""), b.replace(" ", ""))


def _value_key(value) -> object:
    return value.casefold().strip() if isinstance(value, str) else round(float(value), 9)


def _indicator_facts(ex: Extraction) -> list[IndicatorFact]:
    facts = [
        IndicatorFact(indicator=r.indicator, year=r.year, period=r.period, measure=r.measure,
                      value=val, unit=r.unit, source=r.source)
        for r in ex.indicators if (val := fact_value(r.value)) is not None
    ]
    return _dedup(facts, lambda f: (f.year, f.period, f.measure, _value_key(f.value)),
                  lambda f: f.indicator, _same_indicator)


def _budget_facts(ex: Extraction) -> list[BudgetFact]:
    facts = [
        BudgetFact(item=r.item, year=r.year, period=r.period, measure=r.measure, value=val,
                   source=r.source)
        for r in ex.budgets if (val := fact_value(r.value)) is not None
    ]
    return _dedup(facts, lambda f: (f.year, f.period, f.measure, _value_key(f.value)),
                  lambda f: f.item)


def _definition_facts(ex: Extraction) -> list[DefinitionFact]:
    """One fact per indicator and distinct formula (a PK and its revision may define an
    indicator twice); a definition without a formula only where none states one."""
    seen: dict = {}
    for d in ex.definitions:
        key = (squash(d.indicator), squash(d.formula) if d.formula else None)
        seen.setdefault(key, DefinitionFact(indicator=d.indicator, unit=d.unit,
                                            formula=d.formula, code=d.code))
    with_formula = {name for name, formula in seen if formula}
    return [f for (name, formula), f in seen.items() if formula or name not in with_formula]


# A list marker ("a.") or the word "Program" is dropped by some tables that print the same item
LEADING_NOISE = re.compile(r"^(?:[a-z0-9]{1,3}[.)]\s+)?(?:program\s+)?")


def _bare_name(name: str) -> str:
    return LEADING_NOISE.sub("", squash(name))


# a unit in brackets after an indicator's name, which the tables of one report print or leave
# out ('PDRB per Kapita (juta)', 'Nilai SAKIP Perangkat Daerah (Angka)'), and an acronym so printed
_UNITS = r"(?i:juta|ribu|miliar|rp|%|persen|poin|angka|nilai|indeks|rata-rata)"
UNIT_NOTE = re.compile(rf"\s*\({_UNITS}\)\s*$")
UNIT_OR_ACRONYM_NOTE = re.compile(rf"\s*\((?:{_UNITS}|[A-Z]{{2,8}})\)\s*$")
# a nomenclature code some tables print before the name: '3.10.4 RTH persatuan wilayah'
LEADING_CODE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,3})+\.?\s+")


BRACKET_END = re.compile(r"\s*\(([^()]{1,40})\)\s*$")


def _bare_indicator(name: str, acronyms: bool = False, satuan: bool = False) -> str:
    """An indicator's name without its code and its trailing units (and acronyms; with `satuan`,
    any listed unit: 'Jumlah Mebel yang Dipelihara (Unit)', a lampiran printing each name with
    its satuan): one indicator's spellings in one report."""
    name = LEADING_CODE.sub("", name)
    note = UNIT_OR_ACRONYM_NOTE if acronyms else UNIT_NOTE
    while (shorter := _one_note_off(name, note, satuan)) != name:
        name = shorter
    return _bare_name(name)


def _one_note_off(name: str, note: re.Pattern, satuan: bool) -> str:
    shorter = note.sub("", name)
    return _without_unit(name) if shorter == name and satuan else shorter


def _without_unit(name: str) -> str:
    """The name without a bracketed satuan at its end ('(Dokumen)', '(Orang/bulan)')."""
    m = BRACKET_END.search(name)
    if m and m.start() > 0:
        inner = m.group(1).strip()
        if any(is_listed_unit(part) for part in (inner, inner.split("/")[0], inner.split()[0])):
            return name[:m.start()]
    return name

