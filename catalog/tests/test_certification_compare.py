from __future__ import annotations

import re

import pytest
from django.urls import reverse

from catalog.models import Certification

URL = reverse("catalog:certification-compare")
PMLE = "google-professional-ml-engineer"
MLA = "aws-ml-engineer-associate"


def column_names(response) -> list[str]:
    return re.findall(r'<th scope="col">.*?<a href="[^"]+">([^<]+)</a></th>', response.text)


def row_cells(response, label: str) -> list[str]:
    row = re.search(
        rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', response.text, re.S
    ).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_it_compares_two_certifications_side_by_side(client, catalog_data):
    response = client.get(URL, {"c": [PMLE, MLA]})

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert column_names(response) == [
        "Google Cloud Professional Machine Learning Engineer",
        "AWS Certified Machine Learning Engineer – Associate",
    ]
    cost = row_cells(response, "Cost")
    assert cost[0].startswith("US$200 Source: a secondary source for Cost")
    assert cost[1] == "not published not yet confirmed"
    duration = [cell.split(" Source:")[0] for cell in row_cells(response, "Duration")]
    assert duration == ["120 min", "130 min"]
    assert row_cells(response, "Status") == ["Active", "Active"]


def test_it_shows_each_certifications_domains_with_their_weights(client, catalog_data):
    response = client.get(URL, {"c": [PMLE, MLA]})

    domains = row_cells(response, "Exam domains")
    # Google's revised guide does not confirm its weights; AWS publishes exact ones.
    assert "Automating and orchestrating ML pipelines Weight not published" in domains[0]
    assert "Data Preparation for Machine Learning 28%" in domains[1]
    assert '<div class="progress-bar" style="width: 28%"></div>' in response.text


def test_skills_are_rows_with_a_dash_when_not_required(client, catalog_data):
    response = client.get(URL, {"c": [PMLE, MLA]})

    assert row_cells(response, "Google Cloud") == ["4 of 5", "— not required"]
    assert row_cells(response, "AWS") == ["— not required", "3 of 5"]


def test_a_retired_certification_shows_its_status_and_successors(client, catalog_data):
    response = client.get(URL, {"c": ["aws-ml-specialty", MLA]})

    status = row_cells(response, "Status")
    assert status[0].startswith("Retired on 31 March 2026 Replaced by:")
    assert "closest replacement" in status[0]


def test_columns_follow_the_order_in_the_url_and_the_url_is_shareable(client, catalog_data):
    slugs = ["databricks-ml-associate", PMLE, MLA, "aws-ml-specialty"]

    response = client.get(f"{URL}?c={'&c='.join(slugs)}")

    assert response.status_code == 200
    assert [name.split()[0] for name in column_names(response)] == [
        "Databricks",
        "Google",
        "AWS",
        "AWS",
    ]


def test_without_a_selection_it_offers_a_chooser(client, catalog_data):
    response = client.get(URL)

    assert response.status_code == 200
    assert "Choose between 2 and 4 certifications" in response.text
    assert 'name="c" value="aws-ml-specialty" id="pick-aws-ml-specialty"' in response.text


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        ([PMLE], "Choose between 2 and 4 certifications to compare. You chose 1."),
        (
            [PMLE, MLA, "aws-ml-specialty", "aws-ai-practitioner", "databricks-ml-associate"],
            "Choose between 2 and 4 certifications to compare. You chose 5.",
        ),
        ([PMLE, PMLE], f"You chose {PMLE} more than once."),
        (
            [PMLE, MLA, MLA, PMLE],
            f"Choose between 2 and 4 certifications to compare. You chose {MLA}, {PMLE} "
            "more than once.",
        ),
        ([PMLE, "foo"], "Unknown certification: foo."),
        (["foo", "bar<script>"], "Unknown certifications: foo, bar&lt;script&gt;."),
        # PostgreSQL refuses NUL in text: such a value must not reach the database.
        ([PMLE, "nul\x00"], "Unknown certification: nul\x00."),
    ],
)
def test_a_bad_selection_is_a_400_with_a_clear_message(client, catalog_data, slugs, message):
    response = client.get(URL, {"c": slugs})

    assert response.status_code == 400
    assert message in response.text
    assert f'<a href="{reverse("catalog:certification-list")}">Back to the catalog</a>' in (
        response.text
    )
    assert response.text.count("<h1") == 1


def test_a_huge_selection_is_refused_without_a_query(
    client, catalog_data, django_assert_num_queries
):
    with django_assert_num_queries(1):  # only the chooser's list of certifications
        response = client.get(URL, {"c": [f"x{n}" for n in range(1000)]})

    assert response.status_code == 400


def test_an_unpublished_certification_cannot_be_compared(client, catalog_data):
    Certification.objects.filter(slug=MLA).update(published=False)

    response = client.get(URL, {"c": [PMLE, MLA]})

    assert response.status_code == 400
    assert f"Unknown certification: {MLA}." in response.text
    assert f'value="{MLA}"' not in response.text  # nor chosen in the chooser


@pytest.mark.parametrize("extra", [0, 200])
def test_the_compare_page_makes_the_same_six_queries_at_any_size(
    client, catalog_data, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)
    published = Certification.objects.filter(published=True).count()

    with django_assert_num_queries(6):
        # 1. the chosen certifications, joined to their providers
        # 2. their published successors, joined to them and their providers
        # 3. their exam domains
        # 4. their required skills, joined to the skills
        # 5. their fact sources, named beside the facts they source
        # 6. the chosen ones and at most 40 others, for "Change the selection"
        response = client.get(URL, {"c": ["aws-ml-specialty", PMLE]})

    assert response.status_code == 200
    assert len(column_names(response)) == 2
    assert response.text.count('name="c" value="') == min(published, 2 + 40)


def test_in_a_large_catalog_the_picker_finds_what_it_does_not_list(
    client, catalog_data, make_certifications
):
    make_certifications(200)
    listed = client.get(URL)
    assert 'value="acme-cert-0150"' not in listed.text
    assert "Not every certification is listed here" in listed.text

    found = client.get(URL, {"c": ["aws-ml-specialty"], "find": "AC-0150"})

    assert found.status_code == 200
    assert column_names(found) == []  # still choosing: nothing compared, no error
    assert re.findall(r'name="c" value="([^"]+)"', found.text) == [
        "aws-ml-specialty",
        "acme-cert-0150",
    ]
    assert re.search(r'value="aws-ml-specialty" id="pick-aws-ml-specialty" checked', found.text)
    assert "Showing those matching “AC-0150”, and the ones you ticked." in found.text


def test_a_search_that_finds_nothing_says_so(client, catalog_data):
    response = client.get(URL, {"find": "quantum basket weaving"})

    assert response.status_code == 200
    assert "No other certification matches “quantum basket weaving”." in response.text
