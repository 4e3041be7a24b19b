"""Table structure scores: TEDS (tree-edit-distance similarity, as PubTabNet defines it), row and
column accuracy, detection.

A table is a list of rows, each a list of cells (text, rowspan, colspan); a place a spanning cell
covers holds no cell. As a tree: table -> rows -> cells. TEDS = 1 - EditDistance / max(nodes), the
distance from apted (APTED), where renaming a cell costs 1 if its spans differ, else the
normalised Levenshtein distance of the texts (rapidfuzz), and inserting or deleting a node 1.
"""

from dataclasses import dataclass, field
from typing import Optional

from apted import APTED, Config
from rapidfuzz.distance import Levenshtein


@dataclass(frozen=True)
class TCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


Table = list[list[TCell]]


@dataclass
class _Node:
    tag: str
    cell: Optional[TCell] = None
    children: list["_Node"] = field(default_factory=list)


class _Costs(Config):
    def rename(self, a: _Node, b: _Node) -> float:
        if a.tag != b.tag:
            return 1.0
        if a.tag != "td":
            return 0.0
        if (a.cell.rowspan, a.cell.colspan) != (b.cell.rowspan, b.cell.colspan):
            return 1.0
        return Levenshtein.normalized_distance(_norm(a.cell.text), _norm(b.cell.text))

    def children(self, node: _Node) -> list[_Node]:
        return node.children


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _tree(table: Table) -> _Node:
    return _Node("table", children=[_Node("tr", children=[_Node("td", c) for c in row]) for row in table])


def _size(table: Table) -> int:
    return 1 + len(table) + sum(len(r) for r in table)


def teds(truth: Table, found: Table) -> float:
    """1.0 for the same structure and texts, toward 0 as they part."""
    distance = APTED(_tree(truth), _tree(found), _Costs()).compute_edit_distance()
    return max(0.0, 1.0 - distance / max(_size(truth), _size(found)))


def n_rows(table: Table) -> int:
    return len([r for r in table if r])


def n_cols(table: Table) -> int:
    return max((sum(c.colspan for c in r) for r in table), default=0)


def match(truths: list[Table], found: list[Table], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """One to one, best TEDS first: (truth index, found index, TEDS) of each pair at threshold or over."""
    scored = sorted(((teds(t, f), i, j) for i, t in enumerate(truths) for j, f in enumerate(found)
                     if _comparable(t, f)), reverse=True)
    used_t, used_f, out = set(), set(), []
    for score, i, j in scored:
        if score >= threshold and i not in used_t and j not in used_f:
            used_t.add(i)
            used_f.add(j)
            out.append((i, j, score))
    return out


def _comparable(t: Table, f: Table) -> bool:
    """Cheap guard before the tree edit: tables of very different sizes are not one table."""
    a, b = _size(t), _size(f)
    return min(a, b) >= 0.25 * max(a, b)
