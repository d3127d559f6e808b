"""Sign-up and password-reset mail leave the web request at once and are sent by the task
worker (Django's Tasks framework with the database backend) to a real SMTP server; the queue
never holds a link's token."""

from __future__ import annotations

import email
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from conftest import PASSWORD
from tests.servers import smtp_server

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def mailer(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False},
        }
    }


def body(raw: bytes) -> str:
    return email.message_from_bytes(raw).get_payload(decode=True).decode()


# The worker closes connections it finds changed, as it must between tasks; a test wrapped in a
# transaction would lose its connection on PostgreSQL, so this one commits for real.
@pytest.mark.django_db(transaction=True)
def test_reset_and_sign_up_mail_is_queued_then_sent_by_the_worker(client, alice):
    with (
        smtp_server() as (port, received),
        override_settings(MAILERS=mailer(port), TASKS=DATABASE_TASKS),
    ):
        client.post(reverse("password_reset"), {"email": alice.email})
        client.post(
            reverse("signup"),
            {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
        )
        assert received == []  # the requests did not wait for the mail server
        queued = list(DBTaskResult.objects.values_list("args_kwargs", flat=True))
        assert len(queued) == 2

        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())

    assert len(received) == 2
    reset = re.search(r"/accounts/reset/([^/]+)/([^/\s]+)/", body(received[0]))
    confirm = re.search(r"/accounts/signup/confirm/([^/]+)/([^/\s]+)/", body(received[1]))
    for link in (reset, confirm):
        assert len(link.group(2)) > 20
        assert link.group(2) not in str(queued)
    # The links the worker made are genuine.
    response = client.get(reset.group(0))
    assert response.status_code == 302
    assert client.get(response.headers["Location"]).status_code == 200
    assert client.post(confirm.group(0)).status_code == 302
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
