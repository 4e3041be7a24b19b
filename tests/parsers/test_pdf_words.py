"""Words from the PDF text layer (parsers/pdf_text.py): glyphs that ink less than their advance
still make one word when their advances meet."""

import pytest

from .real_pdfs import real_doc


def _texts(doc) -> str:
    parts = []
    for block in doc.blocks:
        if block.type == "table":
            parts += [c.text for row in block.header_rows + block.body for c in row]
        else:
            parts.append(block.text)
    return "\n".join(parts)


@pytest.mark.parametrize("name, printed", [
    ("pk_2017_kadis_dispora_jabar.pdf", "100 dari 110 Organisasi"),
    ("iku_2017_dinkes_jabar.pdf", "0-11 bulan"),
    ("lkjip_2021_dpupr_kab_grobogan.pdf", "2011"),
])
def test_a_number_printed_with_narrow_ones_is_one_word(name, printed):
    assert printed in _texts(real_doc(name))


def test_words_of_neighbouring_cells_stay_apart():
    """The PK's ruled cells: target and unit columns side by side are not run together."""
    text = _texts(real_doc("pk_2021_pengukuran_2020_dkips_sulut.pdf"))
    assert "201 1" not in text and "Persen100" not in text
