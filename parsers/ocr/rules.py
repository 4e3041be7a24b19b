"""Table rulings of a page image: found by morphological opening along each axis, turned into
edges in points for the cell chain, and painted out of the image that OCR reads.

Tesseract reads a ruling beside text as characters ('|', 'l', 'al', 'Pf') or fuses a word with
the border, and a ruling under a row breaks its line finding; read without them, words keep
to their cells. Only long strokes are painted out: a glyph's stem is never that long.
"""

from dataclasses import dataclass

import numpy as np

from kinerja.parsers.page.geometry import Edge

MIN_ERASE_PT = 24.0  # points: a stroke this long is a ruling, never a glyph's stem
ERASE_PAD_PX = 2  # the ruling's anti-aliased fringe goes with it


@dataclass
class RuleMasks:
    """Binary masks (uint8, 255 = ink of a ruling) of the horizontal and vertical strokes."""

    horizontal: np.ndarray
    vertical: np.ndarray


def image_to_masks(gray: np.ndarray) -> RuleMasks:
    """Long strokes along each axis: ink (adaptive threshold, robust to uneven scan
    lighting) opened by a line as long as a 40th of the page width or an 80th of its height."""
    import cv2

    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                   25, 15)
    h, w = binary.shape
    masks = []
    for kernel in ((max(20, w // 40), 1), (1, max(20, h // 80))):
        mask = cv2.morphologyEx(binary, cv2.MORPH_OPEN,
                                cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        masks.append(cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))))
    return RuleMasks(*masks)


def masks_to_edges(masks: RuleMasks, k: float) -> list[Edge]:
    """Each long stroke as an Edge in points (k: points per pixel), on its centre line."""
    import cv2

    edges: list[Edge] = []
    for orientation, mask in (("h", masks.horizontal), ("v", masks.vertical)):
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask)
        for x, y, bw, bh, _area in stats[1:n]:
            if orientation == "h" and bw > 3 * bh:
                cy = (y + bh / 2) * k
                edges.append(Edge("h", x * k, cy, (x + bw) * k, cy))
            elif orientation == "v" and bh > 3 * bw:
                cx = (x + bw / 2) * k
                edges.append(Edge("v", cx, y * k, cx, (y + bh) * k))
    return edges


def without_rules(gray: np.ndarray, masks: RuleMasks, k: float) -> np.ndarray:
    """The page with its rulings painted white: only strokes at least MIN_ERASE_PT long, so
    text whose stems the vertical opening kept ('l', '1', '|' of a big heading) stays."""
    import cv2

    min_px = MIN_ERASE_PT / k
    erase = np.zeros_like(gray, dtype=np.uint8)
    for axis, mask in ((0, masks.horizontal), (1, masks.vertical)):
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
        length = stats[:, cv2.CC_STAT_WIDTH] if axis == 0 else stats[:, cv2.CC_STAT_HEIGHT]
        long_ = np.flatnonzero(length >= min_px)
        long_ = long_[long_ > 0]
        if len(long_):
            erase |= np.isin(labels, long_).astype(np.uint8)
    if not erase.any():
        return gray
    pad = 2 * ERASE_PAD_PX + 1
    erase = cv2.dilate(erase, cv2.getStructuringElement(cv2.MORPH_RECT, (pad, pad)))
    clean = gray.copy()
    clean[erase > 0] = 255
    return clean
