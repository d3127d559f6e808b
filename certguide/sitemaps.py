"""sitemap.xml: the site's public pages, its guides and every published certification.

It lives in the project package because it lists the pages of several apps."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from catalog.models import Certification
from guides.content import GUIDES, Guide

# The public pages a search engine should know, by URL name. Private pages (accounts, plans,
# attempts) and forms are left out.
MAIN_PAGES = (
    "home",
    "catalog:certification-list",
    "catalog:catalog-changes",
    "assessments:start",
    "assessments:how-we-score",
    "guides:index",
)


class MainPagesSitemap(Sitemap):
    def items(self) -> tuple[str, ...]:
        return MAIN_PAGES

    def location(self, item: str) -> str:
        return reverse(item)


class GuidesSitemap(Sitemap):
    def items(self) -> tuple[Guide, ...]:
        return GUIDES


class CertificationsSitemap(Sitemap):
    def items(self) -> QuerySet[Certification]:
        return Certification.objects.filter(published=True).order_by("slug")

    def lastmod(self, item: Certification):
        return item.updated_at


SITEMAPS = {
    "pages": MainPagesSitemap,
    "guides": GuidesSitemap,
    "certifications": CertificationsSitemap,
}
