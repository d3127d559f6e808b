"""Most of the plan page is kept between visits (certguide.lib.fragments); whatever a person
changes, however it is changed, shows on their next visit, and the kept forms still work."""

import re

from django.test import Client

from conftest import PASSWORD
from plans.models import PlanItem
from plans.tests.conftest import items_of

TOKEN_IN_ITEM_FORM = re.compile(
    r'action="/plans/\d+/items/\d+/state/"[^>]*>\s*'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
)


def item_block(page: str, item: PlanItem) -> str:
    start = page.index(f'<li id="item-{item.pk}"')
    return page[start : page.index("</li>", start)]


def test_a_tick_shows_on_the_next_visit(alice_client, plan):
    item = items_of(plan)[1]
    alice_client.get(plan.get_absolute_url())  # kept

    alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/state/", {"state": "done"})
    page = alice_client.get(plan.get_absolute_url()).text

    assert "Mark not started" in item_block(page, item)
    assert ">Done</span>" in item_block(page, item)


def test_a_change_beneath_the_forms_shows_on_the_next_visit(alice_client, plan):
    item = items_of(plan)[2]
    alice_client.get(plan.get_absolute_url())

    PlanItem.objects.filter(pk=item.pk).update(title="Renamed by a bulk update")

    assert "Renamed by a bulk update" in alice_client.get(plan.get_absolute_url()).text


def test_logged_hours_show_in_the_activity_on_the_next_visit(alice_client, plan):
    item = items_of(plan)[0]
    before = alice_client.get(plan.get_absolute_url()).text
    assert "No progress yet" in before

    alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/log/", {"hours": "1.5"})
    after = alice_client.get(plan.get_absolute_url()).text

    assert "No progress yet" not in after
    assert "1.5 h spent" in after


def test_the_kept_forms_work_after_signing_in_again(alice, plan):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(alice)
    csrf_client.get(plan.get_absolute_url())  # kept, with tokens made from this CSRF secret
    csrf_client.logout()
    csrf_client.get("/accounts/login/")
    signed_in = csrf_client.post(  # signing in makes a new secret
        "/accounts/login/",
        {
            "username": alice.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf_client.cookies["csrftoken"].value,
        },
    )
    assert signed_in.status_code == 302
    page = csrf_client.get(plan.get_absolute_url()).text
    item = items_of(plan)[0]
    token = TOKEN_IN_ITEM_FORM.search(item_block(page, item)).group(1)

    ticked = csrf_client.post(
        f"/plans/{plan.pk}/items/{item.pk}/state/",
        {"state": "done", "csrfmiddlewaretoken": token},
    )

    assert ticked.status_code == 302
    assert PlanItem.objects.get(pk=item.pk).state == "done"
