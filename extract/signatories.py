"""Who signs: pihak pertama and kedua of a PK (name, jabatan, NIP), or a report's signer.

A PK names its parties twice: "Nama : X / Jabatan : Y / Selanjutnya disebut pihak pertama" (or
"pihak kesatu") in the opening, then signature blocks ending "NAME / rank / NIP. 19780730 199612 1 001".
The opening gives roles; the signature blocks give NIPs (attached by name, tolerating the typos
between the two). A report without parties (LKjIP, IKU decree) has one signer: the name above the
first NIP, under the upper- or title-case jabatan lines of its page.

PDF layouts run lines together ("Nama : X Jabatan : Y", "NAME Pembina Tk. I NIP. 1968...",
"Jabatan : Gubernur X Selaku atasan PIHAK KESATU, ..."): labels split a line, and a jabatan ends
where the sentence naming the party begins.
"""

import re
from typing import Optional

from kinerja.normalize.names import collapse, similarity
from kinerja.schema import AnyDocument, Provenance, Signatory

from .blocktext import block_lines, line_provenance, text_blocks

# labels may be letter-spaced by the PDF's layout: "N a m a :", "J a b a t a n :"
_NAMA = re.compile(r"(?i)^\s*n\s?a\s?m\s?a\s*:\s*(?P<v>.+)$")
_JABATAN = re.compile(r"(?i)^\s*j\s?a\s?b\s?a\s?t\s?a\s?n\s*:\s*(?P<v>.+)$")
# the first party is "pihak pertama" or, in older agreements, "pihak kesatu"
_ROLE = re.compile(r"(?i)pihak\s+(?P<r>pertama|kesatu|kedua)")
# "Selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua": the naming phrase decides
_NAMED_ROLE = re.compile(r"(?i)disebut\s+(?:sebagai\s+)?(?:\W*)pihak\s+(?P<r>pertama|kesatu|kedua)")
# where a jabatan's value ends and the sentence naming the party begins (same line or the next)
# ("Selakuatasan": the words may run together)
_ROLE_PHRASE = re.compile(r"(?i)\bselaku|\b(?:selanjutnya|disebut|dalam\s+hal\s+ini|bertindak)\b"
                          r"|pihak\s+(?:pertama|kesatu|kedua)")
# "NIP. 19780730 199612 1 001", or the number without its label ("Pembina Utama Madya 19621121
# 198909 1 001"): its grouping (birth date, start month, sex, serial) is a NIP's alone
_NIP = re.compile(r"(?i)\bNIP\.?\s*:?\s*(?P<v>\d[\d ]{16,26}\d)"
                  r"|(?<![\d.,/])(?P<bare>(?:19|20)\d\d[01]\d[0-3]\d \d{6} [12] \d{3})(?![\d.,/])")
# rank lines between a signer's name and the NIP ("PEMBINA UTAMA MUDA", "Pembina Tk. I/ IV.b")
_RANK = re.compile(r"(?i)\b(pembina|penata|pengatur|juru|IV/?[a-e]|III/?[a-d])\b")
# a label the layout ran into the line before it: "Nama : X Jabatan : Y", "NAME Pembina NIP. 1978..."
_EMBEDDED_LABEL = re.compile(r"(?<=\S)\s+(?=(?i:jabatan|nama)\s*:|NIP\b\.?\s*:?\s*\d)")
_SUPERIOR = re.compile(r"(?i)atasan\b")  # also "Selakuatasan", the words run together
_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z .]{0,20}:")
LOOKAHEAD_LINES = 6
MAX_JABATAN_LINES = 3
MAX_JABATAN_LINE = 90
NAME_MATCH = 80
_TITLE_SMALL_WORDS = {"dan", "serta", "pada", "di", "ke", "dari", "untuk", "atas", "selaku", "dengan"}
MIN_NAME_LETTERS = 4
JABATAN_LINES_ABOVE = 5
# the words a signer's jabatan opens with
_JABATAN_HEAD = re.compile(r"(?i)^\s*(?:plt\.?|plh\.?|pj\.?|pit\.?)?\s*(?:kepala|sekretaris|gubernur|wakil|"
                           r"bupati|wali\s*kota|inspektur|direktur|camat|ketua|kadis)\b")


def read_signatories(doc: AnyDocument, first: int, last: int) -> list[Signatory]:
    lines = [(piece, line_provenance(block, k))
             for _, block in text_blocks(doc, first, last)
             for k, text in enumerate(block_lines(block))
             for piece in _EMBEDDED_LABEL.split(text)]
    parties = _parties(lines)
    signers = _signature_blocks(lines)
    for name, nip, _at in signers:
        match = _same_person(name, parties)
        if match is not None and match.nip is None:
            match.nip = nip
    if parties:
        return parties
    return [Signatory(role="penandatangan", name=name, nip=nip, jabatan=_jabatan_above(lines, at),
                      provenance=lines[at][1])
            for name, nip, at in signers[:1]]


