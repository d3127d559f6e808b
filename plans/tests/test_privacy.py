"""Every plan URL: another user gets a 404, an anonymous visitor is sent to sign in, and a
GET on a URL that changes something is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from plans.models import ItemState, Plan, PlanItem, StudyLog
from plans.services import new_feed_token
from plans.tests.conftest import items_of

# (URL name, takes an item, method, data)
PLAN_URLS = [
    ("plans:plan-detail", False, "get", {}),
    ("plans:plan-print", False, "get", {}),
    ("plans:plan-ics", False, "get", {}),
    ("plans:plan-feed", False, "post", {"action": "new"}),
    ("plans:plan-feed", False, "post", {"action": "off"}),
    ("plans:plan-replan", False, "post", {}),
    ("plans:plan-pause", False, "post", {}),
    ("plans:plan-resume", False, "post", {}),
    ("plans:plan-archive", False, "post", {}),
    ("plans:plan-restore", False, "post", {}),
    ("plans:item-add", False, "post", {"title": "Mine now", "hours": 2}),
    ("plans:item-state", True, "post", {"state": "done"}),
    ("plans:item-log", True, "post", {"hours": "1.5"}),
    ("plans:item-edit", True, "get", {}),
    ("plans:item-edit", True, "post", {"title": "Mine now", "hours": 2}),
    ("plans:item-delete", True, "get", {}),
    ("plans:item-delete", True, "post", {}),
    ("plans:item-move", True, "post", {"direction": "down"}),
]
POST_ONLY = sorted(
    {name for name, _, method, _ in PLAN_URLS if method == "post"}
    - {
        "plans:item-edit",
        "plans:item-delete",
    }
)


@pytest.fixture
def plan(plan) -> Plan:
    """The plan, subscribed: turning its feed off or making a new address would show."""
    new_feed_token(plan)
    return plan


def url_for(name: str, plan: Plan, with_item: bool) -> str:
    if with_item:
        return reverse(name, args=[plan.pk, items_of(plan)[0].pk])
    return reverse(name, args=[plan.pk])


def snapshot(plan: Plan):
    plan = Plan.objects.get(pk=plan.pk)
    items = [
        (item.pk, item.title, item.state, item.order, item.hours, item.hours_spent)
        for item in PlanItem.objects.filter(plan=plan)
    ]
    items.append(list(StudyLog.objects.filter(item__plan=plan).values_list("pk", "hours")))
    return (
        plan.target_date,
        plan.hours_per_week,
        plan.paused_on,
        plan.archived_at,
        plan.feed_token,
        items,
    )


@pytest.mark.parametrize(("name", "with_item", "method", "data"), PLAN_URLS)
def test_another_users_plan_is_404_and_unchanged(bob_client, plan, name, with_item, method, data):
    before = snapshot(plan)

    response = getattr(bob_client, method)(url_for(name, plan, with_item), data)

    assert response.status_code == 404
    assert snapshot(plan) == before


@pytest.mark.parametrize(("name", "with_item", "method", "data"), PLAN_URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, plan, name, with_item, method, data):
    url = url_for(name, plan, with_item)
    before = snapshot(plan)

    response = getattr(client, method)(url, data)

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("login") + "?next=")
    assert snapshot(plan) == before


@pytest.mark.parametrize("name", POST_ONLY)
def test_get_is_refused_on_every_changing_url(alice_client, plan, name):
    with_item = next(item for n, item, _, _ in PLAN_URLS if n == name)
    before = snapshot(plan)

    response = alice_client.get(url_for(name, plan, with_item))

    assert response.status_code == 405
    assert snapshot(plan) == before


def test_the_create_url_sends_anonymous_visitors_to_sign_in(client, catalog):
    response = client.get("/plans/new/google-professional-ml-engineer/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("login"))


def test_an_unknown_plan_is_404(alice_client, catalog):
    assert alice_client.get("/plans/999999/").status_code == 404


def test_bobs_tick_does_not_touch_alices_item(bob_client, plan):
    item = items_of(plan)[0]

    bob_client.post(
        f"/plans/{plan.pk}/items/{item.pk}/state/",
        {"state": "done"},
        headers={"HX-Request": "true"},
    )

    item.refresh_from_db()
    assert item.state == ItemState.TODO


def test_notes_stay_out_of_the_admin(plan):
    from plans.admin import PlanItemInline

    assert "notes" not in PlanItemInline.fields
