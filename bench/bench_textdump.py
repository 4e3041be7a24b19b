"""Text-dump parsing speed over the seed corpus, beside a naive TSV split, in one run.

    python -m bench.bench_textdump [--rounds N] [--scale K]

For each seed and for the whole corpus it prints MB/s and seconds per MB of:
  textdump  kinerja.parsers.textdump.reader.parse (cold: the markup cache is cleared before each
            parse): blocks, header spans, column paths, markup, provenance, pydantic models;
  naive     the csv module reading every line as tab-separated rows, grouped at blank lines
            (no headers, spans, captions, markup or provenance: the floor of any TSV reader).
--scale K also parses each seed repeated K times in one file (a long document).
Times are the process's CPU time (best of N), so other jobs on a shared machine do not count.
The target is well under 1 s per MB of text.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from pathlib import Path

from bench.paths import REPO
from kinerja.parsers.textdump import markup
from tests.parsing import parse


def naive_tsv(path: Path) -> list[list[list[str]]]:
    """Tables as runs of tab-separated lines, read with the csv module."""
    tables, current = [], []
    text = path.read_text(encoding="utf-8")
    for row in csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) > 1:
            current.append(row)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def cold_parse(path: Path):
    markup._to_plain_cached.cache_clear()
    return parse(path)


def best_time(fn, path: Path, rounds: int) -> float:
    """Best CPU seconds of one call (process time: the machine is shared, wall time is not ours)."""
    fn(path)  # warm imports and regex compilation
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn(path)
        best = min(best, time.process_time() - start)
    return max(best, 1e-6)


def report(label: str, size: int, seconds: float) -> str:
    mb = size / 1e6
    return f"{label:<58} {size / 1024:8.1f} KiB  {mb / seconds:7.2f} MB/s  {seconds / mb:6.3f} s/MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scale", type=int, default=0, help="also parse each seed repeated K times")
    args = parser.parse_args()
    seeds = sorted((REPO / "corpus").glob("*.txt"))
    paths = list(seeds)
    if args.scale:
        tmp = Path(__import__("tempfile").mkdtemp(prefix="bench_textdump_"))
        for seed in seeds:
            big = tmp / f"{seed.stem}.x{args.scale}.txt"
            big.write_text((seed.read_text(encoding="utf-8") + "\n\n") * args.scale, encoding="utf-8")
            paths.append(big)
    totals = {"textdump": [0, 0.0], "naive": [0, 0.0]}
    print(f"best of {args.rounds} rounds per file, CPU time of this process")
    for path in paths:
        size = path.stat().st_size
        for name, fn in (("textdump", cold_parse), ("naive", naive_tsv)):
            seconds = best_time(fn, path, args.rounds)
            if path in seeds:
                totals[name][0] += size
                totals[name][1] += seconds
            print(report(f"{name:<8} {path.name}", size, seconds))
    for name, (size, seconds) in totals.items():
        print(report(f"{name:<8} corpus total", size, seconds))
    doc = parse(seeds[0])
    print(f"(sanity: {seeds[0].name} -> {len(doc.blocks)} blocks, {len(doc.tables())} tables)")


if __name__ == "__main__":
    sys.exit(main())
