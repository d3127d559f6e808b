"""sitemap.xml lists the public pages, the guides and the published certifications, and
robots.txt points to it."""

from __future__ import annotations

import re

from django.urls import reverse

from catalog.models import Certification
from guides.content import GUIDES


def locations(response) -> set[str]:
    return {
        loc.removeprefix("http://testserver")
        for loc in re.findall(r"<loc>([^<]+)</loc>", response.text)
    }


def test_the_sitemap_lists_the_guides_the_main_pages_and_the_published_certifications(
    client, question_bank
):
    hidden = Certification.objects.get(slug="aws-ai-practitioner")
    hidden.published = False
    hidden.save()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/xml")
    found = locations(response)
    assert {guide.get_absolute_url() for guide in GUIDES} <= found
    assert {"/", "/certifications/", "/assessment/", "/guides/"} <= found
    published = {c.get_absolute_url() for c in Certification.objects.filter(published=True)}
    assert published <= found
    assert hidden.get_absolute_url() not in found
    assert not any(loc.startswith(("/accounts/", "/plans/", "/admin/")) for loc in found)


def test_a_certification_added_to_the_catalog_appears_in_the_sitemap(client, question_bank):
    cert = Certification.objects.get(slug="aws-ml-engineer-associate")
    cert.pk, cert.slug = None, "a-brand-new-exam"
    cert.save()

    assert "/certifications/a-brand-new-exam/" in locations(client.get("/sitemap.xml"))


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: http://testserver{reverse('sitemap')}" in lines
    assert "Disallow: /accounts/" in lines
    assert "Disallow: /plans/" in lines
