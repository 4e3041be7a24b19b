"""The forms' column grammars, as data: per form and header style, the leaf columns top to bottom.

A template `C(role, "Group > Label > {year}", year=..., each=..., opt=...)`:
  - role: a text role ("no", "sasaran", "indicator", "unit", "name", "kode", "formula", ...) or value
    roles ("ind.target", "bud.anggaran"); "ind.target&bud.anggaran" is a K/Rp pair, printed as two
    columns K | Rp under the path, or as one cell with K over Rp when the document stacks them;
    "~renstra" after a role keeps its values apart from the same measure's (Renstra-to-date
    realisation beside the year's); a column whose path says 's/d' (a realisation to a date)
    prints its values but states no fact (model._to_date);
  - path: the header labels top to bottom, " > " between rows; {year} the column's year, {tw} its
    triwulan (I..IV), {n} its place in the years (Tahun ke-{n}), {Y} the document's year;
  - year: "Y", "Y-1", "Y+1" (the document's year), "F", "F-1", "L" (first, before-first and last of
    the period's years); each: "years" / "prev" (the years before Y) / "tw" repeats the column;
  - opt: the column is printed only when the document includes that option.
`Each(each, [...])` repeats a group of columns (year-major blocks: 2022 Target | Realisasi | ...).
Style names: the number of header rows the grammar means ("1", "2", "3"), "y" when years head
the measures. The header grammars follow PermenPANRB 53/2014 (PK, IKU, LKjIP) and Permendagri
86/2017 (Renja and Renstra evaluation, Renja and Renstra matrices, RKA/DPA 2.2).
"""

from dataclasses import dataclass
from typing import Optional, Union

from .model import Column

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class C:
    role: str
    path: str
    year: Optional[str] = None
    each: Optional[str] = None
    opt: Optional[str] = None
    w: float = 1.0


@dataclass(frozen=True)
class Each:
    each: str
    columns: tuple


Template = Union[C, Each]

