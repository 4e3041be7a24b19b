"""Column roles of SAKIP tables, read from each column's header path by fuzzy vocabulary matching.

A header path ("TAHUN 2024 / TARGET", "TARGET TAHUNAN / 2023", "Anggaran / Realisasi (Rp)") is split
into segments; the leaf-most segment that names something decides the role, the others contribute
the year, the triwulan and the domain (performance vs money). Measures a header leaves ambiguous
("Realisasi", "Capaian") are resolved once the whole table's columns are known (`column_roles`).
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz, process

from kinerja.extract.cell_parts import ROMAN
from kinerja.extract.quarter_columns import with_quarter_numerals
from kinerja.schema import Table

VOCABULARY = Path(__file__).parent / "data" / "columns.json"

NAME_ROLES = {"tujuan", "sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "program_kegiatan"}
BUDGET_NAME_ROLES = {"program", "kegiatan", "sub_kegiatan", "program_kegiatan"}
REVISION = {"revision_before": "anggaran_sebelum", "revision_after": "anggaran_sesudah"}
LEVEL_ROLES = {"tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"}
KINERJA_MEASURES = {"baseline", "target", "realisasi", "capaian", "capaian_bare"}
BUDGET_MEASURES = {"anggaran", "anggaran_sebelum", "anggaran_sesudah", "selisih", "sisa", "realisasi_anggaran",
                   "persen_realisasi"}
# a performance measure read in a money column
AS_BUDGET = {"target": "anggaran", "realisasi": "realisasi_anggaran", "capaian": "persen_realisasi",
             "capaian_bare": "persen_realisasi", "baseline": None}

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# a header that is only arithmetic on column numbers: '(6+7)', '= (10/4)', '(5 - 6)'
COLUMN_FORMULA = re.compile(r"^=?\s*\(\s*\d{1,2}\s*(?:[-+x×*/:]\s*\d{1,2}\s*)+\)$")
PERIOD = re.compile(r"\b(?:triwulan|tw|trw|q)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b", re.IGNORECASE)
UNIT_LABEL = re.compile(r"^\(?\s*(?:rp\.?|rupiah|%|persen)\s*\)?$", re.IGNORECASE)
# 'Realisasi s/d bulan ini': the realisation to the report's date, not a running total beside the
# period's own figure (the 'cumulative' marks of the vocabulary)
TO_DATE = re.compile(r"\b(?:s\s*d|sampai dengan)\s+(?:bulan ini|akhir tahun|desember)\b")
# 'Tahun ke-3', 'Tahun ke 3', 'Tahun-3' of a plan (normalised: 'tahun ke 3', 'tahun 3')
NTH_YEAR = re.compile(r"\btahun\s+(?:ke\s+)?([1-9])\b")
# 'Th. (n-1)', 'Tahun n+1', '(N-2)': a year counted from the report's year n
RELATIVE_YEAR = re.compile(r"(?i)(?:\b(?:th|thn|tahun)\b\.?\s*\(?|\()\s*n\s*([-+–])\s*([1-9])\b")
WORTH_WORDS = {"nilai", "harga"}  # what goods are worth ('Nilai (Rp)' of an asset list), no budget
SPENDING_WORDS = {"anggaran", "pagu", "belanja", "dana", "biaya", "kebutuhan", "alokasi", "realisasi"}
PHRASE_CUTOFF = 88
MIN_HEADER_LABELS = 3
KEYWORD_CUTOFF = 86


@dataclass(frozen=True)
class Column:
    index: int
    path: str
    role: str = "other"            # a NAME_ROLES role, "measure", "satuan", "no", "kode", "triwulan", ...
    measure: Optional[str] = None  # KINERJA_MEASURES or BUDGET_MEASURES entry when role == "measure"
    domain: Optional[str] = None   # "anggaran" / "kinerja" when the header says so
    year: Optional[int] = None
    period: Optional[str] = None   # "TW1".."TW4" named by the header
    unit: Optional[str] = None     # "%" or "rp" stated by the header
    renstra_end: bool = False      # "Target Akhir Renstra": the plan's last year
    says_end: bool = False         # the header says 'akhir' outright, not just 'Renstra'
    period_in_leaf: bool = False   # the triwulan is named by the column's own label, not a group's
    bare: bool = False             # a bare 'Capaian' read as realisasi: the document may show otherwise
    year_offset: int = 0           # 'Prakiraan Maju': unless printed, the year is the table's plus this
    nth_year: bool = False         # 'Tahun ke-N': the offset counts from the plan's first year

    def year_from(self, base: Optional[int], plan_start: Optional[int] = None) -> Optional[int]:
        """The column's year: its own, else the table's (`base`) moved by its offset; a plan's
        Nth year counts from the plan's first year when the table names its period."""
        start = plan_start if self.nth_year and plan_start else base
        return self.year or (start + self.year_offset if start else None)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return json.loads(VOCABULARY.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[list[str], list[str]]:
    phrases, roles = [], []
    for role, items in vocabulary()["phrases"].items():
        for item in items:
            phrases.append(item)
            roles.append(role)
    return phrases, roles


def header_paths(table: Table) -> list[str]:
    """One path per column: the parser's column_paths, else rebuilt from the header rows' spans."""
    n = max(table.n_cols, len(table.column_paths), max((len(r) for r in table.body), default=0))
    if table.column_paths:
        return list(table.column_paths) + [""] * (n - len(table.column_paths))
    parts: list[list[str]] = [[] for _ in range(n)]
    for row in table.header_rows:
        for cell in row:
            for col in range(cell.col, min(cell.col + cell.col_span, n)):
                text = " ".join(cell.text.split())
                if text and (not parts[col] or parts[col][-1] != text):
                    parts[col].append(text)
    return [" / ".join(p) for p in parts]


def normalise_segment(text: str) -> str:
    text = text.lower().replace("%", " persen ")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[^a-z0-9/ ]+", " ", text)
    text = text.replace("/", " ")
    return " ".join(text.split())


def _strip_markers(norm: str) -> str:
    norm = YEAR.sub(" ", norm)
    norm = PERIOD.sub(" ", norm)
    norm = re.sub(r"\b(?:th|thn|tahun)\s+(?:dsr|dasar)\b", "tahun dasar", norm)  # 'Thn Dsr 2024': the base year
    norm = re.sub(r"\b(rp|rupiah|th|thn)\b", " ", norm)  # 'th' / 'thn': the year's 'tahun', shortened
    norm = re.sub(r"\b000\b", " ", norm)  # '(000)': the money's scale (normalize.money_scale), no label
    return " ".join(norm.split())


def segment_role(segment: str) -> Optional[str]:
    """The vocabulary role one header segment names, or None."""
    norm = _strip_markers(normalise_segment(segment))
    if not norm:
        return None
    phrases, roles = _phrase_index()
    for phrase, _, i in process.extract(norm, phrases, scorer=fuzz.ratio, score_cutoff=PHRASE_CUTOFF, limit=5):
        if _same_words(norm, phrase):
            return roles[i]
    tokens = norm.split()
    if any(tok.isdigit() for tok in tokens):
        return None  # '(≥ 80 - < 100%)', ': 1 indikator (4,76%)': data, not a label
    keywords = vocabulary()["keywords"]
    # a leading 'Target' or 'Satuan' names the column: 'Target Indikator SPM', 'Satuan Indikator'
    # ('Capaian Target Kinerja' under a plan year stays the target)
    for keyword, role in keywords:
        if keyword in LEADING_KEYWORDS and fuzz.ratio(tokens[0], keyword) >= KEYWORD_CUTOFF:
            return role
    for keyword, role in keywords:
        if any(fuzz.ratio(tok, keyword) >= KEYWORD_CUTOFF for tok in tokens if len(tok) > 2):
            return role
    if 2 <= len(tokens) and (len(tokens) <= SPLIT_WORD_PIECES or _syllables(tokens)):
        return segment_role("".join(tokens))  # a narrow column splits its words: 'REAL ISASI', 'Indi ka tor'
    return None


def _syllables(tokens: list[str]) -> bool:
    """Words a narrow cell broke into pieces ('Indi ka tor Tu ju an'): most pieces are short."""
    return 2 * sum(len(t) <= 3 for t in tokens) >= len(tokens)


TOKEN_CUTOFF = 75
LEADING_KEYWORDS = ("target", "satuan")
SPLIT_WORD_PIECES = 3  # pieces a narrow header cell may break one word into


def _same_words(norm: str, phrase: str) -> bool:
    """Every word of the phrase is a word of the segment, typos allowed: a close spelling of
    the whole ('realisasi dalam' ~ 'realisasi dana') that swaps a word is another label."""
    tokens, words = norm.split(), phrase.split()
    if len(tokens) < len(words):
        return True  # words run together ('TARGETRENSTRA'): the whole spelling decides
    return all(any(fuzz.ratio(w, t) >= TOKEN_CUTOFF for t in tokens) for w in words)


def _period(text: str) -> Optional[str]:
    found = PERIOD.findall(text)
    if not found:
        return None
    mark = found[-1].lower()
    return f"TW{ROMAN.get(mark) or int(mark)}"


def _has_token(norm: str, words: list[str]) -> bool:
    padded = f" {norm} "
    return any(f" {w} " in padded for w in words)


def classify_column(index: int, path: str) -> Column:
    """Role, year, period and domain of one column from its header path alone."""
    segments = [s.strip() for s in path.split(" / ") if s.strip()]
    col = Column(index=index, path=path)
    if not segments:
        return col
    vocab = vocabulary()
    segments = [_without_to_date(s) for s in segments]
    norms = [normalise_segment(s) for s in segments]
    if any(_has_token(n, vocab["exclude"]) for n in norms):
        return col
    if any(_has_token(n, vocab["cumulative"]) or "terhadap" in n for n in norms):
        return col
    if COLUMN_FORMULA.match(segments[-1]):
        return col  # '(6+7)' under 'Target Renstra': a sum of other columns, no year's figure
    if len(norms) > 1 and _has_token(norms[-1], NARRATIVE_LEAVES):
        return col  # 'TARGET TAHUNAN STRATEGI PENCAPAIAN / KEBIJAKAN': a group cell spread too far
    segments = _merge_lone_percent(segments)
    domain = vocab["leaf_domain"].get(norms[-1]) or _mixed_group_domain(norms) or _path_domain(norms)
    role = _path_role(segments, domain)
    year = next((int(m) for s in reversed(segments) for m in reversed(YEAR.findall(s))), None)
    period = next((p for p in (_period(s) for s in reversed(segments)) if p), None) or _period(" ".join(segments))
    period_in_leaf = bool(_period(segments[-1]))
    unit = "rp" if any(_has_token(n, ["rp", "rupiah"]) for n in norms) else None
    if role in (None, "other", "tahun") and unit == "rp" and not _worth_of_goods(norms):
        role = "anggaran"  # 'Jumlah (Rp)', 'Tahun 2022 / Rp'; not an asset's 'Nilai (Rp)'
    if role == "target" and year is None and len(norms) == 1 and ACHIEVED_TARGET.match(norms[0]):
        role = "capaian"  # a lone 'CAPAIAN TARGET': how far the target was reached
    if role == "realisasi" and domain == "anggaran" and any(SHARE_OF.match(n) for n in norms):
        role = "capaian"  # 'Persentase Realisasi Anggaran': the share spent, never an amount
    if role in ("capaian",) or (role == "capaian_bare" and "persen" in norms[-1]):
        role, unit = "capaian", "%"
    renstra_end = role in ("target", "anggaran") and any("akhir" in n or "renstra" in n for n in norms)
    offset = max((k for phrase, k in vocab["year_offsets"].items() if any(phrase in n for n in norms)), default=0)
    nth = NTH_YEAR.search(" ".join(norms)) if year is None else None
    relative = RELATIVE_YEAR.search(" ".join(segments)) if year is None else None
    if relative:
        offset = int(relative.group(2)) * (1 if relative.group(1) == "+" else -1)
    elif nth:
        offset = int(nth.group(1)) - 1  # 'Target Kinerja pada Tahun ke- / 3': the plan's third year
        renstra_end = False  # 'Target Renstra ... Tahun ke- / 3': a year of the plan, not its end
    if role in KINERJA_MEASURES or role in BUDGET_MEASURES:
        return replace(col, role="measure", measure=role, domain=domain, year=year, period=period,
                       unit=unit, renstra_end=renstra_end, period_in_leaf=period_in_leaf,
                       says_end=renstra_end and any("akhir" in n for n in norms),
                       year_offset=offset, nth_year=bool(nth))
    return replace(col, role=role or "other", domain=domain, year=year, period=period,
                   period_in_leaf=period_in_leaf)


# a percentage or ratio of the money ('Persentase Realisasi Anggaran', '% Realisasi Keuangan')
SHARE_OF = re.compile(r"^(?:persentase|prosentase|persen|rasio)\b.*\b(?:anggaran|keuangan|dana|pagu)\b")
# 'Capaian Target' heading a column alone, no plan year over it ('Rencana Tahun 2024 / Capaian
# Target Kinerja' is that year's target)
ACHIEVED_TARGET = re.compile(r"^capaian target(?: persen)?$")


# a plan's policy columns beside its targets ('Kebijakan', 'Strategi'): numbered lists of words,
# never a measure, whatever group label a header spread over them
NARRATIVE_LEAVES = ["kebijakan", "strategi"]


def _worth_of_goods(norms: list[str]) -> bool:
    """'Nilai (Rp)', 'Nilai Perolehan (Rp)' of an asset list: what goods are worth, where no label
    of the path speaks of spending ('Kebutuhan Dana / Nilai (Rp)', 'Tahun 2025 / Nilai (Rp)' do)."""
    words, lead = " ".join(norms).split(), norms[-1].split()[:1]
    return bool(lead) and lead[0] in WORTH_WORDS and not set(words) & SPENDING_WORDS \
        and not any(YEAR.fullmatch(w) for w in words)


def _without_to_date(segment: str) -> str:
    norm = normalise_segment(segment)
    if not TO_DATE.search(norm):
        return segment
    return " ".join(TO_DATE.sub(" ", norm).split()) or segment


MIXED_KINERJA = ("target", "kinerja", "realisasi", "capaian")


def _mixed_group_domain(norms: list[str]) -> Optional[str]:
    """Under a group naming both a figure and money ('Target dan Pagu Indikatif', 'Kinerja dan
    Anggaran'), the leaf says which the column holds: 'Pagu' money, 'Target' the figure."""
    budget = vocabulary()["budget_domain"]
    mixed = any(_has_token(n, budget) and _has_token(n, MIXED_KINERJA) for n in norms[:-1])
    if not mixed or len(norms) < 2:
        return None
    if _has_token(norms[-1], budget):
        return "anggaran"
    return "kinerja" if _has_token(norms[-1], MIXED_KINERJA) else None  # 'I': the leaf says neither


def _path_domain(norms: list[str]) -> Optional[str]:
    """'anggaran' when a segment speaks of money, 'kinerja' when one is the performance group."""
    vocab = vocabulary()
    if any(_has_token(n, vocab["budget_domain"]) for n in norms):
        return "anggaran"
    if any(_has_token(n, vocab["performance_domain"]) for n in norms):  # 'Target Kinerja', 'Fisik' 
        return "kinerja"
    return None


INDICATOR_OF_LEVEL = re.compile(r"^indikator (?:kinerja )?(?:tujuan|sasaran|program|kegiatan|sub kegiatan)$")
GENERIC_NAMES = ("uraian", "nama")  # a name column whose group says what it names
QUALIFIER_ROLES = ("tahun", "triwulan")  # columns of years or quarters, unless under a measure


def _path_role(segments: list[str], domain: Optional[str]) -> Optional[str]:
    """The role named by the leaf-most segment that names one."""
    role = None
    for seg in reversed(segments):
        role = segment_role(seg)
        if role in REVISION:
            # 'PAGU DIPA (Rp.) / AWAL': a bare 'awal' / 'revisi' names a revision only under money
            role = REVISION[role] if domain == "anggaran" else None
        if role:
            break
    if (role in LEVEL_ROLES or role == "program_kegiatan") and "kode" in map(segment_role, segments[:-1]):
        return "kode"  # 'KODE / PROGRAM | KODE / KEGIATAN': the codes of each level
    if role in LEVEL_ROLES and len(segments) > 1 and INDICATOR_OF_LEVEL.match(normalise_segment(segments[-2])):
        return "indikator"  # 'Indikator Tujuan / Sasaran': one label whose slash the path took for a level
    if role in QUALIFIER_ROLES:
        # 'Target / Tahun 2017', 'Target / Triwulan / I': the year or quarter of a measure above it
        role = next((r for r in map(segment_role, reversed(segments[:-1]))
                     if r in KINERJA_MEASURES or r in BUDGET_MEASURES), role)
    if role == "program_kegiatan" and len(segments) > 1:
        # 'KEGIATAN / Uraian': a generic name column takes the level its group names;
        # 'Indikator Kinerja Utama / Uraian': the indicator's name
        generic = normalise_segment(segments[-1]) in GENERIC_NAMES
        group = next((r for r in map(segment_role, reversed(segments[:-1]))
                      if r in LEVEL_ROLES or (generic and r == "indikator")), None)
        role = group or role
    return role


def _merge_lone_percent(segments: list[str]) -> list[str]:
    """'Kinerja / % / Realisasi' (a header split over two rows) reads as '% Realisasi'."""
    out: list[str] = []
    for seg in segments:
        if out and normalise_segment(out[-1]) == "persen":
            out[-1] = f"% {seg}"
        else:
            out.append(seg)
    return out


def column_roles(table: Table) -> list[Column]:
    """Every column's role, with ambiguous measures resolved against the rest of the table."""
    paths = with_header_row(table, header_paths(table))
    paths = with_year_groups(with_sibling_labels(with_year_row(table, with_unit_row(table, paths))))
    paths = with_quarter_numerals(paths, segment_role)
    paths = without_heads_past_year_restart(with_mended_leaf_years(with_run_heads(with_broken_years(paths))))
    cols = [classify_column(i, p) for i, p in enumerate(paths)]
    has_indicator = any(c.role == "indikator" for c in cols)
    has_budget_name = any(c.role in BUDGET_NAME_ROLES for c in cols) or _money_only(cols)
    items_only = has_budget_name and not has_indicator
    cols = _without_unfunded_shares(_spending_shares([_resolve_domain(c, has_indicator, has_budget_name)
                                                      for c in cols], items_only=items_only))
    cols = _without_physical_progress(cols) if items_only else cols
    cols = _mended_year_runs(_years_between(_periods_from_siblings(_without_planned_shares(cols))))
    return _names_before_measures(_annual_before_quarters(_resolve_bare_capaian(cols)), table)


NAME_SLOTS = ("other", None)  # what a name column headed by another word ('Parameter') is read as
# a column of places ('KABUPATEN / KOTA', 'Kecamatan', 'Lokasi'): each row a place's figure of one indicator
PLACE_HEADER = re.compile(r"(?i)\b(?:kabupaten|kota|kab|kecamatan|kelurahan|desa|wilayah|lokasi|provinsi|"
                          r"daerah|puskesmas|upt|uptd|unit kerja|perangkat daerah|opd|skpd|bulan|tahun)\b")


def _names_before_measures(cols: list[Column], table: Table) -> list[Column]:
    """A table of targets and realisations whose name column says what it lists ('Parameter',
    'Komponen', 'Pelayanan DKP') instead of 'Indikator': the column of names just before the
    measures is the indicator, when the table has no indicator, sasaran or budget name column."""
    kinerja = [c for c in cols if c.role == "measure" and c.domain in (None, "kinerja")
               and c.measure in ("target", "realisasi")]
    if not kinerja or any(c.role in ("indikator", "sasaran", "tujuan") or c.role in BUDGET_NAME_ROLES
                          or (c.role == "measure" and c.domain == "anggaran") for c in cols):
        return cols
    first = min(c.index for c in cols if c.role == "measure")
    before = [c for c in cols if c.index < first and c.role not in ("satuan", "no", "kode")]
    if not before or before[-1].role not in NAME_SLOTS or not before[-1].path.strip() \
            or PLACE_HEADER.search(before[-1].path) or not _holds_names(table, before[-1].index):
        return cols
    run = [c.index for c in before if c.path == before[-1].path]  # a name spread over twin columns
    return [replace(c, role="indikator") if c.index in run else c for c in cols]


def _holds_names(table: Table, index: int) -> bool:
    """Most of the column's filled cells are words, not figures."""
    texts = [c.text.strip() for row in table.body for c in row
             if c.col <= index < c.col + c.col_span and c.text.strip()]
    words = [t for t in texts if sum(ch.isalpha() for ch in t) > len(t) / 2]
    return len(texts) >= 2 and len(words) * 2 > len(texts)


YEAR_ONLY_WORDS = {"tahun", "k", "kinerja"}  # what a bare year column's header may say beside its year


def plan_year_targets(cols: list[Column], first_year: Optional[int]) -> list[Column]:
    """In a plan (Renstra, Renja), a column headed by a year of the plan alone ('Tahun 2027', '2025 /
    K' beside '2025 / Rp') holds the indicators' targets for that year; an earlier year's column
    (the situation analysis's history) holds no target."""
    if first_year is None or not any(c.role == "indikator" for c in cols):
        return cols
    return [replace(c, role="measure", measure="target", domain="kinerja") if _bare_year(c, first_year) else c
            for c in cols]


def _bare_year(col: Column, first_year: int) -> bool:
    if col.role not in ("tahun", "other") or col.year is None or col.year < first_year \
            or col.domain not in (None, "kinerja"):
        return False
    words = set(YEAR.sub(" ", normalise_segment(col.path)).split())
    return words <= YEAR_ONLY_WORDS


def _without_planned_shares(cols: list[Column]) -> list[Column]:
    """'TARGET KINERJA ... / 2024' beside 'TARGET CAPAIAN ... / 2024' (a Renstra's planned
    achievement, 100% each year): the first holds the targets, the second no measure of GOLD's.
    Alone, 'Target Capaian' is the target."""
    def named(col: Column, phrase: str) -> bool:
        return col.measure == "target" and phrase in normalise_segment(col.path)
    if not (any(named(c, "target kinerja") for c in cols) and any(named(c, "target capaian") for c in cols)):
        return cols
    return [replace(c, role="other", measure=None) if named(c, "target capaian") else c for c in cols]


def _money_only(cols: list[Column]) -> bool:
    """A table that prints money and no performance measure of its own ('Penyertaan Modal | Anggaran
    | Realisasi | (%)': no indicator, sasaran, target or satuan): its bare 'Realisasi' and '%' after
    the money are the money's."""
    money = [c.index for c in cols if c.role == "measure" and (c.domain == "anggaran" or c.unit == "rp")]
    kinerja = any(c.role in ("indikator", "satuan", "sasaran", "tujuan")
                  or (c.role == "measure" and c.measure in ("target", "baseline")
                      and c.domain != "anggaran" and c.unit != "rp") for c in cols)
    # the bare measures follow the money they speak of ('Anggaran | Realisasi | (%)')
    bare = [c.index for c in cols if c.role == "measure" and c.domain is None and c.unit != "rp"]
    return bool(money) and not kinerja and all(i > min(money) for i in bare)


def _years_between(cols: list[Column]) -> list[Column]:
    """Columns of a measure whose year label was lost (an OCR'd header: 'TAHUN / 2026 | ... |
    2030', the middle years unread) between two of its columns that print years: consecutive
    years fill the gap when it holds exactly as many columns as years left out; otherwise the
    undated columns are dropped, never given the document's year."""
    out = list(cols)
    for (measure, domain, period), members in _series(cols).items():
        dated = [i for i, c in enumerate(members) if c.year]
        for a, b in zip(dated, dated[1:]):
            gap = members[a + 1:b]
            if not gap or any(c.year_offset or c.nth_year or c.renstra_end for c in gap):
                continue
            first, last = members[a].year, members[b].year
            fits = last - first == len(gap) + 1
            for k, col in enumerate(gap, start=1):
                out[col.index] = replace(col, year=first + k) if fits else replace(col, role="other", measure=None)
    return out


MIN_YEAR_RUN = 5  # dated columns a run needs before one misprinted year in it is mended


def _mended_year_runs(cols: list[Column]) -> list[Column]:
    """A year that breaks a run of consecutive years its neighbours pin down ('2025 | 2026 | 2027 |
    2028 | 2023 | 2030', an OCR'd '9' read '3') is the year the run needs."""
    out = list(cols)
    for members in _series(cols).values():
        dated = [c for c in members if c.year]
        for k, year in misprinted_years([c.year for c in dated]).items():
            out[dated[k].index] = replace(dated[k], year=year)
    return out


def misprinted_years(years: list[int]) -> dict[int, int]:
    """Position -> year of each year in a run of MIN_YEAR_RUN or more that breaks it, every other
    step being one year."""
    if len(years) < MIN_YEAR_RUN:
        return {}
    return {i: years[i - 1] + 1 for i in range(1, len(years) - 1)
            if years[i + 1] - years[i - 1] == 2 and years[i] != years[i - 1] + 1
            and all(years[j + 1] - years[j] == 1 for j in range(len(years) - 1) if j not in (i - 1, i))}


def _series(cols: list[Column]) -> dict[tuple, list[Column]]:
    """The measure columns of each (measure, domain, period), in order."""
    series: dict[tuple, list[Column]] = {}
    for col in cols:
        if col.role == "measure" and not col.renstra_end:
            series.setdefault((col.measure, col.domain, col.period), []).append(col)
    return series


def _spending_shares(cols: list[Column], items_only: bool = False) -> list[Column]:
    """A bare '%' in a table whose only other measures are money ('BELANJA / ANGGARAN |
    BELANJA / REALISASI | (%)', the '%' outside the group) is the share spent; so is a 'Capaian'
    printed after the realisasi where the table names items and no indicator ('URAIAN | TARGET
    ANGGARAN | REALISASI (Rp.) | CAPAIAN KINERJA (%)': the pendapatan and belanja lines of a LAKIP).
    A capaian before the money is the item's own."""
    kinerja = [c for c in cols if c.role == "measure" and c.domain == "kinerja"]
    money = {c.measure for c in cols if c.role == "measure" and c.domain == "anggaran"}
    if not {"anggaran", "realisasi_anggaran"} <= money or not kinerja:
        return cols
    if all(c.measure == "capaian" and normalise_segment(c.path) in BARE_PERCENT for c in kinerja):
        shares = kinerja
    elif _items_capaian(kinerja, money, items_only):
        spent = min(c.index for c in cols if c.measure == "realisasi_anggaran" and c.domain == "anggaran")
        shares = [c for c in kinerja if c.index > spent]
        # the same column for the year before, printed ahead of the money ('CAPAIAN KINERJA (%) th
        # 2014 | TARGET ANGGARAN th 2015 | REALISASI (Rp.) Th 2015 | CAPAIAN KINERJA (%) th 2015')
        shares += [c for c in kinerja if c.index < spent and c.year is not None
                   and any(_yearless(c.path) == _yearless(s.path) for s in shares)]
    else:
        return cols
    return [replace(c, measure="persen_realisasi", domain="anggaran") if c in shares else c for c in cols]


def _items_capaian(kinerja: list[Column], money: set[str], items_only: bool) -> bool:
    """Capaian columns only, in a table of items with no indicator that prints no share spent of its
    own and no physical progress ('REALISASI FISIK (%)')."""
    return items_only and "persen_realisasi" not in money and all(
        c.measure == "capaian" and normalise_segment(c.path) not in BARE_PERCENT
        and not _has_token(normalise_segment(c.path), ["fisik"]) for c in kinerja)


BARE_PERCENT = {"persen", "persentase"}  # '%', '(%)' as normalised


def _without_physical_progress(cols: list[Column]) -> list[Column]:
    """A budget table's 'REALISASI FISIK (%)' beside each program's and kegiatan's money (no
    indicator column) is the work done on a budget line: no indicator's value and none of the
    budget measures either. (Under an indicator, a form's 'Fisik' is the indicator's K.)"""
    if not any(c.role == "measure" and c.domain == "anggaran" for c in cols):
        return cols
    return [replace(c, role="other", measure=None, domain=None)
            if c.role == "measure" and c.domain == "kinerja" and _has_token(normalise_segment(c.path), ["fisik"])
            else c for c in cols]


def _yearless(path: str) -> str:
    """A header without its year and the word naming it ('th 2014', 'Tahun 2015')."""
    return " ".join(w for w in YEAR.sub(" ", normalise_segment(path)).split() if w not in ("th", "tahun", "ta"))


def _without_unfunded_shares(cols: list[Column]) -> list[Column]:
    """A bare '%' beside item names is the share spent only where the table prints money (a header
    naming the money itself, 'Persentase Penyerapan Anggaran', stays): in a staffing table ('Kebutuhan | Ketersediaan | % Pemenuhan') or a yearly count table ('2015 ...
    2019 | Penurunan %') it is no budget's."""
    if any(c.domain == "anggaran" and c.measure != "persen_realisasi" for c in cols):
        return cols
    return [replace(c, role="other", measure=None, domain=None)
            if c.measure == "persen_realisasi" and classify_column(c.index, c.path).domain != "anggaran" else c
            for c in cols]


def _annual_before_quarters(cols: list[Column]) -> list[Column]:
    """'Tahun 2017' right before 'Target Triwulan / I .. IV' (a Rencana Aksi whose 'Target'
    stood over both, a text dump giving it to the quarters alone): a column the header dates
    whose neighbours are the quarters of one measure, none of it annual, is that measure's
    annual value, not a column of the rows' years."""
    out = list(cols)
    for i, col in enumerate(cols[:-1]):
        if col.role != "tahun" or col.year is None:
            continue
        quarters = []
        for c in cols[i + 1:]:
            if c.role != "measure" or not c.period:
                break
            quarters.append(c)
        measures = {c.measure for c in quarters}
        if len(quarters) >= 2 and len(measures) == 1 and not any(
                c.role == "measure" and c.measure in measures and not c.period for c in cols):
            q = quarters[0]
            out[i] = replace(col, role="measure", measure=q.measure, domain=q.domain, unit=q.unit)
    return out


def with_header_row(table: Table, paths: list[str]) -> list[str]:
    """A table whose header the parser mostly missed ('' over most columns) and whose first body row
    names columns in the header vocabulary ('NO. | SASARAN STRATEGIS | INDIKATOR KINERJA | ...'):
    that row is the header's."""
    if not table.body or sum(1 for p in paths if p) * 2 > len(paths):
        return paths
    labels = {c.col: " ".join(c.text.split()) for c in table.body[0] if c.text.strip()}
    named = sum(1 for t in labels.values() if segment_role(t))
    if named < MIN_HEADER_LABELS or named * 10 < len(labels) * 7:
        return paths
    out = list(paths)
    for col, label in labels.items():
        if col < len(out):
            out[col] = f"{out[col]} / {label}" if out[col] else label
    return out


YEAR_LABEL = re.compile(r"^(?:tahun\s+)?\(?\s*(?:19[5-9]\d|20\d\d)\s*\)?$", re.I)  # '2019', '(2019)', 'Tahun 2021'
MAX_ORDINAL = 10
MAX_YEAR_ROWS = 2  # 'Tahun 2021 | 1 | 2 | 3 | 4 | Tahun 2025' then '(2022) | (2023) | ...' 


def with_year_row(table: Table, paths: list[str]) -> list[str]:
    """A first body row of years ('(2019)' under 'Kondisi Awal') and of a group's ordinals ('1 | 2 |
    3 | 4' under 'Target Kinerja pada Tahun ke-', printed once over them) is the header's last
    row, left in the body by the parser: it gives each column its year or its place in the plan.
    A column numbering row ('1 | 2 | 3 ...' under labels of their own) is not."""
    out = list(paths)
    for row in table.body[:MAX_YEAR_ROWS]:
        labels = {c.col: " ".join(c.text.split()) for c in row if c.text.strip()}
        if len(labels) < 2 or any(c >= len(out) or not out[c] for c in labels):
            break
        years = {c for c, t in labels.items() if YEAR_LABEL.match(t)}
        ordinals = {c: int(t) for c, t in labels.items() if t.isdigit() and 1 <= int(t) <= MAX_ORDINAL}
        if len(years) + len(ordinals) < len(labels) or not _group_ordinals(ordinals, out):
            break
        for col, label in labels.items():
            out[col] = f"{out[col]} / {label.strip('() ')}"
    return out


def _group_ordinals(ordinals: dict[int, int], paths: list[str]) -> bool:
    """Ordinals count 1, 2, 3 ... across columns printed under one label (none: nothing to check)."""
    for path in {paths[c] for c in ordinals}:
        cols = sorted(c for c in ordinals if paths[c] == path)
        if sum(1 for p in paths if p == path) < 2 or [ordinals[c] for c in cols] != list(range(1, len(cols) + 1)):
            return False
    return True


def with_unit_row(table: Table, paths: list[str]) -> list[str]:
    """A first body row of bare unit labels ('(Rp.)' | '%' under 'Realisasi / Keuangan') is the
    header's last row, left in the body by the parser: it tells an amount from its percentage."""
    if not table.body:
        return paths
    labels = {c.col: " ".join(c.text.split()) for c in table.body[0] if c.text.strip()}
    if len(labels) < 2 or not all(UNIT_LABEL.match(t) for t in labels.values()):
        return paths
    out = list(paths)
    for col, label in labels.items():
        if col < len(out) and out[col]:
            out[col] = f"{out[col]} / {label}"
    return out


MAX_GROUP = 4  # sub-columns a repeated group holds ('Target | Realisasi | %' under each year)


def without_heads_past_year_restart(paths: list[str]) -> list[str]:
    """Side-by-side columns under one head whose years go back (2016 .. 2020, then 2016 again;
    2023, 2024, then 2020 .. 2024): a text dump spread a group label over a neighbouring
    group's years. The head stays over its longest run of years; the other runs lose its
    lowest label ('Realisasi' over 'Anggaran 2023') and read by what stands above it."""
    out = list(paths)
    dated = [_head_year(p) for p in paths]
    for group in _dated_groups(dated):
        runs = _year_runs(group, dated)
        longest = max(len(r) for r in runs)
        if len(runs) < 2 or sum(len(r) == longest for r in runs) > 1:
            continue
        parent = dated[group[0]][0].rpartition(" / ")[0]
        for k in (k for r in runs if len(r) < longest for k in r):
            leaf = paths[k].rpartition(" / ")[2]
            out[k] = f"{parent} / {leaf}" if parent else leaf
    return out


MIN_HEAD_RUN = 3  # dated columns under one head a bare year before them must lead into


def with_run_heads(paths: list[str]) -> list[str]:
    """A bare year just before a run of years under one head that it starts ('2022 | TARGET KINERJA
    / 2023 | ... / 2026': a label centred over the group missed its first column) is under that
    head too."""
    out = list(paths)
    dated = [_head_year(p) for p in paths]
    for i, path in enumerate(paths):
        if not (YEAR.fullmatch(path.strip()) and dated[i][1]):
            continue
        run = range(i + 1, i + 1 + MIN_HEAD_RUN)
        if all(j < len(paths) and dated[j][0] and dated[j][0] == dated[i + 1][0]
               and dated[j][1] == dated[i][1] + (j - i) for j in run):
            out[i] = f"{dated[i + 1][0]} / {path.strip()}"
    return out


BROKEN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{0,2})\s+(\d{1,2})(?!\d)")


