"""Rebuild names.json: the name pools of the form generator, harvested from real documents.

    python -m tests.forms.build_names [--shared ../shared/corpus]

Sources: the gold facts (indicators with their units, budget items, definitions with formulas,
agencies), the tab-separated tables of corpus/*.txt, and the text layer (`pdftotext -layout`)
of the real PDFs in ../shared/corpus/pdf and ../shared/corpus/wild, whose table cells are cut
out of the page lines by runs of spaces, a cell wrapped over lines being joined back. Regions
come from the Kemendagri list in ../shared/reference. Person names (signatories) are a fixed
list: no document is needed for them. The generator reads only names.json, never ../shared.
"""

import argparse
import csv
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
OUT = HERE / "names.json"

INDICATOR_HEADS = ("persentase", "presentase", "prosentase", "indeks", "jumlah", "nilai", "cakupan",
                   "rasio", "tingkat", "angka", "proporsi", "prevalensi", "rata-rata",
                   "predikat", "opini", "laju", "luas", "panjang")
SASARAN_HEADS = ("meningkatnya", "terwujudnya", "menurunnya", "tercapainya", "terpenuhinya",
                 "terselenggaranya", "berkurangnya", "terjaminnya", "terkendalinya", "tersedianya",
                 "optimalnya", "terwujud", "meningkat", "termanfaatkannya", "terlaksananya",
                 "menguatnya", "terciptanya", "terlindunginya", "membaiknya")
KEGIATAN_HEADS = ("penyediaan", "pengelolaan", "penyelenggaraan", "pemeliharaan", "pengadaan",
                  "penyusunan", "pelaksanaan", "pembangunan", "rehabilitasi", "koordinasi",
                  "fasilitasi", "monitoring", "administrasi", "perencanaan", "sosialisasi",
                  "pembinaan", "pengembangan", "pendataan", "penguatan", "pengawasan", "pemantauan",
                  "kegiatan", "penetapan", "penerbitan", "peningkatan", "pengendalian", "penanganan")
# a cell cut by a column wrap ends on one of these
DANGLING = {"dan", "yang", "di", "pada", "dengan", "untuk", "ke", "dari", "oleh", "serta", "atau",
            "dalam", "bagi", "terhadap", "melalui", "per", "sesuai", "se", "the", "of", "&", "antar",
            "tentang", "kepada", "secara", "sebagai", "atas", "guna", "menurut", "lingkup", "kab/kota"}
COUNT_UNITS = ("dokumen", "orang", "unit", "kegiatan", "laporan", "paket", "aplikasi", "desa",
               "kecamatan", "titik", "lokasi", "kali", "sekolah", "OPD", "perangkat daerah", "berkas",
               "bulan", "kelompok", "layanan", "sistem", "buah", "ruas", "km", "ha", "event", "naskah")
# what a "Jumlah X" counts in, by X
COUNTED = {"peserta": "orang", "pegawai": "orang", "aparatur": "orang", "asn": "orang", "anak": "orang",
           "masyarakat": "orang", "penduduk": "jiwa", "warga": "orang", "tenaga": "orang",
           "opd": "opd", "pd": "opd", "website": "website", "konten": "konten", "rekomendasi": "rekomendasi",
           "izin": "izin", "perizinan": "izin", "investor": "investor", "koperasi": "koperasi",
           "umkm": "umkm", "pelaku": "orang", "kunjungan": "kunjungan", "wisatawan": "orang",
           "kasus": "kasus", "kejadian": "kejadian", "produk": "produk", "embung": "unit",
           "jembatan": "unit", "rumah": "unit", "sarana": "unit", "kendaraan": "unit"}
GENERIC_COUNTS = ("kegiatan", "unit", "dokumen", "laporan")
UNIT_WORDS = {"persen": "%", "%": "%", "indeks": "indeks", "nilai": "nilai", "poin": "poin",
              "rasio": "rasio", "level": "level", "predikat": "predikat", "skor": "skor"}

GIVEN = ["Ahmad", "Budi", "Siti", "Dewi", "Agus", "Hendra", "Rina", "Bambang", "Sri", "Yusuf",
         "Nur", "Eko", "Wahyu", "Dian", "Rudi", "Fitri", "Arief", "Indah", "Joko", "Lestari",
         "Muhammad", "Putu", "Made", "Ketut", "Andi", "Hasanuddin", "Teguh", "Retno", "Yohanes",
         "Maria", "Imam", "Suryani", "Darmawan", "Ratna", "Fajar", "Hadi", "Kurniawan", "Novi",
         "Heru", "Asep", "Ujang", "Dedi", "Rahmat", "Syamsul", "Marthen", "Ni Luh", "I Gede",
         "Abdul", "Zulkifli", "Herman", "Erna", "Wiwik", "Slamet", "Tri", "Bayu", "Rizal"]
