from __future__ import annotations

import pytest

from plans.tests.conftest import items_of, log_every_day, make_plan, make_sized_plan


def test_the_dashboard_lists_active_plans_with_progress_pace_and_next_item(
    alice, alice_client, plan
):
    guide, diagnostic = items_of(plan)[:2]  # 1 h and 2 h, done on the first day
    for item in (guide, diagnostic):
        alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/state/", {"state": "done"})

    response = alice_client.get("/plans/")

    assert response.status_code == 200
    text = response.text
    assert "Google Cloud Professional Machine Learning Engineer" in text
    assert "3 of 83 hours done · 2 of 13 items" in text
    assert 'role="progressbar"' in text
    assert "Ahead by" in text
    assert f"Next: {items_of(plan)[2].title}" in text
    assert text.count("<h1") == 1


def test_archived_plans_are_listed_apart(alice, alice_client, catalog):
    active = make_plan(alice)
    old = make_plan(alice, "aws-ml-engineer-associate")
    alice_client.post(f"/plans/{old.pk}/archive/")

    response = alice_client.get("/plans/")

    assert [state.plan for state in response.context["states"]] == [active]
    assert response.context["archived"] == [old]
    assert 'id="archived-heading"' in response.text
    assert f'action="/plans/{old.pk}/restore/"' in response.text


def test_the_empty_dashboard_points_to_the_catalog_and_the_assessment(alice_client):
    response = alice_client.get("/plans/")

    assert "No plans yet" in response.text
    assert 'href="/certifications/"' in response.text
    assert 'href="/assessment/"' in response.text


def test_the_dashboard_shows_only_my_plans(alice, bob, alice_client, catalog):
    make_plan(bob)

    response = alice_client.get("/plans/")

    assert response.context["states"] == []
    assert "No plans yet" in response.text


# Queries for the dashboard, whatever the number of plans and items:
#  1. the session  2. the user  3. the plans with certification and provider  4. their items
#  5. the hours logged over the activity calendar's weeks, across the plans
DASHBOARD_QUERIES = 5


@pytest.mark.parametrize("plan_count", [1, 6])
def test_the_dashboard_query_count_does_not_grow(
    alice, alice_client, catalog, django_assert_num_queries, plan_count
):
    for _ in range(plan_count):
        log_every_day(make_sized_plan(alice, 20), plan_count * 3)

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = alice_client.get("/plans/")

    assert len(response.context["states"]) == plan_count
