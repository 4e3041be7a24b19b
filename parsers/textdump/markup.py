"""Markup found inside text dumps made readable: HTML fragments, LaTeX math, Markdown emphasis.

Converters that export PDFs to Markdown leave table cells holding HTML (<p>, <ol>, <li>, <br>)
and formulas holding LaTeX ($\\frac{a}{b}$). Readers of the Document want plain text, so each
function here returns the plain rendering; callers keep the source beside it.
"""

import re
from functools import lru_cache
from html.parser import HTMLParser

# --- HTML -------------------------------------------------------------------------------------

_HTML_TAG = re.compile(r"</?(p|br|ol|ul|li|u|b|i|em|strong|div|span|sub|sup|td|tr|th)\b[^>]*>", re.I)
_BLOCK_TAGS = {"p", "br", "li", "div", "tr", "ol", "ul"}


class _TextCollector(HTMLParser):
    """Collects text, turning block-level tags into line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.parts.append(data)


def has_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text))


def html_to_text(text: str) -> str:
    """Readable text of an HTML fragment: one line per paragraph / list item / break."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# --- LaTeX ------------------------------------------------------------------------------------

# display math first so "$$...$$" is not read as two empty inline spans
MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)

_SYMBOLS = {
    "times": " x ", "cdot": " x ", "div": " / ", "%": "%", "leq": " ≤ ", "le": " ≤ ",
    "geq": " ≥ ", "ge": " ≥ ", "neq": " ≠ ", "sum": "Σ", "quad": " ", "qquad": " ",
    ",": " ", ";": " ", "!": "", " ": " ", "pm": " ± ", "approx": " ≈ ", "infty": "∞",
    "left": "", "right": "", "displaystyle": "", "ldots": "...", "dots": "...", "cdots": "...",
    "{": "{", "}": "}", "_": "_", "&": "&", "#": "#", "$": "$", "sigma": "σ", "Sigma": "Σ",
}
_TEXT_COMMANDS = {"text", "mathrm", "textbf", "textit", "mathbf", "mathit", "operatorname",
                  "textrm", "mbox", "emph", "underline", "textsf"}
_TOP_LEVEL_OP = re.compile(r"[+\-=]")


def latex_to_plain(source: str) -> str:
    """'\\frac{a}{b} \\times 100\\%' -> 'a / b x 100%'."""
    text, _ = _render(source, 0, closing=None)
    return " ".join(text.split())


def _render(src: str, i: int, closing: str | None) -> tuple[str, int]:
    """Render src from i until the closing brace (or the end); return (text, next index)."""
    out: list[str] = []
    while i < len(src):
        ch = src[i]
        if closing and ch == closing:
            return "".join(out), i + 1
        if ch == "{":
            inner, i = _render(src, i + 1, "}")
            out.append(inner)
        elif ch == "\\":
            text, i = _command(src, i + 1)
            out.append(text)
        elif ch in "_^":
            arg, i = _argument(src, i + 1)
            out.append(" " + arg if ch == "_" else "^" + arg)
        elif ch in "}":
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out), i


def _argument(src: str, i: int) -> tuple[str, int]:
    while i < len(src) and src[i] == " ":
        i += 1
    if i >= len(src):
        return "", i
    if src[i] == "{":
        return _render(src, i + 1, "}")
    if src[i] == "\\":
        return _command(src, i + 1)
    return src[i], i + 1


def _command(src: str, i: int) -> tuple[str, int]:
    match = re.match(r"[A-Za-z]+|.", src[i:], re.S)
    if not match:
        return "", i
    name = match.group(0)
    i += len(name)
    if name == "frac" or name == "dfrac" or name == "tfrac":
        num, i = _argument(src, i)
        den, i = _argument(src, i)
        return f" {_wrap(num)} / {_wrap(den)} ", i
    if name in _TEXT_COMMANDS:
        return _argument(src, i)
    if name == "sqrt":
        arg, i = _argument(src, i)
        return f"√({arg.strip()})", i
    return _SYMBOLS.get(name, name), i


def _wrap(term: str) -> str:
    """Parenthesise a fraction part holding a top-level sum or difference: (n+1)-n -> ((n+1)-n)."""
    term = " ".join(term.split())
    depth, top_level_op = 0, False
    for k, ch in enumerate(term):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and (ch in "+/" or (ch == "-" and _is_minus(term, k)) or term[k:k + 3] == " x "):
            top_level_op = True
    if top_level_op and not (term.startswith("(") and term.endswith(")") and _balanced(term[1:-1])):
        return f"({term})"
    return term


def _is_minus(term: str, k: int) -> bool:
    # "e-Government" is a word; "(n+1)-n" and "a - b" are differences
    before, after = term[k - 1:k], term[k + 1:k + 2]
    return before in ("", " ", ")") or after in ("", " ", "(") or before.isdigit() or after.isdigit()


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    return depth == 0


def find_math(text: str) -> list[tuple[int, int, str]]:
    """(start, end, latex source without delimiters) of every $...$ / $$...$$ span."""
    spans = []
    for match in MATH_SPAN.finditer(text):
        source = match.group(1) if match.group(1) is not None else match.group(2)
        if source and ("\\" in source or _looks_mathy(source)):
            spans.append((match.start(), match.end(), source))
    return spans


def _looks_mathy(source: str) -> bool:
    return bool(re.search(r"[=<>≤≥^_{}]", source))


def render_math(text: str) -> tuple[str, list[str]]:
    """Replace math spans by their plain rendering; return (text, [latex sources])."""
    spans = find_math(text)
    if not spans:
        return text, []
    out, last = [], 0
    for start, end, source in spans:
        out.append(text[last:start])
        out.append(latex_to_plain(source))
        last = end
    out.append(text[last:])
    return "".join(out), [s for _, _, s in spans]


# --- Markdown ---------------------------------------------------------------------------------

_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.S)
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis and link syntax, keeping the words."""
    text = _BOLD.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _ITALIC.sub(r"\1", text)
    text = text.replace("**", "")
    text = _LINK.sub(r"\1", text)
    return _AUTOLINK.sub(r"\1", text)


_MARKUP_CHAR = re.compile(r"[$<*_\[\\&]")


@lru_cache(maxsize=65536)
def _to_plain_cached(text: str) -> tuple[str, tuple[str, ...]]:
    plain, formulas = _to_plain(text)
    return plain, tuple(formulas)


def to_plain(text: str) -> tuple[str, list[str]]:
    """Plain readable text of a cell or paragraph, plus the LaTeX sources it held."""
    if "\n" not in text and not _MARKUP_CHAR.search(text):
        return " ".join(text.split()), []
    plain, formulas = _to_plain_cached(text)
    return plain, list(formulas)


def _to_plain(text: str) -> tuple[str, list[str]]:
    text, formulas = render_math(text)
    if has_html(text):
        text = html_to_text(text)
    text = strip_emphasis(text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line), formulas
