"""Claims stated in running text (target, realisasi, capaian, anggaran of a named indicator).

"Target capaian indikator sasaran tahun 2024 sebesar 3.20; sampai dengan bulan Desember 2024
terealisasi 4.11 ... Prosentase realisasi terhadap target mencapai 128.44%."

spaCy's Indonesian language class tokenises and splits sentences; a Matcher finds the cue phrases
that say what a number is ("target", "terealisasi", "prosentase realisasi terhadap target",
"capaian kinerja"). A cue states one value: the first number after it, within a few tokens, that
follows a linking word ("sebesar", "adalah", "mencapai") or the cue itself. The value takes the
year last named before it ("tahun 2023", "tahun lalu"). Numbers after a change cue ("peningkatan
sebesar 0.97%"), in a comparison with the national figure, in a tally ("16 indikator"), list labels
and counts are no claims and are left out. A claim belongs to the indicator its sentence names
("indikator X"), else to the one last named before it (fuzzy-matched to the table indicators, whose
spelling it then takes). A claim the tables already state is the tables' fact and is not repeated.
Amounts are read from "kegiatan X dengan (alokasi) anggaran sebesar Rp ..." statements, with the
realisation and its percentage when the statement goes on to them ("..., realisasi anggaran sebesar
Rp Y atau 83,35 %").
"""

import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from kinerja.normalize import ValueContext, read_value
from kinerja.normalize.names import collapse, match_name, name_key
from kinerja.schema import AnyDocument, BudgetValue, Heading, IndicatorValue, Meta, Part, Provenance

from .blocktext import block_lines, line_provenance, text_blocks

PERSEN = ["persentase", "prosentase", "presentase", "persen"]
# cue label -> Matcher patterns; where spans overlap the longest wins ("target capaian" is a target)
CUES: dict[str, list[list[dict]]] = {
    "capaian": [
        [{"LOWER": {"IN": PERSEN}}, {"LOWER": "capaian"}],
        [{"LOWER": {"IN": PERSEN}}, {"LOWER": "realisasi"}, {"LOWER": "terhadap"}, {"LOWER": "target"}],
        [{"LOWER": "tercapai"}, {"LOWER": "dengan"}, {"LOWER": {"IN": PERSEN}}],
        [{"LOWER": "tingkat"}, {"LOWER": "capaian"}],
        [{"LOWER": "rasio"}, {"LOWER": "capaian"}],
        [{"LOWER": "atau"}, {"LOWER": "sebesar"}],
    ],
    "realisasi": [
        [{"LOWER": {"IN": ["terealisasi", "tercapai", "realisasi", "realisasinya", "merealisasikan"]}}],
        [{"LOWER": "capaian"}],
        [{"LOWER": "capaian"}, {"LOWER": "target"}],
        [{"LOWER": "capaian"}, {"LOWER": "kinerja"}],
    ],
    "target": [
        [{"LOWER": {"IN": ["target", "targetnya"]}}],
        [{"LOWER": "target"}, {"LOWER": {"IN": ["capaian", "kinerja"]}}],
        [{"LOWER": "dari"}, {"LOWER": "target"}],
    ],
    # a change or a difference, not a level: the number after it is no claim
    "delta": [[{"LOWER": {"IN": ["peningkatan", "kenaikan", "penurunan", "selisih", "efisiensi",
                                 "bertambah", "berkurang", "meningkat", "menurun", "meningkatnya",
                                 "menurunnya", "bertambahnya", "berkurangnya", "turun", "naik",
                                 "tumbuh", "pertumbuhan", "terkontraksi", "kontraksi"]}}]],
    "anggaran": [[{"LOWER": {"IN": ["anggaran", "pagu"]}}]],
}
# the national comparison ("berada diatas capaian Nasional yaitu sebesar 3") is not the agency's claim
SKIP_SENTENCE = re.compile(r"(?i)\bnasional\b")
NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$")
YEAR_TOKEN = re.compile(r"^(19|20)\d\d$")
MONTHS = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "nopember", "desember"}
# "Kegiatan X dengan anggaran sebesar Rp 5.067.574.800,-", "Kegiatan X, dengan alokasi anggaran
# sebesar Rp ...", "Kegiatan X Alokasi Anggaran sebesar Rp ..."
BUDGET_CLAIM = re.compile(
    r"(?i)\b(?P<item>(?:sub\s+kegiatan|kegiatan|program)\s+[^.;]+?)\s+"
    r"(?:dengan\s+(?:alokasi\s+|pagu\s+)?|alokasi\s+|pagu\s+)anggaran\s+"
    r"(?:sebesar\s+)?(?P<raw>Rp\s*\.?\s*\d[\d.,]*(?:,-)?)"
)
# "a) Program X, sebesar Rp N,- dengan realisasi Rp M,- (P%)", "Belanja Langsung (BL) Kegiatan Rp N,-
# dengan realisasi ...": an item's allocation named by no word of its own, read only where the
# realisation follows it (alone, 'Program X sebesar Rp N' may state either)
BUDGET_STATED = re.compile(
    r"(?i)(?:^|(?<=[\s(]))(?P<item>(?:sub\s+kegiatan|kegiatan|program|belanja\s+(?:tidak\s+)?langsung)\b"
    r"[^.;:]{0,200}?)\s*,?\s+(?:sebesar\s+)?(?P<raw>Rp\s*\.?\s*\d[\d.,]*(?:,-)?)"
)
MONEY = re.compile(r"(?i)\bRp\b")  # a sentence naming an amount states no indicator's value
# "peningkatan anggaran ... sebesar Rp X": a change, not an amount; "Program Peningkatan X" is a name
BUDGET_CHANGE = re.compile(r"(?i)\b(?:peningkatan|kenaikan|penurunan|selisih|berkurang|bertambah)\s+"
                           r"(?:anggaran|pagu|sebesar)\b")
