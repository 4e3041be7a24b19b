"""Where the benchmarks find their inputs: the bundled corpus, and ../shared beside the repository."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared" / "corpus"
PDFS = SHARED / "pdf"
WILD = SHARED / "wild"
GOLD = SHARED / "gold"
