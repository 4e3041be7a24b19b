"""Coloured ink dropped before OCR: stamps and signatures over printed text.

Indonesian government documents are signed in blue ink and stamped in purple or blue over
the signatory's printed name, title and region ("Pj. Walikota ..." under the cap of the
Walikota): tesseract reads the stamp's rings and the pen strokes as letters and loses the
text beneath. Printed text is black or grey, so a pixel of strong blue or violet colour that is
not dark is ink of another kind and becomes paper. Dark coloured print (a navy heading) stays;
a grey scan has no colour and is unchanged. A page whose tables are shaded in colour is left
as it is: there colour fringes the print itself (a scan's compression smears the shading into
the letters), and whitening it would break the glyphs.
"""

import numpy as np
from PIL import Image

CHROMA = 45  # max - min of R, G, B (0..255) from which a pixel is coloured ink
DARK = 70  # luminance under which a coloured pixel is print, kept
TINT, PALE = 20, 200  # a tinted pale pixel: shading, not paper
SHADED_PAGE = 0.10  # share of tinted pale pixels from which a page's tables are shaded


def without_coloured_ink(gray: Image.Image, rgb: Image.Image) -> Image.Image:
    """The grayscale page image with the pixels that are light or mid coloured ink in its RGB
    rendering turned to paper; every other pixel as it was."""
    a = np.asarray(rgb.convert("RGB"), dtype=np.int16)
    g = np.asarray(gray.convert("L"))
    chroma = a.max(axis=2) - a.min(axis=2)
    if np.mean((chroma >= TINT) & (g >= PALE)) >= SHADED_PAGE:
        return gray
    bluish = a[..., 2] >= a[..., 0:2].max(axis=2)  # blue the strongest: blue and violet inks
    coloured = (chroma >= CHROMA) & (g >= DARK) & bluish
    if not coloured.any():
        return gray
    return Image.fromarray(np.where(coloured, 255, g).astype(np.uint8))
