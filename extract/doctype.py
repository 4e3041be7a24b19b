"""Document type of each part of a file, from titles, cover text and structure.

A file is usually several documents: an LKjIP carries its Renstra matrix, IKU, PK, PK perubahan
and monev tables as lampiran. Each part starts at a title ("PERJANJIAN KINERJA TAHUN 2024",
"Lampiran 4. Perjanjian Kinerja Perubahan ...", "MONITORING DAN EVALUASI RENCANA AKSI KINERJA");
running text that merely names a document type ("... sebagaimana tertuang dalam Renstra ...") is
not a title. A file with no title is typed from its tables' headers, with a low confidence.
"""

import re
from itertools import chain, pairwise
from typing import Optional

from kinerja.schema import AnyDocument, Part
from kinerja.schema.records import DocType

from .blocktext import flat, table_rows, text_blocks

# Checked in order: the first pattern that matches a title names its type. The words of a title
# may run together: OCR drops the space between wide capitals ('RENCANASTRATEGIS').
TITLE_PATTERNS: list[tuple[DocType, re.Pattern]] = [
    ("monev", re.compile(r"\b(MONITORING\s*DAN\s*EVALUASI|MONEV|MONEY)\b|RENCANA\s*AKSI"
                         r"|\bPENGUKURAN\s*KINERJA\s*(BERKALA|TRIWULAN)|\bLAPORAN\s*HASIL\s*PENGUKURAN\s*KINERJA\b")),
    ("PK-perubahan", re.compile(r"\b(PERJANJIAN|PENETAPAN)\s*KINERJA\s*PERUBAHAN|PERUBAHAN\s*(ATAS\s*)?PERJANJIAN\s*KINERJA")),
    ("PK", re.compile(r"\b(PERJANJIAN|PENETAPAN)\s*KINERJA\b")),
    ("LKjIP", re.compile(r"\bLAPORAN\s*(AKUNTABILITAS\s*)?KINERJA\b|\b(LKJIP|LAKIP|LKIP|LKJ)\b")),
    ("IKU", re.compile(r"\bINDIKATOR\s*KINERJA\s*UTAMA\b|\bI\s?K\s?U\b")),
    ("DO", re.compile(r"\bDEFINISI\s*OPERASIONAL\b|\bPOHON\s*KINERJA\b")),
    # a name run into the next word is still the name ('Rencana StrategisInspektorat')
    ("Renstra", re.compile(r"\bRENCANA\s*STRATEGIS|\bRENSTRA\b")),
    ("Renja", re.compile(r"\bRENCANA\s*KERJA|\bRENJA\b|\bRKT\b")),
]
# The GOLD-level type a part type belongs to when it is the file's main document.
GOLD_LEVEL: dict[str, DocType] = {"PK-perubahan": "PK", "monev": "other"}

MAX_TITLE_CHARS = 200
# "BAB 2" / "BAB II": the block after it is the chapter's title, inside the report
_CHAPTER = re.compile(r"(?i)^BAB\.?\s+([IVX]+|\d+)\.?$")
# "LAMPIRAN", "Lampiran 4.", "LAMPIRAN II :": not "lampiran yang merupakan bagian ..." in a sentence
_LAMPIRAN = re.compile(r"^(?:LAMPIRAN\b|[Ll]ampiran\s+(?=[IVXLC\d]+\b|[.:]))\s*([IVXLC\d]+\b)?[.:\s]*")
_NOT_TITLE = re.compile(r"^(TABEL|GAMBAR|SUMBER|GRAFIK|BAB\b|DAFTAR)|^\(?[\dIVX]+(\.\d+)*[.)]?\s", re.IGNORECASE)
# a table of contents entry ("BAB II ... RENSTRA .......... 12"), a clause of a sentence, or a
# heading's second line ("DAN CAPAIAN RENSTRA ...")
_NOT_A_HEADING = re.compile(r"\.{4,}|…{2,}|[;,]\s*$|^(dan|atau|serta|yang|di|ke|dari|pada|untuk|dengan|terhadap)\b",
                            re.IGNORECASE)


def find_parts(doc: AnyDocument) -> list[Part]:
    """The documents a file holds, each with its block range, type and confidence."""
    titles = list(_titles(doc))
    if not titles:
        return [_untitled_part(doc)] if doc.blocks else []
    parts: list[Part] = []
    lead = _untitled_body(doc, titles[0][0])
    if lead is not None:
        parts.append(lead)
    for block_index, doc_type, title, confidence, explicit in titles:
        current = parts[-1] if parts else None
        if current is not None and current.doc_type == doc_type and not explicit:
            continue
        if current is not None:
            current.last_block = max(current.first_block, block_index - 1)
        first = 0 if not parts else block_index
        parts.append(Part(index=len(parts), doc_type=doc_type, title=title, confidence=confidence,
                          first_block=first, last_block=len(doc.blocks) - 1,
                          provenance=doc.blocks[block_index].provenance))
    return parts


