"""The subscribable calendar feed: its secret address, what it holds, and revoking it."""

from __future__ import annotations

import re
from datetime import timedelta

import icalendar
import pytest
from django.test import Client

from plans.models import Plan
from plans.tests.conftest import items_of, make_plan, today


def subscribe(client, plan: Plan) -> str:
    """Ask for a feed address as the plan page does; return its path, read from the page."""
    response = client.post(f"/plans/{plan.pk}/feed/", {"action": "new"}, follow=True)
    assert response.status_code == 200
    return feed_path(response.text)


def feed_path(page: str) -> str:
    match = re.search(r'id="feed-url"[^>]*value="http://testserver(/plans/feed/[^"]+\.ics)"', page)
    assert match, "the plan page shows no feed address"
    return match[1]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fetch(path: str):
    """Fetch the feed as a calendar app does: a fresh client with no session or cookies."""
    return Client().get(path)


def events(response) -> list:
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_plan_has_no_feed_until_asked_and_the_page_offers_one(alice_client, plan):
    page = alice_client.get(f"/plans/{plan.pk}/").text

    assert 'id="feed-url"' not in page
    assert "Subscribe in my calendar app" in page
    plan.refresh_from_db()
    assert plan.feed_token is None, "showing the page made no address"


def test_subscribing_shows_an_absolute_read_only_address_with_a_label(alice_client, plan):
    response = alice_client.post(f"/plans/{plan.pk}/feed/", {"action": "new"})

    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/#calendar-feed"
    page = alice_client.get(f"/plans/{plan.pk}/").text
    plan.refresh_from_db()
    assert len(plan.feed_token) == 43
    assert f'value="http://testserver/plans/feed/{plan.feed_token}.ics" readonly' in page
    assert '<label for="feed-url"' in page
    assert "Revoke and make a new address" in page
    assert "Add to my calendar (.ics)" in page, "the one-off download stays beside it"


def test_the_feed_works_without_a_session_and_parses(alice_client, plan):
    path = subscribe(alice_client, plan)

    response = fetch(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "Set-Cookie" not in response.headers
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["REFRESH-INTERVAL"].to_ical().decode()) == "PT6H"
    found = events(response)
    # The same events as the download: 8 study weeks, the review week and the exam day.
    assert len(found) == 10
    assert found[0].decoded("DTSTART") == today()
    assert found[-1].decoded("DTSTART") == plan.target_date


def test_the_feed_has_the_same_events_and_uids_as_the_download(alice_client, plan):
    path = subscribe(alice_client, plan)

    download = events(alice_client.get(f"/plans/{plan.pk}/calendar.ics"))
    feed = events(fetch(path))

    assert [str(event["UID"]) for event in feed] == [str(event["UID"]) for event in download]
    assert [event.decoded("DTSTART") for event in feed] == [
        event.decoded("DTSTART") for event in download
    ]


def test_the_feed_follows_a_pause_made_after_subscribing(alice_client, plan):
    path = subscribe(alice_client, plan)
    before = {str(e["UID"]): e.decoded("DTSTART") for e in events(fetch(path))}

    alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 3})
    after = {str(e["UID"]): e.decoded("DTSTART") for e in events(fetch(path))}

    week_one = f"plan-{plan.pk}-week-1@certguide"
    assert before[week_one] == today()
    assert after[week_one] == today() + timedelta(weeks=3)
    # Moved, not copied: as many events as before, the exam where it was.
    assert len(after) == len(before)
    assert after[f"plan-{plan.pk}-exam@certguide"] == plan.target_date


def test_the_feed_follows_a_replan_made_after_subscribing(alice_client, plan):
    path = subscribe(alice_client, plan)
    new_date = plan.target_date + timedelta(weeks=4)

    alice_client.post(
        f"/plans/{plan.pk}/replan/", {"target_date": new_date.isoformat(), "confirm": "on"}
    )
    found = events(fetch(path))

    exam = next(e for e in found if str(e["UID"]) == f"plan-{plan.pk}-exam@certguide")
    assert exam.decoded("DTSTART") == new_date
    assert len(found) == len({str(e["UID"]) for e in found})


def test_the_feed_shows_ticks_made_after_subscribing(alice_client, plan):
    path = subscribe(alice_client, plan)
    first = items_of(plan)[0]

    alice_client.post(f"/plans/{plan.pk}/items/{first.pk}/state/", {"state": "done"})

    assert f"[done] {first.title}" in str(events(fetch(path))[0]["DESCRIPTION"])


