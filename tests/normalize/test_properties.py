"""Property tests: any number Babel formats in Indonesian or English style reads back equal.

Babel (CLDR locale data) does the formatting, so the reader is checked against an
independent writer of both styles rather than against its own idea of them.
"""

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.normalize.amounts import BRACKETED_SCORE
from kinerja.normalize import ValueContext, read_column, read_value

amounts = st.decimals(min_value=0, max_value=Decimal("99999999999999"), places=2,
                      allow_nan=False, allow_infinity=False)
small = st.decimals(min_value=0, max_value=Decimal("999.99"), places=2, allow_nan=False, allow_infinity=False)
styles = st.sampled_from(["id", "en"])
patterns = st.sampled_from(["#,##0.##", "#,##0.00", "0.##"])


def _format(number: Decimal, style: str, pattern: str) -> str:
    return format_decimal(number, format=pattern, locale=style)


def _equal(got, number: Decimal) -> bool:
    return got is not None and got == float(number)


@settings(max_examples=300, deadline=None)
@given(amounts, styles, patterns)
def test_formatted_number_reads_back_with_its_style(number, style, pattern):
    text = _format(number, style, pattern)
    assert _equal(read_value(text, ValueContext(style=style)).value, number), text


@settings(max_examples=300, deadline=None)
@given(amounts, styles, patterns)
def test_without_a_hint_a_number_reads_back_or_is_flagged_with_its_reading(number, style, pattern):
    text = _format(number, style, pattern)
    value = read_value(text)
    if value.ambiguous:
        assert value.value is None and any(r.value == float(number) for r in value.readings), text
    else:
        assert _equal(value.value, number), text


@settings(max_examples=200, deadline=None)
@given(amounts, styles, st.sampled_from(["Rp ", "Rp. ", "Rp", "Rp . "]), st.booleans())
def test_rupiah_amount_reads_back_with_its_style(number, style, prefix, whole_dash):
    if whole_dash:
        number = Decimal(int(number))
    body = _format(number, style, "#,##0.00" if not whole_dash else "#,##0")
    text = prefix + body + (",-" if whole_dash and style == "id" else "")
    value = read_value(text, ValueContext(style=style))
    assert (value.kind, value.unit) == ("money", "rp") and _equal(value.value, number), text


@settings(max_examples=200, deadline=None)
@given(small, styles, st.sampled_from(["%", " %", " persen"]))
def test_percentage_reads_back_with_its_style(number, style, suffix):
    text = _format(number, style, "#,##0.##") + suffix
    value = read_value(text, ValueContext(style=style))
    assert (value.kind, value.unit) == ("percent", "%") and _equal(value.value, number), text


@settings(max_examples=200, deadline=None)
@given(amounts.filter(lambda n: n >= BRACKETED_SCORE), styles)
def test_bracketed_amount_reads_back_negative(number, style):
    text = "(" + _format(number, style, "#,##0.00") + ")"
    assert _equal(read_value(text, ValueContext(style=style)).value, -number), text


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=0.01, max_value=BRACKETED_SCORE - 1, allow_nan=False), styles)
def test_a_small_bracketed_figure_outside_money_is_no_negative(number, style):
    # 'BB (60,05)': the score under a grade, printed in brackets on a line of its own
    text = "(" + _format(round(number, 2), style, "#,##0.00") + ")"
    assert _equal(read_value(text, ValueContext(style=style)).value, round(number, 2)), text


@settings(max_examples=100, deadline=None)
@given(st.lists(amounts, min_size=2, max_size=8), styles)
def test_column_with_two_decimal_amounts_reads_back_without_a_hint(numbers, style):
    texts = [_format(n, style, "#,##0.00") for n in numbers]
    values = read_column(texts)
    assert all(_equal(v.value, n) for v, n in zip(values, numbers)), texts


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["", "Rp ", "Rp. ", "Rp"]), st.text("0123456789.,", min_size=1, max_size=16),
       st.sampled_from(["", ",-", "%", " %"]))
def test_fast_path_agrees_with_the_full_path(prefix, numeral, suffix):
    from kinerja.normalize.amounts import read_single
    from kinerja.normalize.common_forms import read_fast

    text = prefix + numeral + suffix
    fast = read_fast(text)
    if fast is not None:
        full = read_single(text, ValueContext())
        assert full is not None and not full.get("ambiguous"), text
        assert (fast["kind"], fast["value"], fast.get("unit")) == (full["kind"], full["value"], full.get("unit")), text
