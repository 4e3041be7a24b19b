"""Definition sheets (indikator, satuan, definisi operasional, rumus) whose cells pdftotext wrote
out of column order.

Each lone unit cell anchors one row: the indicator is the text cell before it, the definition
and the formula the two text cells after it. Rows whose cells cross a page break, or whose
formula reads as a result phrase or as the next row's indicator, are left out.
"""

import re

from kinerja.parsers.textdump.cellruns.runs import Run, is_header_run, is_unit_cell
from kinerja.schema import Lexicon

_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,4}){2,}\.?$")
_MAX_GAP = 12  # runs without a unit cell after which the sheet has ended
_MAX_NAME_WORDS = 25


def is_result_phrase(text: str, lex: Lexicon) -> bool:
    """A sasaran or kegiatan worded as a result ("Meningkatnya ...") is never a formula."""
    return bool(lex.result_phrase) and re.match(rf"\s*(?:{lex.result_phrase})", text) is not None


def _repeated(runs: list[Run]) -> set[str]:
    """Short texts printed on most pages (running titles pdftotext put inside the table's flow)."""
    pages = 1 + sum(r.page_break_before is not None for r in runs)
    counts: dict[str, int] = {}
    for r in runs:
        if len(r.text.split()) <= 5:
            counts[r.text] = counts.get(r.text, 0) + 1
    return {t for t, n in counts.items() if n >= max(3, pages // 2)}


def _reads_as_name(text: str) -> bool:
    """An indicator name: not a sentence (no final full stop, not too long)."""
    return len(text.split()) <= _MAX_NAME_WORDS and not text.rstrip().endswith(".")


def _page_turns(runs: list[Run], first: int, last: int, lex: Lexicon) -> bool:
    """A page break or a repeated header between a row's cells: the cells after it may belong to
    the next page's first row (pdftotext wrote a unit cell after its row's other cells)."""
    return any(runs[j].page_break_before is not None or (is_header_run(runs[j], lex) and not is_unit_cell(runs[j], lex))
               for j in range(first + 1, last + 1))


def definition_rows(runs: list[Run], first: int, lex: Lexicon) -> tuple[list[list[Run | None]], list[str]]:
    """Rows of a definition sheet whose cells pdftotext wrote out of column order: each unit cell
    (a lone unit word) anchors one row; the indicator is the text cell just before it, the
    definition and the formula the two text cells after it. Header cells and running titles
    between them are skipped."""
    noise = _repeated(runs)
    texts = [j for j in range(first, len(runs))
             if is_unit_cell(runs[j], lex) or not is_header_run(runs[j], lex) and runs[j].text not in noise]
    rows: list[list[Run | None]] = []
    last_used = -1
    last_anchor = None
    for pos, j in enumerate(texts):
        if last_anchor is not None and pos - last_anchor > _MAX_GAP:
            break
        if not is_unit_cell(runs[j], lex) or pos == 0 or pos + 2 >= len(texts):
            continue
        name, definition, formula = texts[pos - 1], texts[pos + 1], texts[pos + 2]
        cells = [runs[name], runs[definition], runs[formula]]
        if name <= last_used or any(is_unit_cell(c, lex) or _CODE.match(c.text) for c in cells) \
                or not _reads_as_name(runs[name].text) or is_result_phrase(runs[formula].text, lex) \
                or _page_turns(runs, name, formula, lex) \
                or (pos + 3 < len(texts) and is_unit_cell(runs[texts[pos + 3]], lex)):  # "formula" names the next unit's row
            continue  # a cell of another column in the way: this row's pairing is not certain
        rows.append([runs[name], runs[j], runs[definition], runs[formula]])
        last_used, last_anchor = formula, pos
    notes = ["rows anchored on lone unit cells: indicator = text cell before the unit, definition and "
             "formula = the two text cells after it (pdftotext wrote this sheet's cells out of column "
             "order; header cells and running titles between them were skipped)"] if rows else []
    return rows, notes
