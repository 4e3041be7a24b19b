"""Who signs: pihak pertama and kedua of a PK (name, jabatan, NIP), or a report's signer.

A PK names its parties twice: "Nama : X / Jabatan : Y / Selanjutnya disebut pihak pertama" in the
opening, then signature blocks ending "NAME / rank / NIP. 19780730 199612 1 001". The opening gives
roles; the signature blocks give NIPs (attached by name, tolerating the typos between the two).
A report without parties (LKjIP, IKU decree) has one signer: the name above the first NIP.
"""

import re
from typing import Optional

from kinerja.normalize.names import collapse, similarity
from kinerja.schema import AnyDocument, Provenance, Signatory

from .blocktext import block_lines, line_provenance, text_blocks

# labels may be letter-spaced by the PDF's layout: "N a m a :", "J a b a t a n :"
_NAMA = re.compile(r"(?i)^\s*n\s?a\s?m\s?a\s*:\s*(?P<v>.+)$")
_JABATAN = re.compile(r"(?i)^\s*j\s?a\s?b\s?a\s?t\s?a\s?n\s*:\s*(?P<v>.+)$")
_ROLE = re.compile(r"(?i)pihak\s+(?P<r>pertama|kedua)")
# "Selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua": the naming phrase decides
_NAMED_ROLE = re.compile(r"(?i)disebut\s+(?:sebagai\s+)?(?:\W*)pihak\s+(?P<r>pertama|kedua)")
_NIP = re.compile(r"(?i)\bNIP\.?\s*:?\s*(?P<v>\d[\d ]{16,26}\d)")
# rank lines between a signer's name and the NIP ("PEMBINA UTAMA MUDA", "Pembina Tk. I/ IV.b")
_RANK = re.compile(r"(?i)\b(pembina|penata|pengatur|juru|IV/?[a-e]|III/?[a-d])\b")
LOOKAHEAD_LINES = 6
NAME_MATCH = 80


def read_signatories(doc: AnyDocument, first: int, last: int) -> list[Signatory]:
    lines = [(text, line_provenance(block, k))
             for _, block in text_blocks(doc, first, last)
             for k, text in enumerate(block_lines(block))]
    parties = _parties(lines)
    signers = _signature_blocks(lines)
    for name, nip, _prov in signers:
        match = _same_person(name, parties)
        if match is not None and match.nip is None:
            match.nip = nip
    if parties:
        return parties
    return [Signatory(role="penandatangan", name=name, nip=nip, jabatan=jabatan, provenance=prov)
            for name, nip, prov in signers[:1]
            for jabatan in [_jabatan_above(lines, prov)]]


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
                jabatan = _person(j.group("v"))
            r = _NAMED_ROLE.search(later) or _ROLE.search(later)
            if r:
                role = "pihak_pertama" if r.group("r").lower() == "pertama" else "pihak_kedua"
                break
        if role and not any(s.role == role for s in out):
            out.append(Signatory(role=role, name=name, jabatan=jabatan, provenance=prov))
    return out


def _signature_blocks(lines: list[tuple[str, Provenance]]) -> list[tuple[str, str, Provenance]]:
    """(name, NIP, where) of each signature: the name is the nearest line above the NIP that is no rank."""
    out = []
    for i, (text, prov) in enumerate(lines):
        m = _NIP.search(text)
        if not m:
            continue
        for above, above_prov in reversed(lines[max(0, i - 3):i]):
            if not _RANK.search(above) and not _NIP.search(above):
                out.append((_person(above), collapse(m.group("v")), above_prov))
                break
    return out


def _jabatan_above(lines: list[tuple[str, Provenance]], name_prov: Provenance) -> Optional[str]:
    # the upper-case lines just above the signer's name: "KEPALA DINAS ... / PROVINSI ..."
    idx = next((i for i, (_, p) in enumerate(lines) if p == name_prov), None)
    if idx is None:
        return None
    title = []
    for text, _ in reversed(lines[max(0, idx - 4):idx]):
        letters = [c for c in text if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.6:
            break
        title.insert(0, text.strip(" ,"))
    return collapse(" ".join(title)) or None


def _same_person(line: str, people: list[Signatory]) -> Optional[Signatory]:
    """The party whose name the line above a NIP ends with (two signatures may share one line)."""
    scored = [(similarity(line[-len(p.name) - 2:] if len(line) > len(p.name) + 2 else line, p.name), p)
              for p in people]
    best = max(scored, key=lambda s: s[0], default=None)
    return best[1] if best and best[0] >= NAME_MATCH else None


def _person(text: str) -> str:
    return collapse(text.replace("*", "")).strip(" ,")