def with_broken_years(paths: list[str]) -> list[str]:
    """A year a narrow header cell broke over two lines ('201 9' beside '2020 | 2021'): joined,
    where a neighbouring column names the year before or after it."""
    out = list(paths)
    for k, path in enumerate(paths):
        head, _, leaf = path.rpartition(" / ")
        m = BROKEN_YEAR.search(leaf)
        if m is None or len(m[1] + m[2]) != 4:
            continue
        year = int(m[1] + m[2])
        near = [_head_year(paths[j])[1] for j in (k - 1, k + 1) if 0 <= j < len(paths)]
        if any(y is not None and abs(y - year) == 1 for y in near):
            leaf = leaf[:m.start()] + str(year) + leaf[m.end():]
            out[k] = f"{head} / {leaf}" if head else leaf
    return out


def with_mended_leaf_years(paths: list[str]) -> list[str]:
    """'Target / 2025 | ... | 2028 | 2023 | 2030': a year that breaks a run of years under one head
    is mended (misprinted_years) before the run is taken to restart there."""
    out = list(paths)
    dated = [_head_year(p) for p in paths]
    for group in _dated_groups(dated):
        years = [dated[k][1] for k in group]
        for i, year in misprinted_years(years).items():
            head, _, leaf = out[group[i]].rpartition(" / ")
            leaf = leaf.replace(str(years[i]), str(year))
            out[group[i]] = f"{head} / {leaf}" if head else leaf
    return out


