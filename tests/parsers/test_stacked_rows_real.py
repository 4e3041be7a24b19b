"""Stacked records in one ruled row of a real PDF, split into rows: every name keeps its own lines."""

from .real_pdfs import real_doc

DISNAKERTRANS = "lkip_2016_disnakertrans_jabar.pdf"


def _pagu_rows():
    table = next(t for t in real_doc(DISNAKERTRANS).tables() if any("PAGU DIPA" in p for p in t.column_paths))
    name_col = next(i for i, p in enumerate(table.column_paths) if "PROGRAM" in p)
    return [next((c.text for c in row if c.col == name_col), "") for row in table.body]


def test_a_numbered_items_wrapped_last_line_stays_with_it():
    # '1. Program Penempatan dan Pemberdayaan Tenaga Kerja' / '(04)' printed above '2. Program ...'
    names = [" ".join(n.split()) for n in _pagu_rows() if n.strip()]
    assert any(n.endswith("Tenaga Kerja (04)") for n in names)
    assert not any(n.startswith("(04)") or n.startswith("Kerja (05)") for n in names)


def test_a_group_label_above_the_first_item_joins_that_item_not_a_row_of_its_own():
    names = [" ".join(n.split()) for n in _pagu_rows() if n.strip()]
    assert any(n.startswith("Dekonsentrasi 1. Program Penempatan") for n in names)
    assert sum(1 for n in names if n.lstrip().startswith(("2. Program", "3. Program", "4. Program"))) == 4


def test_a_figure_over_an_amount_is_one_records_two_figures_not_two_records():
    from kinerja.parsers.ruled.stacked_rows import _two_kinds
    assert _two_kinds(["95%", "155.898.000,00"])  # a K over its Rp (Permendagri 86 forms)
    assert not _two_kinds(["70 %", "100%", "335 buah"])  # stacked records: one kind a line
    assert not _two_kinds(["1.200.000", "3.400.000"])
