"""Time of the non-table extract steps (doctype, meta, definitions, prose) per seed; prints figures.

Run: python -m bench.bench_extract_text [repeats]
spaCy's Indonesian class is built once per process (the first prose call); its cost is printed apart.
"""

import sys
import time

from bench.paths import CORPUS
from kinerja.extract import definitions, doctype, meta, prose, tables
from tests.parsing import parse


def _timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


def main(repeats: int = 3) -> None:
    start = time.perf_counter()
    prose._nlp()
    print(f"spaCy Indonesian class + matcher, once per process: {time.perf_counter() - start:.2f} s")
    print(f"{'seed':48s} {'doctype':>8s} {'meta':>8s} {'defs':>8s} {'prose':>8s}  (ms, best of {repeats})")
    for path in sorted(CORPUS.glob("*.txt")):
        doc = parse(path)
        best = {k: float("inf") for k in ("doctype", "meta", "defs", "prose")}
        for _ in range(repeats):
            parts, t = _timed(doctype.find_parts, doc)
            best["doctype"] = min(best["doctype"], t)
            info, t = _timed(meta.read_meta, doc, parts)
            best["meta"] = min(best["meta"], t)
            indicators, budgets = tables.read_tables(doc, parts, info)
            _, t = _timed(definitions.read_definitions, doc, parts, indicators)
            best["defs"] = min(best["defs"], t)
            _, t = _timed(prose.read_claims, doc, parts, info, indicators, budgets)
            best["prose"] = min(best["prose"], t)
        print(f"{path.name:48s} " + " ".join(f"{best[k] * 1000:8.1f}" for k in best))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
