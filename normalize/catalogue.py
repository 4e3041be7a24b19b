"""The indicator catalogue (data/indicators.json): loaded once, validated, indexed by word.

The catalogue is the product: entries are added there, never in code. Its version goes into
every match so a dataset says which catalogue named its rows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Union

from kinerja.schema.catalogue import Catalogue, CatalogueIndicator

from .indicator_key import indicator_words, printed_words


@dataclass(frozen=True)
class Name:
    """One printed name of an entry (its canonical name or an alias), as words."""

    entry: CatalogueIndicator
    text: str
    words: tuple[str, ...]
    word_set: frozenset = frozenset()


@dataclass(eq=False)  # hashed by identity: a cache key
class Index:
    catalogue: Catalogue
    names: list[Name] = field(default_factory=list)
    by_words: dict[frozenset, list[Name]] = field(default_factory=dict)
    by_word: dict[str, list[Name]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    by_prefix: dict[str, list[str]] = field(default_factory=dict)  # first letters -> words: cut ends

    def entry(self, entry_id: str) -> Optional[CatalogueIndicator]:
        if not hasattr(self, "_by_id"):
            self._by_id = {e.id: e for e in self.catalogue.indicators}
        return self._by_id.get(entry_id)


def load_catalogue(path: Union[str, Path, None] = None) -> Catalogue:
    """The shipped catalogue, or one at `path` (a JSON file of the same form)."""
    if path is None:
        text = resources.files("kinerja.normalize").joinpath("data/indicators.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return Catalogue.model_validate(json.loads(text))


def build_index(catalogue: Catalogue) -> Index:
    index = Index(catalogue)
    by_words: dict[frozenset, list[Name]] = defaultdict(list)
    by_word: dict[str, list[Name]] = defaultdict(list)
    for entry in catalogue.indicators:
        for text in dict.fromkeys([entry.name, *entry.aliases]):
            words = indicator_words(text)
            if not words:
                continue
            name = Name(entry, text, words, frozenset(words))
            index.names.append(name)
            by_words[frozenset(words)].append(name)
            for word in words:
                by_word[word].append(name)
    index.by_words, index.by_word = dict(by_words), dict(by_word)
    # typos are mended against the words as printed, before phrases become abbreviations
    # ('Pembangunan Manusai' must become 'manusia' to be read as IPM)
    index.vocabulary = sorted({w for n in index.names for w in printed_words(n.text)} | set(by_word))
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for word in index.vocabulary:
        by_prefix[word[:5]].append(word)
    index.by_prefix = dict(by_prefix)
    return index


@lru_cache(maxsize=1)
def shipped_index() -> Index:
    return build_index(load_catalogue())


def catalogue_versions() -> str:
    """The shipped catalogues' versions, 'indicators X, agencies Y': part of the pipeline version."""
    from .agency_match import shipped_agencies

    return f"indicators {shipped_index().catalogue.version}, agencies {shipped_agencies().version}"