FAMILY = ["Santoso", "Wijaya", "Hidayat", "Saputra", "Nasution", "Siregar", "Harahap", "Simanjuntak",
          "Pratama", "Setiawan", "Kusuma", "Lubis", "Gunawan", "Purnomo", "Rahman", "Hakim",
          "Sitompul", "Manurung", "Tambunan", "Wibowo", "Susanto", "Prasetyo", "Hartono", "Sinaga",
          "Pangaribuan", "Rumbiak", "Mandagi", "Lumban Gaol", "Sembiring", "Ginting", "Daulay",
          "Suharto", "Mahmud", "Rasyid", "Syahputra", "Batubara", "Tanjung", "Pane", "Effendi"]
TITLES_BEFORE = ["", "", "", "Drs.", "Dr.", "Ir.", "H.", "Hj.", "dr.", "Drs. H."]
TITLES_AFTER = ["S.STP., M.A.P", "S.Sos., M.Si", "S.E., M.M", "S.H., M.H", "S.T., M.T", "M.Si",
                "S.Kom., M.Kom", "S.Pd., M.Pd", "M.Kes", "S.IP", "S.E", "M.M", "S.Kom", "M.Ec.Dev"]
RANKS = ["PEMBINA UTAMA MUDA", "PEMBINA TINGKAT I", "PEMBINA", "PEMBINA UTAMA MADYA"]


def squash(text: str) -> str:
    return " ".join(text.split())


def clean_name(text: str) -> str:
    """A harvested cell as a name: list markers and stray punctuation off, white space single."""
    text = squash(text.replace("\u00ad", ""))
    text = re.sub(r"^(?:\(?[0-9a-zA-Z]{1,3}[.)]\s*)+(?=\w)", "", text)
    text = re.sub(r"^[-\u2022*\u2013]\s*", "", text)
    return text.strip(" ;:,.")


# prose, not a cell: a sentence cut into the table's column
PROSE = re.compile(r"\. |\b(?:sebesar|yaitu|antara lain|merupakan|bertujuan|ini|adalah|terdapat|"
                   r"ditandai|dengan (?:indikator|sasaran|target)|masih|sebagaimana|tersebut|meliputi|"
                   r"dapat|dibandingkan|terdiri|melalui kegiatan|yang mendukung|dalam upaya|"
                   r"sebagai berikut|dibiayai)\b", re.I)
# a table's header or a heading caught as a program name
NOT_PROGRAM = re.compile(r"&|\bkegiatan\b|\bindikator\b|\bgenerik\b|\banggaran\b|\bteknis \d", re.I)
BROKEN = {"nya", "an", "kan", "i", "ka", "ng"}  # syllables split off by a narrow column


def good_name(text: str, min_words: int = 3) -> bool:
    """Whole, printable names only: no wrapped-off tails, money, leaders or broken words."""
    words = text.split()
    if not (min_words <= len(words) <= 18 and 12 <= len(text) <= 130 and text[0].isupper()):
        return False
    if words[-1].lower() in DANGLING or len(words[-1]) == 1 or text[-1] in "-/(,&":
        return False
    if PROSE.search(text) or BROKEN & {w.lower() for w in words} or _repeats(words):
        return False
    if re.search(r"\d{4,}|\.\.\.|\t|:|\d[.,]\d{3}|\bRp\b|[^\x20-\x7e\u00b2\u00b3]", text):
        return False
    if text.count("(") != text.count(")") or re.search(r"\w- \w", text):
        return False
    return not re.search(r"\b(?:tabel|gambar|halaman|bab|lampiran)\b", text, re.I)


def _repeats(words: list[str]) -> bool:
    """A phrase printed twice over ("pelayanan administrasi perkantoran pelayanan ...")."""
    grams = [" ".join(words[i:i + 3]).lower() for i in range(len(words) - 2)]
    return len(grams) != len(set(grams))


# ---- gold facts and corpus tables -------------------------------------------------------------

