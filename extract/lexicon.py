"""The SAKIP table vocabulary the parsers' text-dump readers need (data/lexicon.json): header
words, unit words, the words indicator names and program rows start with, how goals are worded.
The pipeline hands it to the parsers as a schema.Lexicon (parsers know no genre of their own)."""

import json
from functools import lru_cache
from importlib import resources

from kinerja.schema import Lexicon


@lru_cache(maxsize=1)
def sakip_lexicon() -> Lexicon:
    data = json.loads(resources.files("kinerja.extract").joinpath("data/lexicon.json").read_text("utf-8"))
    data.pop("_about", None)
    return Lexicon.model_validate(data)
