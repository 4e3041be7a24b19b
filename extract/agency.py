"""The agency a document belongs to, from the names it prints most and first.

An agency is printed many ways in one file ("DINAS KOMUNIKASI DAN INFORMATIKA KOTA X" on the
cover, "Kepala Dinas Komunikasi dan Informatika Kota X" as jabatan, "Diskominfotik Kota Y"
in running text). Every mention is normalised (kinerja.normalize.names) and voted on by key;
mentions that carry their region and mentions near the start of the file weigh more.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from kinerja.normalize.agency_match import TITLES, match_agency, without_region
from kinerja.normalize.names import agency_key, agency_name, expand_agency
from kinerja.schema import Agency, AnyDocument, Provenance

from .blocktext import cell_texts, clean, line_provenance, text_blocks
from .region import LEVELS, region_label, region_name, split_region

HEADS = (r"Dinas|Badan|Inspektorat|Sekretariat|Satuan\s+Polisi\s+Pamong\s+Praja|Rumah\s+Sakit|RSUD|RSJD"
         r"|Kantor|Kecamatan")
# a hospital is named after a person, titles and initials included: "RSUD Prof. Dr. H. Aloei Saboe",
# "RSUD dr. R. Soedarsono"; no other head takes a word that ends in a stop
_HOSPITAL = re.compile(r"(?i)^(?:rumah\s+sakit|rsud|rsjd)")
# words of what kind of hospital it is, not of its own name
HOSPITAL_KIND = {"umum", "daerah", "jiwa", "khusus", "ibu", "dan", "anak", "paru", "mata", "bersalin", "kusta"}
_TITLE = rf"(?:{'|'.join(sorted(TITLES, key=len, reverse=True))}|[a-z])\."
# a body word; never a head, where another name starts ("Dinas Perhubungan" over "CASCADING DINAS
# PERHUBUNGAN KOTA X": the name with the region is the second)
_WORD = rf"(?!(?:{HEADS})\b)(?:{_TITLE}(?=[ \t\n])|[\w,&/-]+)"
# heads that are a whole name before the region: "INSPEKTORAT KOTA X", "SATUAN POLISI PAMONG PRAJA KOTA Y"
WHOLE_HEADS = re.compile(r"(?i)^(inspektorat|satuan\s+polisi\s+pamong\s+praja)$")
# words an agency's name cannot contain: a sentence has started
BODY_STOP = {"yang", "adalah", "tahun", "pada", "selaku", "sebagai", "merupakan", "telah",
             "dalam", "nomor", "tentang", "ini", "tersebut", "memiliki", "mempunyai", "untuk",
             "melaksanakan", "dengan", "di", "oleh", "kepala", "kepada", "mengenai", "sesuai",
             "berdasarkan", "setiap", "wajib", "dapat", "akan", "menjadi", "pusat", "negara",
             "publik", "ri", "kementerian", "dari", "terhadap", "sangat", "lingkungan", "lingkup"}
# ... unless the next word makes them a name: "Dinas Lingkungan Hidup"
STOP_UNLESS_NEXT = {"lingkungan": "hidup"}
# "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak"
MAX_BODY_WORDS = 11
_LEVEL = r"(?P<level>kota|kabupaten|kab\.|provinsi|propinsi|prov\.)"
_MENTION = re.compile(
    rf"(?i)\b(?P<head>{HEADS})\b(?P<body>(?:[ \t\n]+{_WORD}){{0,{MAX_BODY_WORDS}}}?)"
    rf"(?:[ \t\n]+pemerintah)?[ \t\n]+{_LEVEL}[ \t]+(?P<rest>[^\n]*)(?=\n?(?P<next>[^\n]*))"
)
# a report of a whole government, not of one of its dinas: "Laporan Kinerja Instansi Pemerintah
# Provinsi X", "LAPORAN KINERJA PEMERINTAH KABUPATEN Y"
_GOVERNMENT = re.compile(
    r"(?i)\b(?:laporan\s+kinerja|perjanjian\s+kinerja|lkjip|lakip)(?:\s+instansi)?\s+pemerintah"
    rf"[ \t\n]+{_LEVEL}[ \t\n]+(?P<rest>.{{1,60}})", re.S)
_BARE = re.compile(rf"(?i)\b(?P<head>{HEADS})\b(?P<body>(?:[ \t\n]+{_WORD}){{1,{MAX_BODY_WORDS}}})")


@dataclass
class Mention:
    name: str
    key: str
    raw: str
    has_region: bool
    weight: float
    provenance: Provenance


def find_mentions(text: str) -> list[tuple[str, bool]]:
    """(raw agency name, names its region) of each agency mention in a block's text."""
    text = " \n ".join(expand_agency(line) for line in text.split("\n"))
    out = _governments(text)
    for m in _MENTION.finditer(text):
        body = m.group("body")
        if not _names_agency(m.group("head"), body):
            continue
        level = LEVELS[m.group("level").lower().rstrip(".")]
        region = _region_over_lines(m.group("rest"), m.group("next"), level)
        if region is None:
            continue
        out.append((" ".join([m.group("head"), *body.split(), region_label(level, region)]), True))
    if not out:
        for m in _BARE.finditer(text):
            body = m.group("body")
            if "\n" in body and re.match(r"[ \t]*:", text[m.end():]):
                body = body.rsplit("\n", 1)[0]  # the next line is a form's label ("PERIODE : ...")
            body = _trim_body(body, bool(_HOSPITAL.match(m.group("head"))))
            if body:
                out.append((f"{m.group('head')} {body}", False))
    return out


