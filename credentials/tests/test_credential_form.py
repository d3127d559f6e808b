from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import Certification
from credentials.models import Credential
from credentials.tests.conftest import credential, visible_text

ADD = reverse("credentials:credential-add")
GOOGLE = "google-professional-ml-engineer"


def test_recording_a_catalog_certification_earned_before(alice_client, alice, catalog):
    cert = Certification.objects.get(slug=GOOGLE)

    response = alice_client.post(ADD, {"certification": cert.pk, "earned_on": "2025-05-04"})

    held = Credential.objects.get(user=alice)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/credentials/#credential-{held.pk}"
    assert (held.certification, held.earned_on, held.name) == (cert, date(2025, 5, 4), "")
    page = alice_client.get(response.headers["Location"]).text
    assert "Added Google Cloud Professional Machine Learning Engineer" in page
    assert "Expires 4 May 2027" in visible_text(page)


def test_recording_one_the_catalog_does_not_list(alice_client, alice, catalog):
    response = alice_client.post(
        ADD,
        {"name": " CKAD ", "issuer": "CNCF", "earned_on": "2025-01-02", "expires_on": "2027-01-02"},
    )

    assert response.status_code == 302
    held = Credential.objects.get(user=alice)
    assert (held.certification, held.name, held.issuer) == (None, "CKAD", "CNCF")
    assert held.expires_on == date(2027, 1, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"earned_on": "2025-01-02"}, "Choose a certification, or give the name of yours."),
        ({"name": "X", "earned_on": "not a date"}, "Enter a valid date."),
        ({"name": "X", "earned_on": "2999-01-01"}, "The date earned cannot be in the future."),
        (
            {"name": "X", "earned_on": "2025-01-02", "expires_on": "2024-01-01"},
            "The expiry comes after the date it was earned.",
        ),
        (
            {"name": "X", "earned_on": "2025-01-02", "renewed_on": "2024-01-01"},
            "A renewal comes after the date it was earned.",
        ),
        ({"certification": "999999", "earned_on": "2025-01-02"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_message(alice_client, catalog, data, message):
    response = alice_client.post(ADD, data)

    assert response.status_code == 400
    assert message in response.text
    assert not Credential.objects.exists()


def test_a_catalog_certification_takes_no_hand_written_expiry(alice_client, catalog):
    cert = Certification.objects.get(slug=GOOGLE)

    response = alice_client.post(
        ADD, {"certification": cert.pk, "earned_on": "2025-01-02", "expires_on": "2030-01-01"}
    )

    assert response.status_code == 400
    assert "comes from its renewal rule" in response.text


def test_editing_records_a_renewal(alice_client, alice, catalog):
    held = credential(alice, GOOGLE, earned_on=date(2024, 3, 1))
    url = reverse("credentials:credential-edit", args=[held.pk])
    assert alice_client.get(url).status_code == 200

    response = alice_client.post(
        url,
        {
            "certification": held.certification_id,
            "earned_on": "2024-03-01",
            "renewed_on": "2026-02-01",
        },
    )

    assert response.status_code == 302
    held.refresh_from_db()
    assert held.renewed_on == date(2026, 2, 1)
    assert "Expires 1 February 2028" in visible_text(alice_client.get("/credentials/").text)


def test_removing_a_credential(alice_client, alice, catalog):
    held = credential(alice, name="Old badge")

    response = alice_client.post(reverse("credentials:credential-delete", args=[held.pk]))

    assert response.status_code == 302
    assert not Credential.objects.filter(pk=held.pk).exists()
    assert "Removed Old badge" in alice_client.get(response.headers["Location"]).text


def test_removing_refuses_get(alice_client, alice, catalog):
    held = credential(alice, name="Old badge")

    response = alice_client.get(reverse("credentials:credential-delete", args=[held.pk]))

    assert response.status_code == 405
    assert Credential.objects.filter(pk=held.pk).exists()


@pytest.mark.parametrize("action", ["credential-edit", "credential-delete"])
def test_another_persons_credential_is_a_404(bob_client, alice, catalog, action):
    held = credential(alice, name="Alice's badge")

    response = bob_client.post(reverse(f"credentials:{action}", args=[held.pk]), {"name": "Mine"})

    assert response.status_code == 404
    held.refresh_from_db()
    assert held.name == "Alice's badge"


def test_the_form_pages_are_private(alice_client, catalog):
    response = alice_client.get(ADD)

    assert response.status_code == 200
    assert "private" in response.headers["Cache-Control"]
    assert str(timezone.localdate()) in response.text  # the latest date allowed
    assert str(timezone.localdate() + timedelta(days=1)) not in response.text
