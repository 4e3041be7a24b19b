"""Calculation formulas as plain text: 'Jumlah A / Jumlah B x 100%'.

Formulas reach us as the parser's plain rendering of LaTeX ("= A / B x 100%"; the Document keeps
the source beside it), or as typed text with labels and worked examples around them
("Formula Perhitungan: =(A)/(B)", "0,93 = 446 / 480", "Baseline 2022: 12/10 x 100% = 120%").
`plain_formula` keeps the formula only.
"""

import re
from typing import Optional

from .blocktext import clean
from .dates import REGULATION_WORDS

_LABEL = re.compile(r"(?i)^\s*(formula(si)?|rumus)(\s+(perhitungan|penghitungan)(\s+target)?)?\s*:?\s*")
_LEAD = re.compile(r"^\s*['`\"]?\s*=\s*")
# a worked example or baseline: "0,93 = 446 / 480", "100% = 26 / 26 x 100%", "Baseline 2022: ..."
_EXAMPLE = re.compile(r"(?i)(\bbaseline\b.*$|(?<![\w(])\d[\d.,]*\s*%?\s*=\s*\d[^\n]*$)")
# the legend of the symbols after the formula: "... x 100% Dengan : f(x) : ..., A : ..."
# ("Dengan rincian perhitungan :"), or a symbol's meaning after it: "... n adalah jumlah paket"
_LEGEND = re.compile(r"(?i)\s(?:dengan|keterangan|ket\.)(?:\s+[a-z]+){0,2}\s*:|\s(?:dimana|di\s+mana)\b"
                     r"|\s[a-z]{1,2}\s+adalah\b")
# running text right after a whole fraction's 'x 100%': its legend with no 'dengan' or 'dimana'
# ("... x 100% waktu tempuh rill AKDP waktu tempuh rata-rata angkutan umum ...")
_AFTER_HUNDRED = re.compile(r"(?i)([x×*]\s*100\s*%?)\s+(?=[^\W\d_][\w–-]*(?:\s+\S+){3,})")
# a citation where a formula should be: the method is the regulation's ("PERATURAN-BKN-NO.-8-...")
_CITATION = re.compile(rf"(?i)^\W*({REGULATION_WORDS})\b")
_OPERATOR = re.compile(r"/|[x×]\s*100|[=+:÷∑Σ]")
# glyphs of a font whose codes map to no letters: '(!"#$%& 3,%$)4%4)', control characters
_SOUP = set('!"#$&@?;<>')
# an equation's left side naming the indicator: "f(x) = ...", "P(t) — ...", and "fx) —" where
# OCR lost an equation's opening parenthesis
_FUNCTION = re.compile(r"^\s*(?:[A-Za-z]{1,3}\s*\(|[A-Za-z])\s*[A-Za-z]{1,2}\s*\)\s*[=—–-]\s*")
_NUMERIC = re.compile(r"^[\d\s.,%/=x×*:+\-()]*$")
_WORD = re.compile(r"[A-Za-zΣ∑]{2,}")

# formulas spelled in words: "A –dibagi-- B dikalikan 100"
_DIVIDED = re.compile(r"(?i)\s*[-–—]*\s*\bdibagi\b\s*[-–—]*\s*")
_TIMES = re.compile(r"(?i)\s*[-–—]*\s*\bdikali(kan)?\b\s*[-–—]*\s*")


def plain_formula(raw: str) -> Optional[str]:
    """The formula in `raw`, plain; None when nothing formula-like is left, when the text layer
    garbles it, or when a regulation is cited instead."""
    if _garbled(raw) or (_CITATION.match(raw) and not _OPERATOR.search(raw)):
        return None
    text = clean(raw)
    text = _LEGEND.split(text, maxsplit=1)[0]
    text = _FUNCTION.sub("", text)
    text = _TIMES.sub(" x ", _DIVIDED.sub(" / ", text))
    lines = [_strip_line(l) for l in text.split("\n")]
    lines = [l for l in lines if l and not _NUMERIC.match(l)]
    if not lines:
        return None
    lines = _restack_fraction(lines)
    if len(lines) == 1:
        lines = [_restack_flowed(lines[0], text)]
    formula = " ".join(lines[:1] if len(lines) > 1 and "/" in lines[0] else lines)
    formula = formula.replace("[", "").replace("]", "")
    formula = re.sub(r"\s+", " ", formula).strip(" ;,")
    if (m := _AFTER_HUNDRED.search(formula)) and "/" in formula[:m.start()]:
        formula = formula[:m.end(1)]  # a whole fraction ends there; without one, the text may be its divisor
    return formula if _WORD.search(formula) or re.search(r"[a-z]\W", formula) else None


