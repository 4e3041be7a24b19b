"""Facts in the form of ../shared/corpus/GOLD.md, as plain dicts, one per distinct statement."""

from typing import Optional

DOC_TYPES = ("LKjIP", "PK", "IKU", "Renstra", "Renja", "other")


def meta_facts(doc_type: str, agency: str, region: str, level: str, year: int) -> list[dict]:
    assert doc_type in DOC_TYPES, doc_type
    return [{"kind": "meta", "field": f, "value": v} for f, v in
            (("doc_type", doc_type), ("agency", agency), ("region", region),
             ("region_level", level), ("year", year))]


def indicator_fact(indicator: str, year: Optional[int], period: str, measure: str, value,
                   unit: Optional[str]) -> dict:
    return {"kind": "indicator", "indicator": indicator, "year": year, "period": period,
            "measure": measure, "value": value, "unit": unit, "source": "table"}


def budget_fact(item: str, year: Optional[int], period: str, measure: str, value) -> dict:
    return {"kind": "budget", "item": item, "year": year, "period": period, "measure": measure,
            "value": value, "source": "table"}


def definition_fact(indicator: str, unit: Optional[str], formula: Optional[str],
                    code: Optional[str] = None) -> dict:
    return {"kind": "definition", "indicator": indicator, "unit": unit, "formula": formula, "code": code}


def fact_key(f: dict) -> tuple:
    """What makes two facts one statement: everything GOLD.md matches on, names squashed."""
    name = f.get("indicator") or f.get("item") or f.get("field")
    value = f.get("value")
    if isinstance(value, str):
        value = " ".join(value.casefold().split())
    elif value is not None:
        value = float(value)
    extra = (f.get("unit"), f.get("formula")) if f["kind"] == "definition" else ()
    return (f["kind"], " ".join(str(name).lower().split()), f.get("year"), f.get("period"),
            f.get("measure"), value) + extra


def unique(facts: list[dict]) -> list[dict]:
    """A fact printed twice (a PK table repeated in an LKjIP, Kondisi Akhir equal to the last
    year's target) is one fact: the first kept."""
    seen: dict[tuple, dict] = {}
    for f in facts:
        seen.setdefault(fact_key(f), f)
    return list(seen.values())
