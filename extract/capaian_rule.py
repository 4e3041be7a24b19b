"""The capaian formulas a document states (LKjIP chapter III): a polarity statement, then the
formula, printed as a fraction over two or three lines, as text or as a little table.

"b. Semakin tinggi realisasi menunjukkan pencapaian kinerja yang semakin rendah, maka digunakan
rumus :  Rencana - (Realisasi - Rencana) / Rencana x 100%"  ->  lower is better, (2 - R/T) x 100.

The statement's two 'semakin' say the polarity: realisasi going up (tinggi, besar) or down
(rendah, kecil), and kinerja then going well (baik, tinggi) or badly (rendah, buruk). The formula is
read from the blocks right after it, in reading order, the numerator before the denominator:
'(Realisasi - Rencana)' after a Rencana is (2 - R/T); otherwise the first of realisasi and
rencana / target is the numerator. A formula that cannot be told is not recorded.
"""

import re
from itertools import islice
from typing import Optional

from kinerja.schema import AnyDocument, CapaianFormula, Table

from .blocktext import TABLE_KINDS, TEXT_KINDS, block_lines, blocks_in, table_rows, text_blocks

_UP, _DOWN = r"(?:tinggi|besar|banyak|meningkat|naik)", r"(?:rendah|kecil|sedikit|menurun|turun)"
_STATEMENT = re.compile(rf"(?i)semakin\s+({_UP}|{_DOWN})\s+(?:nilai\s+)?realisasi\b(.{{0,120}}?)"
                        rf"semakin\s+(baik|buruk|{_UP}|{_DOWN})")
_FORMULA_CUE = re.compile(r"(?i)\brumus\b|\bformula\b|\bdihitung\b")
# the name of the measure left of '=': 'Persentase pencapaian rencana tingkat capaian', 'Capaian kinerja'
_LABEL = re.compile(r"(?i)(?:persentase|%)?\s*pencapaian\s+rencana(?:\s+tingkat\s+capaian)?|rencana\s+tingkat\s+capaian"
                    r"|tingkat\s+capaian")
_TERM = re.compile(r"(?i)\b(realisasi|rencana|target)\b")
_TWICE = re.compile(r"(?i)\b(?:rencana|target)\s*[-–]\s*\(\s*realisasi\s*[-–]\s*(?:rencana|target)\s*\)"
                    r"|\b2\s*[x×*]?\s*(?:rencana|target)\s*[-–]\s*realisasi"
                    r"|\b2\s*[-–]\s*\(?\s*realisasi\s*[/:]")
_SHAPE = re.compile(r"=|[x×]\s*100|100\s*%|-{3,}|/")  # what a formula shows that a sentence does not
FOLLOW = 3  # blocks after the statement that may hold its formula
MAX_FORMULA_CHARS = 200  # a longer block is running text, not a formula


def read_capaian_formulas(doc: AnyDocument) -> list[CapaianFormula]:
    """Blocks are fetched as read (a paged document keeps one page decoded); only a statement's
    few following blocks are read again."""
    out: list[CapaianFormula] = []
    for i, block in text_blocks(doc):
        text = " ".join(block_lines(block))
        m = _STATEMENT.search(text)
        if m is None or not _FORMULA_CUE.search(text[m.end():] + " " + text[:m.start()]):
            continue
        polarity = _polarity(m.group(1), m.group(3))
        after = islice(blocks_in(doc, i + 1, None, TEXT_KINDS | TABLE_KINDS), FOLLOW)
        formula_text = _following(after) or text[m.end():]
        formula = _formula(formula_text)
        if formula and not any(f.polarity == polarity for f in out):
            out.append(CapaianFormula(polarity=polarity, formula=formula, raw=f"{m.group(0)} ... {formula_text}"[:400],
                                      provenance=block.provenance))
    return out


def _polarity(realisasi: str, kinerja: str) -> str:
    up = re.fullmatch(_UP, realisasi, re.I) is not None
    good = kinerja.lower() == "baik" or re.fullmatch(_UP, kinerja, re.I) is not None
    return "higher" if up == good else "lower"


def _following(blocks) -> str:
    """The text of the formula blocks right after a statement, up to the next sentence."""
    parts = []
    for _, block in blocks:
        text = (" ".join(" ".join(r) for r in table_rows(block)) if isinstance(block, Table)
                else " ".join(block_lines(block)))
        if len(text) > MAX_FORMULA_CHARS or _STATEMENT.search(text) or _sentence(text):
            break
        parts.append(text)
    return " ".join(parts)


def _sentence(text: str) -> bool:
    """Running text after the formula: six words or more and nothing a formula shows."""
    return len(text.split()) >= 6 and not _SHAPE.search(text)


def _formula(text: str) -> Optional[str]:
    if not _SHAPE.search(text):
        return None
    if _TWICE.search(text):
        return "2-R/T"
    terms = [t.lower() for t in _TERM.findall(_LABEL.sub(" ", text))]
    if "realisasi" not in terms or len(set(terms)) < 2:
        return None
    return "R/T" if terms[0] == "realisasi" else "T/R"

