"""Cell runs of plain pdftotext dumps and what each reads as.

pdftotext without -layout writes a table cell as a run of lines (wrapped at the cell width);
blank lines and form feeds separate runs. This module cuts the lines into runs and types a
run: a column-header cell (the genre's header vocabulary), a row number, a unit cell, a value
(figure) cell; and tells a column's kind (name, value or text) from its label.
"""

import re
from dataclasses import dataclass

from kinerja.parsers.text.periods import PERIOD_WORDS, QUARTER_LABEL
from kinerja.parsers.text.years import is_year
from kinerja.schema import Lexicon

# words of a header besides the genre's: numerals of quarters, joining words
_MINOR = {"i", "ii", "iii", "iv", "-", "/", "dan", "ke"}

ROW_NUMBER = re.compile(r"^(\d{1,3})\.?$")
NUMBERISH = re.compile(r"\d")
AMOUNT = re.compile(r"^(?:rp\.?\s*)?[-+]?[\d.,\s]+(?:,-|-)?\s*(?:%|persen)?$", re.I)
_SMALL_WORDS = 4  # a value cell holds at most this many words ("2 buah", "0,93 Informatif")


@dataclass
class Run:
    """One cell candidate: consecutive non-blank lines (a blank line or a page break ends it)."""

    lines: list[str]
    start: int
    end: int
    page_break_before: int | None = None  # line of a form feed just before this run
    value: str | None = None  # a figure read out of the run's text (stacked columns)

    @property
    def text(self) -> str:
        if self.value is not None:
            return self.value
        return " ".join(" ".join(line.split()) for line in self.lines if line.strip())


def lines_to_runs(lines: list[str], furniture: set[int] = frozenset()) -> list[Run]:
    """Runs of non-blank lines; form feeds and blank lines end a run; furniture lines are blank."""
    runs: list[Run] = []
    cur: list[str] = []
    start = 0
    pending_break: int | None = None

    def close():
        nonlocal cur, pending_break
        if cur:
            runs.append(Run(cur, start, start + len(cur) - 1, pending_break))
            pending_break = None
        cur = []

    furniture = {no for no in furniture if not _in_number_column(lines, no)}
    for no, line in enumerate(lines, start=1):
        if "\f" in line:
            close()
            pending_break = no
            line = line.replace("\f", "")
        if not line.strip() or no in furniture:
            close()
            continue
        if not cur:
            start = no
        cur.append(line)
    close()
    return [part for run in runs for part in _split_number_label(run)]


def _number_at(lines: list[str], no: int) -> int | None:
    if not 1 <= no <= len(lines):
        return None
    m = ROW_NUMBER.match(lines[no - 1].replace("\f", "").strip())
    return int(m.group(1)) if m else None


def _in_number_column(lines: list[str], no: int) -> bool:
    """A bare number next to the number before or after it ("1" / "2"): a NO column's cell at the
    top of a page, not the page number it looks like."""
    here = _number_at(lines, no)
    return here is not None and (_number_at(lines, no + 1) == here + 1 or _number_at(lines, no - 1) == here - 1)

NO_LABEL = re.compile(r"^\s*(?:no|nomor)\.?\s*$", re.I)


def _split_number_label(run: Run) -> list[Run]:
    """A caption printed right above the table swallows the NO header cell: split it off."""
    if len(run.lines) < 2 or not NO_LABEL.match(run.lines[-1]):
        return [run]
    return [Run(run.lines[:-1], run.start, run.end - 1, run.page_break_before), Run(run.lines[-1:], run.end, run.end)]


def label_words(text: str) -> list[str]:
    """Lower-case words; '2026(%)' is '2026' and '%'."""
    return [w.strip(".,:;").lower() or w for w in re.split(r"[\s()]+", text) if w]


def is_header_run(run: Run, lex: Lexicon) -> bool:
    """Few words, all header vocabulary, years or triwulan numerals, at least one real header word."""
    words = label_words(run.text)
    if not words or len(words) > 8 or len(run.lines) > 4:
        return False
    known = [w for w in words if w in lex.header_words or w in _MINOR or is_year(w)]
    return len(known) == len(words) and any(w in lex.header_words and w not in _MINOR for w in words)


def is_row_number(run: Run, expected: int) -> bool:
    m = ROW_NUMBER.match(run.text)
    return bool(m) and int(m.group(1)) == expected and len(run.lines) == 1


def is_unit_cell(run: Run, lex: Lexicon) -> bool:
    return len(run.lines) == 1 and run.text.lower().strip() in lex.unit_words


def is_value(text: str) -> bool:
    """A figure cell: a number, an amount, a percentage, '-', or a few words holding a digit or a
    one-word grade ('Informatif', 'B', 'WTP')."""
    stripped = text.strip()
    if stripped in ("-", "–", "—") or AMOUNT.match(stripped):
        return True
    words = stripped.split()
    if len(words) > _SMALL_WORDS:
        return False
    return bool(NUMBERISH.search(stripped)) or (len(words) == 1 and len(stripped) <= 15)


def column_kind(label: str, lex: Lexicon) -> str:
    """'name' (sasaran, indikator, program ...), 'value' (target, realisasi, anggaran, a year ...)
    or 'text' (keterangan, formula, period labels ...) by the column's label."""
    words = set(label_words(label))
    if words & lex.text_headers:
        return "text"
    if words <= set(PERIOD_WORDS):
        return "text"  # the period labels of sub-rows ("Triwulan I"), not figures
    if words & lex.name_headers and not words & lex.core_measures:
        return "name"
    if words & lex.measure_headers or any(is_year(w) for w in words):
        return "value"
    return "text"


def holds_several(text: str) -> bool:
    """Period labels of several sub-rows stacked in one cell ('Triwulan I Triwulan II ...'): their
    value cells printed nothing, so which value belongs to which label is unknown. (A numbered
    list in a cell beside as many values, '1. X 2. Y' / '0,93 Informatif', is the document's own
    layout and is kept: the extractor pairs them.)"""
    return len(QUARTER_LABEL.findall(text)) > 1
