"""The signing block under a table or a letter: '<Place>, 12 Januari 2017' (place and date),
'NIP. 19781027 200607 1 002' (a civil servant's number). Where one opens, the table
above has ended: its date and number are not the table's figures."""

import re

MONTHS = ("januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
          "nopember|november|desember")
# '<Place>, Januari 2023', 'Kota <Place>, 11 November 2024': a place, a comma, [day] month year
PLACE_DATE = re.compile(rf"(?i)^[A-Z][\w.'-]*(?: [\w.'-]+){{0,3}},\s*(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+(?:19|20)\d\d[.,]?$")
NIP = re.compile(r"(?i)^NIP\s*[.:]?\s*\d{8}")


def signing_text(text: str) -> bool:
    """The text (a line's segment) opens a signing block: a place and date, or a NIP."""
    text = text.strip()
    return bool(PLACE_DATE.match(text) or NIP.match(text))
