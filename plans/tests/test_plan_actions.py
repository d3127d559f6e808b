from __future__ import annotations

from datetime import timedelta

from plans import services
from plans.models import ItemState, PlanItem
from plans.schedule import format_date
from plans.tests.conftest import items_of, make_sized_plan, today


def behind_plan(user, *, weeks_left: int):
    """20 items of 2 h at 6 h a week, started 8 weeks ago, 6 done a week ago: 28 h left, behind."""
    plan = make_sized_plan(user, 20, start=today() - timedelta(weeks=8))
    plan.target_date = today() + timedelta(weeks=weeks_left)
    plan.save(update_fields=["target_date"])
    done = [item.pk for item in items_of(plan)[:6]]
    PlanItem.objects.filter(pk__in=done).update(
        state=ItemState.DONE, done_on=today() - timedelta(weeks=1)
    )
    return plan


def week_starts(plan):
    return [week.start for week in services.plan_state(plan, items_of(plan), today()).weeks]


def day(value) -> str:
    return format_date(value)


def test_replan_first_shows_what_it_would_change_and_changes_nothing(alice, alice_client, catalog):
    plan = behind_plan(alice, weeks_left=7)
    started = plan.start_date

    response = alice_client.post(f"/plans/{plan.pk}/replan/")

    assert response.status_code == 200
    assert f"Week 1: {day(today())} (was {day(started)})" in response.text
    assert f"Exam date: {day(plan.target_date)} (unchanged)" in response.text
    assert "Hours a week: 6 h (unchanged)" in response.text
    assert "28 h left over 7 weeks" in response.text
    assert "Nothing has changed yet." in response.text
    plan.refresh_from_db()
    assert plan.start_date == started and plan.hours_per_week == 6 and plan.replanned_on is None


def test_a_confirmed_replan_restarts_from_today_and_keeps_the_hours(alice, alice_client, catalog):
    plan = behind_plan(alice, weeks_left=7)

    response = alice_client.post(f"/plans/{plan.pk}/replan/", {"confirm": "on"})

    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/"
    plan.refresh_from_db()
    assert plan.hours_per_week == 6  # never cut to the 4 h a week that would just do
    assert plan.start_date == today()
    assert plan.items.filter(state=ItemState.DONE).count() == 6
    page = alice_client.get(f"/plans/{plan.pk}/")
    assert "Re-planned: 28 h left over 7 weeks" in page.text
    assert "Behind by" not in page.text
    assert page.text.count("state-done") >= 6
    assert "Done before you re-planned" in page.text


def test_replanning_a_new_plan_never_moves_week_1_before_it_was_made(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 10)  # made today, 6 h a week
    PlanItem.objects.filter(pk=items_of(plan)[0].pk).update(state=ItemState.DONE, done_on=today())

    alice_client.post(f"/plans/{plan.pk}/replan/", {"confirm": "on"})

    plan.refresh_from_db()
    assert plan.start_date == today() and plan.hours_per_week == 6
    page = alice_client.get(f"/plans/{plan.pk}/")
    assert f"week 1 started {today():%-d %B %Y}" in page.text


def test_replan_that_cannot_fit_proposes_a_date_to_accept(alice, alice_client, catalog):
    plan = behind_plan(alice, weeks_left=2)  # 28 h left at 6 h a week need 5 weeks

    proposal = alice_client.post(f"/plans/{plan.pk}/replan/")

    assert proposal.status_code == 200
    suggested = today() + timedelta(weeks=5)
    assert proposal.context["suggested_date"] == suggested
    assert f'name="target_date" value="{suggested.isoformat()}"' in proposal.text
    assert "Study 14 h a week instead" in proposal.text
    plan.refresh_from_db()
    assert plan.target_date == today() + timedelta(weeks=2)

    preview = alice_client.post(f"/plans/{plan.pk}/replan/", {"target_date": suggested})
    assert f"Exam date: {day(suggested)} (was {day(plan.target_date)})" in preview.text
    accepted = alice_client.post(
        f"/plans/{plan.pk}/replan/", {"target_date": suggested.isoformat(), "confirm": "on"}
    )

    assert accepted.status_code == 302
    plan.refresh_from_db()
    assert plan.target_date == suggested and plan.hours_per_week == 6
    assert plan.items.filter(state=ItemState.DONE).count() == 6


def test_replan_can_raise_the_weekly_hours_instead(alice, alice_client, catalog):
    plan = behind_plan(alice, weeks_left=2)

    preview = alice_client.post(f"/plans/{plan.pk}/replan/", {"hours_per_week": 14})
    assert "Hours a week: 14 h (was 6 h)" in preview.text
    response = alice_client.post(
        f"/plans/{plan.pk}/replan/", {"hours_per_week": 14, "confirm": "on"}
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.hours_per_week == 14
    assert plan.target_date == today() + timedelta(weeks=2)


def test_replan_refuses_a_past_date(alice, alice_client, catalog):
    plan = behind_plan(alice, weeks_left=2)

    response = alice_client.post(
        f"/plans/{plan.pk}/replan/", {"target_date": (today() - timedelta(days=3)).isoformat()}
    )

    assert response.status_code == 400
    assert "Choose an exam date in the future." in response.text
    plan.refresh_from_db()
    assert plan.target_date == today() + timedelta(weeks=2)


def test_pausing_for_weeks_moves_the_rest_of_the_plan(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 12, start=today() - timedelta(weeks=1))
    before = week_starts(plan)

    response = alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 2})

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.paused_weeks == 2
    after = week_starts(plan)
    assert after[0] == before[0]
    assert after[1:] == [start + timedelta(weeks=2) for start in before[1:]]


def test_pause_then_resume_holiday_mode(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 12)

    alice_client.post(f"/plans/{plan.pk}/pause/")
    plan.refresh_from_db()
    assert plan.paused_on == today()
    page = alice_client.get(f"/plans/{plan.pk}/")
    assert "Paused since" in page.text and "Resume now" in page.text

    # Three weeks later the person comes back.
    plan.paused_on = today() - timedelta(weeks=3)
    plan.save(update_fields=["paused_on"])
    response = alice_client.post(f"/plans/{plan.pk}/resume/")

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.paused_on is None and plan.paused_weeks == 3


def test_bad_pause_lengths_are_refused(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 3)

    for weeks in (0, -1, 27, "soon"):
        response = alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": weeks})
        assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.paused_weeks == 0 and plan.paused_on is None


def test_archive_and_restore(alice, alice_client, plan):
    archived = alice_client.post(f"/plans/{plan.pk}/archive/")

    assert archived.status_code == 302
    assert archived.headers["Location"] == "/plans/"
    plan.refresh_from_db()
    assert plan.is_archived
    page = alice_client.get(f"/plans/{plan.pk}/")
    assert "This plan is archived" in page.text
    assert "Mark done" not in page.text

    restored = alice_client.post(f"/plans/{plan.pk}/restore/")

    assert restored.status_code == 302
    plan.refresh_from_db()
    assert not plan.is_archived


def test_an_archived_plan_refuses_replan_and_pause(alice_client, plan):
    alice_client.post(f"/plans/{plan.pk}/archive/")

    for action in ("replan", "pause", "resume"):
        response = alice_client.post(f"/plans/{plan.pk}/{action}/")
        assert response.status_code == 409, action
    plan.refresh_from_db()
    assert plan.paused_on is None and plan.paused_weeks == 0
