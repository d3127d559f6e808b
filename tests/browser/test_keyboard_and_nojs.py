"""The journeys that must work for someone on a keyboard alone, and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Attempt
from tests.browser.conftest import Site
from tests.browser.helpers import (
    assert_same_document,
    current_count,
    download_calendar,
    mark_page,
    question_group,
    save_artifacts_on_failure,
    sign_in,
    swapped,
    tab_to,
    watch,
)

CLOUD = "Which cloud platform"
ML_YEARS = "years have you worked with machine learning"


def test_keyboard_user_takes_the_assessment(site, curated):
    page = site.page
    site.goto("/assessment/")
    tab_to(page, page.get_by_role("button", name="Start the self-assessment"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Self-assessment: About you")).to_be_visible()
    mark_page(page)
    progress = page.locator("#assessment-progress")

    cloud = question_group(page, CLOUD)
    tab_to(page, cloud.get_by_role("radio").first)
    page.keyboard.press("Space")
    expect(progress).to_contain_text("1 of at most 35 questions answered")
    expect(cloud).to_contain_text("Saved")
    # htmx swapped the question in place; the focus is still on the radio that was picked.
    expect(cloud.get_by_role("radio").first).to_be_focused()

    # Arrow keys move the choice within the question, and the new choice is saved.
    with swapped(cloud), page.expect_response(re.compile(r"/answer/$")):
        page.keyboard.press("ArrowDown")
    expect(cloud.get_by_role("radio").nth(1)).to_be_checked()
    expect(cloud.get_by_role("radio").nth(1)).to_be_focused()
    second_label = cloud.get_by_role("radio").nth(1).evaluate("radio => radio.labels[0].innerText")
    assert Answer.objects.get(question__key="context-employer-cloud").choice.label in second_label
    expect(progress).to_contain_text("1 of at most 35 questions answered")

    # Tab leaves the radio group for the next question.
    years = question_group(page, ML_YEARS)
    page.keyboard.press("Tab")
    expect(years.get_by_role("radio").first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(progress).to_contain_text("2 of at most 35 questions answered")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "2")
    assert_same_document(page)

    tab_to(page, page.get_by_role("button", name="Save and continue"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Self-assessment: Your experience")).to_be_visible()

    tab_to(page, page.get_by_role("link", name="Back to the previous section"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Self-assessment: About you")).to_be_visible()
    expect(question_group(page, CLOUD).get_by_role("radio").nth(1)).to_be_checked()

    tab_to(page, page.get_by_role("button", name="Finish now with what I have answered"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    assert Attempt.objects.get().answers.count() == 2


@pytest.fixture
def nojs(browser, live_server, request) -> Site:
    """Like `site`, but in a context with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Site(page=page, base_url=live_server.url)
    watch(page, watched.base_url, watched.problems)
    yield watched
    save_artifacts_on_failure(page, request, watched.problems)
    context.close()
    assert not watched.problems, "The browser saw problems:\n" + "\n".join(watched.problems)


def test_without_javascript_the_catalog_filters_and_compares(nojs, curated):
    page = nojs.page
    nojs.goto("/certifications/")
    expect(page.locator("#catalog-count")).to_have_text(f"{current_count()} certifications")

    page.get_by_label("Provider").select_option(label="AWS")
    page.get_by_label("Search").fill("generative")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"provider=aws"))
    expect(page.locator("#catalog-count")).to_have_text("2 certifications")
    cards = page.locator("#catalog-results").get_by_role("heading", level=3)
    expect(cards).to_have_text(
        ["AWS Certified AI Practitioner", "AWS Certified Generative AI Developer – Professional"]
    )

    page.get_by_role("checkbox", name="Compare AWS Certified AI Practitioner").check()
    page.get_by_role("checkbox", name=re.compile("Compare AWS Certified Generative AI")).check()
    page.get_by_role("button", name="Compare selected").click()
    table = page.get_by_role("table", name=re.compile("^Comparing"))
    expect(table.get_by_role("columnheader")).to_have_count(2)


