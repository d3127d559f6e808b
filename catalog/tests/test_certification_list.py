from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from catalog.models import Certification
from catalog.sync import load_file

URL = reverse("catalog:certification-list")
HTMX = {"HX-Request": "true"}
# What the curated file says, read directly: the page must list what the file holds.
PUBLISHED = [c for c in load_file()["certifications"] if c["published"]]
CURRENT = [c for c in PUBLISHED if c["status"] != "retired"]
CURRENT_COUNT = len(CURRENT)
LEVELS = ["foundational", "associate", "professional", "specialty"]


def current_slugs(keep) -> list[str]:
    return sorted(c["slug"] for c in CURRENT if keep(c))


def card_slugs(response) -> list[str]:
    """The certifications on the page, in the order shown."""
    return re.findall(r'<h3 class="h5 card-title" id="card-([^"]+)">', response.text)


class FormValues(HTMLParser):
    """The values a person sees in the filter form: text, chosen options and ticked boxes."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.select = form_id, False, None
        self.values: dict[str, str | bool] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("type") == "checkbox":
            self.values[attrs["name"]] = "checked" in attrs
        elif self.inside and tag == "input":
            self.values[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "select":
            self.select = attrs["name"]
        elif self.inside and tag == "option" and "selected" in attrs:
            self.values[self.select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def filter_form(response) -> dict[str, str | bool]:
    parser = FormValues("catalog-filters")
    parser.feed(response.text)
    return parser.values


def count_text(response) -> str:
    match = re.search(r'<p id="catalog-count"[^>]*aria-live="polite">([^<]+)</p>', response.text)
    return match.group(1) if match else ""


@pytest.fixture
def get(client, catalog_data):
    def get(params: dict | None = None, **headers):
        response = client.get(URL, params or {}, headers=headers)
        assert response.status_code == 200
        return response

    return get


# The page and its cards


def test_it_lists_current_certifications_with_their_facts(get):
    response = get()

    assert count_text(response) == f"{CURRENT_COUNT} certifications"
    assert len(card_slugs(response)) == CURRENT_COUNT
    text = response.text
    assert "AWS Certified Machine Learning Engineer – Associate" in text
    assert "MLA-C01" in text
    assert '<span class="badge text-bg-success">Active</span>' in text
    assert "US$200" in text and "120 min" in text
    assert "not published" in text  # AWS ML Engineer's cost, for one


def test_it_answers_anonymous_visitors_with_one_heading(client, catalog_data):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.text.count("<h1") == 1


def test_each_card_can_be_ticked_for_comparison(get):
    response = get()

    assert 'name="c" value="google-professional-ml-engineer"' in response.text
    assert f'action="{reverse("catalog:certification-compare")}"' in response.text
    assert "Compare selected" in response.text


def test_unpublished_certifications_are_not_listed(get):
    Certification.objects.filter(slug="aws-ai-practitioner").update(published=False)

    response = get({"include_retired": "on"})

    assert "aws-ai-practitioner" not in card_slugs(response)
    assert count_text(response) == f"{len(PUBLISHED) - 1} certifications"


# Status


def test_retired_certifications_are_hidden_by_default(get):
    slugs = card_slugs(get())

    assert "aws-ml-specialty" not in slugs
    assert "tensorflow-developer-certificate" not in slugs


def test_the_toggle_shows_retired_certifications_too(get):
    response = get({"include_retired": "on"})

    assert len(card_slugs(response)) == len(PUBLISHED)
    assert "Retired on 31 March 2026" in response.text
    assert filter_form(response)["include_retired"] is True


def test_choosing_the_retired_status_shows_only_retired_ones(get):
    slugs = card_slugs(get({"status": "retired"}))

    assert sorted(slugs) == sorted(c["slug"] for c in PUBLISHED if c["status"] == "retired")
    assert {"aws-ml-specialty", "tensorflow-developer-certificate"} <= set(slugs)


# Each filter alone


def test_provider_filter(get):
    slugs = card_slugs(get({"provider": "aws"}))

    assert sorted(slugs) == [
        "aws-ai-practitioner",
        "aws-generative-ai-developer-professional",
        "aws-ml-engineer-associate",
    ]


def test_level_filter(get):
    slugs = card_slugs(get({"level": "foundational"}))

    assert sorted(slugs) == current_slugs(lambda c: c["level"] == "foundational")
    assert {"aws-ai-practitioner", "azure-ai-fundamentals"} <= set(slugs)


def test_focus_filter(get):
    slugs = card_slugs(get({"focus": "mlops"}))

    assert sorted(slugs) == current_slugs(lambda c: c["focus"] == "mlops")
    assert {"aws-ml-engineer-associate", "google-professional-ml-engineer"} <= set(slugs)


def test_max_cost_leaves_out_unknown_costs_and_says_so(get):
    response = get({"max_cost": "100"})

    cheap = current_slugs(lambda c: c["cost_usd"] is not None and c["cost_usd"] <= 100)
    assert sorted(card_slugs(response)) == cheap
    assert "aws-ai-practitioner" in cheap
    assert "whose cost is not published are left out because you set a maximum cost" in (
        response.text
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("sagemaker", ["aws-ml-engineer-associate"]),  # summary or topics, any case
        ("aif-c01", ["aws-ai-practitioner"]),  # exam code
        ("Kubeflow", ["google-professional-ml-engineer"]),  # a domain's key topic
        ("Generative AI Leader", ["google-generative-ai-leader"]),  # every word must match
    ],
)
def test_search_matches_name_code_summary_and_topics(get, q, expected):
    assert card_slugs(get({"q": q})) == expected


def test_search_lists_each_certification_once(get):
    # "pipelines" appears in several domains of the same certifications.
    slugs = card_slugs(get({"q": "pipelines"}))

    assert len(slugs) == len(set(slugs)) > 0


def test_search_matches_a_domain_name(client, catalog_data):
    domain = Certification.objects.get(slug="nvidia-genai-llm-associate").domains.first()
    domain.name = "Quokka wrangling"
    domain.save()

    response = client.get(URL, {"q": "quokka"})

    assert card_slugs(response) == ["nvidia-genai-llm-associate"]


# Combined, sorted


def test_filters_combine(get):
    response = get({"provider": "aws", "level": "associate", "include_retired": "on"})

    assert card_slugs(response) == ["aws-ml-engineer-associate"]
    assert count_text(response) == "1 certification"


def test_focus_and_max_cost_combine(get):
    slugs = card_slugs(get({"focus": "mlops", "max_cost": "250"}))

    assert sorted(slugs) == current_slugs(
        lambda c: c["focus"] == "mlops" and c["cost_usd"] is not None and c["cost_usd"] <= 250
    )
    assert "google-professional-ml-engineer" in slugs


def test_sorting_by_cost_puts_the_cheapest_first_and_unknown_costs_last(get):
    slugs = card_slugs(get({"sort": "cost"}))

    costs = [Certification.objects.get(slug=slug).cost_usd for slug in slugs]
    assert costs[0] == min(c["cost_usd"] for c in CURRENT if c["cost_usd"] is not None)
    known = [cost for cost in costs if cost is not None]
    assert known == sorted(known)
    assert costs[len(known) :] == [None] * (len(costs) - len(known))


def test_sorting_by_level_starts_with_foundational(get):
    slugs = card_slugs(get({"sort": "level"}))

    levels = [Certification.objects.get(slug=slug).level for slug in slugs]
    assert levels[0] == "foundational"
    assert [LEVELS.index(level) for level in levels] == sorted(LEVELS.index(lv) for lv in levels)


def test_sorting_by_duration_starts_with_the_shortest(get):
    first = card_slugs(get({"sort": "duration"}))[0]

    shortest = min(c["duration_minutes"] for c in CURRENT if c["duration_minutes"])
    assert Certification.objects.get(slug=first).duration_minutes == shortest


# Mistakes in the URL


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"provider": "nope"}, "Ignored an unknown provider."),
        ({"level": "xyz"}, "Ignored an unknown level."),
        ({"focus": "quantum"}, "Ignored an unknown focus."),
        ({"status": "zombie"}, "Ignored an unknown status."),
        ({"sort": "bogus"}, "Ignored an unknown sort order."),
        ({"max_cost": "abc"}, "Ignored a maximum cost that is not a whole number of US dollars."),
        ({"max_cost": "-5"}, "Ignored a maximum cost"),
        ({"max_cost": "9" * 30}, "Ignored a maximum cost"),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_note(get, params, note):
    response = get(params)

    assert note in response.text
    assert len(card_slugs(response)) == CURRENT_COUNT
    name = next(iter(params))
    assert filter_form(response).get(name, "") == ""  # the control shows its default


def test_unknown_values_are_ignored_but_good_ones_still_apply(get):
    response = get({"provider": "aws", "level": "xyz"})

    assert "Ignored an unknown level." in response.text
    assert len(card_slugs(response)) == 3


def test_a_huge_search_is_shortened_with_a_note(get):
    response = get({"q": "sagemaker " + "x" * 500})

    assert "Your search was shortened to its first 100 characters." in response.text
    assert filter_form(response)["q"] == ("sagemaker " + "x" * 500)[:100]


def test_an_empty_result_explains_what_to_change(get):
    response = get({"provider": "aws", "q": "zzzz"})

    assert count_text(response) == "0 certifications"
    assert "No certifications match these filters" in response.text
    assert "Remove “Search: zzzz”" in response.text
    assert "?provider=aws" in response.text  # removing the search keeps the provider
    assert "include retired certifications" in response.text
    assert 'href="/certifications/">clear all filters</a>' in response.text


# htmx


def test_htmx_requests_get_only_the_results_fragment(get):
    response = get({"provider": "aws"}, **HTMX)

    assert "<html" not in response.text
    assert 'id="catalog-results"' in response.text
    assert len(card_slugs(response)) == 3
    # The count lives outside the fragment (a lasting live region); it is updated out of band.
    assert '<span hx-swap-oob="innerHTML:#catalog-count">3 certifications</span>' in response.text
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("params", "note_or_slug"),
    [
        ({"level": "foundational"}, "google-generative-ai-leader"),
        ({"focus": "generative-ai", "provider": "aws"}, "aws-ai-practitioner"),
        ({"status": "retired"}, "aws-ml-specialty"),
        ({"max_cost": "100"}, "left out because you set a maximum cost"),
        ({"q": "kubeflow"}, "google-professional-ml-engineer"),
        ({"sort": "bogus"}, "Ignored an unknown sort order."),
    ],
)
def test_each_filter_works_in_the_fragment_too(get, params, note_or_slug):
    response = get(params, **HTMX)

    assert "<html" not in response.text
    assert note_or_slug in response.text


def test_boosted_and_history_restore_requests_get_the_full_page(get):
    boosted = get({}, **HTMX, **{"HX-Boosted": "true"})
    restore = get({}, **HTMX, **{"HX-History-Restore-Request": "true"})

    assert "<html" in boosted.text
    assert "<html" in restore.text
    assert '<span hx-swap-oob="innerHTML:#catalog-count">' not in restore.text


def test_the_form_updates_the_results_in_place_and_still_works_without_javascript(get):
    form = re.search(r'<form id="catalog-filters"[^>]*>', get().text).group(0)

    assert 'method="get" action="/certifications/"' in form
    assert 'hx-get="/certifications/"' in form
    assert 'hx-target="#catalog-results"' in form
    assert 'hx-push-url="true"' in form
    assert "hx-indicator=" in form
    assert "hx-trigger=" in form
    assert "hx-on" not in get().text


def test_the_pushed_url_renders_the_same_page_with_the_form_filled_in(get):
    pushed = {
        "q": "pipelines",
        "provider": "google-cloud",
        "level": "",
        "focus": "mlops",
        "status": "",
        "include_retired": "on",
        "max_cost": "300",
        "sort": "cost",
    }

    fragment = get(pushed, **HTMX)
    page = get(pushed)

    assert card_slugs(page) == card_slugs(fragment) == ["google-professional-ml-engineer"]
    assert filter_form(page) == {
        "q": "pipelines",
        "provider": "google-cloud",
        "level": "",
        "focus": "mlops",
        "status": "",
        "include_retired": True,
        "hide_adjacent": False,
        "max_cost": "300",
        "sort": "cost",
    }


def test_every_control_has_a_visible_label(get):
    text = get().text

    for name in ("q", "provider", "level", "focus", "status", "include_retired", "max_cost"):
        assert f'for="id_{name}"' in text
    assert 'for="id_sort"' in text
    assert '<label class="form-check-label" for="compare-aws-ai-practitioner">' in text


# Queries


@pytest.mark.parametrize("extra", [0, 200])
def test_the_list_makes_the_same_three_queries_at_any_size(
    client, catalog_data, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)
    matching = len(PUBLISHED) + extra

    with django_assert_num_queries(3):
        # 1. the providers with published certifications, for the provider filter
        # 2. how many published certifications match the filters
        # 3. this page of them, joined to their providers
        response = client.get(URL, {"include_retired": "on"})

    assert len(card_slugs(response)) == min(matching, 36)
    assert f"{matching} certifications" in response.text


@pytest.mark.parametrize("extra", [0, 200])
def test_the_fragment_makes_the_same_three_queries_at_any_size(
    client, catalog_data, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)
    associate = len(current_slugs(lambda c: c["level"] == "associate")) + extra

    with django_assert_num_queries(3):
        # 1. the providers, to validate the provider filter; 2. how many match; 3. this page
        response = client.get(URL, {"level": "associate", "sort": "cost"}, headers=HTMX)

    assert len(card_slugs(response)) == min(associate, 36)
    assert f"{associate} certifications" in response.text


def test_a_long_list_comes_in_pages_that_keep_the_filters(
    client, catalog_data, make_certifications
):
    make_certifications(80)  # all associate, MLOps, from Acme Learning
    matching = len(current_slugs(lambda c: c["level"] == "associate")) + 80
    first = client.get(URL, {"level": "associate"})

    assert "Page 1 of 3, certifications 1–36" in first.text
    next_page = re.search(r'<a [^>]*rel="next" href="([^"]+)"', first.text).group(1)
    assert "level=associate" in next_page and "page=2" in next_page
    second = client.get(next_page.replace("&amp;", "&"))
    last = client.get(URL, {"level": "associate", "page": "3"})

    assert "Page 2 of 3, certifications 37–72" in second.text
    assert not set(card_slugs(first)) & set(card_slugs(second))
    assert f"certifications 73–{matching}" in last.text
    assert 'rel="next"' not in last.text
    shown = card_slugs(first) + card_slugs(second) + card_slugs(last)
    assert len(set(shown)) == matching


@pytest.mark.parametrize(("page", "shown"), [("99", 2), ("0", 2), ("-1", 2), ("two", 1)])
def test_a_page_number_that_does_not_exist_shows_a_page_that_does(
    client, catalog_data, page, shown, make_certifications
):
    make_certifications(40)  # two pages of the current certifications

    response = client.get(URL, {"page": page})

    assert response.status_code == 200
    assert f"Page {shown} of 2," in response.text
    assert len(card_slugs(response)) > 0
