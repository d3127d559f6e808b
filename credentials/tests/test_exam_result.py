from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from credentials.models import Credential, ExamResult
from credentials.tests.conftest import visible_text
from plans import services as plan_services
from plans.models import ItemState


def url(plan) -> str:
    return reverse("credentials:exam-result", args=[plan.pk])


def today():
    return timezone.localdate()


def test_the_plan_page_offers_both_results(alice_client, plan):
    page = alice_client.get(plan.get_absolute_url())

    assert f'action="{url(plan)}"' in page.text
    assert "I passed" in page.text
    assert "I didn't pass" in page.text
    assert "waiting period before a retake is not published" in visible_text(page.text)


def test_passing_turns_the_plan_into_a_credential_and_keeps_its_progress(alice_client, alice, plan):
    first = plan.items.first()
    plan_services.set_item_state(first, ItemState.DONE, date.today())
    sat_on = today() - timedelta(days=2)

    response = alice_client.post(url(plan), {"result": "passed", "sat_on": sat_on.isoformat()})

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("credentials:credential-list")
    held = Credential.objects.get(user=alice)
    assert (held.certification, held.earned_on, held.plan) == (plan.certification, sat_on, plan)
    plan.refresh_from_db()
    first.refresh_from_db()
    assert plan.is_archived
    assert first.state == ItemState.DONE
    page = alice_client.get(response.headers["Location"])
    assert f"Congratulations! {plan.certification.name} is now in your credentials." in page.text
    # An archived plan no longer offers the result form.
    assert f'action="{url(plan)}"' not in alice_client.get(plan.get_absolute_url()).text


def test_not_passing_aims_the_plan_at_the_retake_and_keeps_its_progress(alice_client, plan):
    first = plan.items.first()
    plan_services.set_item_state(first, ItemState.DONE, date.today())
    retake = today() + timedelta(days=45)

    response = alice_client.post(
        url(plan),
        {"result": "failed", "sat_on": today().isoformat(), "retake_on": retake.isoformat()},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == plan.get_absolute_url()
    plan.refresh_from_db()
    first.refresh_from_db()
    assert plan.target_date == retake
    assert not plan.is_archived
    assert first.state == ItemState.DONE
    assert not Credential.objects.exists()
    result = ExamResult.objects.get(plan=plan)
    assert (result.passed, result.retake_on) == (False, retake)
    assert "everything you ticked stays ticked" in alice_client.get(plan.get_absolute_url()).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sat_on": "2026-01-01"}, "This field is required."),
        ({"result": "passed", "sat_on": "2999-01-01"}, "The exam date cannot be in the future."),
        ({"result": "failed", "sat_on": "2026-01-01"}, "Choose the day of your retake."),
        (
            {"result": "failed", "sat_on": "2026-01-01", "retake_on": "2026-01-01"},
            "Choose an exam date in the future.",
        ),
        ({"result": "maybe", "sat_on": "2026-01-01"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(alice_client, plan, data, message):
    target = plan.target_date

    response = alice_client.post(url(plan), data)

    assert response.status_code == 400
    assert message in response.text
    plan.refresh_from_db()
    assert plan.target_date == target
    assert not ExamResult.objects.exists()


def test_an_archived_plan_is_refused(alice_client, plan):
    plan_services.archive_plan(plan)

    response = alice_client.post(url(plan), {"result": "passed", "sat_on": today().isoformat()})

    assert response.status_code == 409
    assert not Credential.objects.exists()


def test_another_persons_plan_is_a_404(bob_client, plan):
    response = bob_client.post(url(plan), {"result": "passed", "sat_on": today().isoformat()})

    assert response.status_code == 404
    assert not Credential.objects.exists()


def test_the_result_page_is_private(alice_client, plan):
    response = alice_client.get(url(plan))

    assert response.status_code == 200
    assert "private" in response.headers["Cache-Control"]
