"""The public "What changed in the catalog" page, fed by the admin and by sync."""

from __future__ import annotations

import copy
import re

import pytest
from django.urls import reverse

from catalog.models import CatalogChange, Certification
from catalog.sync import load_file, sync_catalog
from catalog.tests.helpers import admin_edit

URL = reverse("catalog:catalog-changes")
SLUG = "aws-ml-engineer-associate"


def entries(client) -> list[str]:
    """The entries on the page, newest first, without their kind."""
    page = client.get(URL).text
    items = re.findall(r'<li class="mb-2">.*?</span>(.*?)</li>', page, re.S)
    return [re.sub(r"<[^>]+>", "", text).strip() for text in items]


@pytest.fixture
def data(db) -> dict:
    data = load_file()
    sync_catalog(data)
    return data


def item(data: dict, slug: str) -> dict:
    return next(c for c in data["certifications"] if c["slug"] == slug)


def test_the_page_says_when_nothing_has_been_recorded(client, data):
    response = client.get(URL)

    assert response.status_code == 200
    assert "No changes recorded yet." in response.text
    assert response.text.count("<h1") == 1


def test_the_catalog_links_to_it(client, data):
    page = client.get(reverse("catalog:certification-list")).text

    assert f'<a href="{URL}">What changed in the catalog</a>' in page


def test_sync_records_a_new_exam_a_fee_change_and_a_retirement(client, data):
    changed = copy.deepcopy(data)
    new = copy.deepcopy(item(changed, SLUG))
    new |= {"slug": "acme-new-exam", "name": "Acme New Exam", "exam_code": "ACM-1"}
    new["successors"] = []
    changed["certifications"].append(new)
    old_fee = item(changed, SLUG)["cost_usd"]
    item(changed, SLUG)["cost_usd"] = 177
    retiring = item(changed, "google-professional-ml-engineer")
    retiring |= {"status": "retiring", "status_date": "2027-06-30"}

    sync_catalog(changed)

    shown = entries(client)
    assert "Acme New Exam (ACM-1) added to the catalog." in shown
    name = item(changed, SLUG)["name"]
    code = item(changed, SLUG)["exam_code"]
    fee = "fee published, US$177" if old_fee is None else f"fee changed from US${old_fee} to US$177"
    assert f"{name} ({code}): {fee}." in shown
    assert f"{retiring['name']} retires on 30 June 2027." in shown
    assert len(shown) == 3


def test_the_first_load_of_the_catalog_is_not_news(data):
    assert not CatalogChange.objects.exists()


def test_an_admin_edit_of_the_fee_is_recorded(client, curator, data):
    cert = Certification.objects.get(slug=SLUG)
    client.force_login(curator)

    admin_edit(client, cert, lambda form: form.update(cost_usd=["321"]))

    client.logout()
    (entry,) = entries(client)
    assert entry.startswith(cert.name)
    assert entry.endswith("US$321.")


def test_a_certification_added_in_the_admin_is_recorded(client, curator, data):
    from catalog.tests.test_admin import ADD_URL, admin_form, certification

    client.force_login(curator)
    new = certification(slug="acme-added", name="Acme Added In The Admin", exam_code="")
    response = client.post(ADD_URL, admin_form(new))
    assert response.status_code == 302

    client.logout()
    assert entries(client) == ["Acme Added In The Admin added to the catalog."]


@pytest.mark.parametrize("extra", [0, 300])
def test_the_page_makes_one_query_at_any_size(client, data, django_assert_num_queries, extra):
    cert = Certification.objects.get(slug=SLUG)
    CatalogChange.objects.bulk_create(
        CatalogChange(
            certification=cert, certification_name=cert.name, kind="fee", text=f"Fee {n}."
        )
        for n in range(extra)
    )

    with django_assert_num_queries(1):  # the newest entries, joined to their certifications
        response = client.get(URL)

    assert response.status_code == 200
    assert response.text.count('<li class="mb-2">') == min(extra, 200)
