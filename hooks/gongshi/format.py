"""How numbers and dates are written in each language."""
from __future__ import annotations

import datetime


def format_value(value: float, lang: str) -> str:
    """1532 → "1532" in Chinese (as the notice writes it), "1,532" in English."""
    number = int(value) if float(value).is_integer() else value
    return f"{number:,}" if lang == "en" else str(number)


def format_date(date: datetime.date, lang: str) -> str:
    if lang == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {date:%B} {date.year}"


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十, 99 → 九十九: the numbering of headings."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (_DIGITS[ones] if ones else "")
