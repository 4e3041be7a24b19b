"""Raw pdftotext dumps of a wide table, whose cells come out one after the other.

pdftotext without -layout writes each table cell as its own run of lines, in the order the
PDF draws them: a row's cells follow one another, wrapped at the cell width, with a blank line
after every line. Nothing marks the columns. What the layout still tells:

- a wrapped line ends with a space, the last line of a cell does not (cell fragments);
- a word cut at a narrow cell edge continues on the next line ("Permohon" / "an");
- record starts read as result phrases ("Meningkatnya ...", "Terlaksananya ...", "• ...");
- indicator codes are dotted numbers, sometimes cut after a dot ("2.16.03.2." / "02.0013");
- the unit cell sits just before the definition, on the same baseline ("% Layanan publik ...").

The steps: lines_to_fragments (cells by soft wraps) -> drop_furniture (titles, column headers,
links) -> split_pieces (typed pieces: IK label, code, unit, definition, text) ->
fragments_to_records (a record per result phrase) -> pieces_to_groups / split_body (one group
per indicator: context, unit, definition, formula, remarks) -> groups_to_table. Each recovered
row holds one indicator with its code, unit, definition and formula; the table is flagged
low_confidence and its notes say what was guessed. The genre's words (units, indicator lead
words, column-header words, how a goal is worded) come from the caller's Lexicon (Words).
"""

import re
from dataclasses import dataclass, field

from kinerja.schema import Cell, Lexicon, Paragraph, Provenance, Table

_CODE = re.compile(r"(?<![\w.])\d{1,2}\.\d{2}(?:\.\d{1,2}){1,2}(?:\.\d{1,4})*\.?(?![\w])|(?<![\w.])\d\.\d{2}\.\d{2}(?![\w.])")
_CODE_TAIL = re.compile(r"^\s*(\d{2}(?:\.\d{4})?)\b\s*")
_DASH_BAR = re.compile(r"-{6,}")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|-|•)\s+")
_URL = re.compile(r"^\s*https?://\S+\s*$")


@dataclass(frozen=True)
class Words:
    """The genre's words as this reader uses them (from the Lexicon), compiled once a parse."""

    units: tuple[str, ...]        # unit words, several-word ones first
    leads: tuple[str, ...]        # words an indicator's name starts with
    headers: frozenset[str]       # column-header words (their fragments are page furniture)
    columns: tuple[str, ...]      # the recovered table's column labels
    start: re.Pattern             # a record's start: a result phrase ('Meningkatnya ...', '• Ter...')
    ik: re.Pattern                # an indicator label ('IK :')
    opener: re.Pattern            # a formula's first words ('Jumlah ...', '(Persentase ...', '∑')
    lead_line: re.Pattern         # a line opening with an indicator's lead word
    lead_inside: re.Pattern       # an indicator's lead word after other words

    @classmethod
    def of(cls, lex: Lexicon) -> "Words":
        leads = "|".join(map(re.escape, lex.name_leads)) or "(?!)"
        label = re.escape(lex.indicator_label) if lex.indicator_label else "(?!)"
        return cls(
            units=lex.unit_words, leads=lex.name_leads, headers=lex.header_words, columns=lex.matrix_columns,
            start=re.compile(rf"^\s*(?:•\s*)?(?:{lex.result_phrase or '(?!)'})"),
            ik=re.compile(rf"\b{label}\s*:\s*", re.IGNORECASE),
            opener=re.compile(rf'^["(]?\s*(?:{leads})\b|^[∑Σ]', re.I),
            lead_line=re.compile(rf'^["(]?({leads})\s'),
            lead_inside=re.compile(rf"(?<=[A-Za-z\s])({leads})\b"),
        )


@dataclass
class Fragment:
    """Text of one cell (or part of one) with the lines it came from."""

    text: str
    start: int
    end: int
    kind: str = "text"  # text, ik, code, unit, unit?, unitonly, start, def
    first_len: int = 0  # length of the first source line within text


@dataclass
class Group:
    """One indicator of a record: its unit, definition and formula fragments."""

    unit: Fragment | None
    indicator: Fragment | None = None
    code: Fragment | None = None
    name: Fragment | None = None
    definition: list[Fragment] = field(default_factory=list)
    formula: list[Fragment] = field(default_factory=list)
    notes: list[Fragment] = field(default_factory=list)
    split_from_name: bool = False