def gold_rows(shared: Path) -> list[dict]:
    rows = []
    for path in sorted((shared / "corpus" / "gold").glob("*.facts.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def corpus_tables(corpus: Path) -> list[list[list[str]]]:
    """The tab-separated runs of lines of each text dump, as lists of rows of cells."""
    tables = []
    for path in sorted(corpus.glob("*.txt")):
        run: list[list[str]] = []
        for line in path.read_text(encoding="utf-8").splitlines() + [""]:
            if "\t" in line:
                run.append([clean_name(re.sub(r"<[^>]+>", " ", c)) for c in line.split("\t")])
            elif run:
                tables.append(run)
                run = []
    return tables


def satuan_pairs(tables: list) -> list[tuple[str, str]]:
    """(indicator, satuan) from tables whose header names both columns."""
    pairs = []
    for rows in tables:
        head = [c.lower() for c in rows[0]]
        ind = next((i for i, c in enumerate(head) if c.startswith("indikator")), None)
        sat = next((i for i, c in enumerate(head) if c.startswith("satuan")), None)
        if ind is None or sat is None:
            continue
        pairs += [(r[ind], r[sat]) for r in rows[1:] if len(r) > max(ind, sat) and r[ind] and r[sat]]
    return pairs


# ---- text layer of the real PDFs ---------------------------------------------------------------

def pdf_cells(pdf: Path) -> list[str]:
    """Cells of the page lines (runs of 2+ spaces split them), a cell continued on the next
    line at the same indent and starting lower-case being joined to it."""
    try:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    cells: list[str] = []
    open_cells: dict[int, int] = {}  # start column -> index in cells, of the previous line
    for line in text.splitlines():
        now: dict[int, int] = {}
        for m in re.finditer(r"\S+(?: \S+)*", line):
            start, piece = m.start(), m.group()
            prev = next((open_cells[c] for c in range(start - 2, start + 3) if c in open_cells), None)
            continues = prev is not None and (piece[0].islower() or
                                              cells[prev].split()[-1].lower() in DANGLING)
            if continues:
                cells[prev] += " " + piece
                now[start] = prev
            else:
                cells.append(piece)
                now[start] = len(cells) - 1
        open_cells = now
    return cells


def classify(cells: list[str], pools: dict) -> None:
    for raw in cells:
        name = clean_name(raw)
        head = name.split(" ", 1)[0].lower()
        if not good_name(name):
            continue
        if head == "program" and not re.match(r"program\s*/", name, re.I) and not NOT_PROGRAM.search(name):
            pools["programs"].add(name)
        elif head in INDICATOR_HEADS:
            pools["indicators"].setdefault(name, None)
        elif head in SASARAN_HEADS:
            pools["sasaran"].add(name)
        elif head in KEGIATAN_HEADS and len(name) >= 20:
            pools["kegiatan"].add(name)


# ---- units ---------------------------------------------------------------------------------------

def unit_of(name: str, known: dict) -> str:
    """The satuan a document would print beside the indicator: a known one, else one the name
    calls for (a percentage, an index, a count of the thing it counts)."""
    if known.get(name.lower()):
        return known[name.lower()]
    low = name.lower()
    head = low.split(" ", 1)[0]
    printed = re.search(r"\(([a-z ]{2,12})\)$", low)  # "Jumlah Peralatan ... (Unit)"
    if printed and head == "jumlah" and printed.group(1) in COUNT_UNITS + tuple(COUNTED.values()):
        return printed.group(1)
    if head == "rata-rata" and "persentase" in low:
        return "%"
    if head in ("persentase", "presentase", "prosentase", "cakupan", "proporsi", "prevalensi",
                "capaian", "laju", "angka"):
        return "%"
    if head in ("predikat", "opini"):
        return "predikat"
    if head == "tingkat":
        return "level" if re.search(r"maturitas|kematangan|kapabilitas", low) else "%"
    if head in ("indeks", "nilai", "rasio"):
        return head
    if head in ("luas", "panjang"):
        return "ha" if head == "luas" else "km"
    words = low.split()
    for word in words[1:3]:
        if word in COUNTED:
            return COUNTED[word]
        if word in COUNT_UNITS:
            return word
    return GENERIC_COUNTS[sum(map(ord, low)) % len(GENERIC_COUNTS)]  # a stable pick


# ---- agencies, regions -----------------------------------------------------------------------

# the standard perangkat daerah (PP 18/2016 nomenclature), beside those the gold names
STANDARD_AGENCIES = [
    "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman", "Dinas Sosial", "Dinas Tenaga Kerja",
    "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perhubungan", "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi, Usaha Kecil dan Menengah", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Pemuda dan Olahraga", "Dinas Kebudayaan dan Pariwisata", "Dinas Perpustakaan dan Kearsipan",
    "Dinas Perikanan", "Dinas Pertanian dan Ketahanan Pangan", "Dinas Perdagangan dan Perindustrian",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Satuan Polisi Pamong Praja", "Badan Perencanaan Pembangunan Daerah", "Badan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Penanggulangan Bencana Daerah", "Badan Kesatuan Bangsa dan Politik", "Inspektorat Daerah",
]


def agency_bases(rows: list[dict]) -> list[str]:
    """Agency names without their region ("Dinas Komunikasi dan Informatika")."""
    out = set(STANDARD_AGENCIES)
    for r in rows:
        if r.get("kind") == "meta" and r.get("field") == "agency":
            out.add(re.split(r"\s+(?:Kabupaten|Kota|Provinsi)\s", r["value"] + " ")[0].strip())
    return sorted(out)


def regions(shared: Path) -> list[dict]:
    """Real kabupaten, kota and provinsi names (Kepmendagri list), without the Jakarta
    administrative ones and the two provinces whose name is not 'Provinsi X'."""
    path = shared / "reference" / "wilayah_prov_kabkota_kepmendagri_300.2.2-2430_2025.csv"
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name, level = squash(row["nama"]), row["level"]
            if "Administrasi" in name or name.startswith("Daerah"):
                continue
            short = name if level == "provinsi" else name.split(" ", 1)[1]
            full = f"Provinsi {name}" if level == "provinsi" else name
            out.append({"name": full, "short": short, "level": level})
    return out


# ---- all together ----------------------------------------------------------------------------------

def build(shared: Path) -> dict:
    rows = gold_rows(shared)
    tables = corpus_tables(REPO / "corpus")
    pools = {"indicators": {}, "programs": set(), "kegiatan": set(), "sasaran": set()}
    known_units: dict[str, str] = {}
    for r in rows:
        if r.get("kind") == "indicator" and r.get("source") == "table" and good_name(r["indicator"], 2):
            pools["indicators"].setdefault(r["indicator"], None)
            if r.get("unit") and r["measure"] != "capaian":
                known_units.setdefault(r["indicator"].lower(), r["unit"])
        if r.get("kind") == "budget" and good_name(r["item"], 2):
            head = r["item"].split(" ", 1)[0].lower()
            if head == "program" and not NOT_PROGRAM.search(r["item"]):
                pools["programs"].add(r["item"])
            elif head in KEGIATAN_HEADS:
                pools["kegiatan"].add(r["item"])
    for ind, sat in satuan_pairs(tables):
        if good_name(ind, 2):
            pools["indicators"].setdefault(ind, None)
            known_units.setdefault(ind.lower(), UNIT_WORDS.get(sat.lower(), sat.lower()))
    all_cells = [c for t in tables for r in t for c in r]
    for folder in ("pdf", "wild"):
        for pdf in sorted((shared / "corpus" / folder).glob("*.pdf")):
            all_cells += pdf_cells(pdf)
    classify(all_cells, pools)
    definitions = sorted({(r["indicator"], r["formula"]) for r in rows
                          if r.get("kind") == "definition" and r.get("formula")
                          and good_name(r["indicator"], 2) and len(r["formula"]) < 160})
    return {
        "about": __doc__.split("\n\n")[0],
        "indicators": [{"name": n, "unit": unit_of(n, known_units)} for n in _uniq(pools["indicators"])],
        "definitions": [{"indicator": i, "formula": f, "unit": "%" if re.search(r"100\s*%", f)
                         else unit_of(i, known_units)} for i, f in definitions],
        "sasaran": _uniq(pools["sasaran"]),
        "programs": _uniq(pools["programs"]),
        "kegiatan": _uniq(pools["kegiatan"]),
        "agencies": agency_bases(rows),
        "regions": regions(shared),
        "people": {"given": GIVEN, "family": FAMILY, "before": TITLES_BEFORE, "after": TITLES_AFTER,
                   "ranks": RANKS},
    }


def _uniq(names) -> list[str]:
    """Sorted, one spelling per case-folded name."""
    seen: dict[str, str] = {}
    for n in sorted(names):
        seen.setdefault(squash(n).casefold(), squash(n))
    return sorted(seen.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    data = build(args.shared)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in data.items() if isinstance(v, list)}, "->", OUT)


if __name__ == "__main__":
    main()
