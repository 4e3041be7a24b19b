"""Weighted-score tables (Komponen | Bobot | Nilai): the SAKIP evaluation and the RB index an LKjIP
reports, read from real pages of provincial LKjIPs (../shared/corpus/wild)."""

from functools import lru_cache
from pathlib import Path

import pytest

from kinerja.extract.scores import read_scores
from tests.parsers.real_pdfs import FAST, one_page
from tests.parsing import parse

from ..conftest import WILD

SAKIP_2020 = ("lkjip_2020_pemprov_sumut", 58)  # 'Tabel 3.13 Komponen Penilaian': Nilai over 2019 | 2020
RB_2022 = ("lkjip_2022_pemprov_sumut", 35)     # the RB index, its two components in two tables


@lru_cache(maxsize=None)
def _page_scores(name: str, page: int, tmp: str):
    doc = parse(one_page(WILD / f"{name}.pdf", page, Path(tmp) / f"{name}_p{page}.pdf"), FAST)
    return read_scores(doc, [])


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("scores"))


def _figures(scores, measure):
    return {(s.item, s.year): s.value.value for s in scores if s.measure == measure}


def test_the_sakip_evaluation_gives_each_component_its_weight_and_score(tmp):
    scores = _page_scores(*SAKIP_2020, tmp)
    assert _figures(scores, "bobot") == {
        ("Perencanaan Kinerja", None): 35, ("Pengukuran Kinerja", None): 20, ("Pelaporan Kinerja", None): 15,
        ("Evaluasi Internal", None): 10, ("Capaian Kinerja", None): 20, ("Nilai Hasil Evaluasi", None): 100}
    assert _figures(scores, "nilai")[("Perencanaan Kinerja", 2019)] == pytest.approx(20.42)


def test_the_score_takes_the_year_its_column_names_and_an_empty_year_gives_none(tmp):
    scores = _page_scores(*SAKIP_2020, tmp)
    assert {s.year for s in scores if s.measure == "nilai"} == {2019}


def test_the_row_named_as_the_evaluations_result_is_its_total(tmp):
    scores = _page_scores(*SAKIP_2020, tmp)
    assert {s.item for s in scores if s.level == "total"} == {"Nilai Hasil Evaluasi"}


def test_a_grade_beside_the_total_gives_no_score(tmp):
    # 'Tingkat Akuntabilitas Kinerja | | B': a grade, not a number to sum
    assert not any("Tingkat" in s.item for s in _page_scores(*SAKIP_2020, tmp))


def test_a_form_cut_into_two_tables_is_one_series_with_its_group_headings(tmp):
    scores = _page_scores(*RB_2022, tmp)
    assert len({s.series for s in scores}) == 1
    assert len({s.value.provenance.table for s in scores}) == 2
    groups = {s.item: s.group for s in scores if s.level == "component"}
    assert groups["Reform"] == "Komponen Pengungkit" and groups["Kinerja Organisasi"] == "Komponen Hasil"


def test_list_markers_are_not_part_of_a_components_name(tmp):
    names = {s.item for s in _page_scores(*RB_2022, tmp)}
    assert {"Pemenuhan", "Hasil Antara Area Perubahan", "Reform", "Akuntabilitas Kinerja dan Keuangan"} <= names


def test_every_score_keeps_its_raw_text_and_its_cell(tmp):
    s = next(s for s in _page_scores(*RB_2022, tmp) if s.item == "Reform" and s.measure == "nilai")
    p = s.value.provenance
    assert (s.value.raw, s.value.value, p.page, p.row) == ("16,44", 16.44, 1, 3) and p.bbox is not None
