from __future__ import annotations

from datetime import date, timedelta

import icalendar

from plans import ics
from plans.tests.conftest import items_of, today


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, [component for component in calendar.walk("VEVENT")]


def test_the_calendar_parses_and_holds_one_event_per_week_and_the_exam(alice_client, plan):
    response = alice_client.get(f"/plans/{plan.pk}/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar, found = events(response)
    assert str(calendar["VERSION"]) == "2.0"
    # 76 h at 10 h a week, then the week of the final review and the exam (7 h) before the
    # exam day, and the exam day itself; the spare weeks between get no event.
    assert len(found) == 8 + 1 + 1
    review_week = found[-2]
    assert review_week.decoded("DTSTART") == plan.target_date - timedelta(weeks=1)
    assert "Final review" in str(review_week["DESCRIPTION"])
    week_one, *_, exam = found
    assert week_one.decoded("DTSTART") == today()
    assert str(week_one["SUMMARY"]).startswith("Week 1: Google Cloud Professional")
    assert "Study: Architecting low-code AI solutions" in str(week_one["DESCRIPTION"])
    assert exam.decoded("DTSTART") == plan.target_date
    assert str(exam["SUMMARY"]).startswith("Exam: ")
    assert all("DTSTAMP" in event for event in found)


def test_calendar_uids_are_stable_and_unique(alice_client, plan):
    first = events(alice_client.get(f"/plans/{plan.pk}/calendar.ics"))[1]
    alice_client.post(f"/plans/{plan.pk}/items/{items_of(plan)[0].pk}/state/", {"state": "done"})
    second = events(alice_client.get(f"/plans/{plan.pk}/calendar.ics"))[1]

    uids = [str(event["UID"]) for event in first]
    assert uids == [str(event["UID"]) for event in second]
    assert len(set(uids)) == len(uids)
    assert f"plan-{plan.pk}-exam@certguide" in uids


def test_calendar_lines_end_with_crlf_and_fold_at_75_octets(alice_client, plan):
    body = alice_client.get(f"/plans/{plan.pk}/calendar.ics").content

    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert not any(b"\n" in line for line in lines)


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é" * 100

    folded = ics.fold(line)

    chunks = folded.split("\r\n ")
    assert "".join(chunks) == line
    assert all(len(chunk.encode()) <= 75 for chunk in chunks)


def test_text_values_are_escaped():
    assert ics.escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_a_paused_week_moves_in_the_calendar(alice_client, plan):
    alice_client.post(f"/plans/{plan.pk}/pause/", {"weeks": 3})

    _, found = events(alice_client.get(f"/plans/{plan.pk}/calendar.ics"))

    starts: list[date] = [event.decoded("DTSTART") for event in found[:-1]]
    assert starts[0] == today() + timedelta(weeks=3)


def test_the_print_page_lists_every_week_without_controls(alice_client, plan):
    response = alice_client.get(f"/plans/{plan.pk}/print/")

    assert response.status_code == 200
    text = response.text
    assert text.count("<h1") == 1
    assert "Week 8:" in text
    assert "<form" not in text and "<button" not in text
    for item in items_of(plan):
        assert item.title in text