# "kegiatan tahun 2016 dengan alokasi anggaran ...": the year's whole budget, no named item
NOT_AN_ITEM = re.compile(r"(?i)^(?:sub\s+kegiatan|kegiatan|program)\s+(?:tahun|yang|ini|tersebut)\b"
                         r"|(?<!\d)(?:19|20)\d\d(?!\d)")
# the same statement going on with what was spent: "..., realisasi anggaran sebesar Rp Y atau 83,35 %"
# / "(64.75 %)"; "realisasi fisik" (work done) is no amount
BUDGET_REALISED = re.compile(
    r"(?i)[\s,;-]*(?:dengan\s+|dan\s+)?realisasi\s+(?:anggaran\s+|anggran\s+|keuangan\s+)?(?:sebesar\s*,?\s*)?"
    r"(?P<raw>(?:Rp\s*\.?\s*)?\d[\d.,]*\d(?:,-)?)(?:[.,]?-)?"
    r"(?:\s*,?\s*(?:\(|atau\s+(?:sebesar\s+)?)\s*(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*%)?"
)
# "indikator (kinerja|sasaran) NAME" where NAME ends at the verb or linker that follows it
INDICATOR_MENTION = re.compile(
    r"(?i)\bindikator(?:\s+kinerja)?(?:\s+sasaran)?\s+(?!ini\b|yang\b|dimaksud\b|sasaran\b|kinerja\b)"
    r"(?P<name>[^,.;:]+?)(?=\s+(?:mengalami|berada|tercapai|peningkatan|formula|formulasi|didukung|diukur|"
    r"sebesar|adalah|dengan|pada|tahun|capaian)\b|[,.;:]|$)"
)
MAX_MENTION_WORDS = 12
# a list item that opens with an indicator's name: "1) Presentase X ...", "b. Cakupan Y ..." (not a
# cue: "Prosentase realisasi terhadap target ...")
LABEL = r"(?:[a-z0-9]{1,2}[.)]|[-•])"  # a list item's number or bullet
OWN_SUBJECT = re.compile(rf"(?i)^\s*{LABEL}\s*(?:persentase|presentase|prosentase|jumlah|"
                         r"cakupan|angka|rasio|ratio|indeks|tingkat|prevalensi|proporsi)\b"
                         r"(?!\s+(?:realisasi|capaian))")
LIST_LABEL = re.compile(rf"^\s*{LABEL}\s*$", re.IGNORECASE)
UNNAMED = ""  # read_claims: the text has moved on to an indicator the tables do not name
MENTION_MATCH = 92
SNAP_MATCH = 85
LOOKBACK_BLOCKS = 12
SAME_NAME = 90
CUE_REACH = 15
# a line can hold a claim only if a cue word comes before a digit (checked before any spaCy work)
MAY_CLAIM = re.compile(r"(?is)\b(target|realisasi|terealisasi|tercapai|capaian|persentase|prosentase|"
                       r"presentase)\b.*\d")