def _titles(doc: AnyDocument):
    """(block index, type, title, confidence, is a lampiran heading) of each title block.

    A title printed on many pages is a running header or footer: only its first printing counts.
    """
    n = max(len(doc.blocks), 1)
    seen: set[str] = set()
    previous = ""
    for (i, block), (_, following) in pairwise(chain(text_blocks(doc), [(None, None)])):
        text = flat(block.text)
        after_chapter, previous = bool(_CHAPTER.match(previous)), text
        if not text or after_chapter:
            continue
        found = title_type(text) if len(text) <= MAX_TITLE_CHARS else None
        if found is None and "\n" in block.text.strip():
            # a text dump runs a centred title into the lines under it: its first line
            text = flat(block.text.strip().split("\n")[0])
            found = title_type(text) if len(text) <= MAX_TITLE_CHARS else None
        if found is None:
            continue
        doc_type, explicit = found
        key = re.sub(r"[\W\d]+", " ", text.lower()).strip()
        if key in seen and not explicit:
            continue
        cover = i < max(3, n // 20)
        if not cover and not explicit and _in_sentence(text, following):
            continue
        seen.add(key)
        confidence = 0.9 if cover or explicit else 0.8
        yield i, doc_type, text, confidence, explicit


# words a title in mixed case leaves in lower case ('Perjanjian Kinerja Tahun 2024 dan Perubahannya')
TITLE_LOWER_WORDS = {"yang", "atau", "serta", "tentang", "pada", "untuk", "dari", "dengan", "terhadap", "dalam",
                     "oleh", "atas", "tahun", "perubahan", "perubahannya", "setelah", "sebelum", "periode", "revisi",
                     "beserta", "bagi", "sampai", "hingga"}
LIST_ITEM = re.compile(r"^[a-z0-9][.)]\s")  # 'a. ...': a list under a title, not the title's sentence going on
MAX_TAIL_CHARS = 40


def _in_sentence(text: str, following) -> bool:
    """A line of running text that starts with a document's name, inside the report: a content
    word in lower case ('Renstra Sekretariat DPRD ... merupakan penjabaran'), or the sentence going
    on in the next block ('... (LKjIP) Sekretariat' / 'DPRD;')."""
    if _mostly_upper(text):
        return False
    if any(w[0].islower() and w.lower() not in TITLE_LOWER_WORDS for w in re.findall(r"[A-Za-z]{4,}", text)):
        return True
    nxt = flat(following.text) if following is not None else ""
    return (nxt[:1].islower() and not LIST_ITEM.match(nxt)) or (len(nxt) < MAX_TAIL_CHARS and nxt.endswith((";", ",")))


def title_type(text: str) -> Optional[tuple[DocType, bool]]:
    """(type, is a lampiran heading) when `text` is a document title, else None."""
    lampiran = _LAMPIRAN.match(text)
    body = text[lampiran.end():] if lampiran else text
    if not body.strip():
        return None
    if (_NOT_TITLE.match(body) and not lampiran) or _NOT_A_HEADING.search(body):
        return None
    if body.rstrip().endswith(".") and not _mostly_upper(body):
        return None  # a sentence that starts with a document's name
    upper = body.upper()
    for doc_type, pattern in TITLE_PATTERNS:
        m = pattern.search(upper)
        if m is None:
            continue
        at_start = m.start() == 0
        # an upper-case line is a title when it is a phrase, not a column header ("TARGET RENSTRA")
        if lampiran or at_start or (_mostly_upper(body) and len(body.split()) >= 3):
            return doc_type, bool(lampiran)
        return None
    if lampiran and len(body.split()) >= 2:
        return "other", True
    return None


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) >= 0.7


# Header vocabulary of the genre's tables, for files whose titles were not recovered.
STRUCTURE_HINTS: list[tuple[DocType, tuple[str, ...]]] = [
    ("DO", ("DEFINISI OPERASIONAL",)),
    ("IKU", ("FORMULA", "INDIKATOR")),
    ("LKjIP", ("REALISASI", "CAPAIAN")),
    ("PK", ("SASARAN", "INDIKATOR", "TARGET")),
]


def _untitled_part(doc: AnyDocument, structure: bool = True) -> Optional[Part]:
    """A file whose content prints no title (a cover drawn as an image, a report starting at BAB I)
    names itself elsewhere: in its running header or footer ("Renstra Badan ... Tahun 2025 - 2029"),
    or in its opening prose ("Rencana Kerja (Renja) ... ini disusun"); failing both, its tables'
    headers say what kind of document it is."""
    running = next(((found[0], f) for f in doc.furniture if (found := title_type(flat(f.text)))), None)
    if running is not None:
        doc_type, block = running
        return Part(index=0, doc_type=doc_type, title=flat(block.text), confidence=0.7, first_block=0,
                    last_block=len(doc.blocks) - 1, provenance=block.provenance)
    named = _self_named(doc)
    if named is not None:
        return Part(index=0, doc_type=named, title="", confidence=0.5, first_block=0,
                    last_block=len(doc.blocks) - 1, provenance=doc.blocks[0].provenance)
    return _structure_part(doc) if structure else None