def test_a_wrong_token_is_a_404_that_says_nothing(alice_client, plan):
    subscribe(alice_client, plan)

    for path in ("/plans/feed/not-a-token.ics", f"/plans/feed/{'A' * 43}.ics"):
        response = fetch(path)
        assert response.status_code == 404
        assert b"Google" not in response.content
        assert b"BEGIN:VCALENDAR" not in response.content


def test_revoking_makes_the_old_address_404_at_once_and_a_new_one_work(alice_client, plan):
    old = subscribe(alice_client, plan)

    response = alice_client.post(f"/plans/{plan.pk}/feed/", {"action": "new"}, follow=True)

    new = feed_path(response.text)
    assert new != old
    assert "the old one no longer works" in response.text
    assert fetch(old).status_code == 404
    assert fetch(new).status_code == 200


def test_turning_the_feed_off_makes_its_address_404(alice_client, plan):
    path = subscribe(alice_client, plan)

    response = alice_client.post(f"/plans/{plan.pk}/feed/", {"action": "off"}, follow=True)

    assert fetch(path).status_code == 404
    assert 'id="feed-url"' not in response.text
    assert "Subscribe in my calendar app" in response.text


def test_a_bad_action_is_refused_with_a_message_and_keeps_the_address(alice_client, plan):
    path = subscribe(alice_client, plan)

    response = alice_client.post(f"/plans/{plan.pk}/feed/", {"action": "delete-everything"})

    assert response.status_code == 400
    assert "Choose to make a new feed address or to turn the feed off." in response.text
    assert fetch(path).status_code == 200


def test_revoking_by_get_is_refused(alice_client, plan):
    path = subscribe(alice_client, plan)

    response = alice_client.get(f"/plans/{plan.pk}/feed/")

    assert response.status_code == 405
    assert fetch(path).status_code == 200


def test_another_person_cannot_revoke_or_read_the_address(alice_client, bob, plan):
    path = subscribe(alice_client, plan)
    plan.refresh_from_db()

    response = signed_in(bob).post(f"/plans/{plan.pk}/feed/", {"action": "new"})

    assert response.status_code == 404
    assert "feed" not in response.text.lower()
    assert Plan.objects.get(pk=plan.pk).feed_token == plan.feed_token
    assert plan.feed_token not in signed_in(bob).get(f"/plans/{plan.pk}/").text
    assert fetch(path).status_code == 200


def test_the_feed_holds_only_its_own_plan(alice, bob, alice_client, catalog):
    alices = make_plan(alice)
    bobs = make_plan(bob, "aws-ml-engineer-associate")
    bobs_first = items_of(bobs)[0]
    bobs_first.title = "Bob's private study item"
    bobs_first.save(update_fields=["title"])
    subscribe(signed_in(bob), bobs)

    body = fetch(subscribe(alice_client, alices)).content.decode()

    assert "Bob's private study item" not in body
    assert "AWS" not in body
    assert f"plan-{bobs.pk}-" not in body
    assert set(re.findall(r"UID:plan-(\d+)-", body)) == {str(alices.pk)}


def test_each_plan_gets_its_own_address(alice, alice_client, catalog):
    first = make_plan(alice)
    second = make_plan(alice, "aws-ml-engineer-associate")

    assert subscribe(alice_client, first) != subscribe(alice_client, second)


def test_an_archived_plans_feed_is_empty_until_restored(alice_client, plan):
    path = subscribe(alice_client, plan)

    alice_client.post(f"/plans/{plan.pk}/archive/")
    archived = fetch(path)
    alice_client.post(f"/plans/{plan.pk}/restore/")
    restored = fetch(path)

    assert archived.status_code == 200
    assert events(archived) == []
    assert len(events(restored)) == 10


def test_an_archived_plans_address_can_still_be_revoked(alice_client, plan):
    path = subscribe(alice_client, plan)
    alice_client.post(f"/plans/{plan.pk}/archive/")

    response = alice_client.post(f"/plans/{plan.pk}/feed/", {"action": "off"})

    assert response.status_code == 302
    assert fetch(path).status_code == 404


def test_the_feed_answers_head_as_calendar_apps_may_ask(alice_client, plan):
    path = subscribe(alice_client, plan)

    response = Client().head(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_feed_answers_only_get(alice_client, plan, method):
    path = subscribe(alice_client, plan)

    response = getattr(Client(), method)(path)

    assert response.status_code in {403, 405}
    assert fetch(path).status_code == 200