# "sebanyak 16 indikator dengan capaian kinerja sebesar 76,19%": a tally of indicators, no claim
SUMMARY = re.compile(r"(?i)\b\d+\s+(indikator|sasaran)\b")
# nouns a count is of, never the unit of a claimed level
COUNTED = re.compile(r"^(indikator|sasaran|program|kegiatan|tahun|bulan|kabupaten|kota|kecamatan|"
                     r"kab/kota|kabupaten/kota|desa|kelurahan)\b")


@dataclass
class Mention:
    name: str
    pos: int  # character offset in the sentence
    cued: bool = False  # named after the word "indikator"


def read_claims(doc: AnyDocument, parts: list[Part], meta: Meta, indicators: list[IndicatorValue],
                budgets: list[BudgetValue]) -> tuple[list[IndicatorValue], list[BudgetValue]]:
    names = list(dict.fromkeys(r.indicator for r in indicators))
    units = _units(indicators)
    out_ind: dict[tuple, IndicatorValue] = {}
    out_bud: dict[tuple, BudgetValue] = {}
    current: Optional[str] = None  # the indicator the text last named
    last_seen = -1
    for claim in _stream_budget_claims(doc, meta, parts):
        out_bud.setdefault((name_key(claim.item), claim.measure, claim.value.value), claim)
    for index, block in text_blocks(doc):
        if isinstance(block, Heading):
            continue
        if index - last_seen > LOOKBACK_BLOCKS:
            current = None
        part = _part_of(index, parts)
        for k, line in enumerate(block_lines(block)):
            prov = line_provenance(block, k)
            for record, mentioned in _line_claims(line, names, units, meta, current, prov, part):
                if record is not None:
                    out_ind.setdefault((name_key(record.indicator), record.year, record.measure,
                                        record.value.value), record)
                if mentioned is not None:
                    current, last_seen = mentioned or None, index
    return (_not_in_tables(list(out_ind.values()), indicators, "indicator"),
            _not_in_tables(list(out_bud.values()), budgets, "item"))


def _line_claims(line: str, names: list[str], units: dict[str, str], meta: Meta, current: Optional[str],
                 prov: Provenance, part: Optional[int]):
    """(claim record or None, indicator last named) per claim and per sentence of a line."""
    claimable = bool(MAY_CLAIM.search(line))
    # spaCy is loaded only for text that can hold a claim; other lines only name indicators
    sentences = _sentences(line) if claimable else [_prepare(line)]
    year = None
    label = ""  # a list item's number the sentencizer cut off as a sentence of its own ('1.')
    money = False  # the sentence before named an amount
    for sentence in sentences:
        if LIST_LABEL.match(sentence):
            label = sentence.strip()
            continue
        # '... Rp 649.452.500.- | atau sebesar 96,38 %.': cut after the amount's full stop, the
        # sentence goes on with the budget's share spent
        tail_of_money, money = money and sentence[:1].islower(), bool(MONEY.search(sentence))
        mentions = _mentions(sentence, names)
        # "1) Presentase desa yang mencapai UCI ..., dengan target 91%": the sentence's own indicator,
        # unknown to the tables, not the one the text named before
        own_subject = not mentions and bool(OWN_SUBJECT.match(f"{label} {sentence}" if label else sentence))
        label = ""
        claims, year = _indicator_claims(sentence, meta, year) if claimable and not tail_of_money else ([], year)
        for pos, measure, raw, claim_year, cue_words in claims:
            name = _indicator_for(pos, mentions) or (None if own_subject else current)
            value = read_value(raw, ValueContext(expected="percent" if measure == "capaian" else None))
            if name is None or value.value is None or value.ambiguous:
                continue
            measure = _measure_for_unit(measure, value.unit, units.get(name), cue_words)
            if measure is None:
                continue
            value.provenance = prov
            unit = "%" if measure == "capaian" or value.unit == "%" else units.get(name)
            yield IndicatorValue(indicator=name, year=claim_year, measure=measure, value=value,
                                 unit=unit, source="text", part=part), None
        if mentions:
            current = mentions[-1].name
            yield None, current
        elif own_subject:
            current = None
            yield None, UNNAMED


