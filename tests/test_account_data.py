"""Download my data, re-import it into a fresh account, and delete my account."""

import json
from datetime import date
from decimal import Decimal

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from assessments.models import Answer, Attempt
from assessments.tests.helpers import answer, choice_id, start
from catalog.models import Certification
from certguide.account_data import export_account
from conftest import PASSWORD, failed_sign_in
from credentials.models import Credential, ExamResult, ReminderPreference
from plans.models import Plan, PlanItem, StudyLog
from plans.services import log_time, new_feed_token
from plans.tests.conftest import finish_assessment, make_plan


@pytest.fixture
def alice_with_data(alice, question_bank):
    finish_assessment(alice, {"python": 4, "mlops": 2}, hours_per_week="6")
    plan = make_plan(alice)
    item = plan.items.first()
    item.notes = "Started the Kubeflow tutorial — <b>tricky</b> ünïcode"
    item.state = "done"
    item.save()
    ExamResult.objects.create(plan=plan, sat_on=date(2026, 5, 1), passed=False)
    Credential.objects.create(
        user=alice,
        certification=Certification.objects.get(slug="aws-ai-practitioner"),
        earned_on=date(2025, 3, 1),
        plan=plan,
    )
    Credential.objects.create(
        user=alice,
        name="CKAD",
        issuer="CNCF",
        earned_on=date(2024, 1, 2),
        expires_on=date(2027, 1, 2),
    )
    ReminderPreference.objects.create(
        user=alice, weekly_digest=True, last_digest_on=date(2026, 6, 1)
    )
    log_time(item, Decimal("1.5"), date(2026, 11, 30))
    log_time(item, Decimal("0.7"), date(2026, 12, 1))
    return alice


def download(client) -> dict:
    response = client.get(reverse("account-data"))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "private" in response.headers["Cache-Control"]
    return json.loads(response.content)


def test_download_holds_the_attempts_answers_plans_items_and_notes(client, alice_with_data):
    client.force_login(alice_with_data)

    data = download(client)

    assert data["format"] == "certguide-account-data"
    assert data["account"]["email"] == "alice@example.com"
    [attempt] = data["attempts"]
    assert {a["question"] for a in attempt["answers"]} >= {"rate-python", "rate-mlops"}
    [plan] = data["plans"]
    assert plan["certification"] == "google-professional-ml-engineer"
    assert len(plan["items"]) == PlanItem.objects.count()
    assert plan["items"][0]["notes"] == "Started the Kubeflow tutorial — <b>tricky</b> ünïcode"
    assert plan["items"][0]["state"] == "done"
    assert data["settings"] == {"weekly_digest": True, "last_digest_on": "2026-06-01"}
    assert data["credentials"] == [
        {
            "certification": None,
            "name": "CKAD",
            "issuer": "CNCF",
            "earned_on": "2024-01-02",
            "renewed_on": None,
            "expires_on": "2027-01-02",
        },
        {
            "certification": "aws-ai-practitioner",
            "name": "AWS Certified AI Practitioner",
            "issuer": "",
            "earned_on": "2025-03-01",
            "renewed_on": None,
            "expires_on": None,
        },
    ]
    assert plan["items"][0]["hours_spent"] == "2.2"
    assert plan["items"][0]["logs"] == [
        {"day": "2026-11-30", "hours": "1.5"},
        {"day": "2026-12-01", "hours": "0.7"},
    ]


def test_download_leaves_out_the_secret_feed_address(client, alice_with_data):
    plan = Plan.objects.get(user=alice_with_data)
    token = new_feed_token(plan)
    client.force_login(alice_with_data)

    data = download(client)

    assert token not in json.dumps(data)
    assert "feed_token" not in data["plans"][0]


def test_download_holds_nothing_of_anyone_else(client, alice_with_data, bob):
    finish_assessment(bob, {"aws": 5})
    make_plan(bob, weeks_ahead=30)
    client.force_login(bob)

    data = download(client)

    assert data["account"]["email"] == "bob@example.com"
    assert "alice" not in json.dumps(data)
    assert "Kubeflow tutorial" not in json.dumps(data)
    assert "CKAD" not in json.dumps(data) and data["credentials"] == []
    assert [a["question"] for a in data["attempts"][0]["answers"]] == ["rate-aws"]


def test_download_needs_sign_in(client, db):
    response = client.get(reverse("account-data"))

    assert response.status_code == 302