def _parties(lines: list[tuple[str, Provenance]]) -> list[Signatory]:
    out: list[Signatory] = []
    for i, (text, prov) in enumerate(lines):
        m = _NAMA.match(text)
        if not m:
            continue
        name, jabatan, role = _person(m.group("v")), None, None
        for later, _ in lines[i + 1:i + 1 + LOOKAHEAD_LINES]:
            if _NAMA.match(later):
                break
            j = _JABATAN.match(later)
            if j and jabatan is None:
                jabatan = [_until_role_phrase(j.group("v"))]
            elif jabatan and _continues(jabatan, later):
                # a jabatan printed over two lines: "KEPALA DINAS X" / "PROVINSI Y"
                jabatan.append(_until_role_phrase(later))
            # "Selaku atasan pihak pertama" names the superior's relation, not its role
            r = _NAMED_ROLE.search(later) or (None if _SUPERIOR.search(later) else _ROLE.search(later))
            if r:
                role = "pihak_kedua" if r.group("r").lower() == "kedua" else "pihak_pertama"
                break
        if role and not any(s.role == role for s in out):
            out.append(Signatory(role=role, name=name, jabatan=_person(" ".join(jabatan or [])) or None,
                                 provenance=prov))
    return out


def _continues(jabatan: list[str], line: str) -> bool:
    """Whether a line goes on with the jabatan above it rather than with a label or the naming sentence."""
    return (bool(jabatan[-1].strip()) and len(jabatan) < MAX_JABATAN_LINES and len(line) <= MAX_JABATAN_LINE
            and not _LABEL.match(line) and not _NIP.search(line) and not _ROLE_PHRASE.search(line)
            and not _SUPERIOR.search(line))


def _until_role_phrase(text: str) -> str:
    """A jabatan's words before the party-naming sentence ("Gubernur X Selaku atasan PIHAK KESATU")."""
    m = _ROLE_PHRASE.search(text)
    return text[:m.start()] if m else text


def _signature_blocks(lines: list[tuple[str, Provenance]]) -> list[tuple[str, str, int]]:
    """(name, NIP, index of the name's line) of each signature: the name is the nearest line above
    the NIP that is no rank, or the words before an unlabelled NIP on its own line."""
    out = []
    for i, (text, _) in enumerate(lines):
        m = _NIP.search(text)
        if not m:
            continue
        nip = collapse(m.group("v") or m.group("bare"))
        before = _without_rank(text[:m.start()])
        if before.strip():
            out.append((_person(before), nip, i))
            continue
        for k in range(i - 1, max(0, i - 3) - 1, -1):
            name = _without_rank(lines[k][0])
            if name and not _NIP.search(lines[k][0]):
                out.append((_person(name), nip, k))
                break
    return out


def _without_rank(line: str) -> str:
    """The name on a line above a NIP: empty for a rank line, the words before the rank when the
    layout joined them ("Ir. NAMA, MM. Pembina Tk. I (IV/b)")."""
    m = _RANK.search(line)
    if m is None:
        return line
    before = line[:m.start()]
    return before if sum(c.isalpha() for c in before) >= MIN_NAME_LETTERS else ""


def _jabatan_above(lines: list[tuple[str, Provenance]], idx: int) -> Optional[str]:
    """The upper-case lines just above the signer's name: "KEPALA DINAS ... / PROVINSI ...".

    The jabatan starts at its head word ("KEPALA", "BUPATI") and sits on the signer's page; a line
    with a digit above it is a date or the page's title ("TAHUN 2017"), not the jabatan.
    """
    name_prov = lines[idx][1]
    title = []
    for text, prov in reversed(lines[max(0, idx - JABATAN_LINES_ABOVE):idx]):
        if not _title_line(text) or any(c.isdigit() for c in text) or prov.page != name_prov.page:
            break
        title.insert(0, text.strip())
        if _JABATAN_HEAD.match(text):
            break
    return collapse(" ".join(title)).strip(" ,") or None


def _title_line(text: str) -> bool:
    """Upper case ("KEPALA DINAS X") or title case ("Kepala Pelaksana / Badan X dan Y"): no sentence."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_NAME_LETTERS or ":" in text:  # OCR specks of a stamp; "Ditetapkan di :"
        return False
    if sum(c.isupper() for c in letters) / len(letters) >= 0.6:
        return True
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _same_person(line: str, people: list[Signatory]) -> Optional[Signatory]:
    """The party whose name the line above a NIP ends with (two signatures may share one line)."""
    scored = [(similarity(line[-len(p.name) - 2:] if len(line) > len(p.name) + 2 else line, p.name), p)
              for p in people]
    best = max(scored, key=lambda s: s[0], default=None)
    return best[1] if best and best[0] >= NAME_MATCH else None


def _person(text: str) -> str:
    return collapse(text.replace("*", "")).strip(" ,")
