"""Reading gold files and pairing them with the documents they describe (by file stem)."""

import json
from pathlib import Path

GOLD_SUFFIX = ".facts.jsonl"


def ratio(hits: int, out_of: int) -> float:
    """hits / out_of, 1.0 when there is nothing to count (no claim is no false claim)."""
    return hits / out_of if out_of else 1.0


def read_jsonl(path: Path, what: str = "JSON line") -> list[dict]:
    """One object a line; a broken line is a ValueError naming the file, the line and `what` it should be."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a {what} ({exc.msg})") from exc
    return rows


def load_gold(path: Path) -> list[dict]:
    return read_jsonl(path, "JSON fact")


def gold_files(gold_dir: Path) -> dict[str, Path]:
    """Document stem -> its gold file."""
    return {p.name[: -len(GOLD_SUFFIX)]: p for p in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))}


def doc_stem(path: Path) -> str:
    """The stem a gold file is named by: 'x.pdf' and an extraction 'x.json' both give 'x'."""
    return path.name.split(".")[0] if path.suffix == ".json" else path.stem
