"""Plain pdftotext dumps print paragraphs as lines of the page width with no blank line between
them: a title and the paragraphs under it are still told apart."""

import subprocess

import pytest

from tests.parsing import parse
from kinerja.parsers.textdump.hard_wrap import split_paragraph, wrap_width
from kinerja.schema import Heading

from ..conftest import CORPUS, PDFS

GROBOGAN = "lkjip_2021_dpupr_kab_grobogan"


@pytest.fixture(scope="module")
def raw_dump(tmp_path_factory):
    out = tmp_path_factory.mktemp("raw") / f"{GROBOGAN}.txt"
    subprocess.run(["pdftotext", str(PDFS / f"{GROBOGAN}.pdf"), str(out)], check=True)
    return out


def test_a_plain_pdftotext_dump_has_a_wrap_width(raw_dump):
    width = wrap_width(raw_dump.read_text(encoding="utf-8").split("\n"))
    assert width is not None and 40 <= width <= 140


def test_markdown_exports_with_one_line_paragraphs_have_none():
    for seed in CORPUS.glob("*.txt"):
        assert wrap_width(seed.read_text(encoding="utf-8").split("\n")) is None, seed.name


def test_a_line_ending_early_ends_its_paragraph():
    lines = [(1, "Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap"),
             (2, "indikator kinerja sasaran."),
             (3, "Hasil pengukuran tersebut disajikan dalam tabel berikut ini beserta penjelasan")]
    assert [[n for n, _ in part] for part in split_paragraph(lines, 80)] == [[1, 2], [3]]


def test_a_capitalised_title_is_cut_from_the_text_below():
    lines = [(1, "BAB II PERENCANAAN KINERJA"),
             (2, "Perencanaan kinerja merupakan proses penyusunan rencana kinerja sebagai penjabaran")]
    assert len(split_paragraph(lines, 85)) == 2


def test_a_wrapped_line_ending_on_a_joining_word_continues():
    lines = [(1, "Program ini dilaksanakan oleh Bidang Bina Marga dan"),
             (2, "Bidang Cipta Karya pada tahun anggaran berjalan.")]
    assert len(split_paragraph(lines, 80)) == 1


def test_chapter_titles_of_a_raw_dump_become_headings(raw_dump):
    headings = [b.text for b in parse(raw_dump).blocks if isinstance(b, Heading)]
    assert any(h.upper().startswith("BAB") for h in headings)


def test_a_title_printed_over_several_lines_stays_one():
    lines = [(1, "BAB I"), (2, "PENDAHULUAN")]
    assert len(split_paragraph(lines, 75)) == 1


def test_a_wrapped_paragraph_reads_as_one_run_of_text(raw_dump):
    from kinerja.schema import Paragraph

    paragraphs = [b.text for b in parse(raw_dump).blocks if isinstance(b, Paragraph)]
    long = [t for t in paragraphs if len(t) > 300]
    assert long and not any("\n" in t for t in long)


def test_a_layout_dump_prose_is_unwrapped_too(tmp_path):
    out = tmp_path / f"{GROBOGAN}.txt"
    subprocess.run(["pdftotext", "-layout", str(PDFS / f"{GROBOGAN}.pdf"), str(out)], check=True)
    assert wrap_width(out.read_text(encoding="utf-8").split("\n")) is not None


def test_a_lettered_item_after_a_short_line_starts_anew():
    lines = [(1, "Diukur dengan indikator sebagai berikut :"),
             (2, "a. Indeks Domain Kebijakan Internal SPBE, Formulasi Perhitungan :")]
    assert len(split_paragraph(lines, 100)) == 2
