"""history.py: diffs between updates, roll-ups of areas, staleness; on the
made-up progress site (tests/fixtures/progress-site) and on the real data."""
from __future__ import annotations

import datetime

from gongshi.history import diff, diffs, has_history, item_history, roll_up, staleness


def _changes(site, update_id):
    return [(c.area.id, c.measure.id, c.before and c.before.id, c.after and c.after.id, c.kind)
            for c in diff(site, site.update(update_id)).changes]


def _moved(site, update_id):
    return [(c.name, c.before, c.after) for c in diff(site, site.update(update_id)).counts if c.moved]


def test_the_first_update_is_compared_with_nothing(progress_site):
    first = diff(progress_site, progress_site.updates[0])
    assert first.previous is None
    assert _changes(progress_site, "feedback") == [
        ("alpha", "alpha-one", None, "not-started", "added"),
        ("alpha", "alpha-two", None, "not-started", "added"),
        ("beta", "beta-one", None, "in-progress", "added"),
    ]
    assert first.newly_done == ()
    # Only the counts the update states; none stated before it.
    assert [(c.name, c.before, c.after) for c in first.counts] == [("problems", None, 5), ("completed", None, 0)]


def test_each_update_is_compared_with_the_one_before(progress_site):
    assert [(d.update.id, d.previous and d.previous.id) for d in diffs(progress_site)] == [
        ("feedback", None), ("first-report", "feedback"), ("second-report", "first-report"), ("notice-report", "second-report")]


def test_going_forward_to_done_is_newly_completed(progress_site):
    changes = _changes(progress_site, "first-report")
    assert ("alpha", "alpha-one", "not-started", "done", "forward") in changes
    assert [c.measure.id for c in diff(progress_site, progress_site.update("first-report")).newly_done] == ["alpha-one"]


def test_going_backwards(progress_site):
    second = diff(progress_site, progress_site.update("second-report"))
    [back] = [c for c in second.changes if c.kind == "backward"]
    assert (back.measure.id, back.before.id, back.after.id) == ("alpha-one", "done", "in-progress")
    assert back.entry.note.en == "relapsed on review"
    assert back not in second.newly_done
    # Done again in the next update: newly completed a second time.
    assert ("alpha", "alpha-one", "in-progress", "done", "forward") in _changes(progress_site, "notice-report")
    assert "alpha-one" in [c.measure.id for c in diff(progress_site, progress_site.update("notice-report")).newly_done]


def test_an_item_added_in_a_later_round(progress_site):
    changes = _changes(progress_site, "second-report")
    assert ("alpha", "alpha-three", None, "in-progress", "added") in changes
    assert ("beta", "beta-two", None, "not-started", "added") in changes
    # Only measures stated as not done before and done now are newly completed.
    assert [c.measure.id for c in diff(progress_site, progress_site.update("second-report")).newly_done] == ["alpha-two", "beta-one"]


def test_an_item_no_longer_stated_is_dropped_not_carried_over(progress_site):
    assert ("beta", "beta-two", "not-started", None, "dropped") in _changes(progress_site, "notice-report")
    assert item_history(progress_site, *_area_measure(progress_site, "beta", "beta-two"))[-1] is None


def test_unchanged_items_are_not_changes(progress_site):
    measures = [m for _, m, *_ in _changes(progress_site, "notice-report")]
    assert "alpha-two" not in measures and "beta-one" not in measures  # done and done again


def test_changes_follow_the_notice_order(progress_site):
    order = [(a.id, m.id) for a in progress_site.areas for m in a.measures]
    for d in diffs(progress_site):
        keys = [(c.area.id, c.measure.id) for c in d.changes]
        assert keys == sorted(keys, key=order.index)


def test_totals_that_moved(progress_site):
    assert _moved(progress_site, "first-report") == [("completed", 0, 2), ("immediate", None, 2), ("immediate_completed", None, 1)]
    assert _moved(progress_site, "second-report") == [("problems", 5, 6), ("completed", 2, 3), ("immediate_completed", 1, 2)]
    unmoved = [c.name for c in diff(progress_site, progress_site.update("notice-report")).counts if not c.moved]
    assert unmoved == ["problems", "immediate", "immediate_completed"]


