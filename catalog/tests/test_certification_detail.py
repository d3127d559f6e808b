from __future__ import annotations

import re

import pytest
from django.urls import reverse

from catalog.models import Certification, Status


def detail_url(slug: str) -> str:
    return reverse("catalog:certification-detail", args=[slug])


def fact(response, label: str) -> str:
    """The text of one row of the facts table, without the source named beside it."""
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td>(.*?)</td>', response.text)
    assert match, f"no {label!r} row"
    value = re.sub(r'<span class="fact-source.*', "", match.group(1))
    return re.sub(r"<[^>]+>", "", value).strip()


def fact_source(response, label: str) -> str:
    """The source named beside a fact, as text."""
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td>(.*?)</td>', response.text)
    sources = re.findall(
        r'<span class="fact-source small d-block">(.*?)</span>(?=<span class="fact|$)',
        match.group(1),
    )
    return " | ".join(re.sub(r"<[^>]+>", "", source) for source in sources)


@pytest.fixture
def get(client, catalog_data):
    def get(slug: str):
        response = client.get(detail_url(slug))
        assert response.status_code == 200
        return response

    return get


def test_it_shows_the_name_as_the_only_heading_one(get):
    response = get("google-professional-ml-engineer")

    assert response.text.count("<h1") == 1
    assert "<h1>Google Cloud Professional Machine Learning Engineer</h1>" in response.text


def test_it_shows_every_fact_and_says_which_are_not_published(get):
    response = get("google-professional-ml-engineer")

    assert fact(response, "Provider") == "Google Cloud"
    assert fact(response, "Exam code") == "not published"
    assert fact(response, "Level") == "Professional"
    assert fact(response, "Focus") == "MLOps"
    assert fact(response, "Format") == "Multiple choice"
    assert fact(response, "Cost") == "US$200"
    assert fact_source(response, "Cost").startswith("Source: a secondary source for Cost")
    assert fact(response, "Duration") == "120 min"
    assert fact(response, "Questions") == "50–60"
    assert fact(response, "Passing score") == "Not published (pass or fail only)"
    assert fact_source(response, "Passing score").startswith(
        "Source: the provider for Passing score, checked 2 December 2026"
    )
    assert fact(response, "Languages") == "English, Japanese"
    assert fact(response, "Delivery") == "Online proctored or at a test centre"
    assert fact(response, "Valid for") == "24 months"
    assert fact(response, "Renewal").startswith(
        "Pass the current exam again, from 60 days before expiry, up to 30 days after it"
    )
    assert fact(response, "Recommended experience").startswith("At least three years")
    assert fact(response, "Prerequisites") == "None"


def test_a_certification_with_few_published_figures_says_so(get):
    response = get("azure-mlops-engineer-associate")

    for label in ("Cost", "Duration", "Questions", "Passing score", "Languages"):
        assert fact(response, label).startswith("not published"), label


def test_a_certification_without_published_domains_says_so(client, catalog_data):
    Certification.objects.get(slug="azure-mlops-engineer-associate").domains.all().delete()

    response = client.get(detail_url("azure-mlops-engineer-associate"))

    assert 'The exam domains are <span class="not-published">not published</span>.' in (
        response.text
    )


def test_it_lists_the_facts_not_yet_confirmed(get):
    response = get("google-professional-ml-engineer")

    assert "Not yet confirmed: exam domains." in response.text
    assert "These domains come from" in response.text  # and the page says where from


def test_it_names_its_source_and_when_the_facts_were_checked(get):
    response = get("google-professional-ml-engineer")
    page = "https://cloud.google.com/certification/practice-exam/machine-learning-engineer"
    guide = "https://cloud.google.com/learn/certification/guides/machine-learning-engineer"

    assert f'Source: <a href="{page}"' in response.text
    assert "(the provider's own page)" in response.text
    assert f'Official exam guide: <a href="{guide}"' in response.text
    assert "Facts checked on 2 December 2026." in response.text


def test_it_shows_exam_domains_with_weight_bars_and_topics(get):
    response = get("aws-ml-engineer-associate")

    assert "Data Preparation for Machine Learning" in response.text
    assert '<div class="progress-bar" style="width: 28%"></div>' in response.text
    assert '<span class="domain-weight-label">28%</span>' in response.text
    assert "Ingesting and storing data with S3, EFS, FSx and Kinesis" in response.text
    assert "Skills: Data libraries (NumPy, pandas), Responsible AI, AWS" in response.text


def test_a_domain_without_a_weight_says_not_published(client, catalog_data):
    certification = Certification.objects.get(slug="google-professional-ml-engineer")
    certification.domains.update(weight=None)

    response = client.get(detail_url(certification.slug))

    assert "progress-bar" not in response.text
    assert response.text.count('Weight <span class="not-published">not published</span>') == 6


def test_it_shows_required_skills_with_a_level_out_of_five(get):
    response = get("google-professional-ml-engineer")

    row = re.search(r"<th scope=\"row\">Google Cloud</th><td>(.*?)</td>", response.text).group(1)
    assert "4 of 5" in row
    assert row.count("skill-dot is-filled") == 4
    assert 'aria-hidden="true"' in row  # the dots are decoration; the text says the level


