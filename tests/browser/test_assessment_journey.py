import re

from playwright.sync_api import expect

from assessments.models import Answer, Attempt
from conftest import PASSWORD
from tests.browser.helpers import confirm_sign_up_from_mail
from tests.browser.test_accounts_journey import PASSWORD_LABEL


def mark_page(page) -> None:
    """A flag that only survives if the page is never reloaded."""
    page.evaluate("document.body.dataset.sameDocument = 'yes'")


def assert_same_document(page) -> None:
    assert page.evaluate("document.body.dataset.sameDocument") == "yes"


def test_visitor_answers_sees_live_recommendations_finishes_and_keeps_the_attempt(site, curated):
    page = site.page
    site.goto("/assessment/")
    page.get_by_role("button", name="Start the self-assessment").click()
    expect(page.get_by_role("heading", name="Self-assessment: About you")).to_be_visible()
    mark_page(page)
    panel = page.locator("#recommendation-panel")
    progress = page.locator("#assessment-progress")
    expect(panel).to_contain_text("Answer a few questions")

    page.get_by_role("group", name=re.compile("Which cloud")).get_by_label(
        re.compile("Google Cloud")
    ).check()
    expect(progress).to_contain_text("1 of at most 35 questions answered")
    expect(panel).to_contain_text("Your best fits so far")
    first_ranking = panel.inner_text()

    page.get_by_role(
        "group", name=re.compile("years have you worked with machine learning")
    ).get_by_role("radio").last.check()
    expect(progress).to_contain_text("2 of at most 35 questions answered")
    page.get_by_role("group", name=re.compile("kind of machine-learning work")).get_by_role(
        "radio"
    ).first.check()
    expect(progress).to_contain_text("3 of at most 35 questions answered")
    expect(panel).not_to_have_text(first_ranking)
    assert_same_document(page)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "3")

    page.get_by_role("button", name="Finish now with what I have answered").click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Your top pick", exact=True)).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Skill levels"))).to_be_visible()

    page.get_by_role("link", name="Sign up", exact=True).first.click()
    page.get_by_label("Email").fill("erin@example.com")
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_label(re.compile("Password confirmation")).fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    confirm_sign_up_from_mail(site)
    expect(page.get_by_text("Your self-assessment answers are now saved")).to_be_visible()

    page.get_by_role("link", name="erin@example.com").click()
    page.get_by_role("link", name=re.compile("Finished .*see the results")).click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    assert Attempt.objects.get().user.email == "erin@example.com"


def test_knowledge_checks_come_one_at_a_time_and_are_answered_on_purpose(site, curated):
    page = site.page
    site.goto("/assessment/")
    page.get_by_role("button", name="Start the self-assessment").click()
    page.get_by_role("link", name=re.compile(r"^3\. Knowledge checks")).click()
    expect(page.get_by_role("heading", name="Self-assessment: Knowledge checks")).to_be_visible()
    mark_page(page)
    check = page.locator("#check-slot fieldset.question")
    first_id = check.get_attribute("id")
    radios = check.get_by_role("radio")
    expect(radios.last).to_have_accessible_name("I don't know")

    # Moving through the choices with the arrow keys saves nothing: only Answer does.
    radios.first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(radios.nth(1)).to_be_checked()
    assert not Answer.objects.exists()

    page.get_by_role("button", name="Answer", exact=True).focus()
    page.keyboard.press("Enter")
    expect(check).not_to_have_id(first_id)
    expect(page.locator("#assessment-progress")).to_contain_text("1 of at most 35")
    expect(check.get_by_role("radio").first).to_be_focused()
    assert_same_document(page)
    assert Answer.objects.count() == 1
