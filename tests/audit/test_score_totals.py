"""Weighted-score totals and nilai x bobot: on the RB index of a real LKjIP page (consistent as
printed, then with one figure changed) and on rows stated here."""

from pathlib import Path

import pytest

from kinerja.audit import run_checks
from kinerja.extract import extract_document
from kinerja.schema import ScoreValue
from tests.parsers.real_pdfs import FAST, one_page
from tests.parsing import parse

from ..conftest import WILD
from .build import at, extraction, value

RULES = ["score-total-mismatch", "score-weight-mismatch"]


@pytest.fixture(scope="module")
def rb_index(tmp_path_factory):
    """Page 35 of a provincial LKjIP: Komponen Pengungkit (3 rows, total 60 / 38,13), Komponen
    Hasil (4 rows, total 40 / 28,74) and the index (100 / 66,87), in two tables."""
    path = one_page(WILD / "lkjip_2022_pemprov_sumut.pdf", 35, tmp_path_factory.mktemp("rb") / "p35.pdf")
    return extract_document(parse(path, FAST))


def _changed(ex, item: str, measure: str, number: float):
    ex = ex.model_copy(deep=True)
    s = next(s for s in ex.scores if s.item == item and s.measure == measure)
    s.value.value, s.value.raw = number, f"{number:.2f}".replace(".", ",")
    return ex


def test_a_consistent_evaluation_table_gives_no_finding(rb_index):
    assert rb_index.scores and run_checks(rb_index, RULES) == []


def test_a_component_score_that_breaks_its_total_is_found_with_every_figure_cited(rb_index):
    [f] = run_checks(_changed(rb_index, "Reform", "nilai", 15.44), RULES)
    assert (f.code, f.subject, f.reported, round(f.expected, 2)) == (
        "score-total-mismatch", "Total Komponen Pengungkit", 38.13, 37.13)
    assert len(f.evidence) == 4 and all(e.page == 1 for e in f.evidence)


def test_a_subtotal_is_checked_against_its_rows_and_the_index_against_the_subtotals(rb_index):
    found = run_checks(_changed(rb_index, "Total Komponen Hasil", "nilai", 29.74), RULES)
    assert sorted(f.subject for f in found) == [
        "Indeks Reformasi Birokrasi (Pengungkit + Hasil)", "Total Komponen Hasil"]


def test_the_weights_are_summed_too(rb_index):
    [f] = run_checks(_changed(rb_index, "Kinerja Organisasi", "bobot", 15.0), RULES)
    assert (f.subject, f.expected) == ("Total Komponen Hasil", 45.0)


def _row(item: str, row: int, level: str = "component", **figures) -> list[ScoreValue]:
    return [ScoreValue(item=item, level=level, measure=m, value=value(raw, float(raw.replace(",", ".")),
                                                                  where=at(line=row + 1, table=0, row=row)))
            for m, raw in figures.items()]


def test_a_total_over_a_row_whose_score_is_blank_is_not_checked():
    ex = extraction()
    ex.scores = [*_row("Perencanaan", 0, bobot="30", nilai="20"), *_row("Pengukuran", 1, bobot="70"),
                 *_row("Total", 2, "total", bobot="100", nilai="90")]
    assert run_checks(ex, RULES) == []


@pytest.mark.parametrize("bobot, weighted", [("20", "16,00"), ("0,20", "16,00"), ("20", "1600")])
def test_nilai_x_bobot_agrees_with_the_weight_as_printed_or_as_a_percentage(bobot, weighted):
    ex = extraction()
    ex.scores = _row("IKM", 0, bobot=bobot, nilai="80", nilai_tertimbang=weighted)
    assert run_checks(ex, RULES) == []


def test_nilai_x_bobot_that_is_not_the_product_is_found():
    ex = extraction()
    ex.scores = _row("IKM", 0, bobot="20", nilai="80", nilai_tertimbang="18,00")
    [f] = run_checks(ex, RULES)
    assert (f.code, f.reported, f.expected) == ("score-weight-mismatch", 18.0, 16.0)
