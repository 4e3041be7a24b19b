"""Repairs of OCR word readings that tesseract gets wrong in a known, unmistakable way.

Only confusions whose wrong form cannot be a real word of these documents are repaired:
  - '%' read 'Yo' (the ring and slash of a small percent sign): 'Yo', '(Yo)', '100 Yo';
    'Yo' is no word of Indonesian administrative text.
  - the dots of a hierarchical code read as colons ('1.3.2' -> '1:3:2', '1.3:2'): a token of
    three or more short digit groups; a ratio or a time has two ('1:3', '10:30') and is kept.
  - a speck of dust or a quote-like stroke read as punctuation glued to a figure ('.2018',
    '‘45,68%', ':75,42%', '“2019”'): these documents print no figure after a colon or quote
    without a space, and the glued mark hides a year label; a stop or comma goes only before a
    year or a figure with a decimal mark of its own ('.5' may be '0,5' with its 0 lost, and is kept).
"""

import re

PERCENT_AS_YO = re.compile(r"^([(\[]?)Yo([)\].,;:]*)$")
CODE_WITH_COLONS = re.compile(r"^\d{1,3}(?:[.:]\d{1,3}){2,}\.?$")
# a stop or comma only before a year or a figure with its own decimal mark ('.75,42%'): before
# other digits it may be the decimal mark of a figure whose 0 OCR lost ('.5')
_MARKS = r":;'`‘’“”\"·"  # colons and quote-like strokes: never glued to a printed figure
SPECK_BEFORE_FIGURE = re.compile(rf"^(?:[{_MARKS}]+(?=\d)|[.,{_MARKS}]+(?=(?:19|20)\d\d\b|\d+[.,]\d))")
QUOTE_AFTER_FIGURE = re.compile(r"(?<=\d)[’”\"'`]+$")


def repair_word(text: str) -> str:
    m = PERCENT_AS_YO.match(text)
    if m:
        return f"{m.group(1)}%{m.group(2)}"
    text = QUOTE_AFTER_FIGURE.sub("", SPECK_BEFORE_FIGURE.sub("", text))
    if ":" in text and CODE_WITH_COLONS.match(text):
        return text.replace(":", ".")
    return text
