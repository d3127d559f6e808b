"""Catalog fixtures: the real curated data, and a factory for many extra certifications."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date

import pytest
from django.apps import apps

from catalog.models import (
    CatalogChange,
    Certification,
    ExamDomain,
    FactSource,
    Focus,
    Level,
    Provider,
    RequiredSkill,
    Resource,
    ResourceKind,
    Skill,
    SkillGroup,
    Succession,
)
from catalog.sync import load_file, sync_catalog

# Syncing the file validates every row and takes about half a second; the first test that needs
# the data syncs it for real, and later tests insert a copy of the rows it produced.
CATALOG_MODELS = [
    Provider,
    Skill,
    Certification,
    Succession,
    ExamDomain,
    ExamDomain.skills.through,
    RequiredSkill,
    Resource,
    FactSource,
    CatalogChange,
]
_synced_rows: dict[type, list] = {}


@pytest.fixture
def catalog_data(db) -> None:
    """The curated certifications from catalog/data/catalog.json."""
    assert set(CATALOG_MODELS) == set(apps.get_app_config("catalog").get_models(True)), (
        "a catalog model is missing from CATALOG_MODELS"
    )
    assert not Certification.objects.exists(), "request catalog_data before adding rows"
    if not _synced_rows:
        sync_catalog(load_file())
        _synced_rows.update({model: list(model.objects.all()) for model in CATALOG_MODELS})
        return
    for model in CATALOG_MODELS:
        model.objects.bulk_create(copy.copy(row) for row in _synced_rows[model])


MakeCertifications = Callable[..., list[Certification]]


@pytest.fixture
def make_certifications(db) -> MakeCertifications:
    """make_certifications(n) adds n published, active certifications from "Acme Learning", each
    with one exam domain (with a skill), two required skills and a resource."""

    def make(count: int, **fields) -> list[Certification]:
        if count == 0:
            return []
        provider, _ = Provider.objects.get_or_create(
            slug="acme", defaults={"name": "Acme Learning", "platform": "neutral"}
        )
        skills = [
            Skill.objects.get_or_create(
                slug=f"acme-skill-{n}",
                defaults={"name": f"Acme skill {n}", "group": SkillGroup.PRODUCTION, "order": 90},
            )[0]
            for n in (1, 2)
        ]
        start = Certification.objects.filter(provider=provider).count()
        defaults = {
            "provider": provider,
            "level": Level.ASSOCIATE,
            "focus": Focus.MLOPS,
            "exam_format": "multiple-choice",
            "cost_usd": 150,
            "duration_minutes": 90,
            "summary": "A made-up certification for tests.",
            "source_url": "https://example.com/acme",
            "checked_on": date(2026, 11, 1),
            "validity_months": 24,
            "renewal_kind": "retake",
            "renewal_source_url": "https://example.com/acme/renewal",
        }
        certifications = Certification.objects.bulk_create(
            Certification(
                slug=f"acme-cert-{start + n:04d}",
                name=f"Acme Certified Thing {start + n:04d}",
                exam_code=f"AC-{start + n:04d}",
                **{**defaults, **fields},
            )
            for n in range(count)
        )
        domains = ExamDomain.objects.bulk_create(
            ExamDomain(certification=c, name="Acme pipelines", weight=100, topics="Widgets")
            for c in certifications
        )
        ExamDomain.skills.through.objects.bulk_create(
            ExamDomain.skills.through(examdomain=domain, skill=skills[0]) for domain in domains
        )
        RequiredSkill.objects.bulk_create(
            RequiredSkill(certification=c, skill=skill, level=level)
            for c in certifications
            for skill, level in zip(skills, (2, 4), strict=True)
        )
        Resource.objects.bulk_create(
            Resource(
                certification=c,
                title="Acme guide",
                url="https://example.com/acme/guide",
                kind=ResourceKind.OFFICIAL_GUIDE,
            )
            for c in certifications
        )
        return certifications

    return make
