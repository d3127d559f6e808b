"""axe-core on every main page, and the accessibility promises axe cannot check by itself."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import (
    answer_first_questions,
    assert_same_document,
    describe,
    mark_page,
    run_axe,
    sign_in,
    start_assessment,
)

PUBLIC_PAGES = {
    "home": "/",
    "catalog": "/certifications/",
    "detail": "/certifications/google-professional-ml-engineer/",
    "retired detail": "/certifications/aws-ml-specialty/",
    "compare": (
        "/certifications/compare/?c=google-professional-ml-engineer"
        "&c=aws-ml-engineer-associate&c=aws-ml-specialty"
    ),
    "compare picker": "/certifications/compare/",
    "catalog changes": "/certifications/changes/",
    "assessment start": "/assessment/",
    "sign-in": "/accounts/login/",
    "sign-up": "/accounts/signup/",
    "guides": "/guides/",
    "guide: assess yourself": "/guides/assess-yourself/",
    "guide: prerequisites": "/guides/prerequisites/",
    "guide: choosing a cloud": "/guides/choosing-a-cloud/",
    "guide: deep learning or classical ML": "/guides/deep-learning-or-classical-ml/",
    "guide: project experience": "/guides/project-experience/",
    "guide: salaries": "/guides/salaries/",
    "guide: keeping current": "/guides/keeping-current/",
}


def record_a_change() -> None:
    """One entry on the changes page, as the admin would record it."""
    from catalog.changes import describe, facts_of_certification, record
    from catalog.models import Certification

    cert = Certification.objects.get(slug="aws-ml-specialty")
    record(
        cert,
        describe(
            {**facts_of_certification(cert), "status": "active"}, facts_of_certification(cert)
        ),
    )


def assert_no_blocking_violations(found: dict[str, list[dict]]) -> None:
    failing = {name: violations for name, violations in found.items() if violations}
    assert not failing, "Serious or critical axe violations:\n" + "\n".join(
        f"== {name}\n{describe(violations)}" for name, violations in failing.items()
    )


def test_public_pages_have_no_serious_violations(site, curated):
    page = site.page
    found = {}
    record_a_change()
    for name, path in PUBLIC_PAGES.items():
        site.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        found[name] = run_axe(page, name)

    # The catalog again, after htmx replaced its results.
    site.goto("/certifications/")
    mark_page(page)
    page.get_by_label("Provider").select_option(label="Google Cloud")
    expect(page.locator("#catalog-count")).to_have_text("2 certifications")
    found["catalog after an htmx update"] = run_axe(page, "catalog filtered")
    page.get_by_label("Search").fill("no such certification anywhere")
    expect(page.locator("#catalog-count")).to_have_text("0 certifications")
    expect(
        page.get_by_role("heading", name="No certifications match these filters")
    ).to_be_visible()
    assert_same_document(page)
    found["catalog after an htmx update, no results"] = run_axe(page, "catalog empty")
    expect(page.locator("#catalog-count")).to_have_attribute("aria-live", "polite")

    assert_no_blocking_violations(found)


def test_assessment_pages_are_accessible_and_keep_focus_and_live_regions(site, curated):
    page = site.page
    found = {}
    start_assessment(page, site.base_url)
    progress = page.locator("#assessment-progress")
    panel = page.locator("#recommendation-panel")
    expect(progress).to_have_attribute("aria-live", "polite")
    expect(panel).to_have_attribute("aria-live", "polite")

    answer_first_questions(page, 3)
    # After the htmx swap, the focus is still inside the question just answered, not lost to <body>.
    answered = page.locator("fieldset.question").nth(2)
    answered_id = answered.get_attribute("id")
    focused_question = page.evaluate(
        "document.activeElement.closest('fieldset.question')?.id ?? null"
    )
    assert focused_question == answered_id, (
        f"Focus left the answered question: it is on "
        f"{page.evaluate('document.activeElement.outerHTML.slice(0, 120)')}"
    )
    # The out-of-band swaps replace the regions' contents, so the live regions themselves stay.
    expect(progress).to_have_attribute("aria-live", "polite")
    expect(panel).to_have_attribute("aria-live", "polite")
    expect(panel).to_contain_text("Your best fits so far")
    expect(page.get_by_role("progressbar")).to_have_accessible_name(
        re.compile("3 of at most 35 questions answered")
    )
    found["assessment section, mid-way"] = run_axe(page, "section")

    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Self-assessment: Your experience")).to_be_visible()
    answer_first_questions(page, 2, already=3)
    found["assessment section 2, mid-way"] = run_axe(page, "section 2")

    page.get_by_role("link", name=re.compile(r"^3\. Knowledge checks")).click()
    page.locator("#check-slot").get_by_label("I don't know").check()
    page.get_by_role("button", name="Answer", exact=True).click()
    expect(progress).to_contain_text("6 of at most 35")
    found["assessment checks, mid-way"] = run_axe(page, "checks")

    page.get_by_role("button", name="Finish now with what I have answered").click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    found["results"] = run_axe(page, "results")

    # The chart is an image with a name, and its figures are in a table beside it.
    chart = page.get_by_role("img", name=re.compile("Skill levels"))
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name=re.compile("^Skill levels"))
    expect(table).to_be_visible()
    bars = chart.locator(".chart-bar").count()
    assert bars > 0
    expect(table.locator("tbody tr")).to_have_count(bars)
    expect(table.get_by_role("rowheader").first).to_have_text(
        chart.locator(".chart-label").first.text_content()
    )

    assert_no_blocking_violations(found)


def create_plan(page, base_url: str, slug: str = "google-professional-ml-engineer") -> None:
    page.goto(f"{base_url}/plans/new/{slug}/")
    page.get_by_role("button", name="Create my plan").click()
    expect(page.get_by_text(re.compile("Your plan for .* is ready"))).to_be_visible()


def plan_item(page, index: int):
    item = (
        page.locator("#plan-weeks")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", level=4))
        .nth(index)
    )
    return page.locator("#" + item.get_attribute("id"))


def test_guides_with_a_persons_own_results_have_no_serious_violations(site, curated, alice):
    from guides.tests.conftest import finish_assessment

    finish_assessment(alice, {"linear-algebra": 2, "python": 4}, cloud="aws")
    page = site.page
    found = {}
    sign_in(page, site.base_url, alice.email)
    site.goto("/guides/prerequisites/")
    expect(page.get_by_role("columnheader", name="Your level")).to_be_visible()
    found["prerequisites, signed in"] = run_axe(page, "prerequisites signed in")
    site.goto("/guides/choosing-a-cloud/")
    expect(page.get_by_text("Your employer's cloud", exact=True)).to_be_visible()
    found["choosing a cloud, signed in"] = run_axe(page, "cloud signed in")
    assert_no_blocking_violations(found)


def test_plan_pages_have_no_serious_violations(site, curated, alice):
    page = site.page
    found = {}
    sign_in(page, site.base_url, alice.email)
    site.goto("/plans/")
    found["plan dashboard, empty"] = run_axe(page, "dashboard empty")
    site.goto("/plans/new/google-professional-ml-engineer/")
    found["new plan form"] = run_axe(page, "plan form")
    create_plan(page, site.base_url)
    found["plan detail"] = run_axe(page, "plan detail")

    expect(page.locator("#plan-progress")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#plan-pace")).to_have_attribute("aria-live", "polite")
    plan_item(page, 0).get_by_role("button", name=re.compile("^Mark done")).click()
    expect(plan_item(page, 0)).to_contain_text("Done")
    plan_item(page, 1).locator("summary").click()
    found["plan detail, an item's menu open"] = run_axe(page, "item menu")
    plan_item(page, 1).get_by_role("button", name=re.compile("^Skip")).click()
    expect(page.get_by_role("heading", name=re.compile("^Skipped"))).to_be_visible()
    expect(page.locator("#plan-progress")).to_have_attribute("aria-live", "polite")
    found["plan detail, items done and skipped (htmx)"] = run_axe(page, "plan detail after")

    # Hours logged over htmx: the time spent and the activity calendar change in place.
    item = plan_item(page, 2)
    item.locator("summary").click()
    item.get_by_label(re.compile("^Hours today")).fill("1.5")
    item.get_by_role("button", name=re.compile("^Log")).click()
    expect(page.locator("#plan-spent")).to_contain_text("1.5 h spent")
    expect(page.locator("#plan-spent")).to_have_attribute("aria-live", "polite")
    chart = page.get_by_role("img", name=re.compile("^Activity over the last 26 weeks"))
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_name(re.compile("1 day with progress, 1.5 h logged"))
    page.get_by_text("The days with progress, as a table").click()
    days = page.get_by_role("table", name=re.compile("^Days with progress"))
    expect(days.locator("tbody tr")).to_have_count(1)
    expect(days.locator("tbody tr")).to_contain_text("1.5 h")
    found["plan detail, hours logged and the activity table open (htmx)"] = run_axe(
        page, "plan detail activity"
    )

    site.goto("/plans/")
    found["plan dashboard"] = run_axe(page, "dashboard")
    expect(page.get_by_role("img", name=re.compile("^Activity over the last"))).to_be_visible()
    assert_no_blocking_violations(found)


def test_credential_pages_have_no_serious_violations(site, curated, alice):
    """Passing the exam on a plan turns it into a credential; the list, the form to record one
    by hand and the reminder choice on the account page pass axe."""
    page = site.page
    found = {}
    sign_in(page, site.base_url, alice.email)
    create_plan(page, site.base_url)
    page.get_by_label("I passed").check()
    page.get_by_label("Exam taken on").fill("2026-01-05")
    page.get_by_role("button", name="Save the result").click()
    expect(page.get_by_role("heading", name="My credentials", level=1)).to_be_visible()
    expect(
        page.get_by_role("heading", name="Google Cloud Professional Machine Learning Engineer")
    ).to_be_visible()
    found["credentials, one from a plan"] = run_axe(page, "credentials")

    page.get_by_role("link", name="Record a credential").click()
    found["record a credential"] = run_axe(page, "credential form")
    page.get_by_label("Name, if the catalog does not list it").fill("Kubernetes CKAD")
    page.get_by_label("Earned on").fill("2025-02-03")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Kubernetes CKAD")).to_be_visible()
    found["credentials, two"] = run_axe(page, "credentials two")

    site.goto("/accounts/")
    page.get_by_label("Email me a weekly digest").check()
    page.get_by_role("button", name="Save reminder choice").click()
    expect(page.get_by_text("You will get a weekly digest by email.")).to_be_visible()
    found["account with reminders"] = run_axe(page, "account")
    assert_no_blocking_violations(found)


def test_focus_stays_in_the_plan_item_after_marking_it_done(site, curated, alice):
    page = site.page
    sign_in(page, site.base_url, alice.email)
    create_plan(page, site.base_url)
    item = plan_item(page, 0)
    item_id = item.get_attribute("id")
    item.get_by_role("button", name=re.compile("^Mark done")).focus()
    page.keyboard.press("Enter")
    expect(item).to_contain_text("Done")
    # htmx settles the swap a moment later; wait for the focus to come back, then check where.
    page.wait_for_function(
        "id => document.activeElement.closest('li.plan-item')?.id === id", arg=item_id, timeout=3000
    )
    focused_item = page.evaluate("document.activeElement.closest('li.plan-item')?.id ?? null")
    assert focused_item == item_id, page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
