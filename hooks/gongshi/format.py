"""How numbers and dates are written in each language (gongshi.labels says how)."""
from __future__ import annotations

import datetime

from .labels import LABELS


def format_value(value: float, lang: str) -> str:
    """1532 → "1532" in Chinese (as the notice writes it), "1,532" in English."""
    number = int(value) if float(value).is_integer() else value
    thousands = LABELS[lang]["thousands"]
    return f"{number:,}".replace(",", thousands) if thousands else str(number)


def format_date(date: datetime.date, lang: str) -> str:
    words = LABELS[lang]
    months = words.get("month_names")
    return words["date_format"].format(year=date.year, month=date.month, day=date.day,
                                       month_name=months[date.month - 1] if months else date.month)


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十, 99 → 九十九: the numbering of headings."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (_DIGITS[ones] if ones else "")
