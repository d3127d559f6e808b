"""Text a person types is shown as text: stored markup and script addresses stay inert."""

import pytest
from django.urls import reverse

from plans.models import PlanItem
from plans.tests.conftest import make_plan

SCRIPT = '<script>alert("x")</script>'
HANDLER = "<img src=x onerror=alert(1)>"
QUOTE_BREAK = '"><svg onload=alert(1)>'


@pytest.fixture
def plan(alice, question_bank):
    return make_plan(alice)


def test_markup_in_an_item_title_and_notes_is_shown_as_text_on_every_plan_page(alice_client, plan):
    item = plan.items.first()
    response = alice_client.post(
        reverse("plans:item-edit", args=[plan.pk, item.pk]),
        {"title": SCRIPT + QUOTE_BREAK, "hours": 2, "notes": HANDLER, "url": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == SCRIPT + QUOTE_BREAK and item.notes == HANDLER

    pages = [
        reverse("plans:plan-detail", args=[plan.pk]),
        reverse("plans:plan-print", args=[plan.pk]),
        reverse("plans:dashboard"),
        reverse("plans:item-edit", args=[plan.pk, item.pk]),
        reverse("plans:item-delete", args=[plan.pk, item.pk]),
    ]
    for page in pages:
        html = alice_client.get(page).text
        for payload in (SCRIPT, HANDLER, QUOTE_BREAK):
            assert payload not in html, page
    detail = alice_client.get(pages[0]).text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in detail


def test_a_markup_item_added_with_htmx_comes_back_escaped(alice_client, plan):
    response = alice_client.post(
        reverse("plans:item-add", args=[plan.pk]),
        {"title": SCRIPT, "hours": 1},
        headers={"HX-Request": "true"},
    )

    assert response.status_code in {200, 302}
    assert SCRIPT not in response.text
    assert PlanItem.objects.filter(title=SCRIPT).exists()


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>"]
)
def test_a_script_address_is_refused_as_a_link_and_nothing_changes(alice_client, plan, address):
    item = plan.items.first()
    url_before = item.url

    response = alice_client.post(
        reverse("plans:item-edit", args=[plan.pk, item.pk]),
        {"title": "Changed", "hours": 2, "url": address},
    )

    assert response.status_code == 400
    refusals = ("Enter a valid URL.", "Enter an http:// or https:// address.")
    assert any(message in response.text for message in refusals)
    item.refresh_from_db()
    assert item.url == url_before and item.title != "Changed"


def test_markup_in_an_email_address_never_reaches_a_page(client, db):
    response = client.post(
        reverse("signup"),
        {"email": f"{SCRIPT}@example.com", "password1": "x" * 14, "password2": "x" * 14},
    )

    assert response.status_code == 200
    assert SCRIPT not in response.text
