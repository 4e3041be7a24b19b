"""Name matching at archive scale: 100,000 printed names against a 5,000-entry catalogue, one core.

    python -m bench.bench_names [--names 100000] [--entries 5000] [--seed 0] [--naive 2000]

The catalogue is the shipped one grown to --entries with entries made of the words of real
indicator names (so the word index meets real word frequencies); the printed names are its names
and aliases as documents print them (case, brackets, a unit, a region, a year, 'Nilai', a typo,
Prosentase) and names of no entry. Prints seconds and names per second of kinerja's matcher
(word index, then rapidfuzz per candidate), and beside it the plain way, rapidfuzz extractOne of
each name over every catalogue name, timed on --naive names and scaled; and how often each
finds the entry a name was made from.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from rapidfuzz import fuzz, process

from kinerja.normalize import indicator_key
from kinerja.normalize.catalogue import build_index, load_catalogue
from kinerja.normalize.indicator_match import _match
from kinerja.normalize.names import name_key
from kinerja.schema.catalogue import Catalogue, CatalogueIndicator

REGIONS = ["Kabupaten Grobogan", "Kota Medan", "Provinsi Jawa Barat", "Kota Pasuruan", "Kabupaten Banyuwangi"]


def _vocabulary(catalogue: Catalogue) -> list[str]:
    words = [w for e in catalogue.indicators for n in [e.name, *e.aliases] for w in n.split() if len(w) > 3]
    return sorted(set(words))


def grow(catalogue: Catalogue, entries: int, rng: random.Random) -> Catalogue:
    vocab = _vocabulary(catalogue)
    heads = ["Jumlah", "Persentase", "Indeks", "Rasio", "Cakupan", "Tingkat", "Nilai"]
    grown, seen = list(catalogue.indicators), {e.id for e in catalogue.indicators}
    while len(grown) < entries:
        name = " ".join([rng.choice(heads), *rng.sample(vocab, rng.randint(2, 6))])
        eid = f"gen-{len(grown)}"
        if eid not in seen:
            grown.append(CatalogueIndicator(id=eid, name=name, domain="generated"))
            seen.add(eid)
    return Catalogue(version="bench", indicators=grown)


def _typo(name: str, rng: random.Random) -> str:
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 6]
    if not long:
        return name
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]  # two letters swapped
    return " ".join(words)


def printed(entry: CatalogueIndicator, rng: random.Random) -> str:
    name = rng.choice([entry.name, *entry.aliases])
    for chance, change in [(0.3, str.upper), (0.2, lambda n: f"Nilai {n}"),
                           (0.3, lambda n: f"{n} {rng.choice(REGIONS)}"), (0.2, lambda n: f"{n} Tahun 2023"),
                           (0.2, lambda n: f"{n} (%)"), (0.15, lambda n: _typo(n, rng))]:
        if rng.random() < chance:
            name = change(name)
    return name


def names(catalogue: Catalogue, count: int, rng: random.Random) -> list[tuple[str, str | None]]:
    vocab = _vocabulary(catalogue)
    out = []
    for _ in range(count):
        if rng.random() < 0.8:
            entry = rng.choice(catalogue.indicators)
            out.append((printed(entry, rng), entry.id))
        else:
            out.append((" ".join(rng.sample(vocab, rng.randint(3, 8))), None))
    return out


def run_kinerja(index, sample) -> tuple[float, int, int]:
    indicator_key.indicator_words.cache_clear()
    t0 = time.perf_counter()
    got = [_match(raw, "", index).id for raw, _ in sample]
    secs = time.perf_counter() - t0
    return secs, *_tally(got, sample)


def _tally(got, sample) -> tuple[int, int]:
    """(names given the entry they were made from, names given a wrong id or an id when made from none)."""
    found = sum(g == e for g, (_, e) in zip(got, sample) if e)
    wrong = sum(g is not None and g != e for g, (_, e) in zip(got, sample))
    return found, wrong


def run_naive(catalogue: Catalogue, sample) -> tuple[float, int, int]:
    keys, ids = [], []
    for e in catalogue.indicators:
        for n in [e.name, *e.aliases]:
            keys.append(name_key(n))
            ids.append(e.id)
    t0 = time.perf_counter()
    got = []
    for raw, _ in sample:
        hit = process.extractOne(name_key(raw), keys, scorer=fuzz.token_sort_ratio, score_cutoff=85)
        got.append(ids[hit[2]] if hit else None)
    return time.perf_counter() - t0, *_tally(got, sample)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=100_000)
    ap.add_argument("--entries", type=int, default=5_000)
    ap.add_argument("--naive", type=int, default=2_000, help="names timed for the plain way (then scaled)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue measures
    rng = random.Random(args.seed)
    catalogue = grow(load_catalogue(), args.entries, rng)
    sample = names(catalogue, args.names, rng)
    labelled = sum(1 for _, e in sample if e)
    t0 = time.perf_counter()
    index = build_index(catalogue)
    built = time.perf_counter() - t0
    secs, found, wrong = run_kinerja(index, sample)
    naive_secs, naive_found, naive_wrong = run_naive(catalogue, sample[:args.naive])
    naive_labelled = sum(1 for _, e in sample[:args.naive] if e)
    scale = args.names / args.naive
    print(f"catalogue {len(catalogue.indicators)} entries ({sum(1 + len(e.aliases) for e in catalogue.indicators)} "
          f"names), {args.names} printed names ({labelled} made from an entry), one core")
    print(f"{'matcher':<34}{'seconds':>10}{'names/s':>12}{'found':>10}{'wrong':>10}")
    print(f"{'kinerja (word index + rapidfuzz)':<34}{secs + built:>10.2f}{args.names / secs:>12.0f}"
          f"{found / labelled:>10.3f}{wrong / args.names:>10.4f}   (index built in {built:.2f} s)")
    print(f"{'rapidfuzz extractOne, all names':<34}{naive_secs * scale:>10.2f}{args.naive / naive_secs:>12.0f}"
          f"{naive_found / max(1, naive_labelled):>10.3f}{naive_wrong / args.naive:>10.4f}"
          f"   (timed on {args.naive} names, scaled)")
    print("found: share of names made from an entry given that entry; wrong: share of all names given a "
          "wrong id or an id when made from none")


if __name__ == "__main__":
    main()