def _not_in_tables(claims: list, records: list, name_field: str) -> list:
    """Claims the tables do not already state: prose repeating a table value is the table's fact.
    A kegiatan is not its program, even where the names overlap and the amount is the same."""
    index: dict[tuple, list] = {}
    for r in records:
        if r.value.value is not None:
            index.setdefault((r.measure, r.year, r.period, r.value.value), []).append(r)
    kept = []
    for c in claims:
        same = index.get((c.measure, c.year, c.period, c.value.value), [])
        name, amount = name_key(getattr(c, name_field)), name_field == "item"
        if not any(_same_level(c, r) and _same_name(name, name_key(getattr(r, name_field)), amount)
                   for r in same):
            kept.append(c)
    return kept


def _same_name(a: str, b: str, amount: bool) -> bool:
    """Names of one item; for an amount (a figure to the rupiah) also when spaced or typed apart
    ("kegiatan Pengeloaan keuangan" / "Pengelolaan Keuangan BPBD", "Kesiap Siagaan" / "Kesiapsiagaan")."""
    if fuzz.token_set_ratio(a, b) >= SAME_NAME:
        return True
    return amount and fuzz.partial_ratio(_compact(a), _compact(b)) >= SAME_NAME


def _compact(name: str) -> str:
    return re.sub(r"^(?:sub kegiatan|kegiatan|program)\s+", "", name).replace(" ", "")


def _same_level(a, b) -> bool:
    levels = {getattr(a, "level", None), getattr(b, "level", None)} - {None, "unknown"}
    return len(levels) <= 1


# --- language machinery -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _nlp():
    """spaCy's Indonesian language class with a sentencizer and the cue Matcher.

    The class is subclassed only to leave out its ~15,600 hyphenated-reduplication tokenizer
    exceptions ("anak-anak"): building them takes seconds per process and no cue or number has a
    hyphen. Punctuation rules, abbreviations and number words stay Indonesian.
    """
    from spacy.lang.id import Indonesian
    from spacy.matcher import Matcher

    class ClaimIndonesian(Indonesian):
        class Defaults(Indonesian.Defaults):
            tokenizer_exceptions = {k: v for k, v in Indonesian.Defaults.tokenizer_exceptions.items()
                                    if "-" not in k}

    nlp = ClaimIndonesian()
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    for label, patterns in CUES.items():
        matcher.add(label, patterns)
    return nlp, matcher


def _prepare(text: str) -> str:
    text = re.sub(r"(?i)\bRp\s*\.\s*", "Rp ", text)          # "Rp . 5.067.574.800" is one amount
    # an aside in brackets explains, it does not claim: "(capaian dibagi target dikalikan 100%)"
    text = re.sub(r"\((?:[^()\s]+\s+){2,}[^()]*\)", " ", text)
    text = re.sub(r"(?i)\(?\s*kolom\s+\d+\s*\)?", " ", text)  # "(kolom 7)" points at a column
    text = re.sub(r"(\d)\s+%", r"\1%", text)
    text = re.sub(r"(\d)%", r"\1 %", text)
    return collapse(text)


def _sentences(line: str) -> list[str]:
    nlp, _ = _nlp()
    return [s.text for s in nlp(_prepare(line)).sents]


def _cue_spans(doc) -> list[tuple[int, int, str]]:
    from spacy.util import filter_spans

    _, matcher = _nlp()
    spans = [doc[s:e] for _, s, e in matcher(doc)]
    labels = {(doc[s:e].start, doc[s:e].end): doc.vocab.strings[m] for m, s, e in matcher(doc)}
    return sorted((sp.start, sp.end, labels[(sp.start, sp.end)]) for sp in filter_spans(spans))