def is_interleaved(lines: list[str]) -> bool:
    """No tabs, short lines, many soft-wrapped (trailing space) lines: a cell-by-cell dump."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 20 or any("\t" in line for line in filled):
        return False
    wrapped = sum(line.endswith(" ") for line in filled)
    lengths = sorted(len(line) for line in filled)
    return wrapped >= 0.3 * len(filled) and lengths[len(lengths) // 2] <= 45


# --- fragments -------------------------------------------------------------------------------

def _unit_at(text: str, w: Words) -> tuple[str, str, bool] | None:
    """(unit, rest, strong) when text opens with a unit word followed by a definition or nothing.
    Strong: lower-case or '%' unit before a capitalised word, a repeated word ('Aplikasi
    Aplikasi SPBE ...') or a definition ('... adalah ...'); weak: a capitalised unit before a long
    capitalised text, only trusted right after an indicator."""
    stripped = text.strip()
    low = stripped.lower()
    for unit in w.units:
        if not low.startswith(unit):
            continue
        rest = stripped[len(unit):]
        if rest and not rest[0].isspace() and unit != "%":
            continue
        rest = rest.strip()
        written = stripped[:len(unit)]
        if not rest:
            return written, "", True
        if _CODE.match(rest):
            return written, rest, True
        first = rest.split()[0]
        if w.start.match(rest):
            return written, rest, True  # the summary tree's unit, then the next sasaran
        if unit == "%":
            return written, rest, True  # a percent sign opening a cell is always its unit
        if written.islower():
            if first[0].isupper() or first[0] in "(\"" or first.lower() == "jumlah":
                return written, rest, True
            continue
        words = rest.split()
        if first[0].isupper() and first.lower() == unit:
            return written, rest, True
        if first[0].isupper() and ("adalah" in words[2:] or len(words) >= 5):
            return written, rest, False
    return None


def _unit_inside(text: str, w: Words) -> int | None:
    """Offset of a lower-case unit word between an indicator and its definition, printed on one
    baseline: 'Indeks SPBE indeks Pengukuran ...' -> offset of 'indeks'."""
    words = list(re.finditer(r"\S+", text))
    for k in range(1, len(words) - 1):
        word, nxt, before = words[k].group(), words[k + 1].group(), words[k - 1].group()
        if word.lower() not in w.units or not nxt[:1].isupper() or before in w.leads:
            continue
        if word.islower() or before.endswith(")") or w.start.match(text[words[k + 1].start():]):
            return words[k].start()
    return None


def _is_broken_word(prev: str, line: str, w: Words) -> bool:
    """'Permohon' / 'an': a word cut at a narrow cell edge."""
    if prev.endswith((" ", "\t")) or not prev or not prev[-1].isalpha() or not prev[-1].islower():
        return False
    words = line.split()
    if not words or not words[0][0].islower() or len(prev.strip()) > 30:
        return False
    head, tail = words[0], prev.split()[-1]
    if _unit_at(line, w) or _LIST_MARK.match(line):
        return False
    return len(head.rstrip(".,;:")) <= 5 or len(tail) <= 3


def _is_hyphen_wrap(prev: str, line: str) -> bool:
    """'perundang-' / 'undangan', 'E-' / 'Goverment': a hyphenated word wrapped at the hyphen."""
    return bool(re.search(r"[A-Za-z]-$", prev)) and line.lstrip()[:1].isalpha()


def _forced_break(line: str, w: Words) -> bool:
    """Lines that always open a new cell: a record start, an IK label, a code, a unit cell
    opening a definition, a formula or indicator opening with its leading word."""
    stripped = line.strip()
    if w.start.match(line) or w.ik.match(stripped) or _CODE.match(stripped) or stripped.startswith("% "):
        return True
    if re.match(r"^\s{3,}\S", line):
        return True  # indented: drawn at another cell's left edge
    if w.lead_line.match(stripped):
        return True
    unit = _unit_at(line, w)
    return bool(unit and unit[1] and unit[2] and (" adalah " in line or _CODE.match(unit[1])
                                                  or unit[1].split()[0].lower() == unit[0].lower()))


def lines_to_fragments(lines: list[str], w: Words) -> list[Fragment]:
    """Cells (or parts of cells) as runs of lines: a line without a trailing space ends one."""
    frags: list[Fragment] = []
    cur: list[str] = []
    start = 0
    prev = ""

    def close(end: int) -> None:
        nonlocal cur
        if cur:
            frags.append(Fragment(" ".join(c.strip() for c in cur), start, end,
                                  first_len=len(cur[0].strip())))
        cur = []

    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if _is_broken_word(prev, line, w) or _is_hyphen_wrap(prev, line):
            if cur:
                cur[-1] = cur[-1].rstrip() + line.lstrip()
            elif frags:
                frags[-1].text = frags[-1].text.rstrip() + line.strip()
                frags[-1].end = no
                if line.endswith(" "):  # reopen the fragment: the cell goes on
                    last = frags.pop()
                    cur, start = [last.text + " "], last.start
            prev = line
            if cur and not line.endswith(" "):
                close(no)
            continue
        if cur and _forced_break(line, w):
            close(no - 1)
        if not cur:
            start = no
        cur.append(line)
        prev = line
        if not line.endswith((" ", "\t")):
            close(no)
    close(len(lines))
    for f in frags:
        f.text = " ".join(f.text.split())
    return frags


def is_furniture(frag: Fragment, w: Words) -> bool:
    """Column headers and bare link annotations repeated by the converter."""
    if _URL.match(frag.text):
        return True
    words = [t.lower() for t in re.split(r"[\s/]+", frag.text) if t and not t.isdigit()]
    hits = [word for word in words if word in w.headers]
    return len(set(hits)) >= 2 and len(hits) >= 0.5 * len(words) and " adalah " not in frag.text


def drop_furniture(frags: list[Fragment], w: Words) -> tuple[list[Fragment], list[Fragment]]:
    kept, dropped = [], []
    for f in frags:
        (dropped if is_furniture(f, w) else kept).append(f)
    return kept, dropped


# --- splitting fragments into typed pieces ----------------------------------------------------

def split_pieces(frags: list[Fragment], w: Words) -> list[Fragment]:
    """Cut fragments at IK labels, codes and unit cells found inside them; type each piece."""
    out: list[Fragment] = []
    pending_code_tail = False
    for f in frags:
        text = f.text
        if pending_code_tail:
            tail = _CODE_TAIL.match(text)
            if tail and out and out[-1].kind == "code":
                out[-1].text += tail.group(1)
                out[-1].end = f.end
                text = text[tail.end():]
            pending_code_tail = False
        for piece in _cut(text, f.first_len - (len(f.text) - len(text)), w):
            kind, value = piece
            if kind == "code":
                pending_code_tail = value.endswith(".")
            out.append(Fragment(value.lstrip("•").strip(), f.start, f.end, kind))
    return [p for p in out if p.text.strip()]


def _cut(text: str, first_len: int, w: Words) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    unit = _unit_at(text, w)
    if unit is None or not unit[2]:
        inside = _unit_inside(text[:max(first_len, 0)], w)
        if inside is not None:
            pieces.append(("text", text[:inside].strip()))
            unit = _unit_at(text[inside:], w)
    kind_next = "start" if w.start.match(text) and not pieces else "text"
    if unit:
        written, text, strong = unit
        if text and w.start.match(text):
            pieces.append(("unitonly", written))
        elif not text:
            pieces.append(("unitonly", written))
        elif _CODE.match(text):
            pieces.append(("unitonly", written))
        elif not strong:
            pieces.append(("unit?", f"{written} {text}"))  # decided by pieces_to_groups
            return pieces
        else:
            pieces.append(("unit", written))
            kind_next = "def"
        if not text:
            return pieces
        if w.start.match(text):
            kind_next = "start"
    # split off IK labels and codes
    pos = 0
    spans = [(m.start(), m.end(), "ik") for m in w.ik.finditer(text)]
    spans += [(m.start(), m.end(), "code") for m in _CODE.finditer(text)]
    spans.sort()
    for s, e, kind in spans:
        if text[pos:s].strip():
            pieces.append((kind_next, text[pos:s].strip()))
        if kind == "code":
            pieces.append(("code", text[s:e]))
            kind_next = "text"
        else:
            kind_next = "ik"
        pos = e
    if text[pos:].strip():
        pieces.append((kind_next, text[pos:].strip()))
    return pieces


# --- records -----------------------------------------------------------------------------------

def _is_definitional(text: str) -> bool:
    return bool(" adalah " in f" {text} " or " merupakan " in text or _LIST_MARK.match(text)
                or text.rstrip().endswith(":"))


def _continues_formula(formula: list[Fragment], text: str) -> bool:
    joined = " ".join(f.text for f in formula)
    stripped = text.strip()
    if _DASH_BAR.match(stripped) or stripped.lower().startswith(("x 100", "x100")):
        return True
    if _DASH_BAR.search(joined):
        # numerator and fraction bar seen: the denominator is still to come
        after_bar = _DASH_BAR.split(joined)[-1]
        if not re.sub(r"[xX]\s*100\s*%?", "", after_bar).strip():
            return True
    return bool(re.search(r"[/+(x]\s*$", joined) or joined.count("(") > joined.count(")"))


_FORMULA_SIGN = re.compile(r"/|\b[xX]\s*100|\+|=|-{6,}")


def _is_opener(text: str, w: Words) -> bool:
    """A formula's first words: 'Jumlah ...', '(Jumlah ...', 'Persentase ...', '∑ ...'."""
    return bool(w.opener.match(text)) and " adalah " not in f" {text} "


def pieces_to_groups(pieces: list[Fragment], w: Words) -> list[Group]:
    """Walk a record's pieces: context (sasaran, IK, code, name, indicator) collects until a
    unit cell (or a definition) opens an indicator's group; the group's body runs until the next
    context piece and is split into definition, formula and remarks by split_body."""
    walk = _GroupWalk(w)
    for p in pieces:
        if p.kind == "unit?":
            # a capitalised word opening a long text is a unit only right after the indicator
            if walk.body is None and walk.pending:
                word, rest = p.text.split(" ", 1)
                walk.step(Fragment(word, p.start, p.end, "unit"))
                walk.step(Fragment(rest, p.start, p.end, "def"))
            else:
                walk.step(Fragment(p.text, p.start, p.end, "text"))
            continue
        walk.step(p)
    walk.finish()
    groups = walk.groups
    return [g for k, g in enumerate(groups) if not _superseded(groups, k)]


class _GroupWalk:
    def __init__(self, w: Words):
        self.w = w
        self.groups: list[Group] = []
        self.pending: list[Fragment] = []
        self.code: Fragment | None = None
        self.body: list[Fragment] | None = None
        self.queued: list[Fragment] = []

    def step(self, p: Fragment) -> None:
        kind = p.kind
        adalah = " adalah " in f" {p.text} "
        opens = kind in ("unit", "unitonly") or (kind in ("text", "def") and self.body is None
                                                  and bool(self.pending) and adalah)
        if self.body is not None and (opens or kind in ("ik", "code", "start")):
            if opens and kind != "text" and _indicator_before_unit(self.body, self.w):
                self.pending.append(self.body.pop())
            self.finish()
        if kind == "code":
            self.code = p
        if not opens:
            (self.body if self.body is not None else self.pending).append(p)
            return
        unit = p if kind in ("unit", "unitonly") else None
        group = Group(unit=unit, code=self.code)
        _take_indicator(group, self.pending, self.w)
        iks = _trailing_iks(self.pending)
        if len(iks) >= 2 and not self.groups:
            # several indicators listed before their definitions: pair them in order
            group.indicator, self.queued = iks[0], iks[1:]
        elif not self.pending and self.queued:
            group.indicator = self.queued.pop(0)
        elif group.indicator is None and self.groups and not self.groups[-1].definition:
            group.indicator = self.groups[-1].indicator  # the summary tree named it already
        self.groups.append(group)
        self.pending = []
        self.body = [] if unit is not None else [p]

    def finish(self) -> None:
        if self.body is not None and self.groups:
            split_body(self.groups[-1], self.body, self.w)
        self.body = None


def _trailing_iks(pending: list[Fragment]) -> list[Fragment]:
    run: list[Fragment] = []
    for p in reversed(pending):
        if p.kind != "ik":
            break
        run.insert(0, p)
    return run


def _indicator_before_unit(body: list[Fragment], w: Words) -> bool:
    """The body's last piece is the next indicator's name, printed just before its unit cell."""
    return len(body) >= 2 and _is_opener(body[-1].text, w) and not _FORMULA_SIGN.search(body[-1].text)


def split_body(group: Group, body: list[Fragment], w: Words) -> None:
    """Definition, then the formula (from the last formula opener, with a fraction's numerator
    above its bar), then remarks."""
    start = None
    for k in range(len(body) - 1, -1, -1):
        if _is_opener(body[k].text, w) and body[k].kind != "def":  # not the unit cell's own text
            start = k
            break
    if start is None:
        last = body[-1].text if body else ""
        if len(body) >= 2 and not _is_definitional(last) and not last.rstrip().endswith("."):
            start = len(body) - 1
    if start is None:
        group.definition = body
        return
    while start > 0 and (_DASH_BAR.match(body[start].text) or _DASH_BAR.match(body[start - 1].text)
                         or re.search(r"[/+(]\s*$", body[start - 1].text)):
        start -= 1
    end = start + 1
    while end < len(body) and _continues_formula(body[start:end], body[end].text):
        end += 1
    group.definition, group.formula, group.notes = body[:start], body[start:end], body[end:]


def _superseded(groups: list[Group], k: int) -> bool:
    """A group repeated by a later one of the same record: the summary tree's unit cell (no
    definition), or a name in the unit's place (no definition sentence, no formula)."""
    g = groups[k]
    if k + 1 >= len(groups) or g.formula:
        return False
    if not g.definition:
        return True
    sentence = any(" adalah " in f" {d.text} " or len(d.text.split()) > 15 for d in g.definition)
    later = [h.indicator.text.lower() for h in groups[k + 1:] if h.indicator]
    return not sentence or (g.indicator is not None and g.indicator.text.lower() in later)


def _take_indicator(group: Group, pending: list[Fragment], w: Words) -> None:
    """The indicator is the last text before the unit cell; the piece after the code names the
    programme / activity. A name and indicator printed on one line are cut at the indicator's
    leading word ('Penyediaan Akses Internet Jumlah Perangkat ...')."""
    texts = [p for p in pending if p.kind in ("text", "ik") and not p.text.startswith("(")]
    if not texts:
        return
    last = texts[-1]
    code_at = _last_code_index(pending)
    after_code = [p for p in pending[code_at + 1:] if p.kind in ("text", "ik")] if code_at >= 0 else []
    if len(after_code) >= 2:
        group.name = after_code[0]
    elif len(after_code) == 1 and group.code is not None:
        cut = _indicator_cut(last.text, w)
        if cut:
            group.name = Fragment(last.text[:cut].strip(), last.start, last.end, "text")
            last = Fragment(last.text[cut:].strip(), last.start, last.end, last.kind)
            group.split_from_name = True
    group.indicator = last


def _last_code_index(pending: list[Fragment]) -> int:
    for k in range(len(pending) - 1, -1, -1):
        if pending[k].kind == "code":
            return k
    return -1


def _indicator_cut(text: str, w: Words) -> int | None:
    for m in w.lead_inside.finditer(text):
        if m.start() > 0:
            return m.start()
    return None


def fragments_to_records(pieces: list[Fragment]) -> list[list[Fragment]]:
    """A record starts at a result phrase once the current one has reached its definitions."""
    records: list[list[Fragment]] = []
    cur: list[Fragment] = []
    seen_body = False
    for p in pieces:
        if p.kind == "start" and seen_body and cur:
            records.append(cur)
            cur, seen_body = [], False
        cur.append(p)
        if p.kind in ("def", "unit", "unit?") or " adalah " in f" {p.text} ":
            seen_body = True
        if p.kind == "unitonly" and any(q.kind == "code" for q in cur[:-1]):
            seen_body = True  # the unit cell after the code: the record's own part has begun
    if cur:
        records.append(cur)
    return records


# --- table -----------------------------------------------------------------------------------

def render_formula(frags: list[Fragment]) -> str:
    """Join formula pieces; a dash bar between two lines is a fraction bar: 'a / b X 100%'."""
    text = " ".join(f.text for f in frags).strip().strip('"').strip()
    if not _DASH_BAR.search(text):
        return text
    parts = _DASH_BAR.split(text)
    numerator = parts[0].strip()
    rest = " ".join(p.strip() for p in parts[1:] if p.strip())
    factor = re.match(r"^([xX]\s*100\s*%?)\s*(.*)$", rest)
    if factor:
        return f"{numerator} / {factor.group(2).strip()} {factor.group(1).strip()}".strip()
    return f"{numerator} / {rest}".strip()


def _cell(text: str, frags: list[Fragment], file: str, table: int, row: int, col: int,
          confidence: float) -> Cell:
    lines = [f for f in frags if f is not None]
    prov = Provenance(file=file, table=table, row=row, col=col,
                      line_start=min((f.start for f in lines), default=None),
                      line_end=max((f.end for f in lines), default=None))
    return Cell(text=text, row=row, col=col, confidence=confidence, provenance=prov)


def groups_to_table(records: list[tuple[list[Fragment], list[Group]]], file: str, index: int,
                    dropped: int, w: Words) -> Table:
    body: list[list[Cell]] = []
    split_names = 0
    for record, groups in records:
        sasaran = next((p for p in record if p.kind == "start"), None)
        iks = [p for p in record if p.kind == "ik"]
        for g in groups:
            r = len(body)
            split_names += g.split_from_name
            values = [
                (sasaran.text if sasaran else "", [sasaran], 0.5),
                (iks[0].text if iks else "", iks[:1], 0.5),
                (_code_text(g.code), [g.code], 0.8),
                (g.name.text if g.name else "", [g.name], 0.5),
                (g.indicator.text if g.indicator else "", [g.indicator], 0.6),
                (g.unit.text.lower() if g.unit else "", [g.unit], 0.7),
                (" ".join(f.text for f in g.definition), g.definition, 0.6),
                (render_formula(g.formula), g.formula, 0.6),
                ("\n".join(f.text for f in g.notes), g.notes, 0.5),
            ]
            row_frags = [f for _, frags, _ in values for f in frags if f is not None]
            body.append([_cell(text, frags if any(frags) else row_frags, file, index, r, c, conf)
                         for c, (text, frags, conf) in enumerate(values)])
    all_lines = [p for rec, _ in records for p in rec]
    header = [[Cell(text=name, row=0, col=c,
                    provenance=Provenance(file=file, table=index, col=c)) for c, name in enumerate(w.columns)]]
    notes = [
        "recovered from a raw pdftotext dump whose table cells were written one after another: "
        "columns are not marked in the source",
        "cells split at soft-wrap ends (trailing space), record starts (result phrases), IK labels, "
        "dotted codes and unit words; all cells are low confidence",
        "column assignment: indicator = last text before the unit cell; name = first text after the "
        "code; definition = text after the unit; formula = first non-definition text after it; "
        "remarks after the formula go to Keterangan",
    ]
    if split_names:
        notes.append(f"{split_names} programme/activity name(s) cut from the indicator printed on "
                     "the same line, at the indicator's leading word (low confidence)")
    if dropped:
        notes.append(f"{dropped} title/column-header or link fragment(s) left out of the table "
                     "(titles and headers are paragraphs before it)")
    return Table(
        text="\n".join("\t".join(c.text for c in row) for row in body), index=index,
        caption=None, kind="data", n_rows=len(body), n_cols=len(w.columns), header_rows=header,
        column_paths=list(w.columns), body=body, method="interleaved", low_confidence=True,
        confidence=0.5, notes=notes,
        provenance=Provenance(file=file, table=index,
                              line_start=min((p.start for p in all_lines), default=1),
                              line_end=max((p.end for p in all_lines), default=1)),
    )


def _code_text(code: Fragment | None) -> str:
    return code.text.rstrip(".") if code else ""


def parse_lines(lines: list[str], file: str, lex: Lexicon):
    """Blocks of an interleaved dump: the leading text before the first record, one table."""
    w = Words.of(lex)
    frags = lines_to_fragments(lines, w)
    frags, dropped = drop_furniture(frags, w)
    pieces = split_pieces(frags, w)
    records = fragments_to_records(pieces)
    grouped = [(rec, pieces_to_groups(rec, w)) for rec in records]
    # titles and column headers are kept as paragraphs before the table (they name the document)
    blocks: list = [Paragraph(text=f.text, provenance=Provenance(file=file, line_start=f.start,
                                                                 line_end=f.end), low_confidence=True)
                    for f in dropped if not _URL.match(f.text)]
    lead = grouped[0][0] if grouped and not grouped[0][1] else []
    for p in lead:
        blocks.append(Paragraph(text=p.text, provenance=Provenance(file=file, line_start=p.start,
                                                                 line_end=p.end), low_confidence=True))
    kept = [(rec, groups) for rec, groups in grouped if groups]
    if not kept:  # no unit / definition cells: nothing reads as a table, keep the text
        blocks += [Paragraph(text=p.text, provenance=Provenance(file=file, line_start=p.start,
                                                              line_end=p.end), low_confidence=True)
                   for rec in records for p in rec if rec is not lead]
        return blocks, ["cell-by-cell dump without recognisable indicator rows: kept as paragraphs"]
    blocks.append(groups_to_table(kept, file, 0, len(dropped), w))
    warnings = ["table recovered from an interleaved pdftotext dump: low confidence (see table notes)"]
    unread = [p for rec, groups in grouped if not groups and rec is not lead for p in rec]
    if unread:  # records with no indicator row: their text follows the table
        blocks += [Paragraph(text=p.text, provenance=Provenance(file=file, line_start=p.start,
                                                              line_end=p.end), low_confidence=True)
                   for p in unread]
        warnings.append(f"{len(unread)} piece(s) of text read as no table row: paragraphs after the table")
    return blocks, warnings