def _head_year(path: str) -> tuple[str, Optional[int]]:
    """A path's labels above its own, and the one year its own label names (None otherwise)."""
    head, _, leaf = path.rpartition(" / ")
    years = YEAR.findall(leaf)
    return head, int(years[0]) if len(years) == 1 else None


def _dated_groups(dated: list[tuple[str, Optional[int]]]) -> list[list[int]]:
    """Runs of two columns or more side by side under one head, each naming a year."""
    groups: list[list[int]] = []
    for i, (head, year) in enumerate(dated):
        if head and year and groups and groups[-1][-1] == i - 1 and dated[i - 1][0] == head:
            groups[-1].append(i)
        elif head and year:
            groups.append([i])
    return [g for g in groups if len(g) > 1]


def _year_runs(group: list[int], dated: list[tuple[str, Optional[int]]]) -> list[list[int]]:
    """The group cut where its years go back."""
    runs = [[group[0]]]
    for k in group[1:]:
        if dated[k][1] < dated[k - 1][1]:
            runs.append([])
        runs[-1].append(k)
    return runs


def with_year_groups(paths: list[str]) -> list[str]:
    """Groups of sub-columns repeated under each year ('2013 / Target | Realisasi | %', '2014 /
    ...') whose year a text dump placed over one member only (a centred label over narrow
    columns): the year is the whole group's."""
    leaves = [p.split(" / ")[-1] for p in paths]
    heads = [p.rsplit(" / ", 1)[0] if " / " in p else "" for p in paths]
    out = list(paths)
    for k in range(2, MAX_GROUP + 1):
        for start in range(len(paths) - 2 * k + 1):
            if leaves[start:start + k] != leaves[start + k:start + 2 * k]:
                continue
            for block in (range(start, start + k), range(start + k, start + 2 * k)):
                named = {heads[i] for i in block if heads[i]}
                if len(named) == 1 and YEAR.search(next(iter(named))):
                    head = named.pop()
                    for i in block:
                        if not heads[i]:
                            out[i] = f"{head} / {paths[i]}"
    return out


