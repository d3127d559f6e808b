"""The weekly digest as the worker sends it: only to people who asked, at most once a week,
never empty; through the Tasks framework's database worker to a real SMTP server."""

from __future__ import annotations

import email
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import make_user
from credentials import reminders
from credentials.models import ReminderPreference
from credentials.tasks import enqueue_weekly_digests
from credentials.tests.conftest import credential
from plans.tests.conftest import make_plan
from tests.servers import free_port, smtp_server

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def smtp(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
        }
    }


def run_worker() -> None:
    """The real worker, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO(), stderr=StringIO())


def opt_in(user, **extra) -> ReminderPreference:
    return ReminderPreference.objects.create(user=user, weekly_digest=True, **extra)


@pytest.fixture
def mailbox():
    with (
        smtp_server() as (port, received),
        override_settings(MAILERS=smtp(port), TASKS=DATABASE_TASKS),
    ):
        yield received


@pytest.fixture
def people(alice, bob, catalog):
    """alice asked for the digest and has a plan; bob has a plan but did not ask; carol asked
    but has nothing to say."""
    carol = make_user("carol@example.com")
    make_plan(alice)
    make_plan(bob)
    opt_in(alice)
    opt_in(carol)
    return alice, bob, carol


# The worker closes connections it finds changed, as it must between tasks; a test wrapped in a
# transaction would lose its connection on PostgreSQL, so this one commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_one_digest_a_week_to_those_who_asked(people, mailbox):
    alice, _bob, _carol = people

    enqueue_weekly_digests.enqueue()
    run_worker()

    assert len(mailbox) == 1
    message = email.message_from_bytes(mailbox[0])
    assert message["To"] == alice.email
    assert message["Subject"].startswith("Your certguide week")
    body = message.get_payload(decode=True).decode()
    assert "Google Cloud Professional Machine Learning Engineer" in body
    unsubscribe_url = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("http://testserver/credentials/unsubscribe/")
    assert unsubscribe_url in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    # The daily job runs again the same day, and every day of the week: nothing more is sent.
    enqueue_weekly_digests.enqueue()
    run_worker()
    assert len(mailbox) == 1
    # A week later, alice gets the next one.
    ReminderPreference.objects.filter(user=alice).update(
        last_digest_on=timezone.localdate() - timedelta(days=7)
    )
    enqueue_weekly_digests.enqueue()
    run_worker()
    assert [email.message_from_bytes(raw)["To"] for raw in mailbox] == [alice.email] * 2
    # The one-click link from the header works, signed out.
    assert Client().post(unsubscribe_url.removeprefix("http://testserver")).status_code == 200
    assert ReminderPreference.objects.get(user=alice).weekly_digest is False


def test_a_digest_six_days_after_the_last_is_not_sent(alice, catalog):
    make_plan(alice)
    opt_in(alice, last_digest_on=timezone.localdate() - timedelta(days=6))

    assert reminders.users_due(timezone.localdate()) == []
    assert reminders.send_weekly_digest(alice.pk, timezone.localdate()) is False
    assert mail.outbox == []


def test_nobody_who_did_not_ask_is_due(alice, bob, catalog):
    make_plan(alice)
    ReminderPreference.objects.create(user=bob, weekly_digest=False)

    assert reminders.users_due(timezone.localdate()) == []
    assert reminders.send_weekly_digest(alice.pk, timezone.localdate()) is False
    assert reminders.send_weekly_digest(bob.pk, timezone.localdate()) is False
    assert mail.outbox == []


def test_a_credential_expiring_soon_is_in_the_digest(alice, catalog):
    today = timezone.localdate()
    # AWS AI Practitioner: valid 36 months; earned so that it expires within 30 days.
    credential(
        alice,
        "aws-ai-practitioner",
        earned_on=today.replace(year=today.year - 3) + timedelta(days=10),
    )
    opt_in(alice)

    assert reminders.send_weekly_digest(alice.pk, today) is True

    assert len(mail.outbox) == 1
    assert "EXPIRING WITHIN 30 DAYS" in mail.outbox[0].body
    assert "AWS Certified AI Practitioner: expires on" in mail.outbox[0].body
    assert ReminderPreference.objects.get(user=alice).last_digest_on == today


def test_a_mail_server_that_refuses_gives_the_week_back(alice, catalog):
    make_plan(alice)
    opt_in(alice)
    nothing_listens = free_port()

    with override_settings(MAILERS=smtp(nothing_listens)), pytest.raises(OSError):
        reminders.send_weekly_digest(alice.pk, timezone.localdate())

    assert ReminderPreference.objects.get(user=alice).last_digest_on is None
