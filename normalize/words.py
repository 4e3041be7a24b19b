"""Indonesian number words ("dua", "dua puluh lima", "seratus") using spaCy's Indonesian lexicon.

spaCy's `spacy.lang.id` lists the number words (nol..sepuluh, sebelas, belas, puluh, ratus, ribu,
juta, ...) and says which tokens are like numbers; it does not turn them into values. The list
order gives the digit words (nol=0 .. sepuluh=10); the multipliers are the positional words of
the language. spaCy is imported lazily: it costs most of a second and most values are digits.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

_MULTIPLIERS = {"puluh": 10, "ratus": 100, "ribu": 1_000, "juta": 1_000_000,
                "miliar": 1_000_000_000, "milyar": 1_000_000_000, "triliun": 10**12}
_SMALL_SCALES = ("puluh", "ratus")  # multiply the digit before them, not the running total


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, int], frozenset[str]]:
    from spacy.lang.id.lex_attrs import _num_words  # the language's own number-word list

    digits = {word: i for i, word in enumerate(_num_words[:11])}  # nol..sepuluh
    digits["sebelas"] = 11
    return digits, frozenset(_num_words)


def is_number_word(token: str) -> bool:
    """True for a token spaCy's Indonesian lexicon calls a number word (or a se- form of one)."""
    token = token.lower()
    _, words = _lexicon()
    return token in words or (token.startswith("se") and token[2:] in words)


def read_number_words(text: str) -> Optional[int]:
    """The integer an Indonesian number phrase names, or None if it is not one.

    "dua" -> 2, "dua belas" -> 12, "dua puluh lima" -> 25, "seratus" -> 100,
    "tiga ribu empat ratus" -> 3400.
    """
    tokens = _expand_se(text.lower().replace("-", " ").split())
    if not tokens or not all(is_number_word(t) for t in tokens):
        return None
    digits, _ = _lexicon()
    total = current = digit = 0
    for token in tokens:
        if token in digits:
            digit = digits[token]
        elif token == "belas":
            current, digit = current + digit + 10, 0
        elif token in _SMALL_SCALES:
            current, digit = current + digit * _MULTIPLIERS[token], 0
        elif token in _MULTIPLIERS:
            total, current, digit = total + (current + digit) * _MULTIPLIERS[token], 0, 0
        else:
            return None
    return total + current + digit


def _expand_se(tokens: list[str]) -> list[str]:
    """"seratus" -> "satu ratus", "seribu" -> "satu ribu" ("sepuluh", "sebelas" are words)."""
    out = []
    for token in tokens:
        if token.startswith("se") and token[2:] in _MULTIPLIERS:
            out += ["satu", token[2:]]
        else:
            out.append(token)
    return out
