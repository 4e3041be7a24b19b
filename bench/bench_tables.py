"""Prints how fast extract.tables reads the seed documents' tables (parsing excluded).

Run: python -m bench.bench_tables
"""

import time

from bench.paths import CORPUS
from kinerja.extract.tables import read_tables
from kinerja.schema import Meta
from tests.parsing import parse

ROUNDS = 5


def main() -> None:
    docs = [parse(p) for p in sorted(CORPUS.glob("*.txt"))]
    n_tables = sum(len(d.tables()) for d in docs)
    for doc in docs:  # warm-up: the value reader loads its lexicons once
        read_tables(doc, [], Meta())
    start = time.perf_counter()
    records = 0
    for _ in range(ROUNDS):
        for doc in docs:
            indicators, budgets = read_tables(doc, [], Meta())
            records += len(indicators) + len(budgets)
    elapsed = time.perf_counter() - start
    print(f"{ROUNDS * n_tables / elapsed:,.0f} tables/s, {records / elapsed:,.0f} records/s "
          f"({len(docs)} documents, {n_tables} tables, {elapsed / ROUNDS * 1000:.0f} ms per pass)")


if __name__ == "__main__":
    main()