# How a document names itself in its opening prose: the type's name with "ini" ("Renja ini",
# "Laporan Kinerja ini"), or after a word of making ("disusunnya Rencana Kerja", "penyusunan LKjIP").
SELF_NAMES: list[tuple[DocType, str]] = [
    ("Renja", r"rencana\s+kerja(?!\s+tahunan)|renja"),
    ("Renstra", r"rencana\s+strategis|renstra"),
    ("LKjIP", r"laporan\s+(?:akuntabilitas\s+)?kinerja|lkjip|lakip|lkip"),
    ("PK", r"perjanjian\s+kinerja"),
    ("IKU", r"indikator\s+kinerja\s+utama"),
]
OPENING_BLOCKS = 40


def self_name(doc_type: str) -> Optional[str]:
    """The regular expression of the names a document of this type calls itself by."""
    return next((name for t, name in SELF_NAMES if t == doc_type), None)


def _self_named(doc: AnyDocument) -> Optional[DocType]:
    text = " ".join(flat(b.text) for _, b in text_blocks(doc, 0, OPENING_BLOCKS)).lower()
    scores = {}
    for doc_type, name in SELF_NAMES:
        this = len(re.findall(rf"\b(?:{name})\b(?:\s*\([^)]{{1,12}}\))?(?:\s+\w+){{0,6}}?\s+ini\b", text))
        made = len(re.findall(rf"\b(?:disusunnya|penyusunan|menyusun)\s+(?:dokumen\s+)?(?:{name})\b", text))
        scores[doc_type] = this + made
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    return best if ranked[0] >= 1 and ranked[0] > ranked[1] else None


def _structure_part(doc: AnyDocument) -> Part:
    headers = " ".join(
        " ".join(" ".join(row) for row in table_rows(t)[:3]).upper() for t in doc.tables()
    )
    heads = headers + " " + " ".join(flat(b.text).upper() for _, b in text_blocks(doc, 0, 40))
    doc_type: DocType = "other"
    confidence = 0.1
    for candidate, words in STRUCTURE_HINTS:
        if all(w in heads for w in words):
            doc_type, confidence = candidate, 0.4
            break
    return Part(index=0, doc_type=doc_type, title="", confidence=confidence, first_block=0,
                last_block=len(doc.blocks) - 1, provenance=doc.blocks[0].provenance)


# Section headings that only a report body carries (a cover may be an image the text lost).
BODY_HINTS: list[tuple[DocType, re.Pattern]] = [
    ("LKjIP", re.compile(r"\bIKHTISAR\s+EKSEKUTIF\b|\bAKUNTABILITAS\s+KINERJA\b")),
]
COVER_BLOCKS = 10


def _untitled_body(doc: AnyDocument, first_title: int) -> Optional[Part]:
    """The report before the first title, when the title sits deep in the file and the blocks before
    it are a report's body (ikhtisar, kata pengantar, chapters) rather than a cover: typed by its
    running header, its section headings or its opening prose."""
    if first_title <= max(COVER_BLOCKS, len(doc.blocks) // 20):
        return None
    lead = _untitled_part(doc, structure=False)
    if lead is not None:
        lead.last_block = first_title - 1
        return lead
    text = " ".join(flat(b.text).upper() for _, b in text_blocks(doc, 0, first_title - 1)
                    if len(b.text) <= MAX_TITLE_CHARS)
    for doc_type, pattern in BODY_HINTS:
        if pattern.search(text):
            return Part(index=0, doc_type=doc_type, title="", confidence=0.5, first_block=0,
                        last_block=first_title - 1, provenance=doc.blocks[0].provenance)
    return None


def main_part(parts: list[Part]) -> Optional[Part]:
    """The file's own document: its first typed part (lampiran come after the main body)."""
    typed = [p for p in parts if p.doc_type != "other"]
    return typed[0] if typed else (parts[0] if parts else None)


def file_type(doc: AnyDocument, parts: list[Part]) -> tuple[DocType, float]:
    """The GOLD-level type of the whole file: a Renstra's DO sheet is the Renstra."""
    main = main_part(parts)
    if main is None:
        return "other", 0.0
    if main.doc_type == "DO" and _mentions_renstra(doc, main):
        return "Renstra", main.confidence
    return GOLD_LEVEL.get(main.doc_type, main.doc_type), main.confidence


def _mentions_renstra(doc: AnyDocument, part: Part) -> bool:
    # the DO sheet says which plan it translates ("Penerjemahan kedalam Renstra 2025-2029")
    last = min(part.last_block, part.first_block + 80)
    pattern = TITLE_PATTERNS[-2][1]
    return any(pattern.search(flat(b.text).upper()) and len(flat(b.text)) <= MAX_TITLE_CHARS
               for _, b in text_blocks(doc, part.first_block, last))


__all__ = ["find_parts", "file_type", "main_part", "self_name", "title_type"]