def _indicator_claims(sentence: str, meta: Meta, year: Optional[int]):
    """(char position, measure, raw value, year) of each claim in a sentence, and the year in force.

    A cue states one value: the first number after it, within CUE_REACH tokens. A number no
    unspent cue reaches is no claim ("... sebesar 31,56% ... dari target 34%, ... sebesar 32,59%").
    """
    if SKIP_SENTENCE.search(sentence) or SUMMARY.search(sentence) or MONEY.search(sentence):
        return [], year
    nlp, _ = _nlp()
    doc = nlp.make_doc(sentence)
    cues = _cue_spans(doc)
    if any(label == "anggaran" for *_, label in cues):
        return [], year
    claims, spent = [], set()
    for tok in doc:
        if _is_year(tok):
            year = int(tok.text)
            continue
        if tok.lower_ == "lalu" and tok.i > 0 and doc[tok.i - 1].lower_ == "tahun":
            year = meta.year - 1 if meta.year else None
            continue
        if not NUMBER.match(tok.text) or _inside_cue(tok.i, cues):
            continue
        cue = _cue_before(tok.i, cues)
        if cue is None or cue[0] in spent or tok.i - cue[0][1] > CUE_REACH:
            continue
        spent.add(cue[0])
        if cue[1] in ("delta", "anggaran") or not _introduced(doc, tok.i, cues) or not _a_level(doc, tok.i):
            continue
        if _compared_from(doc, cue[0][0], cues) or _changed(cue[0][0], cues):
            continue
        if any(t.lower_ == "fisik" for t in doc[cue[0][0]:tok.i]):
            continue  # 'realisasi fisik', 'target capaian fisik': a kegiatan's work done, no indicator's
        percent = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in PERCENT_WORDS
        if cue[1] == "capaian" and not percent and _cue_words(doc, cue[0]) == "atau sebesar":
            continue
        raw = tok.text + ("%" if percent else "")
        measure = cue[1]
        claim_year = _year_after(doc, tok.i + 1 + percent) or year
        if claim_year is None and measure in ("realisasi", "capaian") and meta.doc_type == "Renstra":
            continue  # a plan's review of the last one ('realisasi pada tahun pertama'): not its own year
        claim_year = claim_year if claim_year is not None else meta.year
        if measure == "realisasi" and percent and _cue_words(doc, cue[0]) == "capaian" and claims \
                and claims[-1][1] == "realisasi" and claims[-1][3] == claim_year \
                and cue[0][0] > 0 and doc[cue[0][0] - 1].lower_ in ACHIEVED_AFTER:
            measure = "capaian"  # 'merealisasikan 0.162% dengan capaian 19.76%': the share achieved
        claims.append((tok.idx, measure, raw, claim_year, _cue_words(doc, cue[0])))
    return claims, year


PERCENT_WORDS = {"%", "persen", "prosen"}


def _measure_for_unit(measure: str, printed: Optional[str], unit: Optional[str], cue: str) -> Optional[str]:
    """A percentage claimed of an indicator its tables measure in another unit (poin, juta,
    indeks) is no target or realisasi of it: after 'capaian (kinerja)' it is the share achieved
    ('Indeks Kepuasan Masyarakat, dengan capaian kinerja 100.27%'), else a figure the text
    quotes beside it (a national target, a sub-indicator's share): None."""
    if measure == "capaian" or printed != "%" or unit is None or unit == "%":
        return measure
    return "capaian" if cue.split()[0] == "capaian" else None


def _year_after(doc, i: int) -> Optional[int]:
    """'Realisasi: 78,5% (2020), 90,1% (2021)': a year in brackets right after a value is its own."""
    if i + 2 < len(doc) and doc[i].text == "(" and YEAR_TOKEN.match(doc[i + 1].text) and doc[i + 2].text == ")":
        return int(doc[i + 1].text)
    return None


# words joining a realisation to the share it achieves: '... 0.162% dengan capaian 19.76%'
ACHIEVED_AFTER = {"dengan", "atau", ",", "yaitu", "yakni"}


def _compared_from(doc, start: int, cues) -> bool:
    """'mengalami peningkatan dari hasil realisasi tahun 2015 sebesar 1,04%': the number after a
    cue that a change 'dari' (from) introduces may be the change or the base; neither is read."""
    return any(label == "delta" and e < len(doc) and doc[e].lower_ == "dari" and 0 < start - e <= 3
               for _, e, label in cues)


def _changed(start: int, cues) -> bool:
    """'rata-rata pertumbuhan realisasi sebesar 8,5%': a cue a change word opens measures the
    change, not the level."""
    return any(label == "delta" and e == start for _, e, label in cues)


def _a_level(doc, i: int) -> bool:
    """Not a list label "1)", a fraction "89/100.000", or a count "19 Kabupaten/kota", "8 indikator"."""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].lower_ if i > 0 else ""
    if nxt in {")", "/"} or nxt.startswith("/") or prev == "/":
        return False
    if prev in {"sebanyak", "terdapat", "ke"}:
        return False
    return not COUNTED.match(nxt)


