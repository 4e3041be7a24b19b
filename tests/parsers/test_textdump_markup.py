"""Markup inside dumped cells reads as plain text; the sources are the seeds' own strings."""

import pytest

from kinerja.parsers.textdump.markup import html_to_text, latex_to_plain, strip_emphasis, to_plain


@pytest.mark.parametrize("latex, plain", [
    (r"= \frac{\text{Jumlah data yang berpotensi terdigitalisasi pada OPD}}{\text{Jumlah data digitalisasi}}",
     "= Jumlah data yang berpotensi terdigitalisasi pada OPD / Jumlah data digitalisasi"),
    (r"0,93 = \frac{446}{480}", "0,93 = 446 / 480"),
    (r"\frac{26}{26} \times 100\%", "26 / 26 x 100%"),
    (r"= \frac{(n+1)-n}{n} \times 100\%", "= ((n+1)-n) / n x 100%"),
    (r"\frac{n(n+1)-n(n)}{n \times \text{data tahun awal}} \times 100\%",
     "(n(n+1)-n(n)) / (n x data tahun awal) x 100%"),
    (r"\frac{\text{Jumlah total nilai 3}_{\text{tahun}}}{3}", "Jumlah total nilai 3 tahun / 3"),
    (r"= (n + 1) - n/n \times 100\% \quad (n = \text{data tahun awal})",
     "= (n + 1) - n/n x 100% (n = data tahun awal)"),
    (r"\frac{(\sum OPD \text{ yang menerapkan SPBE})}{(\sum [OPD \text{ di Kabupaten Bengkulu Selatan}])}",
     "(Σ OPD yang menerapkan SPBE) / (Σ [OPD di Kabupaten Bengkulu Selatan])"),
    (r"91 \leq 100", "91 ≤ 100"),
])
def test_latex_reads_as_plain_text(latex, plain):
    assert latex_to_plain(latex) == plain


def test_html_paragraphs_become_lines():
    cell = ("<p>Persentase layanan publik yang diselenggarakan secara online dan terintegrasi</p> "
            "<p>Baseline 2022: 12/10 x 100% = 120%</p>")
    assert html_to_text(cell) == ("Persentase layanan publik yang diselenggarakan secara online dan "
                                  "terintegrasi\nBaseline 2022: 12/10 x 100% = 120%")


def test_html_list_without_li_keeps_its_numbering():
    cell = ('<ol style="list-style-type: none"> 1. Meningkatkan ketersediaan data statistik sektoral; '
            "2. Meningkatkan diseminasi data badan publik. ")
    assert html_to_text(cell) == ("1. Meningkatkan ketersediaan data statistik sektoral; "
                                  "2. Meningkatkan diseminasi data badan publik.")


def test_cell_with_html_and_latex_keeps_both_readable_and_the_latex_sources():
    cell = (r"<p>Jumlah Layanan Publik yang diselenggarakan secara online dan terintegrasi</p> "
            r"$\frac{\text{Jumlah Layanan Publik yang tersedia}}{\text{Jumlah Layanan Publik yang tersedia}} "
            r"\times 100\%$ <p>100% = $\frac{26}{26} \times 100\%$</p>")
    plain, formulas = to_plain(cell)
    assert plain.split("\n") == [
        "Jumlah Layanan Publik yang diselenggarakan secara online dan terintegrasi",
        "Jumlah Layanan Publik yang tersedia / Jumlah Layanan Publik yang tersedia x 100%",
        "100% = 26 / 26 x 100%"]
    assert formulas[1] == r"\frac{26}{26} \times 100\%"


def test_emphasis_is_stripped_but_footnote_stars_stay():
    assert strip_emphasis("Nama : **ARRAHMAAN PANE, S.STP.,M.A.P**") == "Nama : ARRAHMAAN PANE, S.STP.,M.A.P"
    assert strip_emphasis("Diharapkan *command center* dimaksud") == "Diharapkan command center dimaksud"
    assert strip_emphasis("Nilai Aset*") == "Nilai Aset*"
    assert to_plain("<u>Formula</u> <u>Perhitungan:</u>")[0] == "Formula Perhitungan:"


def test_links_keep_their_words():
    assert strip_emphasis("dengan alamat [Di](#) dalam website") == "dengan alamat Di dalam website"
    assert strip_emphasis("Website : <http://www.pemkomedan.go.id>") == "Website : http://www.pemkomedan.go.id"
