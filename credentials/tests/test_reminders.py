from __future__ import annotations

from django.urls import reverse

from credentials.models import ReminderPreference

URL = reverse("credentials:reminders")


def test_reminders_are_off_by_default_on_the_account_page(alice_client):
    page = alice_client.get(reverse("account")).text

    assert 'name="weekly_digest" id="id_weekly_digest" aria-describedby' in page  # not checked
    assert not ReminderPreference.objects.exists()


def test_opting_in_and_out(alice_client, alice):
    response = alice_client.post(URL, {"weekly_digest": "on"})

    assert response.status_code == 302
    assert ReminderPreference.objects.get(user=alice).weekly_digest is True
    page = alice_client.get(response.headers["Location"]).text
    assert "You will get a weekly digest by email." in page
    assert 'id="id_weekly_digest" checked' in page

    alice_client.post(URL, {})

    assert ReminderPreference.objects.get(user=alice).weekly_digest is False


def test_the_choice_refuses_get(alice_client, alice):
    assert alice_client.get(URL, {"weekly_digest": "on"}).status_code == 405
    assert not ReminderPreference.objects.exists()
