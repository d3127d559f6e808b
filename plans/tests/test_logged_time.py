"""Logging hours on an item, planned against spent, and the activity calendar on the pages."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client

from plans import services
from plans.models import PlanItem, StudyLog
from plans.tests.conftest import items_of, make_plan, today


def log(client, plan, item, hours, *, htmx: bool = False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(f"/plans/{plan.pk}/items/{item.pk}/log/", {"hours": hours}, headers=headers)


def saved(plan) -> tuple:
    return (
        list(StudyLog.objects.values_list("item_id", "day", "hours").order_by("pk")),
        [(item.pk, item.hours_spent, item.state) for item in items_of(plan)],
    )


def test_logging_hours_over_htmx_swaps_the_item_and_updates_spent_out_of_band(alice_client, plan):
    item = items_of(plan)[2]

    response = log(alice_client, plan, item, "1.5", htmx=True)

    assert response.status_code == 200
    text = response.text
    assert "<html" not in text
    assert text.startswith(f'<li id="item-{item.pk}"')
    assert "1.5 h spent" in text
    assert '<div id="plan-spent" hx-swap-oob="innerHTML">' in text
    assert "<strong>1.5 h spent</strong> of 83 h planned" in text
    assert '<div id="plan-activity" hx-swap-oob="innerHTML">' in text
    assert "1 day with progress, 1.5 h logged" in text
    item.refresh_from_db()
    assert item.hours_spent == Decimal("1.5")
    assert list(StudyLog.objects.values_list("item_id", "day", "hours")) == [
        (item.pk, today(), Decimal("1.5"))
    ]


def test_logging_again_the_same_day_adds_to_that_days_record(alice_client, plan):
    item = items_of(plan)[2]

    log(alice_client, plan, item, "1.5")
    log(alice_client, plan, item, "2")

    item.refresh_from_db()
    assert item.hours_spent == Decimal("3.5")
    assert list(StudyLog.objects.values_list("day", "hours")) == [(today(), Decimal("3.5"))]


def test_the_plain_form_redirects_to_the_item_and_says_what_was_logged(alice_client, plan):
    item = items_of(plan)[2]

    response = log(alice_client, plan, item, "2")

    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/#item-{item.pk}"
    page = alice_client.get(response.headers["Location"]).text
    assert f"Logged 2 h on “{item.title}”: 2 h spent on it." in page
    assert f'{item.hours} h planned, <span class="item-spent">2 h spent</span>' in page


def test_a_negative_number_takes_back_hours_logged_today(alice_client, plan):
    item = items_of(plan)[2]
    log(alice_client, plan, item, "2")

    response = log(alice_client, plan, item, "-0.5", htmx=True)

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.hours_spent == Decimal("1.5")
    log(alice_client, plan, item, "-1.5")
    item.refresh_from_db()
    assert item.hours_spent == 0
    assert StudyLog.objects.count() == 0, "a day taken back to nothing keeps no record"


def test_hours_are_counted_from_every_day(alice_client, plan):
    item = items_of(plan)[2]
    StudyLog.objects.create(item=item, day=today() - timedelta(days=3), hours=Decimal("2"))

    log(alice_client, plan, item, "1")

    item.refresh_from_db()
    assert item.hours_spent == Decimal("3")


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("", "Enter the hours you spent, such as 1.5."),
        ("0", "Enter the hours you spent, such as 1.5."),
        ("lots", "Enter the hours as a number, such as 1.5."),
        ("NaN", "Enter the hours as a number, such as 1.5."),
        ("12.1", "Log at most 12 hours at a time."),
        ("1e309", "Log at most 12 hours at a time."),
        ("-13", "Take back at most 12 hours at a time."),
        ("1.25", "Use at most one decimal place, such as 1.5."),
        ("-1", "so you can take back at most that. Nothing was changed."),
    ],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_bad_hours_are_refused_with_a_message_and_nothing_is_lost(
    alice_client, plan, hours, message, htmx
):
    item = items_of(plan)[2]
    log(alice_client, plan, items_of(plan)[3], "1")
    before = saved(plan)

    response = log(alice_client, plan, item, hours, htmx=htmx)

    assert response.status_code == 400
    assert message in response.text
    assert saved(plan) == before
    if htmx:
        assert response.headers["HX-Retarget"] == "#plan-errors"


def test_a_day_holds_at_most_24_hours_across_all_plans(alice, alice_client, plan):
    other = make_plan(alice, "aws-ml-engineer-associate")
    for _ in range(2):
        log(alice_client, other, items_of(other)[0], "10")
    before = saved(plan)

    refused = log(alice_client, plan, items_of(plan)[2], "4.5")
    accepted = log(alice_client, plan, items_of(plan)[2], "4")

    assert refused.status_code == 400
    assert "That would make 24.5 h logged today across your plans" in refused.text
    assert accepted.status_code == 302
    assert before != saved(plan)


def test_an_archived_plan_takes_no_hours(alice_client, plan):
    item = items_of(plan)[2]
    alice_client.post(f"/plans/{plan.pk}/archive/")

    response = log(alice_client, plan, item, "1")

    assert response.status_code == 409
    assert StudyLog.objects.count() == 0
    assert 'id="log-' not in alice_client.get(f"/plans/{plan.pk}/").text


def test_logging_by_get_is_refused(alice_client, plan):
    item = items_of(plan)[2]

    response = alice_client.get(f"/plans/{plan.pk}/items/{item.pk}/log/", {"hours": "1"})

    assert response.status_code == 405
    assert StudyLog.objects.count() == 0


def test_another_persons_item_is_404_and_unchanged(alice, bob, alice_client, plan):
    bobs = make_plan(bob, "aws-ml-engineer-associate")
    bobs_item = items_of(bobs)[0]
    bob_client = Client()
    bob_client.force_login(bob)

    through_my_plan = log(alice_client, plan, bobs_item, "1")
    through_his_plan = log(alice_client, bobs, bobs_item, "1", htmx=True)
    into_alices = log(bob_client, plan, items_of(plan)[0], "1")

    assert [through_my_plan.status_code, through_his_plan.status_code] == [404, 404]
    assert into_alices.status_code == 404
    assert StudyLog.objects.count() == 0


def test_the_plan_page_shows_planned_against_spent_and_the_log_form(alice_client, plan):
    first, second = items_of(plan)[:2]
    alice_client.post(f"/plans/{plan.pk}/items/{first.pk}/state/", {"state": "done"})
    log(alice_client, plan, first, "2.5")
    log(alice_client, plan, second, "1")

    page = alice_client.get(f"/plans/{plan.pk}/").text

    assert (
        f"<strong>3.5 h spent</strong> of 83 h planned · the items done: {first.hours} h "
        "planned, 2.5 h spent." in page
    )
    label = re.search(rf'<label for="log-{second.pk}"[^>]*>(.*?)</label>', page)
    assert label and "Hours today" in label[1] and second.title in label[1]
    assert re.search(rf'<input type="number" name="hours" id="log-{second.pk}" step="0.1"', page)


def test_the_dashboard_shows_planned_against_spent_and_the_persons_activity(
    alice, alice_client, plan
):
    other = make_plan(alice, "aws-ml-engineer-associate")
    log(alice_client, plan, items_of(plan)[2], "1.5")
    log(alice_client, other, items_of(other)[0], "2")
    yesterday = today() - timedelta(days=1)
    StudyLog.objects.create(item=items_of(other)[1], day=yesterday, hours=Decimal("1"))
    PlanItem.objects.filter(pk=items_of(other)[2].pk).update(state="done", done_on=yesterday)
    total = sum(item.hours for item in items_of(other))

    page = alice_client.get("/plans/").text

    assert "1.5 h spent of 83 h planned" in page
    assert f"2 h spent of {total} h planned" in page
    assert "Your activity" in page
    assert "2 days with progress, 4.5 h logged." in page
    table = page[page.index("<tbody>", page.index("activity-days")) :]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td><td>(.*?)</td></tr>", table)
    assert rows[:2] == [
        (f"{today():%a} {today().day} {today():%b %Y}", "3.5 h", "—"),
        (
            f"{yesterday:%a} {yesterday.day} {yesterday:%b %Y}",
            "1 h",
            items_of(other)[2].title,
        ),
    ]


def test_the_plan_page_draws_the_days_with_progress_and_lists_them(alice_client, plan):
    first = items_of(plan)[0]
    alice_client.post(f"/plans/{plan.pk}/items/{first.pk}/state/", {"state": "done"})
    log(alice_client, plan, items_of(plan)[2], "4")

    page = alice_client.get(f"/plans/{plan.pk}/").text

    svg = page[page.index('<svg class="activity-chart"') : page.index("</svg>") + 6]
    assert 'role="img"' in svg and 'aria-labelledby="activity-chart-title"' in svg
    assert "1 day with progress, 4 h logged." in svg
    cells = re.findall(r'class="heat heat-(\d)"', svg)
    assert len(cells) == 25 * 7 + today().weekday() + 1
    # Today: 4 h and an item done, the darkest shade; every other day is empty.
    assert cells[-1] == "4" and set(cells[:-1]) == {"0"}
    assert f"<td>4 h</td><td>{first.title}</td>" in page
    assert "<caption>Days with progress since" in page
    assert "style=" not in svg and "<script" not in svg


def test_a_plan_without_progress_says_so_under_the_calendar(alice_client, plan):
    page = alice_client.get(f"/plans/{plan.pk}/").text

    assert "0 days with progress, 0 h logged." in page
    assert "No progress yet" in page
    assert "activity-days" not in page


def test_the_activity_calendar_holds_only_my_days(alice, bob, alice_client, plan):
    bobs = make_plan(bob, "aws-ml-engineer-associate")
    services.log_time(items_of(bobs)[0], Decimal("3"), today())

    plan_page = alice_client.get(f"/plans/{plan.pk}/").text
    dashboard = alice_client.get("/plans/").text

    for page in (plan_page, dashboard):
        assert "0 days with progress, 0 h logged." in page
