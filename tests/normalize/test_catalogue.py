"""The shipped catalogues are data the code trusts: valid, unambiguous, tied to the value reader."""

import json
from collections import Counter
from importlib import resources

from kinerja.normalize.agency_match import shipped_agencies
from kinerja.normalize.catalogue import load_catalogue, shipped_index
from kinerja.normalize.names import agency_key


def test_indicator_ids_are_unique():
    ids = Counter(e.id for e in load_catalogue().indicators)
    assert [i for i, n in ids.items() if n > 1] == []


def test_no_two_indicator_entries_print_the_same_words():
    # two entries with one word set could never be told apart: every such name would be refused
    owners: dict = {}
    for name in shipped_index().names:
        owners.setdefault(name.word_set, set()).add(name.entry.id)
    assert [sorted(ids) for ids in owners.values() if len(ids) > 1] == []


def test_every_scale_an_entry_names_is_one_the_value_reader_knows():
    scales = json.loads(resources.files("kinerja.normalize").joinpath("data/scales.json").read_text("utf-8"))
    assert {e.scale for e in load_catalogue().indicators if e.scale} <= set(scales)


def test_band_bounds_are_ordered():
    # the top band includes its high, so it alone may be a single point ('Level 5': [5, 5])
    bad = [(e.id, b.label) for e in load_catalogue().indicators for b in e.bands
           if b.low is not None and b.high is not None
           and (b.low > b.high or (b.low == b.high and b.rank != max(x.rank for x in e.bands)))]
    assert bad == []


def test_no_agency_alias_belongs_to_two_nomenclatures():
    owners: dict = {}
    for entry in shipped_agencies().agencies:
        for text in [entry.name, *entry.aliases]:
            owners.setdefault(agency_key(text), set()).add(entry.id)
    assert [k for k, ids in owners.items() if len(ids) > 1] == []
