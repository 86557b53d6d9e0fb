"""history.py: diffs between updates, roll-ups of areas, staleness; on the
made-up progress site (tests/fixtures/progress-site), on the made-up site whose
notice gives its problems a status (tests/fixtures/problems-site), and on the
real data."""
from __future__ import annotations

import dataclasses
import datetime

from gongshi.history import (diff, diffs, has_history, item_history, roll_up, roll_up_now, staleness, statuses_in,
                             update_counts)
from gongshi.model import Counts


def _changes(site, update_id):
    return [(c.area.id, c.item.id, c.before and c.before.id, c.after and c.after.id, c.kind)
            for c in diff(site, site.update(update_id)).changes]


def _item(site, item_id):
    return site.items[item_id][1]


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
    assert [c.item.id for c in diff(progress_site, progress_site.update("first-report")).newly_done] == ["alpha-one"]


def test_going_backwards(progress_site):
    second = diff(progress_site, progress_site.update("second-report"))
    [back] = [c for c in second.changes if c.kind == "backward"]
    assert (back.item.id, back.before.id, back.after.id) == ("alpha-one", "done", "in-progress")
    assert back.entry.note["en"] == "relapsed on review"
    assert back not in second.newly_done
    # Done again in the next update: newly completed a second time.
    assert ("alpha", "alpha-one", "in-progress", "done", "forward") in _changes(progress_site, "notice-report")
    assert "alpha-one" in [c.item.id for c in diff(progress_site, progress_site.update("notice-report")).newly_done]


def test_an_item_added_in_a_later_round(progress_site):
    changes = _changes(progress_site, "second-report")
    assert ("alpha", "alpha-three", None, "in-progress", "added") in changes
    assert ("beta", "beta-two", None, "not-started", "added") in changes
    # Only items stated as not done before and done now are newly completed.
    assert [c.item.id for c in diff(progress_site, progress_site.update("second-report")).newly_done] == ["alpha-two", "beta-one"]


def test_an_item_no_longer_stated_is_dropped_not_carried_over(progress_site):
    assert ("beta", "beta-two", "not-started", None, "dropped") in _changes(progress_site, "notice-report")
    assert item_history(progress_site, _item(progress_site, "beta-two"))[-1] is None


def test_unchanged_items_are_not_changes(progress_site):
    items = [item for _, item, *_ in _changes(progress_site, "notice-report")]
    assert "alpha-two" not in items and "beta-one" not in items  # done and done again


def test_changes_follow_the_notice_order(progress_site):
    order = [(area.id, item_id) for item_id, (area, _) in progress_site.items.items()]
    for d in diffs(progress_site):
        keys = [(c.area.id, c.item.id) for c in d.changes]
        assert keys == sorted(keys, key=order.index)


def test_totals_that_moved(progress_site):
    assert _moved(progress_site, "first-report") == [("completed", 0, 2), ("immediate", None, 2), ("immediate_completed", None, 1)]
    assert _moved(progress_site, "second-report") == [("problems", 5, 6), ("completed", 2, 3), ("immediate_completed", 1, 2)]
    unmoved = [c.name for c in diff(progress_site, progress_site.update("notice-report")).counts if not c.moved]
    assert unmoved == ["problems", "immediate", "immediate_completed"]


def test_item_history(progress_site):
    def history(item_id):
        return [e and e.status for e in item_history(progress_site, _item(progress_site, item_id))]

    assert history("alpha-one") == ["not-started", "done", "in-progress", "done"]
    assert history("alpha-three") == [None, None, "in-progress", "long-term"]
    assert history("beta-two") == [None, None, "not-started", None]


def test_roll_up_is_the_least_advanced_status_of_the_measures(progress_site):
    up = roll_up(progress_site, progress_site.area("alpha"), progress_site.update("second-report"))
    assert up.status.id == "in-progress"
    assert [(s.id, n) for s, n in up.counts] == [("in-progress", 2), ("done", 1)]
    assert (up.stated, up.items) == (3, 3)
    final = roll_up(progress_site, progress_site.area("alpha"), progress_site.update("notice-report"))
    assert final.status.id == "long-term"  # below done in the vocabulary's order


