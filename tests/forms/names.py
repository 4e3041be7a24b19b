"""The name pools (names.json, harvested by build_names.py) and a per-document picker.

A picker draws each name once per document and keeps names apart: two indicators (or two budget
items) of one document never come close enough for the GOLD.md scorer to take one for the
other (token_set_ratio >= 90), since a careful reader would not confuse them either.
"""

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz

NAMES = Path(__file__).resolve().parent / "names.json"
CLOSE = 88  # token_set_ratio at or above which two names of one document count as one
# glyphs the bundled font lacks, printed as the look-alikes real documents also use
LOOKALIKE = {"\u03a3": "\u2211", "\u0394": "\u2206"}

# the satuan a document prints for a unit (fact form -> printed forms)
SATUAN = {"%": ("%", "Persen", "persen", "%"), "indeks": ("Indeks", "indeks", "Indeks"),
          "nilai": ("Nilai", "nilai", "Poin"), "rasio": ("Rasio",), "level": ("Level",),
          "predikat": ("Predikat", "Nilai")}
# units a document spells with a capital when it prints them after the value
SATUAN_FACT = {"persen": "%", "poin": "poin"}

# graded indicators (scale of printing.GRADE_SCALES, satuan printed)
GRADED = [
    ("Nilai SAKIP Perangkat Daerah", "sakip", "Nilai"),
    ("Nilai Akuntabilitas Kinerja Instansi Pemerintah", "sakip", "Predikat"),
    ("Nilai Reformasi Birokrasi Perangkat Daerah", "sakip", "Nilai"),
    ("Tingkat Maturitas Penyelenggaraan SPIP", "level", "Level"),
    ("Tingkat Kapabilitas APIP", "level", "Level"),
    ("Nilai Keterbukaan Informasi Publik", "kip", "Predikat"),
    ("Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)", "spbe", "Indeks"),
    ("Predikat Kepatuhan Standar Pelayanan Publik", "ombudsman", "Predikat"),
    ("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "opini", "Opini"),
]

SUMBER_DATA = ["Laporan Kinerja Bidang", "Hasil Survei Kepuasan Masyarakat", "Aplikasi SIPD",
               "Laporan Hasil Evaluasi Inspektorat", "Data Sekretariat", "Badan Pusat Statistik",
               "Laporan Realisasi Kegiatan", "Laporan Hasil Evaluasi Kementerian PANRB",
               "Rekapitulasi data bidang teknis", "Laporan Keuangan Perangkat Daerah"]
UNITS_IN_CHARGE = ["Sekretariat", "Sub Bagian Perencanaan dan Keuangan", "Sub Bagian Umum dan Kepegawaian",
                   "Bidang Pelayanan", "Bidang Pengembangan", "Bidang Pengendalian dan Evaluasi",
                   "Bidang Data dan Informasi", "UPTD", "Kepala Bidang Teknis"]
LOCATIONS = ["{short}", "Kabupaten/Kota {short}", "Seluruh Kecamatan", "Kantor Dinas",
             "{short} dan sekitarnya", "Wilayah {short}", "Sekretariat"]
SUMBER_DANA = ["APBD", "DAU", "DAK", "APBD Provinsi", "DBHCHT"]


@dataclass(frozen=True)
class Region:
    name: str  # "Kabupaten Sleman", "Kota Medan", "Provinsi Jawa Barat"
    short: str  # "Sleman", "Medan", "Jawa Barat"
    level: str  # kabupaten | kota | provinsi

    @property
    def head(self) -> str:
        """The regional head who co-signs a PK."""
        title = {"kabupaten": "Bupati", "kota": "Wali Kota", "provinsi": "Gubernur"}[self.level]
        return f"{title} {self.short}"


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: Optional[str]  # fact form: "%", "indeks", "dokumen"
    satuan: str  # as a satuan column prints it: "Persen", "Indeks", "Dokumen"
    scale: str  # percent | index | score | count | ratio | grade:<scale>


@lru_cache(maxsize=1)
def pools() -> dict:
    data = json.loads(NAMES.read_text(encoding="utf-8"))
    for d in data["definitions"]:
        d["formula"] = printable(d["formula"])
    return data


def printable(text: str) -> str:
    for missing, printed in LOOKALIKE.items():
        text = text.replace(missing, printed)
    return " ".join(text.split())


def _scale(name: str, unit: str) -> str:
    if unit == "%":
        return "percent"
    if unit in ("indeks", "nilai", "poin", "skor"):
        # an index of satisfaction or a score runs to 100; a maturity index to 5
        return "score" if re.search(r"kepuasan|ikm|skm|nilai|skor", name, re.I) else "index"
    if unit == "rasio":
        return "ratio"
    return "count"


class Picker:
    """Draws the names of one document: each distinct, none close to another of its kind."""

    def __init__(self, rng: random.Random, long_names: bool = False):
        self.rng = rng
        self.long = long_names
        self.used: dict[str, list[str]] = {"indicator": [], "item": [], "sasaran": []}

    def _fresh(self, pool: list[str], kind: str, min_len: int = 0) -> str:
        """A name of the pool, far enough from those already drawn for this kind."""
        if self.long:
            longer = [n for n in pool if len(n) >= 60]
            pool = longer if len(longer) > 20 else pool
        for _ in range(200):
            name = self.rng.choice(pool)
            if len(name) < min_len:
                continue
            if all(fuzz.token_set_ratio(name.lower(), u.lower()) < CLOSE for u in self.used[kind]):
                self.used[kind].append(name)
                return name
        raise RuntimeError(f"no fresh {kind} name left")

    def region(self) -> Region:
        r = self.rng.choice(pools()["regions"])
        return Region(r["name"], r["short"], r["level"])

    def agency(self) -> str:
        return self.rng.choice(pools()["agencies"])

    def indicator(self, graded: bool = False) -> Indicator:
        if graded:
            candidates = [g for g in GRADED if all(fuzz.token_set_ratio(g[0].lower(), u.lower()) < CLOSE
                                                   for u in self.used["indicator"])]
            name, scale, satuan = self.rng.choice(candidates)
            self.used["indicator"].append(name)
            return Indicator(name, satuan.lower(), satuan, f"grade:{scale}")
        entries = {e["name"]: e["unit"] for e in pools()["indicators"]
                   if e["unit"] not in ("predikat", "level")}
        name = self._fresh(sorted(entries), "indicator")
        unit = entries[name]
        # a count unit prints capitalised ("Dokumen"), an abbreviation as it is ("opd", "km")
        printed = unit.title() if len(unit) > 3 else unit
        satuan = self.rng.choice(SATUAN.get(unit, (printed,)))
        return Indicator(name, SATUAN_FACT.get(satuan.lower(), satuan.lower()), satuan, _scale(name, unit))

    def definition(self) -> tuple[Indicator, str]:
        """An indicator with its printed formula: a real pair where one is left, else a formula
        of the usual shape for the indicator's kind."""
        pairs = [d for d in pools()["definitions"]
                 if all(fuzz.token_set_ratio(d["indicator"].lower(), u.lower()) < CLOSE
                        for u in self.used["indicator"]) and (len(d["indicator"]) >= 60 or not self.long)]
        if pairs and self.rng.random() < 0.5:
            d = self.rng.choice(pairs)
            self.used["indicator"].append(d["indicator"])
            unit = d["unit"]
            satuan = self.rng.choice(SATUAN.get(unit, (unit.title(),)))
            return Indicator(d["indicator"], SATUAN_FACT.get(satuan.lower(), satuan.lower()), satuan,
                             _scale(d["indicator"], unit)), d["formula"]
        ind = self.indicator()
        return ind, formula_for(ind, self.rng)

    def sasaran(self) -> str:
        return self._fresh(pools()["sasaran"], "sasaran")

    def program(self) -> str:
        return self._fresh(pools()["programs"], "item")

    def kegiatan(self) -> str:
        return self._fresh(pools()["kegiatan"], "item")

    def person(self) -> str:
        p = pools()["people"]
        core = f"{self.rng.choice(p['given'])} {self.rng.choice(p['family'])}".upper()
        before = self.rng.choice(p["before"])
        return f"{before + ' ' if before else ''}{core}, {self.rng.choice(p['after'])}"

    def rank(self) -> str:
        return self.rng.choice(pools()["people"]["ranks"])

    def nip(self) -> str:
        """An NIP as printed: birth date, appointment month, sex, sequence."""
        r = self.rng
        born = r.randint(1965, 1985)
        hired = born + r.randint(20, 28)
        return (f"{born}{r.randint(1, 12):02d}{r.randint(1, 28):02d} {hired}{r.randint(1, 12):02d} "
                f"{r.randint(1, 2)} 00{r.randint(1, 9)}")

    def choice(self, options: list[str], **fmt) -> str:
        return self.rng.choice(options).format(**fmt)


def formula_for(ind: Indicator, rng: random.Random) -> str:
    """A formula of the shape IKU decrees give an indicator of its kind."""
    head, _, rest = ind.name.partition(" ")
    rest = rest or ind.name
    base = " ".join(rest.split()[:2])
    if ind.scale == "percent":
        return rng.choice([f"Jumlah {rest} / Jumlah seluruh {base} x 100%",
                           f"({rest} yang tercapai / {rest} yang direncanakan) x 100%"])
    if ind.scale in ("index", "score"):
        return rng.choice([f"Jumlah nilai unsur {rest} / Jumlah unsur yang dinilai",
                           f"Nilai hasil penilaian {rest} pada tahun berjalan"])
    if ind.scale == "ratio":
        return f"Jumlah {rest} / Jumlah {base} yang tersedia"
    return rng.choice([f"Jumlah {rest} pada tahun berjalan", f"\u2211 {rest}"])