def test_it_lists_resources_with_kind_and_price(get):
    response = get("google-professional-ml-engineer")

    assert ">Official practice exam</a>" in response.text
    assert "· Practice exam · Free" in response.text


def test_it_offers_the_self_assessment_and_a_study_plan(get):
    response = get("google-professional-ml-engineer")

    assert f'href="{reverse("assessments:start")}">Take the self-assessment</a>' in response.text
    assert 'href="/plans/new/google-professional-ml-engineer/">Start a study plan</a>' in (
        response.text
    )


def test_it_offers_to_compare_with_another_certification(get):
    response = get("google-professional-ml-engineer")

    form = re.search(r'<form class="compare-with.*?</form>', response.text, re.S).group(0)
    assert f'action="{reverse("catalog:certification-compare")}"' in form
    assert '<input type="hidden" name="c" value="google-professional-ml-engineer">' in form
    assert '<label class="form-label" for="compare-with">Compare with…</label>' in form
    assert '<option value="aws-ml-engineer-associate">' in form
    assert '<option value="google-professional-ml-engineer">' not in form


def test_a_retired_certification_names_its_successors_with_their_notes(get):
    response = get("aws-ml-specialty")

    assert "Retired on 31 March 2026" in response.text
    assert 'role="status"' in response.text
    successor = reverse("catalog:certification-detail", args=["aws-ml-engineer-associate"])
    assert f'<a href="{successor}">AWS Certified Machine Learning Engineer – Associate</a>' in (
        response.text
    )
    assert "Choose this if you build, deploy and run models on SageMaker" in response.text
    assert "Start a study plan" not in response.text
    assert (
        'href="/plans/new/aws-ml-engineer-associate/">'
        "Plan for AWS Certified Machine Learning Engineer – Associate instead</a>"
    ) in response.text


def test_a_retired_certification_without_successor_says_so(get):
    response = get("tensorflow-developer-certificate")

    assert "Retired on 1 May 2024" in response.text
    assert "the provider has named no successor" in response.text
    assert "Start a study plan" not in response.text


def test_a_retiring_certification_gives_its_date(client, catalog_data):
    Certification.objects.filter(slug="databricks-ml-associate").update(
        status=Status.RETIRING, status_date="2027-01-31"
    )

    response = client.get(detail_url("databricks-ml-associate"))

    assert "Retiring on 31 January 2027" in response.text
    assert "Start a study plan" in response.text


def test_unpublished_successors_are_not_offered(client, catalog_data):
    Certification.objects.filter(slug="aws-ml-engineer-associate").update(published=False)

    response = client.get(detail_url("aws-ml-specialty"))

    assert "AWS Certified Machine Learning Engineer – Associate" not in response.text
    assert "AWS Certified Generative AI Developer – Professional" in response.text


def test_an_unpublished_certification_is_not_found(client, catalog_data):
    Certification.objects.filter(slug="aws-ai-practitioner").update(published=False)

    assert client.get(detail_url("aws-ai-practitioner")).status_code == 404


def test_an_unknown_certification_is_not_found(client, catalog_data):
    assert client.get(detail_url("no-such-thing")).status_code == 404


@pytest.mark.parametrize("extra", [0, 200])
def test_the_detail_page_makes_the_same_eight_queries_at_any_size(
    client, catalog_data, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)
    others = Certification.objects.filter(published=True).count() - 1

    with django_assert_num_queries(8):
        # 1. the certification, joined to its provider
        # 2. its exam domains
        # 3. the skills of those domains
        # 4. its required skills, joined to the skills
        # 5. its published successors, joined to them and their providers
        # 6. its fact sources, named beside the facts they source
        # 7. its resources
        # 8. at most 40 other published certifications, the closest first, for "Compare with…"
        response = client.get(detail_url("aws-ml-specialty"))

    assert response.status_code == 200
    assert response.text.count('<option value="') == 1 + min(others, 40)  # "Choose…" and others


@pytest.mark.parametrize("old", ["azure-ai-fundamentals-ai-900", "azure-ai-fundamentals-ai-901"])
def test_the_old_azure_ai_fundamentals_pages_lead_to_the_one_credential(client, catalog_data, old):
    response = client.get(detail_url(old))

    assert response.status_code == 301
    assert response["Location"] == detail_url("azure-ai-fundamentals")
    page = client.get(response["Location"]).text
    assert "AI-901" in page


def test_in_a_large_catalog_compare_with_offers_the_closest_certifications(
    client, catalog_data, make_certifications
):
    make_certifications(200)  # associates from another provider

    response = client.get(detail_url("aws-ml-specialty"))

    offered = re.findall(r'<option value="([^"]+)"', response.text)
    other_aws = Certification.objects.filter(provider__slug="aws", published=True).exclude(
        slug="aws-ml-specialty"
    )
    assert len(offered) == 40
    assert {c.slug for c in other_aws} <= set(offered)
