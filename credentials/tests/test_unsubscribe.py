from __future__ import annotations

from django.test import Client
from django.urls import reverse

from credentials.models import ReminderPreference
from credentials.unsubscribe import path_for


def opted_in(user) -> ReminderPreference:
    return ReminderPreference.objects.create(user=user, weekly_digest=True)


def test_the_link_works_signed_out_after_a_confirmation(alice):
    opted_in(alice)
    client = Client(enforce_csrf_checks=True)

    page = client.get(path_for(alice))
    assert page.status_code == 200
    assert "alice@example.com" in page.text
    assert ReminderPreference.objects.get(user=alice).weekly_digest is True  # a GET changes nothing

    response = client.post(path_for(alice))

    assert response.status_code == 200
    assert "No more weekly digests" in response.text
    assert ReminderPreference.objects.get(user=alice).weekly_digest is False
    assert "private" in response.headers["Cache-Control"]


def test_one_click_unsubscribe_as_mail_clients_send_it(alice):
    opted_in(alice)

    response = Client(enforce_csrf_checks=True).post(
        path_for(alice),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert ReminderPreference.objects.get(user=alice).weekly_digest is False


def test_a_tampered_link_is_refused_and_changes_nothing(alice, bob):
    opted_in(alice)
    opted_in(bob)
    token = path_for(alice).rstrip("/").rsplit("/", 1)[1]
    payload, signature = token.rsplit(":", 1)
    forged = [
        payload + ":" + signature[:-1] + ("A" if signature[-1] != "A" else "B"),
        "x" + token,
        "not-a-token",
    ]

    for bad in forged:
        response = Client().post(reverse("credentials:unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "This unsubscribe link is not valid" in response.text

    assert ReminderPreference.objects.filter(weekly_digest=True).count() == 2


def test_a_link_made_for_another_purpose_is_refused(alice):
    from django.core import signing

    opted_in(alice)
    other = signing.dumps({"u": alice.pk}, salt="something-else")

    response = Client().post(reverse("credentials:unsubscribe", args=[other]))

    assert response.status_code == 400
    assert ReminderPreference.objects.get(user=alice).weekly_digest is True
