"""Every seed's table facts against its gold file, scored as `kinerja evaluate` scores them."""

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.evaluate.gold import load_gold
from kinerja.evaluate.metrics import score_document
from kinerja.extract.tables import read_tables
from tests.parsing import parse
from kinerja.schema import Extraction, Meta

from ..conftest import CORPUS

SEEDS = {
    "pk-2023-diskominfo-kota-medan": 2023,
    "lkjip-2024-diskominfo-prov-babel": 2024,
    "iku-2020-diskominfo-kab-bengkulu-selatan": 2020,
}


def _table_score(seed: str, gold_dir, meta: Meta):
    doc = parse(CORPUS / f"{seed}.txt")
    indicators, budgets = read_tables(doc, [], meta)
    extraction = Extraction(source=doc.source, indicators=indicators, budgets=budgets)
    pred = [f.model_dump() for f in to_facts(extraction) if f.kind in ("indicator", "budget")]
    gold = [g for g in load_gold(gold_dir / f"{seed}.facts.jsonl")
            if g["kind"] in ("indicator", "budget") and g.get("source") == "table"]
    return score_document(seed, pred, gold)


@pytest.mark.parametrize("seed", SEEDS)
def test_table_facts_of_each_seed_match_the_gold(seed, gold_dir):
    score = _table_score(seed, gold_dir, Meta(year=SEEDS[seed]))
    assert score.overall.f1 >= 0.95, (score.missed, score.spurious)
    assert score.unit_accuracy >= 0.95


@pytest.mark.parametrize("seed", SEEDS)
def test_table_facts_hold_when_the_document_year_is_not_known(seed, gold_dir):
    score = _table_score(seed, gold_dir, Meta())
    assert score.overall.f1 >= 0.95, (score.missed, score.spurious)
