"""Numerals to exact Decimals: the table of forms reports use, and properties over many numbers."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.numerals import parse_number, parse_percent


@pytest.mark.parametrize("text, expected", [
    ("1870", "1870"),
    ("一千八百七十", "1870"),
    ("两千", "2000"),
    ("3.5万", "35000"),
    ("1602.7亿", "160270000000"),
    ("8900万", "89000000"),
    ("1.2万亿", "1200000000000"),
    ("1,100万", "11000000"),
    ("1,602.7", "1602.7"),
    ("3万4000", "34000"),
    ("1亿2000万", "120000000"),
    ("零点五", "0.5"),
    ("十三", "13"),
    ("十", "10"),
    ("二十万零五百", "200500"),
    ("一千零五", "1005"),
    ("三千五", "3500"),
    ("三万五", "35000"),
    ("十三点五万", "135000"),
    ("二〇二五", "2025"),
    ("３５４１.０７万", "35410700"),
    ("3541.07万", "35410700"),
    ("壹佰贰拾", "120"),
    ("两百", "200"),
    ("0.05", "0.05"),
    ("5.90", "5.9"),
])
def test_numerals_parse_exact_values(text, expected):
    value = parse_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected  # one spelling: no 1.64E+9, no trailing .0


def test_numerals_16_point_4_yi_is_exact():
    # the popular converter's float arithmetic gives 1639999999.9999998
    assert str(parse_number("16.4亿")) == "1640000000"


@pytest.mark.parametrize("text", ["", "万", "亿元", "千家", "十百", "三五", "abc", "3..5", "百分之五", "1" * 40])
def test_numerals_refuse_what_is_not_a_number(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


@pytest.mark.parametrize("text, expected", [
    ("百分之五", "5"), ("百分之三点五", "3.5"), ("百分之百", "100"), ("两成", "20"), ("九成", "90"),
    ("千分之三", "0.3"), ("5%", "5"), ("12.5％", "12.5"),
])
def test_numerals_percentages(text, expected):
    assert parse_percent(text) == Decimal(expected)


def test_numerals_percent_refuses_plain_numbers():
    with pytest.raises(ValueError, match="not a percentage"):
        parse_percent("35")


_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """A plain Chinese rendering (一万零三百, 十二) to check the parser against."""
    def section(k: int) -> str:  # 0 < k < 10000
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d, k = divmod(k, size)
            if d:
                if zero:
                    out += "零"
                out += _DIGITS[d] + unit
                zero = False
            elif out:
                zero = True
        return out
    if n == 0:
        return "零"
    parts, out = [], ""
    for unit in ("", "万", "亿"):
        n, k = divmod(n, 10000)
        parts.append((k, unit))
        if not n:
            break
    for i, (k, unit) in enumerate(reversed(parts)):
        if k:
            if out and k < 1000:
                out += "零"
            out += section(k) + unit
    return out


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10 ** 12 - 1))
def test_numerals_arabic_and_chinese_agree(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(_chinese(n)) == n


@settings(max_examples=200)
@given(st.decimals(min_value=0, max_value=10 ** 6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("万", 10 ** 4), ("亿", 10 ** 8), ("万亿", 10 ** 12)]))
def test_numerals_scale_words_multiply_exactly(number, scale):
    word, factor = scale
    assert parse_number(f"{number}{word}") == number * factor


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10 ** 12), st.integers(min_value=0, max_value=6),
       st.sampled_from([("", 1), ("万", 10 ** 4), ("亿", 10 ** 8)]))
def test_numerals_scaled_decimals_have_one_spelling(units, places, scale):
    written = f"{Decimal(units).scaleb(-places):f}"  # 1.50 keeps its trailing zero as written
    word, factor = scale
    value = parse_number(written + word)
    assert value == Decimal(written) * factor
    spelled = str(value)
    assert "E" not in spelled and not ("." in spelled and spelled.endswith("0"))


@settings(max_examples=200)
@given(st.text(alphabet="0123456789.,零一二三四五六七八九十百千万亿两点〇", max_size=12))
def test_numerals_only_value_errors_escape(text):
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert isinstance(value, Decimal)
