"""Table grids of real PDF pages read by hand (corpus/tables/, format in its FORMAT file): load
them as bench.table_teds Tables and check each grid is a grid.

Usage: python -m bench.real_tables [FILE.json ...]   checks the given files (default: all)
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.paths import CORPUS, SHARED
from bench.table_teds import TCell, Table

TRUTH_DIR = CORPUS / "tables"


@dataclass
class TruthPage:
    name: str
    pdf: Path
    page: int
    tables: list[Table]
    ruled: list[str]


def grid_problems(rows: list[list[dict]]) -> list[str]:
    """Why the rows are not one rectangular grid: spans from above plus colspans must give every row
    the same width, and no rowspan may run past the last row."""
    problems, carry, widths = [], {}, []
    for r, row in enumerate(rows):
        col, k = 0, 0
        while k < len(row) or col in carry:
            if col in carry:
                span_left, span_cols = carry.pop(col)
                if span_left > 1:
                    carry[col] = (span_left - 1, span_cols)
                col += span_cols
                continue
            cell = row[k]
            k += 1
            rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            if rs > 1:
                if r + rs > len(rows):
                    problems.append(f"row {r}: a rowspan of {rs} runs past the last row")
                carry[col] = (rs - 1, cs)
            col += cs
        widths.append(col)
    if len(set(widths)) > 1:
        problems.append(f"rows differ in width: {widths}")
    return problems


def load(path: Path) -> TruthPage:
    data = json.loads(path.read_text())
    tables, ruled = [], []
    for t in data["tables"]:
        problems = grid_problems(t["rows"])
        if problems:
            raise ValueError(f"{path.name}: table {len(tables) + 1}: " + "; ".join(problems))
        tables.append([[TCell(" ".join(str(c["text"]).split()), int(c.get("rowspan", 1)), int(c.get("colspan", 1)))
                        for c in row] for row in t["rows"]])
        ruled.append(t.get("ruled", "full"))
    return TruthPage(path.stem, SHARED / data["file"], int(data["page"]), tables, ruled)


def load_all(folder: Path = TRUTH_DIR) -> list[TruthPage]:
    return [load(p) for p in sorted(folder.glob("*.json"))]


def main() -> None:
    paths = [Path(a) for a in sys.argv[1:]] or sorted(TRUTH_DIR.glob("*.json"))
    bad = 0
    for path in paths:
        try:
            page = load(path)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            bad += 1
            print(f"BAD {path}: {exc}")
            continue
        shape = ", ".join(f"{len(t)}x{max(sum(c.colspan for c in r) for r in t)}" for t in page.tables)
        print(f"ok  {path.name}: page {page.page} of {page.pdf.name}, tables {shape}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
