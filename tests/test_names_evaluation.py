"""`kinerja evaluate --names`: the matchers measured on the hand-labelled sets of corpus/labels."""

import json
import subprocess
import sys

import pytest

from kinerja.evaluate.names import load_pairs, score_pairs

from .conftest import CORPUS

LABELS = CORPUS / "labels"


def _evaluate(*args):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", "evaluate", "--names", *args],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def scores():
    r = _evaluate("--json")
    assert r.returncode == 0, r.stderr
    return {s["kind"]: s for s in json.loads(r.stdout)}


def test_the_labelled_sets_hold_at_least_300_indicator_pairs(scores):
    assert scores["indicator"]["pairs"] >= 300 and scores["indicator"]["labelled"] > 0


@pytest.mark.parametrize("kind", ["indicator", "agency"])
def test_matching_is_precise_first(scores, kind):
    assert scores[kind]["precision"] >= 0.98


@pytest.mark.parametrize("kind", ["indicator", "agency"])
def test_matching_finds_nine_in_ten_labelled_names(scores, kind):
    assert scores[kind]["recall"] >= 0.90


def test_a_wrong_label_counts_against_the_matcher(tmp_path):
    pairs = load_pairs(LABELS / "indicator_names.jsonl")
    matched = next(p for p in pairs if p["id"])
    wrong = [{**matched, "id": "no-such-entry"}]
    assert score_pairs(wrong).correct == 0 and score_pairs([matched]).correct == 1


def test_a_labelled_file_with_a_broken_line_is_named(tmp_path):
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"raw": "Indeks SPBE", "id": "indeks-spbe"}\n{"raw": \n')
    r = _evaluate(str(bad))
    assert r.returncode == 1 and "broken.jsonl:2" in r.stderr
