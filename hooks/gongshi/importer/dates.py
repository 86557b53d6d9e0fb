"""Dates as notices write them: 2024年2月23日; ranges whose end leaves out the
year or the month (2023年10月8日至11月10日, 10月8日至30日); a month and day
whose year comes from the dates before it; 截至…"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..numerals import chinese_value

_DAY = r"(?:(?P<{0}y>\d{{4}})年)?(?:(?P<{0}m>\d{{1,2}})月)?(?P<{0}d>\d{{1,2}})日"
_TO = r"\s*(?:至|到|-|~)\s*"
# A day, or a range of days; the first day must name its month.
DATES = re.compile(rf"(?P<first>(?:(?P<ay>\d{{4}})年)?(?P<am>\d{{1,2}})月(?P<ad>\d{{1,2}})日)(?:{_TO}(?P<last>{_DAY.format('b')}))?")
# A range of months, with no day: the inspection's period cannot be made dates of it.
MONTHS = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:上旬|中旬|下旬|初|底|末|份)?\s*(?:至|到|-|~)\s*(?:\d{4}年)?\d{1,2}月(?!\d{0,2}日)")
# A day whose 年 and 月 a web page lost, its digits run together: 20211228日.
_RUN_TOGETHER = re.compile(r"(?<!\d)(?P<ay>\d{4})(?P<am>\d{2})(?P<ad>\d{2})日")
AS_OF = re.compile(r"截(?:至|止)(?:到)?\s*")


@dataclass(frozen=True)
class Found:
    """A date or a range found in a text."""

    start: int  # where it is in the text
    end: int
    first: datetime.date | None
    last: datetime.date | None  # the end of a range; None for a single day
    notes: tuple[tuple[str, str], ...] = ()  # what the reader had to guess or could not read, (en, zh)


class Calendar:
    """Reads the dates of one notice in order, so that a date written without its
    year takes the year of the dates before it."""

    def __init__(self):
        self.year: int | None = None
        self.latest: datetime.date | None = None

    def _day(self, year, month, day, notes: list, after: datetime.date | None = None) -> datetime.date | None:
        written = f"{year + '年' if year else ''}{month}月{day}日"
        guessed = year is None
        if guessed:
            if self.year is None:
                notes.append((f"{written} has no year and no date before it gives one",
                              f"{written} 没有写年份，前文也没有可参照的年份"))
                return None
            year = self.year
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            notes.append((f"{written} is not a real date", f"{written} 不是有效的日期"))
            return None
        if guessed and after is not None and date < after:
            # A month and day earlier than the date before it belong to the next year.
            date = date.replace(year=date.year + 1)
        if guessed:
            notes.append((f"{written} has no year; read as {date.isoformat()} from the dates before it",
                          f"{written} 没有写年份；按前文读作 {date.year}年{date.month}月{date.day}日"))
        self.year = date.year
        self.latest = date
        return date

    def read(self, text: str) -> list[Found]:
        """Every date and range in `text`, in order."""
        found = []
        for match in DATES.finditer(text):
            notes: list = []
            first = self._day(match["ay"], match["am"], match["ad"], notes, after=self.latest)
            last = None
            if match["last"] and first is not None:
                month = match["bm"] or match["am"]
                # The end of a range leaves out what it shares with the start: its year, its month.
                last = self._day(match["by"] or str(first.year), month, match["bd"], notes)
                if last is not None and match["by"] is None and last < first:
                    last = self.latest = last.replace(year=last.year + 1)
                    self.year = last.year
            found.append(Found(match.start(), match.end(), first, last, tuple(notes)))
        for match in _RUN_TOGETHER.finditer(text):
            notes = [(f"{match.group(0)} read as {match['ay']}-{match['am']}-{match['ad']}, its 年 and 月 missing",
                      f"{match.group(0)} 缺少“年”“月”，读作 {match['ay']}年{int(match['am'])}月{int(match['ad'])}日")]
            day = self._day(match["ay"], match["am"], match["ad"], notes)
            found.append(Found(match.start(), match.end(), day, None, tuple(notes)))
        return sorted(found, key=lambda f: f.start)


def as_of(text: str, dates: list[Found]) -> tuple[datetime.date | None, str | None]:
    """The day of a 截至… in `text`, from the dates read in it; (None, words) when
    it names no day (截至7月底), (None, None) when there is no 截至."""
    match = AS_OF.search(text)
    if match is None:
        return None, None
    day = next((found for found in dates if found.start == match.end()), None)
    if day is None or day.last is not None:
        return None, re.match(r"[^,;。]*", text[match.end():]).group(0)
    return day.first, text[day.start:day.end]


_CHINESE_DAY = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_DAY_LINE = re.compile(r"(\d{4})(?:年|-|\.|/)(\d{1,2})(?:月|-|\.|/)(\d{1,2})日?")


def date_line(folded: str) -> datetime.date | None:
    """The date a line is, where it is only a date: 2024年9月12日, 二〇二四年九月十二日, 2024-09-12."""
    text = re.sub(r"\s+", "", folded)
    match = _DAY_LINE.fullmatch(text)
    numbers = match.groups() if match else None
    if match is None and (chinese := _CHINESE_DAY.fullmatch(text)):
        year = "".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in chinese[1])
        numbers = (year, chinese_value(chinese[2]), chinese_value(chinese[3]))
    try:
        return datetime.date(*map(int, numbers)) if numbers else None
    except (ValueError, TypeError):
        return None
