"""Printed precision and rounding tolerance: what 'agrees' means for a recomputed figure."""

import pytest

from kinerja.audit.numbers import agrees, decimals, one_digit_apart, same_number, show

from .build import value


@pytest.mark.parametrize("raw, number, places", [
    ("146,79%", 146.79, 2), ("120.00", 120.0, 2), ("147%", 147.0, 0), ("3,2", 3.2, 1),
    ("Rp 5.753.235.000,-", 5753235000.0, 0), ("10,979,407,368.00", 10979407368.0, 2),
    ("0.98% (efisiensi)", 0.98, 2), ("0,5", 0.5, 1),
    ("Rp 5,7 M", 5.7e9, -8),  # a scaled amount prints to the hundred million
])
def test_decimals_count_the_printed_digits_after_the_decimal_separator(raw, number, places):
    assert decimals(value(raw, number)) == places


@pytest.mark.parametrize("raw, number, expected", [
    ("146.79", 146.79, 146.7857142857),  # rounded
    ("147%", 147.0, 146.7857142857),  # rounded to a whole percent
    ("146.78", 146.78, 146.7857142857),  # truncated
    ("98.83%", 98.83, 98.8294),
])
def test_a_figure_agrees_with_its_recomputation_at_the_printed_precision(raw, number, expected):
    assert agrees(value(raw, number), expected)


@pytest.mark.parametrize("raw, number, expected", [
    ("146.9", 146.9, 146.7857142857), ("99.02%", 99.02, 98.8294), ("128.44", 128.44, 146.79),
])
def test_a_figure_off_by_more_than_its_printed_precision_does_not_agree(raw, number, expected):
    assert not agrees(value(raw, number), expected)


def test_a_derived_percentage_printed_rounded_is_the_same_number_a_measured_one_is_not():
    assert same_number(value("147%", 147.0), value("146.79", 146.79), derived=True)
    assert not same_number(value("3", 3.0), value("3.4", 3.4), derived=False)


def test_large_figures_one_digit_apart_look_like_a_misprint_small_ones_do_not():
    assert one_digit_apart(5753235900.0, 5753235000.0)
    assert not one_digit_apart(5753235900.0, 4894283600.0)
    assert not one_digit_apart(30.0, 20.0)


def test_numbers_are_shown_grouped_at_the_asked_precision():
    assert show(10074555644.0) == "10,074,555,644"
    assert show(146.7857142857, 2) == "146.79"
