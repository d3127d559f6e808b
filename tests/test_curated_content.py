"""The catalog and question bank are built once per version of the curated content: every way a
curator changes them is seen on the very next request."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from assessments.tests.helpers import answer, choice_id, start
from catalog.models import Certification
from certguide.lib import curated

PANEL_LINK = re.compile(r'<a href="/certifications/([\w-]+)/" class="fw-semibold">([^<]+)</a>')


def best_fits(client, attempt, rating: int) -> list[tuple[str, str]]:
    """(slug, name) of the live panel's certifications after answering one self-rating."""
    response = answer(client, attempt, "rate-python", choice_id("rate-python", rating))
    panel = response.text.split('id="recommendation-panel"', 1)[1]
    return PANEL_LINK.findall(panel)


def test_a_saved_edit_shows_on_the_next_answer(client, question_bank):
    attempt = start(client)
    slug, _ = best_fits(client, attempt, 2)[0]
    certification = Certification.objects.get(slug=slug)

    certification.name = "A renamed exam"
    certification.save()

    assert (slug, "A renamed exam") in best_fits(client, attempt, 3)


def test_a_bulk_update_shows_on_the_next_answer(client, question_bank):
    attempt = start(client)
    slug, _ = best_fits(client, attempt, 2)[0]

    Certification.objects.filter(slug=slug).update(published=False)

    assert slug not in [shown for shown, _ in best_fits(client, attempt, 3)]


def test_a_change_another_process_announces_shows_here_on_the_next_answer(client, question_bank):
    attempt = start(client)
    slug, _ = best_fits(client, attempt, 2)[0]
    with connection.cursor() as cursor:  # beneath the ORM, as another app server's write is
        cursor.execute(
            "UPDATE catalog_certification SET name = %s WHERE slug = %s", ["Elsewhere", slug]
        )
    assert (slug, "Elsewhere") not in best_fits(client, attempt, 3)  # not announced yet

    caches[curated.CACHE_ALIAS].delete(curated.VERSION_KEY)  # what that server's save does

    assert (slug, "Elsewhere") in best_fits(client, attempt, 4)


def test_a_migration_run_forgets_what_was_built(client, question_bank):
    attempt = start(client)
    slug, _ = best_fits(client, attempt, 2)[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE catalog_certification SET name = %s WHERE slug = %s", ["Migrated", slug]
        )

    call_command("migrate", verbosity=0)

    assert (slug, "Migrated") in best_fits(client, attempt, 3)


def test_a_model_whose_bulk_updates_would_go_unseen_cannot_be_watched(db):
    with pytest.raises(ImproperlyConfigured, match=r"auth\.User is curated content"):
        curated.watch([User])


def test_a_value_built_for_an_old_version_is_not_kept(db):
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert curated.built("counter", build) == 1
    assert curated.built("counter", build) == 1
    curated.content_changed()
    assert curated.built("counter", build) == 2
