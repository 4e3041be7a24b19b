"""Skew of a scanned page: the small angle a page was fed crooked at, found by projection
profiles, so that it can be turned straight before rulings are sought.

Rulings are found by opening the image with long axis-aligned lines (rules.py): a ruling
tilted by more than its thickness over that length breaks into pieces, and tesseract's lines
drift across table rows. The page's dark pixels, summed per row, give sharp peaks (text lines,
rulings) only when the rows run along the text; the angle with the sharpest profile wins.
"""

import numpy as np

MAX_SKEW_DEG = 3.0  # a feeder tilts a page by a few degrees; larger turns are orientation
STEP_DEG = 0.1
MIN_SKEW_DEG = 1.0  # below this rulings are still found whole and words keep to their rows;
# turning costs a resampling blur that garbles small print (measured on a real scan at 0.4-0.8)
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
    return round(best, 2) if abs(best) >= MIN_SKEW_DEG else 0.0


def _sharpness(ink: np.ndarray) -> float:
    """Sum of squared differences of adjacent row sums: high when rows of ink are crisp."""
    rows = ink.sum(axis=1)
    return float(np.square(np.diff(rows)).sum())
