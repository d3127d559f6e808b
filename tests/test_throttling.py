"""Sign-in lockouts and per-address rate limits, as an attacker and an honest visitor meet them."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from conftest import PASSWORD, make_user
from tests.servers import redis_server


def sign_in(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password}, **extra)


def signed_in(client) -> bool:
    return client.get(reverse("account")).status_code == 200


def fail(client, email, times, **extra):
    for _ in range(times):
        sign_in(client, email, "not the password", **extra)


def test_five_wrong_passwords_lock_the_account_from_that_address(client, alice):
    fail(client, alice.email, 5)

    response = sign_in(client, alice.email, PASSWORD)

    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    assert "Try again after" in response.text
    assert 3500 < int(response.headers["Retry-After"]) <= 3601
    assert not signed_in(client)


def test_four_wrong_passwords_still_let_the_right_one_in(client, alice):
    fail(client, alice.email, 4)

    assert sign_in(client, alice.email, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_success_resets_the_count(client, alice):
    fail(client, alice.email, 4)
    sign_in(client, alice.email, PASSWORD)
    client.logout()
    fail(client, alice.email, 4)

    assert sign_in(client, alice.email, PASSWORD).status_code == 302


def test_changing_the_case_of_the_email_does_not_reset_the_count(client, alice):
    for variant in ["Alice@example.com", "ALICE@example.com", "alice@EXAMPLE.com"] * 2:
        sign_in(client, variant, "not the password")

    assert sign_in(client, alice.email, PASSWORD).status_code == 429


def test_changing_the_browser_does_not_reset_the_count(client, alice):
    for number in range(5):
        sign_in(client, alice.email, "wrong", HTTP_USER_AGENT=f"browser {number}")

    assert sign_in(client, alice.email, PASSWORD, HTTP_USER_AGENT="another").status_code == 429


def test_the_owner_on_another_connection_can_still_sign_in(client, alice):
    fail(client, alice.email, 5, REMOTE_ADDR="203.0.113.9")

    assert sign_in(client, alice.email, PASSWORD, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_the_lock_lifts_after_an_hour(client, alice):
    fail(client, alice.email, 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61)
    )

    assert sign_in(client, alice.email, PASSWORD).status_code == 302


def test_the_admin_sign_in_is_locked_the_same_way(client, curator):
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": curator.email, "password": "wrong"})

    response = client.post(
        reverse("admin:login"), {"username": curator.email, "password": PASSWORD}
    )

    assert response.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_the_proxy_saw_counts(client, alice):
    # The proxy appends the address it saw; whatever the client wrote before it is ignored.
    for number in range(5):
        sign_in(
            client,
            alice.email,
            "wrong",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9",
        )

    from_attacker = sign_in(
        client,
        alice.email,
        PASSWORD,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.77, 203.0.113.9",
    )
    from_owner = sign_in(
        client, alice.email, PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4"
    )

    assert from_attacker.status_code == 429
    assert from_owner.status_code == 302


def test_password_resets_are_limited_per_address(client, alice):
    statuses = [
        client.post(reverse("password_reset"), {"email": alice.email}).status_code for _ in range(6)
    ]

    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5
    # Another address is not held back by this one.
    other = client.post(
        reverse("password_reset"), {"email": alice.email}, REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 302


def signup_data(number):
    return {"email": f"n{number}@example.com", "password1": PASSWORD, "password2": PASSWORD}


def test_sign_ups_are_limited_per_address(client, db):
    statuses = [client.post(reverse("signup"), signup_data(n)).status_code for n in range(11)]

    assert statuses == [302] * 10 + [429]
    assert "Too many requests" in client.post(reverse("signup"), signup_data(99)).text


def test_anonymous_attempts_are_limited_per_address_and_saved_work_stays(client, question_bank):
    first = client.post(reverse("assessments:attempt-create"))
    statuses = [client.post(reverse("assessments:attempt-create")).status_code for _ in range(20)]

    assert first.status_code == 302
    assert statuses == [302] * 19 + [429]
    assert client.get(first.headers["Location"], follow=True).status_code == 200


def test_signed_in_people_are_not_limited_when_starting_attempts(alice_client):
    statuses = {
        alice_client.post(reverse("assessments:attempt-create")).status_code for _ in range(25)
    }

    assert statuses == {302}


@pytest.fixture
def shared_redis_cache():
    with redis_server() as url:
        config = {
            **settings.CACHES,
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url},
        }
        with override_settings(CACHES=config):
            caches["default"].clear()
            yield
            caches["default"].close()


def test_the_limits_hold_in_a_real_redis_shared_by_app_servers(client, db, shared_redis_cache):
    # Two clients stand for two app servers: only the shared cache connects them.
    from django.test import Client

    other_server = Client()
    make_user("bob@example.com")
    statuses = [
        (client if n % 2 else other_server).post(reverse("signup"), signup_data(n)).status_code
        for n in range(11)
    ]

    assert statuses == [302] * 10 + [429]
