"""What the site does under its production settings: deploy checks, mail, logs, headers."""

import email
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from django.test import override_settings
from django.urls import reverse

from tests.servers import smtp_server

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-production-like-secret-key-of-sufficient-length-and-variety-31415",
    "DJANGO_ALLOWED_HOSTS": "certguide.example.com",
    "DJANGO_EMAIL_HOST": "smtp.example.com",
    "DJANGO_SSL_REDIRECT": "true",
    "DJANGO_BEHIND_PROXY": "true",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "certguide.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_are_clean_under_the_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_checks_warn_when_rate_limits_would_not_be_shared():
    without_redis = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=without_redis)

    assert result.returncode != 0
    assert "certguide.W001" in result.stderr and "Set REDIS_URL" in result.stderr


def test_production_without_a_mail_server_refuses_to_start_in_one_line():
    without_mail = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_EMAIL_HOST"}

    result = manage("check", env=without_mail)

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "certguide cannot start: No mail server is configured: set DJANGO_EMAIL_HOST (or "
        "DJANGO_EMAIL_BACKEND), so that sign-in links are mailed rather than written to the log."
    ]


def test_an_explicit_mail_backend_is_enough_to_start():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_EMAIL_HOST"}
    env["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.smtp.EmailBackend"

    assert manage("check", env=env).returncode == 0


def test_reset_and_sign_up_links_reach_the_mailbox_and_never_a_log_line(
    client, alice, caplog, capfd
):
    caplog.set_level(logging.DEBUG)
    with smtp_server() as (port, received):
        mailer = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False},
            }
        }
        with override_settings(MAILERS=mailer):
            client.post(reverse("password_reset"), {"email": alice.email})
            password = "correct horse battery staple 42"
            client.post(
                reverse("signup"),
                {"email": "new@example.com", "password1": password, "password2": password},
            )

    bodies = [email.message_from_bytes(raw).get_payload(decode=True).decode() for raw in received]
    assert len(bodies) == 2
    tokens = [
        re.search(r"/accounts/reset/[^/]+/([^/\s]+)/", bodies[0]).group(1),
        re.search(r"/accounts/signup/confirm/[^/]+/([^/\s]+)/", bodies[1]).group(1),
    ]
    out, err = capfd.readouterr()
    for token in tokens:
        assert len(token) > 20
        assert token not in caplog.text
        assert token not in out + err


def test_a_request_for_a_host_we_do_not_serve_is_one_log_line(client, db, caplog):
    response = client.get("/", HTTP_HOST="scanner.invalid")

    assert response.status_code == 400
    [record] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.exc_info is None
    assert "\n" not in logging.Formatter().format(record)
    assert "scanner.invalid" in record.getMessage()


def test_pages_isolate_their_browsing_context(client, db):
    response = client.get(reverse("home"))

    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