NO = C("no", "No", w=0.35)
SASARAN = C("sasaran", "Sasaran Strategis", w=2.6)
INDICATOR = C("indicator", "Indikator Kinerja", w=2.6)
SATUAN = C("unit", "Satuan", opt="unit", w=0.75)
PROGRAM = C("name", "Program", w=4)
NAME = C("name", "Program/Kegiatan", w=4)
KODE = C("kode", "Kode", w=0.9)
PJ = C("pj", "Penanggung Jawab", w=1.2)
RENJA_EVAL_HEAD = [NO, C("sasaran", "Sasaran", w=1.6), KODE,
                   C("name", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", w=2.2),
                   C("indicator", "Indikator Kinerja Program (outcome)/ Kegiatan (output)", w=2.2)]
RENJA_EVAL_TAIL = [C("pj", "Unit Perangkat Daerah Penanggung Jawab", w=1.1), C("ket", "Keterangan", w=0.9)]
RENSTRA_PROGRAM_HEAD = [KODE, C("name", "Program dan Kegiatan", w=2.2),
                        C("indicator", "Indikator Kinerja Program (outcome) dan Kegiatan (output)", w=2.2)]
RENSTRA_PROGRAM_TAIL = [C("pj", "Unit Kerja Penanggung Jawab", w=1.1), C("lokasi", "Lokasi", w=0.9)]
DPA_HEAD = [C("kode_p", "Kode > Program", w=0.6), C("kode_k", "Kode > Kegiatan", w=0.6),
            C("name", "Uraian", w=3),
            C("lokasi", "Lokasi Kegiatan", w=1), C("ind.target", "Target Kinerja > Kuantitas", year="Y"),
            C("unit", "Target Kinerja > Satuan", w=0.75)]
# the Permendagri 86/2017 evaluation's columns, in full and as shortened exports print them
PLAN_END = "Target Renstra Perangkat Daerah pada Tahun {year} (Akhir Periode Renstra)"
LAST_YEAR = ("Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja Perangkat Daerah "
             "Tahun Lalu ({year})")
THIS_YEAR = "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({year}) yang Dievaluasi"
DONE = "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi"
RATE = "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah yang Dievaluasi (%)"
PLAN_DONE = "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun {year}"
PLAN_RATE = "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d Tahun {year} (%)"
KRP_TARGET, KRP_DONE = "ind.target&bud.anggaran", "ind.realisasi&bud.realisasi"
KRP_RATE = "ind.capaian&bud.persen_realisasi"
KRP_PLAN_DONE = "ind.realisasi~renstra&bud.realisasi~renstra"
KRP_PLAN_RATE = "ind.capaian~renstra&bud.persen_realisasi~renstra"

LAYOUTS: dict[str, dict[str, list[Template]]] = {
    "pk_targets": {
        "1": [NO, SASARAN, INDICATOR, SATUAN,
              C("ind.baseline", "Baseline {year}", year="Y-1", opt="baseline"),
              C("ind.target", "Target", year="Y")],
        "2": [NO, SASARAN, INDICATOR, SATUAN,
              C("ind.baseline", "Kondisi Awal > {year}", year="Y-1", opt="baseline"),
              C("ind.target", "Target > {year}", year="Y")],
        "3": [NO, SASARAN, C("indicator", "Kinerja > Indikator Kinerja", w=2.6),
              C("unit", "Kinerja > Satuan", opt="unit", w=0.75),
              C("ind.baseline", "Kinerja > Baseline > {year}", year="Y-1", opt="baseline"),
              C("ind.target", "Kinerja > Target > Tahun {year}", year="Y")],
    },
    "pk_budget": {
        "1": [NO, PROGRAM, C("bud.anggaran", "Anggaran", year="Y", w=1.4), C("ket", "Keterangan", w=1.2)],
        "2": [NO, PROGRAM, C("bud.anggaran", "Anggaran > (Rp)", year="Y", w=1.4),
              C("ket", "Keterangan", w=1.2)],
        "3": [NO, PROGRAM, C("bud.anggaran", "Anggaran > Tahun {year} > (Rp)", year="Y", w=1.4),
              C("ket", "Keterangan", w=1.2)],
    },
    "iku": {
        "1": [NO, SASARAN, C("indicator", "Indikator Kinerja Utama", w=2.4), SATUAN,
              C("ind.target", "Target {year}", year="Y", opt="target"),
              C("formula", "Formula / Penjelasan", w=3), C("sumber", "Sumber Data", w=1.3), PJ],
        "2": [NO, SASARAN, C("indicator", "Indikator Kinerja Utama", w=2.4), SATUAN,
              C("ind.target", "Target > {year}", year="Y", opt="target"),
              C("formula", "Formula Perhitungan", w=3), C("sumber", "Sumber Data", w=1.3), PJ],
        "3": [NO, SASARAN, C("indicator", "Indikator Kinerja Utama > Uraian", w=2.4),
              C("unit", "Indikator Kinerja Utama > Satuan", opt="unit", w=0.75),
              C("ind.target", "Indikator Kinerja Utama > Target > {year}", year="Y", opt="target"),
              C("formula", "Penjelasan > Formula / Cara Pengukuran", w=3),
              C("sumber", "Penjelasan > Sumber Data", w=1.3), PJ],
    },
    "lkjip": {
        "1": [NO, SASARAN, INDICATOR, SATUAN, C("ind.target", "Target", year="Y"),
              C("ind.realisasi", "Realisasi", year="Y"), C("ind.capaian", "Capaian (%)", year="Y")],
        "2": [NO, SASARAN, INDICATOR, SATUAN, C("ind.target", "Tahun {year} > Target", year="Y"),
              C("ind.realisasi", "Tahun {year} > Realisasi", year="Y"),
              C("ind.capaian", "Tahun {year} > Capaian (%)", year="Y")],
        "3": [NO, SASARAN, INDICATOR, SATUAN,
              C("ind.target", "Pengukuran Kinerja > Tahun {year} > Target", year="Y"),
              C("ind.realisasi", "Pengukuran Kinerja > Tahun {year} > Realisasi", year="Y"),
              C("ind.capaian", "Pengukuran Kinerja > Tahun {year} > Capaian (%)", year="Y")],
    },
    "lkjip_years": {
        "1": [NO, SASARAN, INDICATOR, SATUAN, C("ind.realisasi", "Realisasi {year}", each="prev"),
              C("ind.target", "Target {year}", year="Y"), C("ind.realisasi", "Realisasi {year}", year="Y"),
              C("ind.capaian", "Capaian {year} (%)", year="Y")],
        "2": [NO, SASARAN, INDICATOR, SATUAN, C("ind.realisasi", "Realisasi > {year}", each="prev"),
              C("ind.target", "Target > {year}", year="Y"),
              C("ind.realisasi", "Realisasi > {year}", year="Y"),
              C("ind.capaian", "Capaian (%) > {year}", year="Y")],
        "2y": [NO, SASARAN, INDICATOR, SATUAN, C("ind.realisasi", "{year} > Realisasi", each="prev"),
               C("ind.target", "{year} > Target", year="Y"),
               C("ind.realisasi", "{year} > Realisasi", year="Y"),
               C("ind.capaian", "{year} > Capaian (%)", year="Y")],
        "3": [NO, SASARAN, INDICATOR, SATUAN,
              Each("years", (C("ind.target", "Capaian Kinerja > {year} > Target"),
                             C("ind.realisasi", "Capaian Kinerja > {year} > Realisasi"),
                             C("ind.capaian", "Capaian Kinerja > {year} > %")))],
    },
    "renja_eval": {
        "2": [*RENJA_EVAL_HEAD,
              C(KRP_TARGET, PLAN_END, year="L"),
              C(KRP_DONE, LAST_YEAR, year="Y-1"),
              C(KRP_TARGET, THIS_YEAR, year="Y"),
              C(KRP_DONE, "Realisasi Kinerja Pada Triwulan {tw}", each="tw"),
              C(KRP_DONE, DONE, year="Y"),
              C(KRP_RATE, RATE, year="Y"),
              C(KRP_PLAN_DONE, PLAN_DONE, year="Y", opt="renstra"),
              C(KRP_PLAN_RATE, PLAN_RATE, year="Y", opt="renstra"),
              *RENJA_EVAL_TAIL],
        "3": [*RENJA_EVAL_HEAD,
              C(KRP_TARGET, "Target Renstra pada Tahun {year}", year="L"),
              C(KRP_DONE, "Realisasi Capaian s/d Renja Tahun Lalu ({year})", year="Y-1"),
              C(KRP_TARGET, "Target Kinerja dan Anggaran Renja Tahun Berjalan ({year})", year="Y"),
              C(KRP_DONE, "Realisasi Kinerja Pada Triwulan > {tw}", each="tw"),
              C(KRP_DONE, "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi", year="Y"),
              C(KRP_RATE, "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)", year="Y"),
              C(KRP_PLAN_DONE, "Realisasi Kinerja dan Anggaran Renstra s/d Tahun {year}", year="Y",
                opt="renstra"),
              C(KRP_PLAN_RATE, "Tingkat Capaian Renstra s/d Tahun {year} (%)", year="Y", opt="renstra"),
              *RENJA_EVAL_TAIL],
    },
    "renstra_target": {
        "1": [NO, SASARAN, INDICATOR, SATUAN, C("ind.baseline", "Kondisi Awal {year}", year="F-1"),
              C("ind.target", "Target {year}", each="years"),
              C("ind.target", "Kondisi Akhir {year}", year="L")],
        "2": [NO, SASARAN, INDICATOR, SATUAN, C("ind.baseline", "Kondisi Awal > ({year})", year="F-1"),
              C("ind.target", "Target Kinerja pada Tahun ke- > {n}", each="years"),
              C("ind.target", "Kondisi Akhir > ({year})", year="L")],
        "2y": [NO, SASARAN, INDICATOR, SATUAN, C("ind.baseline", "Kondisi Awal > {year}", year="F-1"),
               C("ind.target", "Target > {year}", each="years"),
               C("ind.target", "Kondisi Akhir > {year}", year="L")],
        "3": [NO, SASARAN, INDICATOR, SATUAN,
              C("ind.baseline", "Kondisi Kinerja Awal > Tahun {year}", year="F-1"),
              C("ind.target", "Target Kinerja Sasaran pada Tahun ke- > {n} > ({year})", each="years"),
              C("ind.target", "Kondisi Kinerja Akhir > Tahun {year}", year="L")],
    },
    "renstra_program": {
        "1": [*RENSTRA_PROGRAM_HEAD,
              C("ind.baseline", "Kondisi Awal ({year})", year="F-1"),
              C(KRP_TARGET, "Target dan Pagu Indikatif {year}", each="years"),
              C("ind.target", "Kondisi Akhir ({year})", year="L"),
              *RENSTRA_PROGRAM_TAIL],
        "2": [*RENSTRA_PROGRAM_HEAD,
              C("ind.baseline", "Data Capaian pada Tahun Awal Perencanaan ({year})", year="F-1"),
              C(KRP_TARGET, "Target Kinerja Program dan Kerangka Pendanaan > Tahun-{n}", each="years"),
              C("ind.target", "Kondisi Kinerja pada Akhir Periode Renstra ({year})", year="L"),
              *RENSTRA_PROGRAM_TAIL],
        "3": [*RENSTRA_PROGRAM_HEAD,
              C("ind.baseline", "Kondisi Awal > {year}", year="F-1"),
              C(KRP_TARGET, "Target Kinerja dan Kerangka Pendanaan > {year}", each="years"),
              C("ind.target", "Kondisi Akhir > {year}", year="L"),
              *RENSTRA_PROGRAM_TAIL],
    },
    "renstra_eval": {
        "1": [NO, INDICATOR, SATUAN, C("ind.target", "Target {year}", each="years"),
              C("ind.realisasi", "Realisasi {year}", each="years"),
              C("ind.capaian", "Capaian {year} (%)", each="years")],
        "2": [NO, INDICATOR, SATUAN,
              C("ind.target", "Target Renstra Perangkat Daerah > {year}", each="years"),
              C("ind.realisasi", "Realisasi Capaian > {year}", each="years"),
              C("ind.capaian", "Rasio Capaian > {year}", each="years")],
        "2y": [NO, INDICATOR, SATUAN, Each("years", (C("ind.target", "{year} > Target"),
                                                     C("ind.realisasi", "{year} > Realisasi"),
                                                     C("ind.capaian", "{year} > Rasio (%)")))],
        "3": [NO, INDICATOR, SATUAN,
              C("ind.target", "Target Renstra Perangkat Daerah > Tahun ke-{n} > {year}", each="years"),
              C("ind.realisasi", "Realisasi Capaian > Tahun ke-{n} > {year}", each="years"),
              C("ind.capaian", "Rasio Capaian > Tahun ke-{n} > {year}", each="years")],
    },
    "renja_program": {
        "1": [KODE, C("name", "Urusan/Program/Kegiatan", w=2.6), C("lokasi", "Lokasi", w=1),
              C("indicator", "Indikator Kinerja", w=2.4), C("ind.target", "Target", year="Y"),
              C("bud.anggaran", "Pagu Indikatif (Rp)", year="Y", w=1.3),
              C("bud.anggaran", "Prakiraan Maju (Rp)", year="Y+1", w=1.3)],
        "2": [KODE, C("name", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", w=2.6),
              C("indicator", "Indikator Kinerja Program/Kegiatan", w=2.4),
              C("lokasi", "Rencana Tahun {Y} > Lokasi", w=1),
              C("ind.target", "Rencana Tahun {Y} > Target Capaian Kinerja", year="Y"),
              C("bud.anggaran", "Rencana Tahun {Y} > Kebutuhan Dana/ Pagu Indikatif", year="Y", w=1.3),
              C("sumber_dana", "Rencana Tahun {Y} > Sumber Dana", w=0.7),
              C("ind.target", "Prakiraan Maju Rencana Tahun {year} > Target Capaian Kinerja", year="Y+1"),
              C("bud.anggaran", "Prakiraan Maju Rencana Tahun {year} > Kebutuhan Dana/ Pagu Indikatif",
                year="Y+1", w=1.3)],
        "3": [KODE, C("name", "Urusan/Program/Kegiatan", w=2.6), C("lokasi", "Lokasi", w=1),
              C("indicator", "Indikator Kinerja > Keluaran Kegiatan (Output) > Tolok Ukur", w=2.4),
              C("ind.target", "Indikator Kinerja > Keluaran Kegiatan (Output) > Target", year="Y"),
              C("bud.anggaran", "Pagu Indikatif (Rp) > APBD", year="Y", w=1.3),
              C("bud.anggaran", "Prakiraan Maju (Rp)", year="Y+1", w=1.3)],
    },
    "rencana_aksi": {
        "1": [NO, SASARAN, C("name", "Program", opt="budget", w=2), INDICATOR, SATUAN,
              C("ind.target", "Target {year}", year="Y"), C("ind.target", "Target TW {tw}", each="tw"), PJ,
              C("bud.anggaran", "Anggaran (Rp)", year="Y", opt="budget", w=1.3)],
        "2": [NO, SASARAN, C("name", "Program", opt="budget", w=2), INDICATOR, SATUAN,
              C("ind.target", "Target Tahunan", year="Y"),
              C("ind.target", "Target Triwulan > {tw}", each="tw"),
              PJ, C("bud.anggaran", "Anggaran > (Rp)", year="Y", opt="budget", w=1.3)],
        "3": [NO, SASARAN, C("name", "Program", opt="budget", w=2), INDICATOR, SATUAN,
              C("ind.target", "Target > Tahun {year}", year="Y"),
              C("ind.target", "Target > Triwulan > {tw}", each="tw"), PJ,
              C("bud.anggaran", "Anggaran (Rp)", year="Y", opt="budget", w=1.3)],
    },
    "realisasi_anggaran": {
        "1": [NO, NAME, C("bud.anggaran", "Anggaran (Rp)", year="Y", w=1.4),
              C("bud.realisasi", "Realisasi (Rp)", year="Y", w=1.4),
              C("bud.persen_realisasi", "%", year="Y", w=0.6), C("bud.sisa", "Sisa (Rp)", year="Y", w=1.3)],
        "2": [NO, NAME, C("bud.anggaran", "Anggaran > (Rp)", year="Y", w=1.4),
              C("bud.realisasi", "Realisasi > (Rp)", year="Y", w=1.4),
              C("bud.persen_realisasi", "Realisasi > (%)", year="Y", w=0.6),
              C("bud.sisa", "Sisa Anggaran > (Rp)", year="Y", w=1.3)],
        "3": [NO, NAME, C("bud.anggaran", "Tahun Anggaran {Y} > Anggaran > (Rp)", year="Y", w=1.4),
              C("bud.realisasi", "Tahun Anggaran {Y} > Realisasi > (Rp)", year="Y", w=1.4),
              C("bud.persen_realisasi", "Tahun Anggaran {Y} > Realisasi > (%)", year="Y", w=0.6),
              C("bud.sisa", "Tahun Anggaran {Y} > Sisa Anggaran > (Rp)", year="Y", w=1.3)],
    },
    "apbd_perubahan": {
        "1": [NO, NAME, C("bud.anggaran_sebelum", "Sebelum Perubahan (Rp)", year="Y", w=1.4),
              C("bud.anggaran_sesudah", "Sesudah Perubahan (Rp)", year="Y", w=1.4),
              C("bud.selisih", "Bertambah/Berkurang (Rp)", year="Y", w=1.4)],
        "2": [NO, NAME, C("bud.anggaran_sebelum", "Anggaran (Rp) > Sebelum Perubahan", year="Y", w=1.4),
              C("bud.anggaran_sesudah", "Anggaran (Rp) > Sesudah Perubahan", year="Y", w=1.4),
              C("bud.selisih", "Bertambah/ (Berkurang) (Rp)", year="Y", w=1.4)],
        "3": [NO, NAME,
              C("bud.anggaran_sebelum", "APBD Tahun {Y} > Sebelum Perubahan > (Rp)", year="Y", w=1.4),
              C("bud.anggaran_sesudah", "APBD Tahun {Y} > Sesudah Perubahan > (Rp)", year="Y", w=1.4),
              C("bud.selisih", "APBD Tahun {Y} > Bertambah/Berkurang > (Rp)", year="Y", w=1.4)],
    },
    "dpa": {
        "1": [KODE, C("name", "Uraian", w=3), C("lokasi", "Lokasi Kegiatan", w=1),
              C("ind.target", "Target Kinerja (Kuantitatif)", year="Y"),
              C("sumber_dana", "Sumber Dana", w=0.7),
              C("bud.anggaran", "Jumlah Tahun {year} (Rp)", year="Y", w=1.3),
              C("bud.anggaran", "Jumlah Tahun {year} (Rp)", year="Y+1", w=1.3)],
        "2": [*DPA_HEAD,
              C("bud.anggaran", "Jumlah Tahun {year} (Rp)", year="Y-1", opt="prev", w=1.3),
              C("bud.anggaran", "Jumlah Tahun {year} (Rp)", year="Y", w=1.3),
              C("bud.anggaran", "Jumlah Tahun {year} (Rp)", year="Y+1", w=1.3)],
        "3": [*DPA_HEAD,
              C("bud.anggaran", "Rencana Anggaran > Jumlah (Rp) > Tahun {year}", year="Y-1", opt="prev",
                w=1.3),
              C("bud.anggaran", "Rencana Anggaran > Jumlah (Rp) > Tahun {year}", year="Y", w=1.3),
              C("bud.anggaran", "Rencana Anggaran > Jumlah (Rp) > Tahun {year}", year="Y+1", w=1.3)],
    },
}


@dataclass(frozen=True)
class Years:
    """The years a document's columns resolve against."""
    Y: int  # the document's year
    years: tuple[int, ...] = ()  # the period's years (Renstra) or the years a table shows

    def resolve(self, expr: Optional[str]) -> Optional[int]:
        if expr is None:
            return None
        base = {"Y": self.Y, "F": self.years[0] if self.years else self.Y,
                "L": self.years[-1] if self.years else self.Y}[expr[0]]
        return base + int(expr[1:] or 0)


def columns(grammar: str, style: str, years: Years, options: set[str], kpair: bool) -> list[Column]:
    """The leaf columns of a grammar's style for one document."""
    out: list[Column] = []
    for t in LAYOUTS[grammar][style]:
        if isinstance(t, Each):
            for year, period, n in _repeats(t.each, years):
                for c in t.columns:
                    out += _leaves(c, year, period, n, years, kpair)
        elif t.opt is None or t.opt in options:
            if t.each:
                for year, period, n in _repeats(t.each, years):
                    out += _leaves(t, year, period, n, years, kpair)
            else:
                out += _leaves(t, years.resolve(t.year), "annual", 0, years, kpair)
    return out


def _repeats(each: str, years: Years) -> list[tuple[int, str, int]]:
    if each == "tw":
        return [(years.Y, f"TW{i + 1}", i + 1) for i in range(4)]
    chosen = years.years if each == "years" else tuple(y for y in years.years if y < years.Y)
    return [(y, "annual", i + 1) for i, y in enumerate(chosen)]


def _leaves(t: C, year: Optional[int], period: str, n: int, years: Years, kpair: bool) -> list[Column]:
    tw = ROMAN[int(period[2]) - 1] if period.startswith("TW") else ""
    path = tuple(p.strip().format(year=year, tw=tw, n=n, Y=years.Y) for p in t.path.split(" > "))
    if "&" not in t.role:
        return [Column(t.role, path, year, period, t.w)]
    k, rp = t.role.split("&")
    if kpair:
        return [Column(k, path + ("K",), year, period, 0.8), Column(rp, path + ("Rp",), year, period, 1.3)]
    return [Column(f"{k}+{rp}", path, year, period, 1.3)]
