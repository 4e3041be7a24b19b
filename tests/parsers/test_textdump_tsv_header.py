"""Header rows of a tab-separated table: which rows under the first one still belong to the header."""

from pathlib import Path

import pytest

from kinerja.parsers.textdump.tsv import RawRow, split_header
from tests.forms import generate
from tests.parsing import parse


def _rows(*lines: str) -> list[RawRow]:
    return [RawRow(line_start=i + 1, line_end=i + 1, cells=line.split("\t")) for i, line in enumerate(lines)]


def test_a_row_of_years_under_the_labels_is_the_headers_last_row():
    # 'Kondisi Awal | Target' over '2022 | 2023' (a PK lampiran)
    header, numbering, body = split_header(_rows(
        "No\tSasaran Strategis\tIndikator Kinerja\tSatuan\tKondisi Awal\tTarget",
        "\t\t\t\t2022\t2023",
        "1.\tMeningkatnya mutu\tIndeks SPBE\tIndeks\t2,1\t2,5"))
    assert len(header) == 2 and numbering is None and len(body) == 1


@pytest.mark.parametrize("lines", [
    # a sub-label of several words
    ("Kode\tUrusan/Program/Kegiatan\tLokasi\tIndikator Kinerja\t\tPagu Indikatif (Rp)",
     "\t\t\tKeluaran Kegiatan (Output)\t\tAPBD",
     "\t\t\tTolok Ukur\tTarget\t",
     "2.12\tUrusan Kesehatan\t\t\t-\t5.388.156.632,00"),
    # a row of plan years under a header with no empty slot: a one-year Renstra evaluation
    ("No\tIndikator Kinerja\tTarget Renstra Perangkat Daerah\tRealisasi Capaian\tRasio Capaian",
     "\t\tTahun ke-1\tTahun ke-1\tTahun ke-1",
     "\t\t2016\t2016\t2016",
     "1\tJumlah Dokumen Hasil Kegiatan\t54 Dokumen\t55 Dokumen\t101,85"),
])
def test_rows_of_sub_labels_continue_the_header(lines):
    header, _, body = split_header(_rows(*lines))
    assert len(header) == 3 and len(body) == 1


def test_a_generated_pk_with_years_under_its_labels_gives_each_column_its_year(tmp_path: Path):
    g = generate("pk", "multipage", seed=0, out_dir=tmp_path)
    paths = parse(g.text_paths["markdown"]).tables()[0].column_paths
    assert any("Kondisi Awal" in p and p.endswith("2022") for p in paths)


def test_the_same_year_under_different_labels_names_each_column_apart(tmp_path: Path):
    # '2016' under 'Tahun ke-1' under 'Target' and again under 'Realisasi' is two labels, not a
    # span, and a year under a label is a level of its own, not the label's wrapped end
    g = generate("renstra_eval", "years1", seed=1, out_dir=tmp_path)
    paths = parse(g.text_paths["markdown"]).tables()[0].column_paths
    assert paths[2:5] == ["Target Renstra Perangkat Daerah / Tahun ke-1 / 2016",
                          "Realisasi Capaian / Tahun ke-1 / 2016", "Rasio Capaian / Tahun ke-1 / 2016"]
