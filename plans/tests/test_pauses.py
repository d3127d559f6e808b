"""Breaks (holiday mode): honest about the exam date, visible, undoable and bounded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from plans import services
from plans.models import Plan
from plans.schedule import format_date
from plans.tests.conftest import items_of, make_sized_plan, today
from plans.tests.test_item_state import tick


def tight_plan(user, *, weeks_to_exam: int = 5) -> Plan:
    """10 items of 2 h at 6 h a week: 4 study weeks, the exam a week after them."""
    plan = make_sized_plan(user, 10)
    plan.target_date = today() + timedelta(weeks=weeks_to_exam)
    plan.save(update_fields=["target_date"])
    return plan


def week_starts(plan: Plan) -> list:
    plan.refresh_from_db()
    return [week.start for week in services.plan_state(plan, items_of(plan), today()).weeks]


def test_a_break_that_passes_the_exam_date_warns_and_offers_two_ways_out(
    alice, alice_client, catalog
):
    plan = tight_plan(alice)

    response = alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 2}, follow=True)

    page = response.text
    assert "This break pushes your study past your exam on" in page
    plan.refresh_from_db()
    last_day = services.plan_state(plan, items_of(plan), today()).weeks[-1].end
    assert last_day >= plan.target_date
    assert f"Your study now runs to {last_day:%-d %B %Y}, past your exam on" in page
    assert f"Move the exam date to {format_date(last_day + timedelta(days=1))}" in page
    # 20 h left over the 3 whole weeks between the end of the break and the exam.
    assert "Raise the hours to 7 h a week" in page


def test_a_break_that_leaves_room_before_the_exam_says_nothing_of_it(alice, alice_client, catalog):
    plan = tight_plan(alice, weeks_to_exam=8)

    page = alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 2}, follow=True).text

    assert "past your exam" not in page
    assert "Move the exam date" not in page


def test_a_break_of_chosen_length_has_a_banner_and_resume_now_undoes_it(
    alice, alice_client, catalog
):
    plan = make_sized_plan(alice, 12, start=today() - timedelta(weeks=1))
    before = week_starts(plan)

    alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 3})
    page = alice_client.get(f"/plans/{plan.pk}/").text
    back_on = today() + timedelta(weeks=3)
    assert f"On a break from {format_date(today())} until {format_date(back_on)}" in page
    assert "Resume now" in page
    assert week_starts(plan) != before

    resumed = alice_client.post(f"/plans/{plan.pk}/resume/", follow=True)

    assert "The break moved the plan by 0 weeks" in resumed.text
    assert week_starts(plan) == before
    assert "On a break" not in resumed.text


def test_resuming_a_break_of_chosen_length_part_way_keeps_the_weeks_taken(alice, catalog):
    plan = make_sized_plan(alice, 12)
    services.pause_plan(plan, today(), weeks=4)

    moved = services.resume_plan(plan, today() + timedelta(days=15))

    plan.refresh_from_db()
    assert moved == 2 and plan.paused_weeks == 2
    assert not plan.is_paused_on(today() + timedelta(days=15))


def test_a_break_of_chosen_length_ends_by_itself(alice, catalog):
    plan = make_sized_plan(alice, 12)
    services.pause_plan(plan, today(), weeks=2)

    assert plan.is_paused_on(today() + timedelta(days=13))
    assert not plan.is_paused_on(today() + timedelta(days=14))
    assert plan.paused_weeks_on(today() + timedelta(weeks=10)) == 2


def test_ticking_during_a_break_says_the_break_goes_on(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 4)
    alice_client.post(f"/plans/{plan.pk}/pause/")
    first, second = items_of(plan)[:2]

    fragment = tick(alice_client, first, "done")
    page = tick(alice_client, second, "done", htmx=False)

    assert '<div id="plan-notice" hx-swap-oob="innerHTML">' in fragment.text
    assert "the plan is on a break" in fragment.text
    assert "the plan is on a break" in alice_client.get(page.headers["Location"]).text


def test_ticking_outside_a_break_says_nothing_of_breaks(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 4)

    fragment = tick(alice_client, items_of(plan)[0], "done")

    assert "on a break" not in fragment.text


def test_breaks_add_up_to_at_most_52_weeks(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 4)
    Plan.objects.filter(pk=plan.pk).update(paused_weeks=50)

    refused = alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 3})

    assert refused.status_code == 400
    assert "at most 52 weeks of breaks in all; this one has 2 weeks left" in refused.text
    assert alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 2}).status_code == 302
    alice_client.post(f"/plans/{plan.pk}/resume/")
    Plan.objects.filter(pk=plan.pk).update(paused_weeks=52, paused_on=None, pause_ends_on=None)

    spent = alice_client.post(f"/plans/{plan.pk}/pause/")

    assert spent.status_code == 409
    assert "the most a plan can take" in spent.text


def test_a_break_left_running_for_a_year_and_more_moves_the_plan_by_at_most_52_weeks(
    alice, catalog
):
    plan = make_sized_plan(alice, 4)
    services.pause_plan(plan, today() - timedelta(weeks=70))

    moved = services.resume_plan(plan, today())

    plan.refresh_from_db()
    assert moved == 52 and plan.paused_weeks == 52


def test_the_database_refuses_more_than_52_weeks_of_breaks(alice, catalog):
    plan = make_sized_plan(alice, 1)

    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(paused_weeks=53)
