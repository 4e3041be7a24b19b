"""Boxes on a page (top-left origin, PDF points) and 1-D clustering of coordinates."""

from dataclasses import dataclass
from typing import Iterable, Sequence

from kinerja.schema import BBox


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle with the origin at the page's top-left corner, y growing downwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def union(self, other: "Box") -> "Box":
        return Box(min(self.x0, other.x0), min(self.y0, other.y0),
                   max(self.x1, other.x1), max(self.y1, other.y1))

    def contains_point(self, x: float, y: float, pad: float = 0.0) -> bool:
        return self.x0 - pad <= x <= self.x1 + pad and self.y0 - pad <= y <= self.y1 + pad

    def y_overlap(self, other: "Box") -> float:
        """Overlap of the two vertical extents, as a share of the shorter one."""
        inter = min(self.y1, other.y1) - max(self.y0, other.y0)
        shorter = min(self.height, other.height) or 1.0
        return max(0.0, inter) / shorter

    def x_overlap(self, other: "Box") -> float:
        inter = min(self.x1, other.x1) - max(self.x0, other.x0)
        narrower = min(self.width, other.width) or 1.0
        return max(0.0, inter) / narrower

    def to_bbox(self) -> BBox:
        return BBox(x0=round(self.x0, 2), y0=round(self.y0, 2),
                    x1=round(self.x1, 2), y1=round(self.y1, 2), origin="top-left")


def from_bottom_left(x0: float, y0: float, x1: float, y1: float, page_height: float) -> Box:
    """A box given in PDF user space (origin bottom-left) flipped to top-left once."""
    return Box(min(x0, x1), page_height - max(y0, y1), max(x0, x1), page_height - min(y0, y1))


def union_all(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    out = boxes[0]
    for b in boxes[1:]:
        out = out.union(b)
    return out


def cluster(values: Sequence[float], tolerance: float) -> list[float]:
    """Merge sorted coordinates closer than `tolerance` into their mean (grid lines, row tops)."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]



@dataclass(frozen=True, slots=True)
class PageFrame:
    """A page's unrotated size (user space) and its /Rotate: maps boxes read in user space
    (already flipped to top-left) into the page as displayed, where reading happens."""

    width: float
    height: float
    rotation: int = 0

    @classmethod
    def displayed(cls, width: float, height: float, rotation: int) -> "PageFrame":
        """From the displayed size (what pdfium reports) and the rotation."""
        if rotation % 180 == 90:
            width, height = height, width
        return cls(width, height, rotation % 360)

    def rotate(self, b: Box) -> Box:
        w, h = self.width, self.height
        if self.rotation == 90:  # clockwise: (u, v) -> (h - v, u)
            return Box(h - b.y1, b.x0, h - b.y0, b.x1)
        if self.rotation == 180:
            return Box(w - b.x1, h - b.y1, w - b.x0, h - b.y0)
        if self.rotation == 270:  # (u, v) -> (v, w - u)
            return Box(b.y0, w - b.x1, b.y1, w - b.x0)
        return b

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        """A user-space (bottom-left) rectangle as displayed, top-left origin."""
        return self.rotate(from_bottom_left(x0, y0, x1, y1, self.height))


@dataclass(frozen=True, slots=True)
class Edge:
    """An axis-aligned ruling, top-left coordinates: 'h' at y=y0==y1, 'v' at x=x0==x1."""

    orientation: str
    x0: float
    y0: float
    x1: float
    y1: float