def _garbled(raw: str) -> bool:
    """Text of a font whose glyph codes map to no letters: control characters, or a soup of
    punctuation no formula prints (a wrong formula is worse than none)."""
    if any(ord(c) < 32 and c not in "\n\t\r" for c in raw):
        return True
    ink = [c for c in raw if not c.isspace()]
    soup = sum(c in _SOUP for c in ink)
    return soup >= 3 and soup >= 0.1 * len(ink)


def _strip_line(line: str) -> str:
    line = _LABEL.sub("", line.strip())
    line = _LEAD.sub("", line)
    line = _EXAMPLE.sub("", line)
    return line.strip()


def _restack_fraction(lines: list[str]) -> list[str]:
    """A stacked fraction whose numerator was printed on its own line above a broken \\frac.

    "A" then "B / C x 100%" where C repeats B or another line of the cell (an explanatory note
    pulled into the fraction): the fraction printed was A over B.
    """
    if len(lines) < 2 or "/" in lines[0] or "/" not in lines[1]:
        return lines
    over, _, under = lines[1].partition("/")
    suffix = re.search(r"\s[x×]\s*100\s*%?\s*$", under)
    denominator = under[:suffix.start()] if suffix else under
    others = {l.strip().lower() for l in lines[2:]}
    if denominator.strip().lower() in {over.strip().lower()} | others:
        rebuilt = f"{lines[0]} / {over.strip()}" + (" x 100%" if suffix else "")
        return [rebuilt]
    return lines


# where a term of a formula starts: "Jumlah X", "Total Y", "Banyaknya Z"
_TERM_START = re.compile(r"\b(?:Jumlah|Total|Banyaknya)\b")


def _restack_flowed(line: str, cell: str) -> str:
    """The same broken fraction as `_restack_fraction` when the cell's lines were flowed into one
    (a PDF cell prints its paragraphs as running text): "A B / B x 100%", or "A B / C x 100%" with C a
    note the cell prints again after the formula. Either way the fraction printed was A over B.
    """
    over, slash, under = line.partition("/")
    if not slash or "/" in under:
        return line
    suffix = re.search(r"\s[x×]\s*100\s*%?\s*$", under)
    denominator = (under[:suffix.start()] if suffix else under).strip()
    tail = " " + " ".join(suffix.group().split()) if suffix else ""
    numerator = over.rstrip()
    if len(denominator.split()) < 2 or re.search(r"[()×+*]|\s[x\-–]\s", numerator):
        return line  # A is itself an expression: what it holds is meant
    if numerator.lower().endswith(" " + denominator.lower()):
        head = numerator[: -len(denominator)].strip()
        return f"{head} / {denominator}{tail}" if _TERM_START.match(head) else line
    if _occurrences(cell, denominator) <= _occurrences(line, denominator):
        return line  # C is not printed apart from the formula: it is the denominator
    starts = [m.start() for m in _TERM_START.finditer(numerator) if m.start() > 0]
    if len(starts) != 1:
        return line
    return f"{numerator[:starts[0]].strip()} / {numerator[starts[0]:].strip()}{tail}"


def _occurrences(text: str, phrase: str) -> int:
    squash = " ".join(text.split()).lower()
    return squash.count(" ".join(phrase.split()).lower())


def similar_formula_key(formula: str) -> str:
    """The form two printings of one formula are compared in (case and spacing dropped)."""
    return re.sub(r"\s+", "", formula.lower()).lstrip("'=")
