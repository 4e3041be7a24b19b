"""Records from tables of real PDFs outside the gold (../shared/corpus/wild), read from their pages."""

from kinerja.extract.tables import read_tables
from kinerja.schema import Meta
from tests.parsers.real_pdfs import FAST
from tests.parsers.test_pdf_wild_tables import _pages
from tests.parsing import parse


def test_a_table_split_into_twin_columns_names_each_indicator_not_its_unit(tmp_path):
    """An LKjIP's Tabel 3.4 whose lower part has other rulings: the grid splits 'Indikator Kinerja',
    'Realisasi' and 'Capaian' in two, and the lower rows' units fall into the second indicator
    column."""
    doc = parse(_pages("lkjip_2022_pemprov_sumut.pdf", [23], tmp_path / "p.pdf"), FAST)
    indicators, _ = read_tables(doc, [], Meta(year=2022))
    names = {r.indicator for r in indicators}
    assert not names & {"Poin", "Nilai", "Persen"}
    after_header = {r.measure: (r.value.value, r.unit) for r in indicators
                    if r.indicator.startswith("Persentase gangguan ketentraman")}
    assert after_header == {"target": (92.0, "%"), "realisasi": (100.0, "%"), "capaian": (108.69, "%")}
