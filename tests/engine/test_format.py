"""format.py: how numbers and dates are written in each language."""
from __future__ import annotations

import datetime

import pytest

from gongshi.format import chinese_numeral, format_date, format_value


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (29, "29", "29"),
        (29.0, "29", "29"),  # a whole float is written without .0
        (450.0, "450", "450"),
        (0, "0", "0"),
        (1532, "1532", "1,532"),
        (1532.0, "1532", "1,532"),
        (1234567, "1234567", "1,234,567"),
        (126.89, "126.89", "126.89"),  # decimals as given
        (4.7, "4.7", "4.7"),
        (66.78, "66.78", "66.78"),
        (6384.6, "6384.6", "6,384.6"),
        (0.5, "0.5", "0.5"),
    ],
)
def test_format_value(value, zh, en):
    assert format_value(value, "zh") == zh
    assert format_value(value, "en") == en


def test_format_value_never_writes_point_zero():
    for n in range(0, 2000, 7):
        assert not format_value(float(n), "en").endswith(".0")
        assert format_value(float(n), "zh") == str(n)


@pytest.mark.parametrize(
    ("date", "zh", "en"),
    [
        (datetime.date(2024, 2, 23), "2024年2月23日", "23 February 2024"),
        (datetime.date(2024, 9, 12), "2024年9月12日", "12 September 2024"),
        (datetime.date(2023, 10, 8), "2023年10月8日", "8 October 2023"),  # no leading zeros
        (datetime.date(2023, 11, 10), "2023年11月10日", "10 November 2023"),
        (datetime.date(2024, 1, 1), "2024年1月1日", "1 January 2024"),
    ],
)
def test_format_date(date, zh, en):
    assert format_date(date, "zh") == zh
    assert format_date(date, "en") == en


@pytest.mark.parametrize(
    ("n", "numeral"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (29, "二十九"),
        (90, "九十"),
        (99, "九十九"),
    ],
)
def test_chinese_numeral(n, numeral):
    assert chinese_numeral(n) == numeral


@pytest.mark.parametrize("n", [0, 100, 117])
def test_chinese_numeral_outside_1_to_99_falls_back_to_digits(n):
    assert chinese_numeral(n) == str(n)
