"""The three-year cost as people read it: on a certification's page, its card and the compare
table, from the curated catalog."""

from __future__ import annotations

import re

from django.urls import reverse

from catalog.tests.test_certification_compare import row_cells

PMLE = "google-professional-ml-engineer"
DATABRICKS = "databricks-ml-associate"
AZURE_BETA = "azure-mlops-engineer-associate"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_page_states_the_cost_over_three_years(client, catalog_data):
    response = client.get(reverse("catalog:certification-detail", args=[DATABRICKS]))

    assert "US$200 now, re-take every 2 years: US$400 over 3 years." in text_of(response.text)


def test_the_page_says_not_published_instead_of_a_guess(client, catalog_data):
    response = client.get(reverse("catalog:certification-detail", args=[AZURE_BETA]))

    assert "Exam fee not published, free renewal yearly." in text_of(response.text)


def test_each_card_shows_the_total(client, catalog_data):
    response = client.get(reverse("catalog:certification-list"), {"q": "Databricks Machine"})

    card = re.search(r'id="card-databricks-ml-associate".*?</article>', response.text, re.S)
    assert "Over 3 years US$400" in text_of(card.group(0))


def test_the_compare_table_has_a_row_for_it(client, catalog_data):
    response = client.get(reverse("catalog:certification-compare"), {"c": [PMLE, AZURE_BETA]})

    cells = row_cells(response, "Cost over 3 years")
    assert cells[0].startswith("US$200 now, re-take every 2 years at US$100: US$300 over 3 years.")
    assert cells[1].startswith("Exam fee not published, free renewal yearly.")
