"""What a table's reader needs to know beyond the table: its year, the plan's last year, units the
document gives its indicators elsewhere, the number style, where records go (file, part)."""

from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from kinerja.normalize.names import name_key
from kinerja.schema import Cell, Provenance, Table

UNIT_NAME_CUTOFF = 92
MIN_PLAIN_RATIO = 70
LEAD_RATIO = 80
LABEL_WORDS = {"iku", "ikk", "iki", "ikd", "ik", "no"}  # an indicator's label before its number


@dataclass
class TableContext:
    file: str
    year: Optional[int] = None          # the single year the table speaks of, None when it names none
    renstra_end: Optional[int] = None   # last year of the plan period ("Target Akhir Renstra")
    stated_plan_end: Optional[int] = None  # the same from the report's text: for an 'akhir' column only
    plan_start: Optional[int] = None    # first year of the plan period ('Tahun ke-1')
    doc_style: Optional[str] = None     # 'id' / 'en' number style prevailing in the document
    part: Optional[int] = None
    units: dict[str, str] = field(default_factory=dict)  # normalised indicator name -> unit
    fallback_units: bool = True         # use `units` and '(%)' / 'x 100%' when a row states no unit
    printed_cols: Optional[list[int]] = None  # column as read -> as printed (kinerja_rupiah splits)

    def provenance(self, table: Table, row: int, col: int, cell: Optional[Cell]) -> Provenance:
        base = cell.provenance if cell is not None and cell.provenance is not None else table.provenance
        return Provenance(
            file=base.file or self.file, page=base.page, line_start=base.line_start, line_end=base.line_end,
            bbox=base.bbox, table=table.index, row=row, col=self.printed_col(col), pages=base.pages,
        )

    def printed_col(self, col: int) -> int:
        cols = self.printed_cols
        return cols[col] if cols is not None and 0 <= col < len(cols) else col

    def unit_for(self, indicator: str) -> Optional[str]:
        """The unit another table of the document gives the same indicator (names as printed)."""
        key = name_key(indicator)
        if key in self.units:
            return self.units[key]
        best, score = None, 0.0
        for other, unit in self.units.items():
            s = _name_similarity(key, other)
            if s > score:
                best, score = unit, s
        return best if score >= UNIT_NAME_CUTOFF else None


def _name_similarity(a: str, b: str) -> float:
    """Typos and an added qualifier ('Nilai RB PD' vs 'Nilai RB PD/Nilai Sakip PD') match; a short
    name inside a long one ('Indeks SPBE' in 'Indeks Domain Kebijakan Internal SPBE') does not."""
    if fuzz.ratio(a, b) < MIN_PLAIN_RATIO or not _same_lead(a, b):
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b))


def _same_lead(a: str, b: str) -> bool:
    """Names opening with the same measure word, typos aside ('Presentase' / 'Persentase'): a
    'Jumlah laporan pemantauan ...' is no 'Ketepatan waktu penyampaian laporan pemantauan ...'."""
    return fuzz.ratio(_lead(a), _lead(b)) >= LEAD_RATIO


def _lead(name: str) -> str:
    """The name's first word past its label and number ('IKU 4.2 Jumlah ...' -> 'jumlah')."""
    return next((w for w in name.split() if w not in LABEL_WORDS and not any(ch.isdigit() for ch in w)), "")
