"""Skew of a scanned page: the small angle a page was fed crooked at, found by projection
profiles, so that it can be turned straight before rulings are sought.

Rulings are found by opening the image with long axis-aligned lines (rules.py): a ruling
tilted by more than its thickness over that length breaks into pieces, and tesseract's lines
drift across table rows. The page's dark pixels, summed per row, give sharp peaks (text lines,
rulings) only when the rows run along the text; the angle with the sharpest profile wins.

Even a slight tilt matters on a wide table: half a degree over a landscape page is twelve
points, a row of small print, and a ruling found whole is placed at its mean height, so the
words at either end fall into the neighbouring row. A slight tilt is taken out of the geometry
(Tilt): tesseract reads the page as scanned, since any change to its pixels, a turn's
resampling blur or even a shear's one-pixel steps, garbles small print (measured on real
scans at 0.3-0.8 degrees), and the words' places and the rulings, found on a copy sheared
straight, meet in the straightened frame.
"""

import math
from dataclasses import dataclass

import numpy as np

from kinerja.parsers.page.geometry import Box

MAX_SKEW_DEG = 3.0  # a feeder tilts a page by a few degrees; larger turns are orientation
STEP_DEG = 0.1
SHEAR_BELOW_DEG = 1.0  # a smaller tilt is taken out of the geometry; a larger one is turned
WORK_WIDTH_PX = 900  # the profile is computed on a copy about this wide


def skew_angle(gray: np.ndarray) -> float:
    """Degrees (counter-clockwise positive, as PIL's rotate) that straighten the page; 0.0
    when it is straight or holds too little ink to tell."""
    import cv2

    scale = min(1.0, WORK_WIDTH_PX / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    if ink.sum() < 0.002 * ink.size:
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)
    best, best_score = 0.0, _sharpness(ink)
    for angle in np.arange(-MAX_SKEW_DEG, MAX_SKEW_DEG + STEP_DEG / 2, STEP_DEG):
        if abs(angle) < STEP_DEG / 2:
            continue
        turn = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        score = _sharpness(cv2.warpAffine(ink, turn, (w, h), flags=cv2.INTER_NEAREST))
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


@dataclass(frozen=True)
class Tilt:
    """A slight tilt left in the page image: points as scanned <-> points of the straightened
    frame, the same two shears as `straightened` (page centre cx, cy in points)."""

    slope: float
    cx: float
    cy: float

    @classmethod
    def of(cls, angle: float, size: tuple[int, int], k: float) -> "Tilt":
        return cls(math.tan(math.radians(angle)), size[0] / 2 * k, size[1] / 2 * k)

    def straight(self, box: Box) -> Box:
        """The box moved with its centre into the straightened frame (its size kept: at under a
        degree a word's own tilt is a fraction of a point)."""
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        y2 = y - self.slope * (x - self.cx)
        return _moved(box, x + self.slope * (y2 - self.cy) - x, y2 - y)

    def scanned(self, box: Box) -> Box:
        """A box of the straightened frame where it lies on the page as scanned."""
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        x0 = x - self.slope * (y - self.cy)
        return _moved(box, x0 - x, y + self.slope * (x0 - self.cx) - y)


def _moved(box: Box, dx: float, dy: float) -> Box:
    return Box(box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy)


def straightened(image, angle: float):
    """The PIL image turned `angle` degrees counter-clockwise: below SHEAR_BELOW_DEG by two
    shears of whole pixels (columns moved up or down, then rows left or right), the rulings
    then run along the axes; above it by a bicubic turn."""
    from PIL import Image

    if abs(angle) >= SHEAR_BELOW_DEG:
        return image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    slope = math.tan(math.radians(angle))
    gray = np.asarray(image)
    h, w = gray.shape
    # counter-clockwise on the page: the right side rises, the bottom moves right
    gray = _shifted(gray, np.rint(-slope * (np.arange(w) - w / 2)).astype(int), axis=0)
    gray = _shifted(gray, np.rint(slope * (np.arange(h) - h / 2)).astype(int), axis=1)
    return Image.fromarray(gray)


def _shifted(gray: np.ndarray, shifts: np.ndarray, axis: int) -> np.ndarray:
    """Each column (axis 0) or row (axis 1) of `gray` moved by its own whole number of pixels
    along `axis`, paper white where nothing moves in; a run of equal shifts is moved as one
    slice (a shear's shifts change only every hundred pixels or so)."""
    out = np.full_like(gray, 255)
    view_in = gray if axis == 0 else gray.T
    view_out = out if axis == 0 else out.T
    n = view_in.shape[0]
    starts = np.flatnonzero(np.diff(shifts, prepend=shifts[0] - 1))
    for start, end in zip(starts, list(starts[1:]) + [len(shifts)]):
        d = int(shifts[start])
        if abs(d) >= n:
            continue
        src = view_in[max(0, -d):n - max(0, d), start:end]
        view_out[max(0, d):max(0, d) + src.shape[0], start:end] = src
    return out


def _sharpness(ink: np.ndarray) -> float:
    """Sum of squared differences of adjacent row sums: high when rows of ink are crisp."""
    rows = ink.sum(axis=1)
    return float(np.square(np.diff(rows)).sum())