def _area_measure(site, area_id, measure_id):
    area = site.area(area_id)
    return area, next(m for m in area.measures if m.id == measure_id)


def test_item_history(progress_site):
    def history(area_id, measure_id):
        return [e and e.status for e in item_history(progress_site, *_area_measure(progress_site, area_id, measure_id))]

    assert history("alpha", "alpha-one") == ["not-started", "done", "in-progress", "done"]
    assert history("alpha", "alpha-three") == [None, None, "in-progress", "long-term"]
    assert history("beta", "beta-two") == [None, None, "not-started", None]


def test_roll_up_is_the_least_advanced_status_of_the_measures(progress_site):
    up = roll_up(progress_site, progress_site.area("alpha"), progress_site.update("second-report"))
    assert up.status.id == "in-progress"
    assert [(s.id, n) for s, n in up.counts] == [("in-progress", 2), ("done", 1)]
    assert (up.stated, up.measures) == (3, 3)
    final = roll_up(progress_site, progress_site.area("alpha"), progress_site.update("notice-report"))
    assert final.status.id == "long-term"  # below done in the vocabulary's order


def test_roll_up_needs_every_measure(progress_site):
    # alpha-three has no status in the first update, so alpha has none either.
    up = roll_up(progress_site, progress_site.area("alpha"), progress_site.update("feedback"))
    assert up.status is None
    assert [(s.id, n) for s, n in up.counts] == [("not-started", 2)]
    assert (up.stated, up.measures) == (2, 3)
    # beta-one is done, beta-two not stated: beta is not done.
    beta = roll_up(progress_site, progress_site.area("beta"), progress_site.update("notice-report"))
    assert beta.status is None and (beta.stated, beta.measures) == (1, 2)


def test_an_area_with_no_items(progress_site):
    gamma = progress_site.area("gamma")
    assert gamma.measures == ()
    assert not has_history(progress_site, gamma)
    for update in progress_site.updates:
        up = roll_up(progress_site, gamma, update)
        assert (up.status, up.counts, up.stated, up.measures) == (None, (), 0, 0)
    assert all(c.area.id != "gamma" for d in diffs(progress_site) for c in d.changes)


def test_has_history(progress_site):
    assert has_history(progress_site, progress_site.area("alpha"))
    assert has_history(progress_site, progress_site.area("beta"))


def test_the_real_site_has_no_item_statuses_and_two_dated_points(site):
    assert not any(has_history(site, area) for area in site.areas)
    feedback, report = diffs(site)
    assert (feedback.update.date, report.update.date) == (datetime.date(2024, 2, 23), datetime.date(2024, 9, 12))
    assert [(c.name, c.before, c.after) for c in feedback.counts] == [("problems", None, 29)]
    assert [(c.name, c.before, c.after, c.moved) for c in report.counts] == [
        ("problems", 29, 29, False), ("completed", None, 26, True), ("immediate", None, 16, True), ("immediate_completed", None, 16, True)]
    assert report.changes == () and report.newly_done == ()


def test_staleness_after_the_configured_number_of_days(site):
    newest = site.updates[-1].date
    limit = site.progress.stale_after_days
    assert staleness(site, newest + datetime.timedelta(days=limit)) is None
    stale = staleness(site, newest + datetime.timedelta(days=limit + 1))
    assert (stale.newest, stale.age_days, stale.limit) == (site.updates[-1], limit + 1, limit)
    assert f"is {limit + 1} days old, more than stale_after_days ({limit})" in stale.message("en")
    assert f"距今已 {limit + 1} 天" in stale.message("zh") and f"设定的 {limit} 天" in stale.message("zh")


def test_the_fixture_sets_its_own_threshold(progress_site):
    assert progress_site.progress.stale_after_days == 36500
    assert staleness(progress_site, datetime.date(2030, 1, 1)) is None