# words that introduce a stated value: "sebesar 3.20", "adalah 4.11", "mencapai 128.44%"
LINKERS = {"sebesar", "adalah", "mencapai", "yaitu", "yakni", "menjadi", "sejumlah", "senilai",
           "hanya", ":", "=", "capai", "dicapai", "tercatat"}


def _introduced(doc, i: int, cues) -> bool:
    """A claimed value follows a linking word or its cue directly; '... strategis 2' is a label."""
    if i == 0:
        return False
    return doc[i - 1].lower_ in LINKERS or any(e == i for _, e, _ in cues)


def _is_year(tok) -> bool:
    if not YEAR_TOKEN.match(tok.text):
        return False
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return prev in {"tahun", "th", "ta", "tahunnya"} | MONTHS or tok.i == 0 or prev in {"(", "s/d", "-"}


def _inside_cue(i: int, cues) -> bool:
    return any(s <= i < e for s, e, _ in cues)


def _cue_before(i: int, cues) -> Optional[tuple[tuple[int, int], str]]:
    """((start, end), label) of the nearest cue that ends before token i."""
    before = [c for c in cues if c[1] <= i]
    return ((before[-1][0], before[-1][1]), before[-1][2]) if before else None


def _cue_words(doc, span: tuple[int, int]) -> str:
    return doc[span[0]:span[1]].text.lower()


# --- what the claim is about ------------------------------------------------------------------

def _mentions(sentence: str, names: list[str]) -> list[Mention]:
    """Indicators a sentence names: known (table) names found in it, and 'indikator NAME' phrases."""
    found: list[Mention] = []
    lowered = sentence.lower()
    keyed, by_opening = _keyed(tuple(names))
    seen: dict[int, int] = {}  # name index -> its word openings printed in the sentence
    for gram in {lowered[i:i + 4] for i in range(len(lowered) - 3)}:
        for k in by_opening.get(gram, ()):
            seen[k] = seen.get(k, 0) + 1
    for k in sorted(seen):
        name, key, needed = keyed[k]
        if seen[k] < needed:  # too few of its words here: no match can reach
            continue
        hit = fuzz.partial_ratio_alignment(key, lowered, score_cutoff=MENTION_MATCH)
        if hit is not None:
            found.append(Mention(name=name, pos=hit.dest_start))
    for m in INDICATOR_MENTION.finditer(sentence):
        phrase = collapse(m.group("name"))
        if not 2 <= len(phrase.split()) <= MAX_MENTION_WORDS:
            continue
        snapped = match_name(phrase, names, cutoff=SNAP_MATCH) if names else None
        if snapped or not names:
            found.append(Mention(name=snapped[0] if snapped else phrase, pos=m.start("name"), cued=True))
    # one name per position: the longest known name wins where two overlap
    found.sort(key=lambda m: (m.pos, not m.cued, -len(m.name)))
    return [m for i, m in enumerate(found) if i == 0 or abs(m.pos - found[i - 1].pos) > 3]


@lru_cache(maxsize=4)
def _keyed(names: tuple[str, ...]) -> tuple[list[tuple[str, str, int]], dict[str, list[int]]]:
    """(name, key, word openings needed) of the names worth looking for in a sentence, and the
    names by the opening (first four letters) of each of their words: a lone word
    ("Persentase") is a broken cell, no name. Keyed once per document, not per sentence; a name
    close enough to match keeps the openings of all its words but as many as the edits the
    match allows."""
    keyed: list[tuple[str, str, int]] = []
    by_opening: dict[str, list[int]] = {}
    for name in names:
        key = name_key(name)
        if len(key) >= 6 and " " in key:
            openings = {w[:4] for w in key.split()}
            # each character edit the match allows spoils one word's opening at most
            edits = int((100 - MENTION_MATCH) / 100 * len(key)) + 1
            for o in openings:
                by_opening.setdefault(o, []).append(len(keyed))
            keyed.append((name, key, max(1, len(openings) - edits)))
    return keyed, by_opening


def _indicator_for(pos: int, mentions: list[Mention]) -> Optional[str]:
    """The indicator named last before `pos` in the sentence, else the one named after it.

    A sentence that says "indikator X" speaks of X, whatever other names it quotes on the way.
    """
    cued = [m for m in mentions if m.cued]
    mentions = cued or mentions
    before = [m for m in mentions if m.pos <= pos]
    if before:
        return before[-1].name
    return mentions[0].name if mentions else None


