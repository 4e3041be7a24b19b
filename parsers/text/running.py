"""Page furniture, whatever the input: page numbers and the key under which a running header
or footer recurs from page to page.

A page number: "12", "- 12 -", "iv", "III-10", "Hal. 5", "Halaman 3 dari 9", "5 | Page",
"LKjIP 2016 | 12". A running header recurs with its figures changed (a chapter number, the
page number beside it), so texts are compared with digits masked, punctuation and spacing
dropped, and every page number as one kind. The PDF path (pdf/margins.py, by height in the
page) and the text-dump path (textdump/reader.py, by line at the page's ends) both use them.
"""

import re

MIN_REPEATS = 3  # a text on fewer pages than this is no running header

_NUM = r"(\d{1,4}|[ivxlcdm]{1,7})"
# a chapter before the page: "III-", "IV.", "A-", "3-" ("1.500" is an amount, not page 500)
_CHAPTER = r"([ivxlcdm]{1,6}\s*[-–—.]\s*|([a-z]|\d{1,2})\s*[-–—]\s*)"
_LABEL = r"(hal(aman)?|hlm|page)\.?\s*:?\s*"  # "Hal. 5", "Halaman : 3", "Hal : 15"
PAGE_NUMBER = re.compile(
    rf"^[-–—\s]*({_LABEL})?{_CHAPTER}?{_NUM}(\s*(dari|of|/)\s*\d{{1,4}})?[-–—\s]*$",
    re.IGNORECASE,
)
LABELLED = re.compile(rf"^[-–—\s]*{_LABEL}{_CHAPTER}?\d{{1,4}}\b", re.IGNORECASE)
# "5 | Page", "Page | 5", "LKjIP 2016 | 12", "12 | Laporan Kinerja": a label and the page number
# on either side of a bar
PAGE_LABEL = re.compile(rf"^({_NUM}\s*[|│]\s*\S.{{0,80}}|\S.{{0,80}}?\s*[|│]\s*{_NUM})$", re.IGNORECASE)


# a year alone on its line ('2027' under a cover's 'TAHUN'): no report runs to page 1900
BARE_YEAR = re.compile(r"^[-–—\s]*(19|20)\d\d[-–—\s]*$")


def is_page_number(text: str) -> bool:
    text = text.strip()
    return bool(PAGE_NUMBER.match(text) or PAGE_LABEL.match(text)) and not BARE_YEAR.match(text)


def is_labelled_page_number(text: str) -> bool:
    """A page number that says so ("Hal : 15", "Halaman 3 dari 9", "5 | Page"): no figure of
    the content reads like it, wherever on the page it sits."""
    text = text.strip()
    return is_page_number(text) and bool(LABELLED.match(text) or PAGE_LABEL.match(text))


def furniture_key(text: str) -> str:
    """The text a running header or footer keeps from page to page: '#page' for any page
    number, else lower case with digits masked and all but letters, digits and '#' dropped."""
    if is_page_number(text):
        return "#page"
    return re.sub(r"[^\w#]+", "", re.sub(r"\d+", "#", text.lower()))


def recurs(pages: int, n_pages: int, share: float) -> bool:
    """A text on `pages` of a document's `n_pages` recurs when it stands on at least that share
    of them (and on MIN_REPEATS at least)."""
    return pages >= max(MIN_REPEATS, int(share * n_pages))
