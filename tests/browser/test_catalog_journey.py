import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from tests.browser.helpers import assert_same_document, current_count, mark_page, watch

GENAI_PRO = "AWS Certified Generative AI Developer – Professional"
PRACTITIONER = "AWS Certified AI Practitioner"
ML_ENGINEER = "AWS Certified Machine Learning Engineer – Associate"
SPECIALTY = "AWS Certified Machine Learning – Specialty"


def result_names(page) -> list[str]:
    return page.locator("#catalog-results").get_by_role("heading", level=3).all_inner_texts()


def test_visitor_filters_shares_the_url_opens_and_compares(site, curated):
    page = site.page
    site.goto("/certifications/")
    count = page.locator("#catalog-count")
    expect(count).to_have_text(f"{current_count()} certifications")
    mark_page(page)

    page.get_by_label("Provider").select_option(label="AWS")
    expect(count).to_have_text("3 certifications")
    page.get_by_label("Search").fill("generative")
    expect(count).to_have_text("2 certifications")
    assert sorted(result_names(page)) == sorted([GENAI_PRO, PRACTITIONER])
    page.get_by_label("Level").select_option(label="Professional")
    expect(count).to_have_text("1 certification")
    assert result_names(page) == [GENAI_PRO]
    assert_same_document(page)

    # The filters are in the address, so it can be bookmarked and shared.
    expect(page).to_have_url(re.compile(r"\?"))
    query = parse_qs(urlsplit(page.url).query)
    assert query["provider"] == ["aws"]
    assert query["level"] == ["professional"]
    assert query["q"] == ["generative"]

    shared = page.context.new_page()
    watch(shared, site.base_url, site.problems)
    shared.goto(page.url)
    expect(shared.locator("#catalog-count")).to_have_text("1 certification")
    assert result_names(shared) == result_names(page)
    expect(shared.get_by_label("Provider")).to_have_value("aws")
    expect(shared.get_by_label("Search")).to_have_value("generative")

    shared.get_by_role("link", name=GENAI_PRO).click()
    expect(shared.get_by_role("heading", name=GENAI_PRO, level=1)).to_be_visible()
    expect(shared).to_have_url(
        re.compile(r"/certifications/aws-generative-ai-developer-professional/$")
    )
    shared.close()

    page.get_by_label("Level").select_option(label="Any level")
    expect(count).to_have_text("2 certifications")
    page.get_by_role("checkbox", name=f"Compare {PRACTITIONER}").check()
    page.get_by_role("checkbox", name=f"Compare {GENAI_PRO}").check()
    page.get_by_role("button", name="Compare selected").click()

    expect(page.get_by_role("heading", name="Compare certifications", level=1)).to_be_visible()
    table = page.get_by_role("table", name=re.compile("^Comparing"))
    expect(table.get_by_role("columnheader", name=re.compile(PRACTITIONER))).to_be_visible()
    expect(table.get_by_role("columnheader", name=re.compile(GENAI_PRO))).to_be_visible()


def test_visitor_on_a_retired_certification_is_pointed_to_its_successor(site, curated):
    page = site.page
    site.goto("/certifications/?provider=aws")
    expect(page.get_by_role("link", name=SPECIALTY)).to_have_count(0)
    page.get_by_label("Include retired certifications").check()
    expect(page.locator("#catalog-count")).to_have_text("4 certifications")
    page.get_by_role("link", name=SPECIALTY).click()

    expect(page).to_have_url(re.compile(r"/certifications/aws-ml-specialty/$"))
    expect(page.get_by_role("heading", name=SPECIALTY, level=1)).to_be_visible()
    banner = page.get_by_role("status").filter(has=page.get_by_role("heading", name="Retired on"))
    expect(banner).to_contain_text("You can no longer sit this exam")
    expect(banner.get_by_role("heading")).to_have_text("Retired on 31 March 2026")

    banner.get_by_role("link", name=ML_ENGINEER).click()
    expect(page).to_have_url(re.compile(r"/certifications/aws-ml-engineer-associate/$"))
    expect(page.get_by_role("heading", name=ML_ENGINEER, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^Retired"))).to_have_count(0)
