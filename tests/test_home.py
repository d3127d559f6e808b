"""The home page: the same introduction for everyone signed out; signed in, this week's work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Attempt
from plans.models import ItemState, PlanItem
from plans.tests.conftest import items_of, make_sized_plan


def today():
    return timezone.localdate()


def test_signed_out_visitors_get_the_introduction(client, db):
    response = client.get("/")

    assert "Find the machine-learning certification that fits you" in response.text
    assert "This week" not in response.text


def test_a_new_account_is_pointed_at_the_self_assessment(alice_client):
    response = alice_client.get("/")

    assert "No study plan yet" in response.text
    assert 'href="/assessment/">Take the self-assessment</a>' in response.text
    assert "private" in response["Cache-Control"]


def test_after_an_assessment_without_a_plan_it_points_at_the_recommendations(alice, alice_client):
    attempt = Attempt.objects.create(user=alice, finished_at=timezone.now())

    response = alice_client.get("/")

    assert f'href="/assessment/{attempt.public_id}/results/">See your recommendations' in (
        response.text
    )


def test_it_shows_this_weeks_items_hours_left_days_to_the_exam_and_pace(
    alice, alice_client, question_bank
):
    # 2 h items at 6 h a week, started 3 days ago: week 1 holds items 1-3, nothing done yet.
    plan = make_sized_plan(alice, 10, start=today() - timedelta(days=3))
    first = items_of(plan)[0]
    PlanItem.objects.filter(pk=first.pk).update(state=ItemState.DOING)

    text = alice_client.get("/").text

    assert "<h1" in text and "This week</h1>" in text
    assert f"{(plan.target_date - today()).days} days</strong> to the exam" in text
    assert "About <strong>6 h</strong> left this week to stay on pace." in text
    assert "Behind by 2 h" in text  # 3 days of 6 h a week: 2 h planned, none done
    for title in ("Item 1", "Item 2", "Item 3"):
        assert f">{title}</a>" in text
    assert "Item 4" not in text
    assert f'href="/plans/{plan.pk}/#item-{first.pk}">Continue with it</a>' in text


def test_done_work_lowers_the_hours_left_this_week(alice, alice_client, question_bank):
    plan = make_sized_plan(alice, 10, start=today() - timedelta(days=3))
    PlanItem.objects.filter(pk=items_of(plan)[0].pk).update(state=ItemState.DONE, done_on=today())

    text = alice_client.get("/").text

    assert "About <strong>4 h</strong> left this week to stay on pace." in text
    assert ">Item 1</a>" not in text


def test_nobody_else_sees_a_persons_plans(alice, bob_client, question_bank):
    make_sized_plan(alice, 10)

    text = bob_client.get("/").text

    assert "No study plan yet" in text and "Item 1" not in text


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


# session, user, the active plans with their certification and provider, their items.
@pytest.mark.parametrize("plan_count", [1, 4])
def test_the_page_takes_the_same_queries_whatever_the_number_of_plans(
    alice, alice_client, question_bank, django_assert_num_queries, plan_count
):
    for _ in range(plan_count):
        make_sized_plan(alice, 20)

    with django_assert_num_queries(4):
        response = alice_client.get("/")

    assert response.text.count('class="card h-100"') == plan_count