def _units(indicators: list[IndicatorValue]) -> dict[str, str]:
    units: dict[str, str] = {}
    for r in indicators:
        if r.unit and r.measure != "capaian":
            units.setdefault(r.indicator, r.unit)
    return units


# --- budgets ------------------------------------------------------------------------------------

RUN_ON_LINES = 3  # a budget statement runs on over at most this many lines


def _stream_budget_claims(doc: AnyDocument, meta: Meta, parts: list[Part]):
    """Budget statements read over the text's lines in order: a PDF wraps "Kegiatan X, dengan
    alokasi anggaran Rp A, dengan realisasi sebesar Rp B atau C %" over lines, and often over
    paragraphs of their own; a statement is read from the line it starts on, with the next
    lines of consecutive text blocks, and keeps that line's provenance. Only a few lines are
    held at a time (a long report's text is never held whole)."""
    window: deque = deque()
    for entry in _text_lines(doc):
        window.append(entry)
        if len(window) == RUN_ON_LINES:
            yield from _claims_from(window, meta, parts)
            window.popleft()
    while window:
        yield from _claims_from(window, meta, parts)
        window.popleft()


def _text_lines(doc: AnyDocument):
    """(block index, block, line index, the line prepared) of the text's lines in order."""
    for index, block in text_blocks(doc):
        if not isinstance(block, Heading):
            for k, line in enumerate(block_lines(block)):
                yield index, block, k, _prepare(line)


def _claims_from(window: deque, meta: Meta, parts: list[Part]):
    """The statements that start on the window's first line."""
    index, block, k, line = window[0]
    following = [window[0]]
    for entry in list(window)[1:]:
        if entry[0] - following[-1][0] > 1:
            break  # a table or a page break between: the statement has ended
        following.append(entry)
    first = len(line)
    for claim, start in _budget_claims(" ".join(e[3] for e in following), meta, _part_of(index, parts)):
        if start < first:
            claim.value.provenance = line_provenance(block, k)
            yield claim


def _budget_claims(text: str, meta: Meta, part: Optional[int]):
    """(claim, where its statement starts) of each budget statement in `text` (prepared lines)."""
    claims = list(BUDGET_CLAIM.finditer(text))
    claims += [m for m in BUDGET_STATED.finditer(text) if BUDGET_REALISED.match(text, m.end())
               and not any(c.start("raw") == m.start("raw") for c in claims)]
    for m in claims:
        item = _last_item(m.group("item"))
        realised = BUDGET_REALISED.match(text, m.end())
        if NOT_AN_ITEM.search(item) or BUDGET_CHANGE.search(text, 0, realised.end() if realised else m.end()):
            continue  # a change of the budget ('penurunan anggaran sebesar ...'), not an amount
        amounts = [("anggaran", m.group("raw"), "money")]
        if realised:
            amounts.append(("realisasi", realised.group("raw"), "money"))
            if realised.group("pct"):
                amounts.append(("persen_realisasi", realised.group("pct"), "percent"))
        for measure, raw, expected in amounts:
            value = read_value(raw, ValueContext(expected=expected))
            if not isinstance(value.value, (int, float)) or value.ambiguous:
                continue
            yield BudgetValue(item=item, level=_level(item), year=meta.year, measure=measure,
                              value=value, source="text", part=part), m.start()


def _last_item(text: str) -> str:
    # "Program X melekat pada Bidang Y pada kegiatan Z": the amount is Z's
    if re.match(r"(?i)belanja\b", text):
        return collapse(text).strip(" ,")  # 'Belanja Langsung (BL) Kegiatan': the spending line's name
    starts = [m.start() for m in re.finditer(r"(?i)\b(sub\s+kegiatan|kegiatan|program)\b", text)]
    item = text[starts[-1]:] if starts else text
    return collapse(item).strip(" ,")


def _level(item: str) -> str:
    head = item.lower()
    if head.startswith("belanja"):
        return "unknown"
    if head.startswith("sub"):
        return "sub_kegiatan"
    return "kegiatan" if head.startswith("kegiatan") else "program"


def _part_of(block: int, parts: list[Part]) -> Optional[int]:
    return next((p.index for p in parts if p.first_block <= block <= p.last_block), None)