def test_roll_up_needs_every_measure(progress_site):
    # alpha-three has no status in the first update, so alpha has none either.
    up = roll_up(progress_site, progress_site.area("alpha"), progress_site.update("feedback"))
    assert up.status is None
    assert [(s.id, n) for s, n in up.counts] == [("not-started", 2)]
    assert (up.stated, up.items) == (2, 3)
    # beta-one is done, beta-two not stated: beta is not done.
    beta = roll_up(progress_site, progress_site.area("beta"), progress_site.update("notice-report"))
    assert beta.status is None and (beta.stated, beta.items) == (1, 2)


def test_an_area_with_no_items(progress_site):
    gamma = progress_site.area("gamma")
    assert gamma.measures == ()
    assert not has_history(progress_site, gamma)
    for update in progress_site.updates:
        up = roll_up(progress_site, gamma, update)
        assert (up.status, up.counts, up.stated, up.items) == (None, (), 0, 0)
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


# --- the statuses a notice gives its problems (tests/fixtures/problems-site) ----------------------


def test_the_update_holding_the_notice_states_the_statuses_it_gives(problems_site):
    report = statuses_in(problems_site, problems_site.update("report"))
    assert {item: entry.status for item, entry in report.items()} == {
        "policy-1": "done", "policy-2": "partly-done", "party-1": "done", "party-2": "done", "followup-1": "in-progress"}
    assert statuses_in(problems_site, problems_site.update("feedback")) == {}  # an earlier update states none of them


def test_the_problems_given_a_status_are_counted_where_the_update_states_no_total(problems_site):
    report = problems_site.update("report")
    assert update_counts(problems_site, report) == report.totals  # stated: as stated
    unstated = dataclasses.replace(report, totals=Counts())
    site = dataclasses.replace(problems_site, progress=dataclasses.replace(
        problems_site.progress, updates=(problems_site.updates[0], unstated)))
    assert update_counts(site, unstated) == Counts(problems=5, completed=3)
    assert update_counts(site, site.updates[0]) == Counts()  # no status for any problem: nothing to count


def test_an_area_that_lists_problems_rolls_up_from_them(problems_site):
    policy = problems_site.area("policy")
    up = roll_up(problems_site, policy, problems_site.update("report"))
    assert (up.status.id, [(s.id, n) for s, n in up.counts], up.stated, up.items) == (
        "partly-done", [("partly-done", 1), ("done", 1)], 2, 2)
    assert roll_up(problems_site, policy, problems_site.update("feedback")).status is None


def test_an_areas_status_from_the_notice_alone(problems_site, site):
    assert [(area.id, roll_up_now(problems_site, area).id) for area in problems_site.areas] == [
        ("policy", "partly-done"), ("party", "done"), ("followup", "in-progress")]
    assert all(roll_up_now(site, area) is None for area in site.areas)  # the real notice gives no status


def test_statuses_first_given_by_the_notice_are_added(problems_site):
    assert _changes(problems_site, "report") == [
        ("policy", "policy-1", None, "done", "added"), ("policy", "policy-2", None, "partly-done", "added"),
        ("party", "party-1", None, "done", "added"), ("party", "party-2", None, "done", "added"),
        ("followup", "followup-1", None, "in-progress", "added")]
    assert diff(problems_site, problems_site.update("report")).newly_done == ()  # not stated as not done before


# --- staleness -------------------------------------------------------------------------------


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


def test_staleness_in_english_on_a_site_in_chinese_only(problems_site):
    # Editors may read messages in English (GONGSHI_LANG=en); the update's title is then the notice's.
    stale = staleness(problems_site, datetime.date(2026, 1, 1))
    assert "the newest update, “通报集中整改进展情况” as of 2024-10-15" in stale.message("en")
