"""Damaged PDFs in bulk: seeded byte-flip mutants of real PDFs through a real run, each judged
against qpdf's own check of the same bytes.

    python -m bench.bench_mutants [--n 500] [--seed 0] [--workers 2] [--timeout 60] [--keep DIR]

A mutant is one of the shared real PDFs with 1 to 16 bytes flipped (seeded: the same mutants on
every run). Every mutant must end without a crash (a worker that died, or a Python error that is
not a typed input error), without a hang (the run's time limit), and never "ok" when qpdf finds
damage that loses content (the warnings integrity.Check ignores as harmless aside). Prints the
outcome per qpdf verdict, every violation, and seconds; exits 1 on any violation.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.paths import PDFS
from kinerja.parsers import errors
from kinerja.parsers.pdf.integrity import _problems
from kinerja.pipeline import RunOptions, run

# small real PDFs with a text layer (a mutant of a scan spends its time in OCR, not in damage)
SOURCES = ("pk_2021_pengukuran_2020_dkips_sulut.pdf", "pk_2017_kadis_dispora_jabar.pdf",
           "rencana_aksi_2022_dpupr_kab_grobogan.pdf", "sk_iku_2021_dkips_sulut.pdf")
TYPED = {name for name in dir(errors) if isinstance(getattr(errors, name), type)
         and issubclass(getattr(errors, name), errors.InputError)}


def mutate(data: bytes, rng: random.Random, most: int = 16) -> bytes:
    """1..`most` bytes flipped, each by one bit, at random places."""
    out = bytearray(data)
    for _ in range(rng.randint(1, most)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def make_mutants(folder: Path, n: int, seed: int, sources: list[Path]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    originals = [p.read_bytes() for p in sources]
    made = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        k = i % len(sources)
        path = folder / f"m{i:04d}_{sources[k].stem}.pdf"
        path.write_bytes(mutate(originals[k], rng))
        made.append(path)
    return made


def qpdf_verdict(path: Path) -> str:
    """'sound', 'harmless' (only warnings that lose nothing) or 'damaged'."""
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, errors="replace")
    if done.returncode == 0:
        return "sound"
    return "damaged" if _problems(done.stdout + done.stderr, path) or done.returncode == 2 else "harmless"


@dataclass
class Outcome:
    path: Path
    verdict: str
    status: str
    error: str
    reason: str

    def violation(self) -> str | None:
        if self.error == "TimeLimit":
            return "hang"
        if self.status == "failed" and self.error not in TYPED:
            return "crash"
        if self.status == "ok" and self.verdict == "damaged":
            return "damaged but ok"
        return None


def judge(mutants: list[Path], out: Path, workers: int, timeout_s: float) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        verdicts = dict(zip(mutants, pool.map(qpdf_verdict, mutants)))
    manifest = run(mutants, RunOptions(out_dir=out, workers=workers, timeout_s=timeout_s, force=True))
    outcomes = []
    for r in manifest.files:
        error = r.errors[0].error if r.status == "failed" and r.errors else ""
        outcomes.append(Outcome(Path(r.file), verdicts[Path(r.file)], r.status, error, r.reason or ""))
    return outcomes


def report(outcomes: list[Outcome], seconds: float) -> int:
    table = Counter((o.verdict, o.status) for o in outcomes)
    print(f"{len(outcomes)} mutants in {seconds:.0f} s")
    print(f"{'qpdf says':10} {'ok':>6} {'degraded':>9} {'failed':>7}")
    for verdict in ("sound", "harmless", "damaged"):
        print(f"{verdict:10} " + " ".join(f"{table[verdict, s]:>{w}}" for s, w in
                                           (("ok", 6), ("degraded", 9), ("failed", 7))))
    bad = [(o.violation(), o) for o in outcomes if o.violation()]
    for kind in ("crash", "hang", "damaged but ok"):
        print(f"{kind}: {sum(k == kind for k, _ in bad)}")
    for kind, o in bad:
        print(f"  {kind}: {o.path.name}: {o.error} {o.reason[:160]}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--keep", type=Path, help="keep the mutants and outputs here")
    args = ap.parse_args(argv)
    if shutil.which("qpdf") is None:
        sys.exit("qpdf (system package, .ci/setup-system.sh) is needed to judge the mutants")
    work = args.keep or Path(tempfile.mkdtemp(prefix="kinerja-mutants-"))
    try:
        mutants = make_mutants(work / "in", args.n, args.seed, [PDFS / s for s in SOURCES])
        t0 = time.perf_counter()
        outcomes = judge(mutants, work / "out", args.workers, args.timeout)
        return report(outcomes, time.perf_counter() - t0)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
