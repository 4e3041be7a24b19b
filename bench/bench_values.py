"""How many values read_value reads per second on one core, beside a naive Babel-only reader.

    python -m bench.bench_values [--rounds N]

Workloads:
  corpus   every harvested cell and amount of the seed corpus, read repeatedly (a real mix:
           the cache serves repeats, as it does in a run over a document);
  cold     the same distinct corpus strings with the cache cleared before every read (the
           full path: ranges, fractions, units, labels, lone groups; includes the clearing);
  unique   distinct generated amounts in both styles, with and without Rp/%, cache cleared
           (the cold path: regexes and numeral parsing only).
The naive alternative is babel.numbers.parse_decimal alone (Indonesian, then English locale)
on the same strings: no units, no ranges, no ambiguity check, no Value objects.
Rates are per CPU-second of this process (time.process_time), pinned to one core, so that
other work on a shared machine does not distort them.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from bench.paths import REPO
from kinerja.normalize import (
    read_value,  # noqa: E402
    reader,  # noqa: E402
)
from tests.tools.harvest_values import harvest  # noqa: E402


def corpus_strings() -> list[str]:
    return [cell.raw for cell in harvest(REPO / "corpus")]


def unique_strings(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        number = rng.randrange(0, 10**12) / 100
        style = "id" if i % 2 else "en"
        text = format_decimal(number, format="#,##0.00", locale=style)
        out.append(("Rp " + text) if i % 3 == 0 else (text + "%") if i % 3 == 1 else text)
    return out


def naive(text: str):
    cleaned = text.replace("Rp", "").replace("%", "").strip(" .")
    for locale in ("id", "en"):
        try:
            return parse_decimal(cleaned, locale=locale, strict=True)
        except NumberFormatError:
            continue
    return None


def rate(func, strings: list[str], rounds: int, before=None) -> float:
    best = 0.0
    for _ in range(rounds):
        if before:
            before()
        start = time.process_time()  # CPU seconds: other processes on the machine do not count
        for text in strings:
            func(text)
        best = max(best, len(strings) / (time.process_time() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--unique", type=int, default=50_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    corpus = corpus_strings() * 20
    unique = unique_strings(args.unique)
    read_value("tiga")  # load spaCy's lexicon once, outside the timings
    clear = reader._read_cached.cache_clear
    distinct = sorted(set(corpus))

    def cold(text: str, _clear=clear) -> None:  # every read a cache miss: the full path
        _clear()
        read_value(text)

    rows = [
        ("corpus mix (cache warm)", rate(read_value, corpus, args.rounds), rate(naive, corpus, args.rounds)),
        ("corpus forms (every read cold)", rate(cold, distinct * 20, args.rounds),
         rate(naive, distinct * 20, args.rounds)),
        ("unique amounts (cache cleared)", rate(read_value, unique, args.rounds, clear),
         rate(naive, unique, args.rounds)),
    ]
    print(f"{'workload':34} {'read_value /s':>14} {'babel parse_decimal /s':>24}")
    for name, ours, theirs in rows:
        print(f"{name:34} {ours:>14,.0f} {theirs:>24,.0f}")
    print(f"(corpus: {len(corpus):,} reads of {len(set(corpus)):,} distinct strings; "
          f"unique: {len(unique):,} strings; best of {args.rounds} rounds, "
          "one core, per CPU-second)")


if __name__ == "__main__":
    main()