def test_a_download_imports_into_a_fresh_account_and_exports_the_same(alice_with_data, tmp_path):
    original = export_account(alice_with_data)
    path = tmp_path / "data.json"
    path.write_text(json.dumps(original), encoding="utf-8")

    call_command("import_account_data", str(path), "--email", "Alice.New@example.com")

    imported = User.objects.get(email="alice.new@example.com")
    assert not imported.has_usable_password()
    again = export_account(imported)
    assert StudyLog.objects.filter(item__plan__user=imported).count() == 2
    for document in (original, again):
        del document["exported_at"], document["account"]
    assert again == original


def test_import_refuses_an_address_that_has_an_account(alice_with_data, tmp_path):
    path = tmp_path / "data.json"
    path.write_text(json.dumps(export_account(alice_with_data)), encoding="utf-8")

    with pytest.raises(CommandError, match="already has an account"):
        call_command("import_account_data", str(path), "--email", "alice@example.com")
    assert Plan.objects.count() == 1


def test_delete_needs_the_right_password_and_keeps_everything_otherwise(client, alice_with_data):
    client.force_login(alice_with_data)

    response = client.post(reverse("account-delete"), {"password": "not mine"})

    assert response.status_code == 400
    assert "That is not your password. Nothing was deleted." in response.text
    assert User.objects.filter(pk=alice_with_data.pk).exists()
    assert Plan.objects.count() == 1 and Attempt.objects.count() == 1


def test_delete_removes_every_personal_row_and_only_those(client, alice_with_data, bob):
    bobs_plan = make_plan(bob, weeks_ahead=30)
    log_time(bobs_plan.items.first(), Decimal(2), date(2026, 12, 1))
    alices_feed = reverse(
        "plans:feed", args=[new_feed_token(Plan.objects.get(user=alice_with_data))]
    )
    assert Client().get(alices_feed).status_code == 200
    strangers_browser = Client()
    strangers_attempt = start(strangers_browser)
    # Alice's browser made an anonymous attempt before she signed in on it again.
    client.force_login(alice_with_data)
    client.logout()
    her_anonymous = start(client)
    answer(client, her_anonymous, "rate-python", choice_id("rate-python", 3))
    client.force_login(alice_with_data)
    failed_sign_in("alice@example.com")

    page = client.get(reverse("account-delete"))
    response = client.post(reverse("account-delete"), {"password": PASSWORD}, follow=True)

    assert "cannot be undone" in page.text
    assert "Your account and everything in it have been deleted." in response.text
    assert not User.objects.filter(email="alice@example.com").exists()
    assert not Attempt.objects.filter(pk=her_anonymous.pk).exists()
    assert not Answer.objects.filter(attempt__public_id=her_anonymous.public_id).exists()
    assert not AccessAttempt.objects.filter(username="alice@example.com").exists()
    assert list(Plan.objects.all()) == [bobs_plan]
    assert not Credential.objects.exists()
    assert not ExamResult.objects.exists()
    assert not ReminderPreference.objects.exists()
    assert list(StudyLog.objects.values_list("item__plan", flat=True)) == [bobs_plan.pk]
    assert Client().get(alices_feed).status_code == 404
    assert Attempt.objects.filter(pk=strangers_attempt.pk).exists()
    assert client.get(reverse("account")).status_code == 302, "signed out"


def test_delete_by_get_deletes_nothing(alice_client, alice):
    alice_client.get(reverse("account-delete"))

    assert User.objects.filter(pk=alice.pk).exists()


def test_the_account_page_offers_download_and_delete(alice_client):
    page = alice_client.get(reverse("account"))

    assert reverse("account-data") in page.text
    assert reverse("account-delete") in page.text


def test_a_file_from_before_logged_time_imports_with_none(alice_with_data, tmp_path):
    original = export_account(alice_with_data)
    for item in original["plans"][0]["items"]:
        del item["hours_spent"], item["logs"]
    path = tmp_path / "data.json"
    path.write_text(json.dumps(original), encoding="utf-8")

    call_command("import_account_data", str(path), "--email", "older@example.com")

    imported = User.objects.get(email="older@example.com")
    assert not StudyLog.objects.filter(item__plan__user=imported).exists()
    assert {item.hours_spent for item in PlanItem.objects.filter(plan__user=imported)} == {0}