SIBLING_LIKENESS = 60  # rapidfuzz ratio above which a garbled sub-label is its siblings' one


def with_sibling_labels(paths: list[str]) -> list[str]:
    """Groups that repeat one set of sub-columns ('Triwulan 1 / Target | Realisasi | Capaian',
    'Triwulan 2 / ...', per K and Rp, per year) print the same sub-labels in the same order: a
    sub-label no sibling group prints, that most of them print alike at its place and that it
    resembles (an OCR misreading, 'Coens Kinerja Triwulan ini'), is theirs."""
    groups: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        if " / " in path:
            groups.setdefault(path.rsplit(" / ", 1)[0], []).append(i)
    sizes = Counter(len(cols) for cols in groups.values())
    out = list(paths)
    for size, n in sizes.items():
        if n < 3:
            continue  # two groups cannot outvote each other
        alike = [cols for cols in groups.values() if len(cols) == size]
        for k in range(size):
            leaves = [paths[cols[k]].rsplit(" / ", 1)[1] for cols in alike]
            usual, count = Counter(leaves).most_common(1)[0]
            if count * 2 <= len(alike):
                continue
            for cols, leaf in zip(alike, leaves):
                if leaf != usual and fuzz.ratio(leaf.lower(), usual.lower()) >= SIBLING_LIKENESS:
                    out[cols[k]] = paths[cols[k]].rsplit(" / ", 1)[0] + " / " + usual
    return out