def _region_over_lines(rest: str, after: str, level: str) -> Optional[str]:
    """The region named after the level word; a title wrapped inside it ('... KABUPATEN KONAWE' /
    'KEPULAUAN') runs on into the next line when the registry knows the longer name."""
    region = region_name(rest, level)
    longer = region_name(f"{rest} {after}", level, known_only=True) if after.strip() else None
    return longer if longer and (region is None or len(longer) > len(region)) else region


def _governments(text: str) -> list[tuple[str, bool]]:
    """Whole governments a report names as its author; the region must be one the registry
    knows (a cover prints one word a line: the name runs on over lines)."""
    out = []
    for m in _GOVERNMENT.finditer(text):
        level = LEVELS[m.group("level").lower().rstrip(".")]
        region = region_name(m.group("rest"), level, known_only=True)
        if region:
            out.append((f"Pemerintah {region_label(level, region)}", True))
    return out


def _names_agency(head: str, body: str) -> bool:
    if not body.strip():
        return bool(WHOLE_HEADS.match(" ".join(head.split())))
    if not _HOSPITAL.match(head) and re.search(rf"(?i)(?<!\S){_TITLE}(?!\S)", body):
        return False
    return _plausible_body(body)


def _plausible_body(body: str) -> bool:
    words = [w.strip(",").lower() for w in body.split()]
    return bool(words) and not any(_stops(words, i) or w.isdigit() for i, w in enumerate(words))


