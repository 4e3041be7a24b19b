"""How long the audit checks take: per seed document, and on a synthetic extraction of growing size
(name clustering compares every pair of distinct names). Prints figures; asserts nothing.

    python -m bench.bench_audit
"""

import random
import time

from bench.paths import CORPUS
from kinerja.audit import RULES, names, run_checks
from kinerja.pipeline import extract_file
from kinerja.schema import Extraction, IndicatorValue, Provenance, SourceFile, Value


def timed(fn, repeat: int = 5) -> float:
    """Best of `repeat` cold runs (the name clusters cached between rules are dropped first)."""
    best = float("inf")
    for _ in range(repeat):
        names._roots.cache_clear()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def seeds() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        ex = extract_file(path)
        per_rule = {code: timed(lambda c=check: list(c(ex))) for code, check in RULES.items()}
        total = timed(lambda: run_checks(ex))
        slowest = max(per_rule, key=per_rule.get)
        print(f"{path.name:50s} {len(ex.indicators):4d} ind {len(ex.budgets):4d} bud "
              f"{total * 1000:8.1f} ms  (slowest {slowest} {per_rule[slowest] * 1000:.1f} ms)")


WORDS = ("persentase jumlah indeks cakupan rasio layanan aplikasi data informasi publik perangkat "
         "daerah jaringan keamanan statistik sektoral website desa opd sistem elektronik pengaduan "
         "masyarakat pegawai dokumen kinerja anggaran kegiatan program capaian").split()


def synthetic(count: int) -> Extraction:
    """`count` distinct indicator names of four to eight words, each with target, realisasi, capaian."""
    rnd = random.Random(count)
    titles = list(dict.fromkeys(" ".join(rnd.sample(WORDS, rnd.randint(4, 8))) for _ in range(count)))
    records = [
        IndicatorValue(indicator=title, measure=m,
                       year=2024, value=Value(raw=str(v), value=v, kind="number",
                                              provenance=Provenance(file="x", line_start=i + 1)))
        for i, title in enumerate(titles)
        for m, v in (("target", 80.0), ("realisasi", 72.0), ("capaian", 90.0))
    ]
    source = SourceFile(path="x", sha256="0" * 64, format="text", size_bytes=0)
    return Extraction(source=source, indicators=records)


if __name__ == "__main__":
    seeds()
    for n in (50, 200, 800):
        ex = synthetic(n)
        print(f"synthetic {n:4d} distinct indicators: {timed(lambda: run_checks(ex), 1) * 1000:8.1f} ms")
