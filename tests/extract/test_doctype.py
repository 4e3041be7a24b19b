"""Document types: each part of a file recognised from its title, the file typed by its main part."""

import pytest

from kinerja.extract.doctype import file_type, find_parts, title_type
from kinerja.schema import Document, Paragraph, Provenance, SourceFile, Table, Cell

from .seeds import IKU, LKJIP, PK, seed


def _doc(*texts: str, table_header: tuple[str, ...] = ()) -> Document:
    src = SourceFile(path="x.txt", sha256="0" * 64, format="text", size_bytes=0)
    blocks = [Paragraph(text=t, provenance=Provenance(file="x.txt", line_start=i + 1, line_end=i + 1))
              for i, t in enumerate(texts)]
    if table_header:
        cells = [Cell(text=h, row=0, col=j) for j, h in enumerate(table_header)]
        blocks.append(Table(provenance=Provenance(file="x.txt"), header_rows=[cells], n_cols=len(cells)))
    return Document(source=src, blocks=blocks)


def test_a_pk_seed_is_one_pk_part_from_its_first_block():
    parts = find_parts(seed(PK))
    assert parts[0].doc_type == "PK" and parts[0].first_block == 0
    assert parts[0].title == "PERJANJIAN KINERJA TAHUN 2023"
    assert file_type(seed(PK), parts)[0] == "PK"


def test_an_lkjip_seed_carries_its_lampiran_as_parts_in_order():
    parts = find_parts(seed(LKJIP))
    types = [p.doc_type for p in parts]
    assert types[:5] == ["LKjIP", "Renstra", "IKU", "PK", "PK-perubahan"]
    assert types.count("monev") == 4  # one monev report per triwulan
    assert all(a.last_block < b.first_block for a, b in zip(parts, parts[1:]))
    assert file_type(seed(LKJIP), parts) == ("LKjIP", 0.9)


def test_an_iku_decree_is_an_iku():
    assert file_type(seed(IKU), find_parts(seed(IKU)))[0] == "IKU"


@pytest.mark.parametrize("text, expected", [
    ("Lampiran 4. Perjanjian Kinerja Perubahan Tahun 2024 disertai dengan Berita Acara", ("PK-perubahan", True)),
    ("MONITORING DAN EVALUASI RENCANA AKSI KINERJA", ("monev", False)),
    ("Lampiran 5. Laporan Money Rencana Aksi TW 1 Tahun 2024", ("monev", True)),
    ("INDIKATOR KINERJA UTAMA (I K U)", ("IKU", False)),
    ("Pohon Kinerja", ("DO", False)),
    ("RENCANASTRATEGIS DINAS PENDIDIKAN KABUPATEN DELI SERDANG", ("Renstra", False)),  # OCR lost a space
    ("PERJANJIANKINERJA TAHUN 2024", ("PK", False)),
])
def test_titles_name_their_type(text, expected):
    assert title_type(text) == expected


@pytest.mark.parametrize("text", [
    "TARGET RENSTRA",                                   # a column header, not a title
    "2.5.1 Perjanjian Kinerja 2024",                    # a numbered section of the report
    "Tabel II.4 Perjanjian Kinerja Kepala Dinas",       # a table caption
    "sebagaimana tertuang dalam Renstra Dinas",         # running text naming a document
])
def test_mentions_of_a_type_are_not_titles(text):
    assert title_type(text) is None


def test_a_running_footer_does_not_split_the_file_into_parts():
    footer = "Laporan Kinerja Instansi Pemerintah ( LKjIP ) Tahun 2021"
    parts = find_parts(_doc(footer, "isi", footer, "isi", footer))
    assert [p.doc_type for p in parts] == ["LKjIP"]


def test_a_do_sheet_that_translates_a_renstra_is_the_renstra():
    doc = _doc("Pohon Kinerja", "Penerjemahan kedalam Renstra 2025-2029", "Definisi Operasional (DO)")
    parts = find_parts(doc)
    assert parts[0].doc_type == "DO"
    assert file_type(doc, parts)[0] == "Renstra"


def test_a_file_without_titles_is_typed_from_its_table_headers_with_low_confidence():
    doc = _doc("isi", table_header=("No", "Sasaran Strategis", "Indikator Kinerja", "Target"))
    (part,) = find_parts(doc)
    assert part.doc_type == "PK" and part.confidence < 0.5


def test_a_chapter_title_is_not_a_document_title():
    parts = find_parts(_doc("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2024", "BAB 2",
                            "PERENCANAAN DAN PERJANJIAN KINERJA", "isi"))
    assert [p.doc_type for p in parts] == ["LKjIP"]


def test_a_report_whose_cover_lost_its_title_is_typed_by_its_body():
    body = ["BADAN PENANGGULANGAN BENCANA", "IKHTISAR EKSEKUTIF"] + ["isi laporan"] * 20
    parts = find_parts(_doc(*body, "PERJANJIAN KINERJA BPBD PROVINSI JAWA BARAT", "isi"))
    assert [(p.doc_type, p.first_block) for p in parts] == [("LKjIP", 0), ("PK", 22)]
    assert parts[0].confidence < parts[1].confidence


def test_a_title_run_into_the_lines_under_it_is_read_from_its_first_line():
    # a text dump joins a centred title with the agency and year printed under it
    title = "RENCANA KERJA\nBADAN KESATUAN BANGSA DAN POLITIK KOTA CONTOH TAHUN 2024 " + "dan seterusnya " * 20
    assert [p.doc_type for p in find_parts(_doc(title, "isi"))] == ["Renja"]


def test_a_line_of_running_text_that_starts_with_a_documents_name_opens_no_part():
    # a double-spaced report prints each line as its own block, deep inside the document
    body = ["RENCANA STRATEGIS"] + ["isi laporan"] * 30
    sentence = "Renstra Sekretariat DPRD Kabupaten Contoh merupakan penjabaran"
    list_item = ["m. Menyusun konsep", "Laporan Kinerja Instansi Pemerintah (LKjIP) Sekretariat", "DPRD;"]
    parts = find_parts(_doc(*body, *list_item, "isi", sentence, "dari RPJMD", "isi"))
    assert [p.doc_type for p in parts] == ["Renstra"]


def test_a_title_in_mixed_case_inside_the_report_still_opens_its_part():
    body = ["LAPORAN KINERJA INSTANSI PEMERINTAH"] + ["isi laporan"] * 30
    parts = find_parts(_doc(*body, "Perjanjian Kinerja Tahun 2024", "Dinas Contoh", "isi"))
    assert [p.doc_type for p in parts] == ["LKjIP", "PK"]


@pytest.mark.parametrize("title", ["Perjanjian Kinerja Tahun 2024 setelah Perubahan", "Rencana Strategis periode 2021-2026"])
def test_a_mixed_case_title_with_its_small_words_still_opens_its_part(title):
    body = ["LAPORAN KINERJA INSTANSI PEMERINTAH"] + ["isi laporan"] * 30
    parts = find_parts(_doc(*body, title, "a. Sasaran pertama", "isi"))
    assert len(parts) == 2
