"""Credentials fixtures: the curated catalog, and small factories."""

from __future__ import annotations

import re
from datetime import date

import pytest

from catalog.models import Certification
from credentials.models import Credential
from plans.tests.conftest import make_plan


@pytest.fixture
def catalog(question_bank):
    """The curated catalog (and question bank), as `make run` loads them."""


def credential(user, slug: str | None = None, earned_on: date = date(2026, 1, 15), **extra):
    cert = Certification.objects.get(slug=slug) if slug else None
    return Credential.objects.create(user=user, certification=cert, earned_on=earned_on, **extra)


@pytest.fixture
def plan(alice, catalog):
    return make_plan(alice)


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


def visible_text(html: str) -> str:
    """The page's words as a reader sees them, without tags and with single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