def _stops(words: list[str], i: int) -> bool:
    """Whether the i-th word of a name's body is a word only a sentence has."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return words[i] in BODY_STOP and (nxt is None or STOP_UNLESS_NEXT.get(words[i]) != nxt)


def _trim_body(body: str, hospital: bool = False) -> str:
    """A name without its region ends at the line's end or at the first word a sentence needs.
    A hospital's own name is a person's, titles included, in capitals: it ends at its line's end
    or at a word in lower case (no list of words tells where a person's name ends)."""
    words = []
    for line_no, line in enumerate(body.split("\n")):
        # the next line of a letterhead continues the name; a form's next label does not; a
        # hospital's name runs on only while it has no word of its own ('RUMAH SAKIT JIWA' / 'MENUR')
        own = hospital and any(w.strip(",.").lower() not in HOSPITAL_KIND for w in words)
        if line_no > 0 and words and (own or not line.strip()[:1].isupper() or ":" in line):
            break
        tokens = line.split()
        bares = [w.strip(",.").lower() for w in tokens]
        for i, (w, bare) in enumerate(zip(tokens, bares)):
            title = hospital and re.fullmatch(_TITLE, w, re.I)
            if (_stops(bares, i) or bare in LEVELS or bare.isdigit() or (w.endswith(".") and not title)
                    or (hospital and not title and w[:1].islower())):
                return " ".join(words) if len(words) >= 2 else ""
            if hospital and w.endswith(","):  # a comma ends it: the director's name may follow
                words.append(w.rstrip(","))
                return " ".join(words) if len(words) >= 2 else ""
            words.append(w)
    return " ".join(words) if len(words) >= 2 and words[-1].lower() not in {"dan", "serta"} else ""


def read_agency(doc: AnyDocument, first: int = 0, last: Optional[int] = None,
                region: Optional[str] = None) -> Optional[Agency]:
    """The agency the blocks first..last speak for, or None when none is named."""
    mentions = list(_mentions(doc, first, last)) or list(_cell_mentions(doc, first, last))
    pool = _most_trusted(mentions)
    if not pool:
        return None
    votes: dict[str, float] = defaultdict(float)
    for m in pool:
        votes[m.key] += m.weight
    best_key = max(votes, key=votes.get)
    best = _usual_spelling([m for m in pool if m.key == best_key])
    name = _respelled(best.name, mentions)
    if not best.has_region and region:
        name = f"{name} {region}"
    return Agency(raw=best.raw, name=name, key=agency_key(name), provenance=best.provenance)


def _known_region(name: str) -> bool:
    return split_region(name) is not None


def _government(m: Mention) -> bool:
    # a whole government's report ("Laporan Kinerja Pemerintah Provinsi X", its region known
    # to the registry: _governments) is its own agency
    return m.name.startswith("Pemerintah ")


def _most_trusted(mentions: list[Mention]) -> list[Mention]:
    """The mentions of the best kind there are: a known nomenclature (or a whole government) with
    its region, a known nomenclature, a name with a region the registry knows. A name of none of these kinds ("Dinas
    atau Kendaraan Dinas Jabatan Kota Indikator", read off a table's words) is no agency: a wrong
    agency is worse than none."""
    named = [m for m in mentions if match_agency(m.name)[0] is not None or _government(m)]
    tiers = ([m for m in named if m.has_region], named,
             [m for m in mentions if m.has_region and _known_region(m.name)])
    return next((tier for tier in tiers if tier), [])


SAME_SPELLING = 90  # fuzz.ratio of two agency keys that are one name with a slip of the pen


def _respelled(name: str, mentions: list[Mention]) -> str:
    """The name with its agency in the spelling the file prints most: a mention naming the region
    may come from one sentence with a slip ('Dinas Keebersihan dan pertamanan Kabupaten X') where
    the cover and every running header print the agency right, without the region."""
    own = without_region(name)
    if not own or not name.startswith(own):
        return name
    key = agency_key(own)
    spellings = Counter(agency_name(without_region(m.name)) for m in mentions
                        if fuzz.ratio(agency_key(without_region(m.name)), key) >= SAME_SPELLING)
    usual, n = spellings.most_common(1)[0] if spellings else (own, 0)
    if agency_key(usual) == key or n <= spellings.get(agency_name(own), 0):
        return name
    return usual + name[len(own):]


def _usual_spelling(same: list[Mention]) -> Mention:
    """The first mention of the spelling the file prints most: a name broken over two lines of a
    letterhead loses the comma at the break ("KOMUNIKASI, INFORMATIKA / PERSANDIAN ...")."""
    counts = Counter(m.name for m in same)
    top = max(counts.values())
    return next(m for m in same if counts[m.name] == top)


SHORT_BLOCK = 150
MAX_RUN = 6


def _runs(doc: AnyDocument, first: int, end: int):
    """(first index, block, text) of each run of consecutive short blocks, joined by line breaks.

    PDF parsers give a cover or a signature's lines as blocks of their own; an agency's name
    printed over two lines ("DINAS ... STATISTIK DAERAH" / "PROVINSI X") is one mention.
    """
    run: list = []
    for i, block in text_blocks(doc, first, end):
        short = len(block.text) <= SHORT_BLOCK
        if run and (not short or i != run[-1][0] + 1 or len(run) == MAX_RUN):
            yield run[0][0], run[0][1], "\n".join(clean(b.text) for _, b in run)
            run = []
        if short:
            run.append((i, block))
        else:
            yield i, block, clean(block.text)
    if run:
        yield run[0][0], run[0][1], "\n".join(clean(b.text) for _, b in run)


def _mentions(doc: AnyDocument, first: int, last: Optional[int]):
    end = len(doc.blocks) - 1 if last is None else last
    cover = first + max(5, (end - first) // 20)
    for i, block, lines in _runs(doc, first, end):
        for raw, has_region in find_mentions(lines):
            name = agency_name(raw)
            weight = 3.0 if i <= cover else 1.0
            yield Mention(name=name, key=agency_key(name), raw=raw, has_region=has_region,
                          weight=weight, provenance=line_provenance(block, 0))


def _cell_mentions(doc: AnyDocument, first: int, last: Optional[int]):
    # a file that is all table (a recovered DO sheet) names its agency only inside cells
    for text, prov in cell_texts(doc, first, last):
        for raw, has_region in find_mentions(text):
            name = agency_name(raw)
            yield Mention(name=name, key=agency_key(name), raw=raw, has_region=has_region,
                          weight=1.0, provenance=prov)
