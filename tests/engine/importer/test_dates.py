"""dates.py: days, ranges, years from context, 截至."""
from __future__ import annotations

import datetime

from gongshi.importer.dates import MONTHS, Calendar, as_of, date_line

D = datetime.date


def read(*texts):
    calendar = Calendar()
    return [calendar.read(text) for text in texts]


def test_a_range_whose_end_leaves_out_the_year_or_the_month():
    (whole,), (no_month,) = read("2023年10月8日至11月10日", "2024年3月8日至30日")
    assert (whole.first, whole.last, whole.notes) == (D(2023, 10, 8), D(2023, 11, 10), ())
    assert (no_month.first, no_month.last) == (D(2024, 3, 8), D(2024, 3, 30))


def test_a_range_over_the_new_year():
    ((found,),) = read("2023年12月20日至1月15日")
    assert (found.first, found.last) == (D(2023, 12, 20), D(2024, 1, 15))


def test_a_day_without_its_year_takes_it_from_the_dates_before():
    _, (same,) = read("2023年9月4日至10月27日", "12月15日反馈")
    assert same.first == D(2023, 12, 15)
    assert "read as 2023-12-15" in same.notes[0][0] and "2023年12月15日" in same.notes[0][1]


def test_a_day_earlier_than_the_one_before_is_in_the_next_year():
    _, (later,) = read("2023年10月8日至11月10日", "2月23日反馈")
    assert later.first == D(2024, 2, 23)


def test_days_that_cannot_be_read():
    (no_year,), (impossible,) = read("5月6日", "2024年2月30日")
    assert no_year.first is None and "no year" in no_year.notes[0][0]
    assert impossible.first is None and "not a real date" in impossible.notes[0][0]


def test_as_of():
    def counted_to(text):
        return as_of(text, Calendar().read(text))

    assert counted_to("截至2024年6月30日,已完成") == (D(2024, 6, 30), "2024年6月30日")
    assert counted_to("截止7月底,完成投资") == (None, "7月底")
    assert counted_to("截至目前,已完成整改5个") == (None, "目前")
    assert counted_to("已完成整改5个") == (None, None)


def test_a_date_line_in_any_of_its_forms():
    assert [date_line(text) for text in ("2024年9月12日", "二〇二四年九月十二日", "2024-09-12", "2024年9月12日印发")] == [
        D(2024, 9, 12), D(2024, 9, 12), D(2024, 9, 12), None]


def test_a_day_whose_year_and_month_a_page_lost():
    (found,) = Calendar().read("--20211228日在市届人大常委会会议")
    assert found.first == D(2021, 12, 28) and "年 and 月 missing" in found.notes[0][0]


def test_a_period_of_months_has_no_days():
    assert MONTHS.search("2023年3月至5月,省委第三巡视组").group(0) == "2023年3月至5月"
    assert MONTHS.search("2023年3月6日至5月10日") is None