def _periods_from_siblings(cols: list[Column]) -> list[Column]:
    """'TRIWULAN II / TARGET TW I', 'TRIWULAN II / %': the sub-columns' own triwulan outranks the
    group's (a copied group label), also for the sub-column that names none."""
    out = []
    for col in cols:
        if col.period and not col.period_in_leaf and " / " in col.path:
            parent = col.path.rsplit(" / ", 1)[0]
            own = {c.period for c in cols if c.period_in_leaf and c.path.rsplit(" / ", 1)[0] == parent}
            if len(own) == 1:
                col = replace(col, period=own.pop())
        out.append(col)
    return out


def _resolve_domain(col: Column, has_indicator: bool, has_budget_name: bool) -> Column:
    if col.role != "measure":
        return col
    money = col.domain == "anggaran" or col.unit == "rp"
    if col.measure in KINERJA_MEASURES and (money or (col.domain is None and has_budget_name and not has_indicator)):
        measure = AS_BUDGET[col.measure]
        return replace(col, measure=measure, domain="anggaran") if measure else replace(col, role="other")
    if col.measure in BUDGET_MEASURES:
        return replace(col, domain="anggaran")
    return replace(col, domain="kinerja")


def _resolve_bare_capaian(cols: list[Column]) -> list[Column]:
    """A bare 'Capaian' is the realised value unless its group also has a realisasi column (of its
    year; a 'Capaian' naming no year beside 'Tahun 2016 / Realisasi' is that realisasi's capaian)."""
    out = []
    for col in cols:
        if col.measure == "capaian_bare":
            group = indicator_for(cols, col.index)
            twin = any(c.measure == "realisasi" and (c.year == col.year or col.year is None)
                       and c.period == col.period and indicator_for(cols, c.index) == group for c in cols)
            col = replace(col, measure="capaian" if twin else "realisasi", bare=not twin)
        out.append(col)
    return out


def indicator_for(cols: list[Column], index: int) -> Optional[int]:
    """The indicator column a value column belongs to: the nearest one on its left (else the first)."""
    left = [c.index for c in cols if c.role == "indikator" and c.index < index]
    if left:
        return left[-1]
    anywhere = [c.index for c in cols if c.role == "indikator"]
    return anywhere[0] if anywhere else None


def name_column_for(cols: list[Column], index: int, roles: set[str]) -> Optional[int]:
    left = [c.index for c in cols if c.role in roles and c.index < index]
    return left[-1] if left else None
