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
  - a group separator of an amount read as a colon ('34:105,511'): a head of two or three digits,
    then three-digit groups set apart by one mark; the colon is that mark. A time has no further
    group, and a map's scale or a ratio has a head of 1 ('1:100.000').
  - a speck read as a stop between two words printed apart ('Laporan.Keuangan'): a word of
    three lower-case letters or more, then a capitalised one; titles ('S.Pd', 'M.Kom') and
    domains ('go.id') have a short or lower-case part.
"""

import re

PERCENT_AS_YO = re.compile(r"^([(\[]?)Yo([)\].,;:]*)$")
CODE_WITH_COLONS = re.compile(r"^\d{1,3}(?:[.:]\d{1,3}){2,}\.?$")
# a stop or comma only before a year or a figure with its own decimal mark ('.75,42%'): before
# other digits it may be the decimal mark of a figure whose 0 OCR lost ('.5')
_MARKS = r":;'`‘’“”\"·"  # colons and quote-like strokes: never glued to a printed figure
SPECK_BEFORE_FIGURE = re.compile(rf"^(?:[{_MARKS}]+(?=\d)|[.,{_MARKS}]+(?=(?:19|20)\d\d\b|\d+[.,]\d))")
QUOTE_AFTER_FIGURE = re.compile(r"(?<=\d)[’”\"'`]+$")
GROUP_AS_COLON = re.compile(r"^(\D*\d{2,3}):(\d{3}([.,])\d{3}(?:\3\d{3})*(?:[.,]\d{1,2})?\D*)$")
STOP_BETWEEN_WORDS = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]{2})")


def repair_word(text: str) -> str:
    m = PERCENT_AS_YO.match(text)
    if m:
        return f"{m.group(1)}%{m.group(2)}"
    text = QUOTE_AFTER_FIGURE.sub("", SPECK_BEFORE_FIGURE.sub("", text))
    if ":" in text and CODE_WITH_COLONS.match(text):
        return text.replace(":", ".")
    m = GROUP_AS_COLON.match(text) if ":" in text else None
    if m:
        return f"{m.group(1)}{m.group(3)}{m.group(2)}"
    return STOP_BETWEEN_WORDS.sub(" ", text)