def test_without_javascript_the_assessment_saves_each_section_and_finishes(nojs, curated):
    page = nojs.page
    nojs.goto("/assessment/")
    page.get_by_role("button", name="Start the self-assessment").click()
    expect(page.get_by_role("heading", name="Self-assessment: About you")).to_be_visible()
    question_group(page, CLOUD).get_by_label(re.compile("Google Cloud")).check()
    question_group(page, ML_YEARS).get_by_role("radio").last.check()
    expect(page.locator("#assessment-progress")).to_contain_text(
        "0 of at most 35 questions answered"
    )

    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Self-assessment: Your experience")).to_be_visible()
    expect(page.locator("#assessment-progress")).to_contain_text(
        "2 of at most 35 questions answered"
    )

    page.get_by_role("link", name=re.compile(r"^3\. Knowledge checks")).click()
    expect(page.get_by_role("heading", name="Self-assessment: Knowledge checks")).to_be_visible()
    first = page.locator("fieldset.question").get_attribute("id")
    page.locator("fieldset.question").get_by_label("I don't know").check()
    page.get_by_role("button", name="Answer", exact=True).click()
    expect(page.locator("#assessment-progress")).to_contain_text("3 of at most 35")
    expect(page.locator("fieldset.question")).not_to_have_id(first)
    page.get_by_role("button", name="Finish now with what I have answered").click()

    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    attempt = Attempt.objects.get()
    assert attempt.is_finished
    assert attempt.answers.count() == 3
    # The review is folded per skill; a summary opens it, without JavaScript too.
    page.locator("#review-heading ~ details summary").first.click()
    expect(page.get_by_text("You said you don't know")).to_be_visible()


CERT = "Google Cloud Professional Machine Learning Engineer"
CERT_PATH = "/certifications/google-professional-ml-engineer/"


def plan_items(page):
    return (
        page.locator("#plan-weeks")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", level=4))
    )


def test_keyboard_user_plans_from_a_certification_and_ticks_items(site, curated, alice):
    page = site.page
    sign_in(page, site.base_url, alice.email)
    site.goto(CERT_PATH)
    tab_to(page, page.get_by_role("link", name="Start a study plan"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=f"Plan your way to {CERT}")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Create my plan"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=CERT, level=1)).to_be_visible()
    mark_page(page)
    progress = page.locator("#plan-progress")
    pace = page.locator("#plan-pace")
    expect(pace).to_contain_text("On track")

    first = page.locator("#" + plan_items(page).first.get_attribute("id"))
    second = page.locator("#" + plan_items(page).nth(1).get_attribute("id"))
    tab_to(page, first.get_by_role("button", name=re.compile("^Mark done")))
    page.keyboard.press("Enter")
    expect(first).to_contain_text("Done")
    expect(progress).to_contain_text(re.compile(r"· 1 of \d+ items"))
    expect(pace).to_contain_text(re.compile(r"planned by today, [1-9]\d* h done"))

    # The other actions fold behind "More", a disclosure the keyboard opens with Enter.
    tab_to(page, second.locator("summary"))
    page.keyboard.press("Enter")
    tab_to(page, second.get_by_role("button", name=re.compile("^Start")))
    page.keyboard.press("Enter")
    expect(second).to_contain_text("In progress")
    assert_same_document(page)


def test_without_javascript_a_plan_is_created_ticked_and_exported(nojs, curated, alice):
    page = nojs.page
    sign_in(page, nojs.base_url, alice.email)
    nojs.goto(CERT_PATH)
    page.get_by_role("link", name="Start a study plan").click()
    page.get_by_role("button", name="Create my plan").click()
    expect(page.get_by_role("heading", name=CERT, level=1)).to_be_visible()
    progress = page.locator("#plan-progress")
    expect(progress).to_contain_text(re.compile(r"· 0 of \d+ items"))

    first_id = plan_items(page).first.get_attribute("id")
    page.locator(f"#{first_id}").get_by_role("button", name=re.compile("^Mark done")).click()
    expect(page).to_have_url(re.compile(rf"/plans/\d+/#{first_id}$"))
    expect(progress).to_contain_text(re.compile(r"· 1 of \d+ items"))
    expect(page.locator(f"#{first_id}")).to_contain_text("Done")
    expect(page.locator("#plan-pace")).to_contain_text(
        re.compile(r"planned by today, [1-9]\d* h done")
    )

    assert "[done] " in download_calendar(page)
