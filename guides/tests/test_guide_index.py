"""The list of guides, and the ways into them: the navigation, the home page, the
certification pages and the gaps on the results page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.tests.helpers import answer, choice_id, start
from guides.content import GUIDES


def test_the_index_lists_every_guide_with_its_summary(client, db):
    response = client.get(reverse("guides:index"))

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    for guide in GUIDES:
        assert f'<a href="{guide.get_absolute_url()}">{guide.title}</a>' in response.text
        assert guide.summary.replace("'", "&#x27;") in response.text


def test_every_guide_has_a_page_a_template_and_a_short_description():
    templates = Path(settings.BASE_DIR) / "templates"
    assert len({guide.slug for guide in GUIDES}) == len(GUIDES) == 7
    for guide in GUIDES:
        assert reverse(guide.url_name) == f"/guides/{guide.slug}/"
        assert (templates / guide.template_name).exists(), guide.slug
        assert 50 <= len(guide.description) <= 160, guide.slug


@pytest.mark.parametrize("guide", GUIDES, ids=lambda guide: guide.slug)
def test_each_guide_has_its_title_description_and_one_call_to_action(client, question_bank, guide):
    response = client.get(guide.get_absolute_url())

    assert f"<title>{guide.title} · Guides · certguide</title>" in response.text.replace(
        "&#x27;", "'"
    )
    description = guide.description.replace("'", "&#x27;")
    assert f'<meta name="description" content="{description}">' in response.text
    cta = response.text.split('class="guide-cta', 1)[1].split("</section>", 1)[0]
    assert cta.count('class="btn') == 1


def test_the_navigation_and_the_home_page_link_to_the_guides(client, db):
    response = client.get("/")

    nav = response.text.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{reverse("guides:index")}"' in nav
    for guide in GUIDES:
        assert f'<a href="{guide.get_absolute_url()}">{guide.title}</a>' in response.text


def test_a_certification_page_links_to_the_matching_guides(client, question_bank):
    response = client.get(
        reverse("catalog:certification-detail", args=["aws-ml-engineer-associate"])
    )

    for name in ("guides:keeping-current", "guides:prerequisites", "guides:project-experience"):
        assert f'href="{reverse(name)}"' in response.text


def test_a_gap_on_the_results_page_links_to_its_guide(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-linear-algebra", choice_id("rate-linear-algebra", 0))
    client.post(f"/assessment/{attempt.public_id}/finish/")

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    link = reverse("guides:for-skill", args=["linear-algebra"])
    assert f'<a href="{link}">Guide<span class="visually-hidden"> to closing your gap in' in (
        response.text
    )


@pytest.mark.parametrize(
    ("skill", "target"),
    [
        ("linear-algebra", "/guides/prerequisites/#skill-linear-algebra"),
        ("python", "/guides/prerequisites/#skill-python"),
        ("deep-learning", "/guides/deep-learning-or-classical-ml/"),
        ("aws", "/guides/choosing-a-cloud/"),
        ("mlops", "/guides/project-experience/"),
    ],
)
def test_a_skill_leads_to_the_guide_for_it(client, question_bank, skill, target):
    response = client.get(reverse("guides:for-skill", args=[skill]))

    assert response.status_code == 302
    assert response.headers["Location"] == target


def test_an_unknown_skill_is_not_found(client, question_bank):
    assert client.get(reverse("guides:for-skill", args=["astrology"])).status_code == 404
