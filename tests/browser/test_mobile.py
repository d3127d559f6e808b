"""A 375 px wide phone: the navigation folds away and no page scrolls sideways."""

from playwright.sync_api import expect

from tests.browser.helpers import (
    NARROW,
    answer_first_questions,
    describe,
    has_horizontal_scroll,
    run_axe,
    sign_in,
    start_assessment,
    wider_than_viewport,
)

PUBLIC_PAGES = {
    "home": "/",
    "catalog": "/certifications/",
    "detail": "/certifications/google-professional-ml-engineer/",
    "retired detail": "/certifications/aws-ml-specialty/",
    "compare": (
        "/certifications/compare/?c=google-professional-ml-engineer"
        "&c=aws-ml-engineer-associate&c=databricks-ml-professional"
    ),
    "assessment start": "/assessment/",
    "sign-in": "/accounts/login/",
    "sign-up": "/accounts/signup/",
}


def test_navigation_collapses_behind_the_toggler(site, db):
    page = site.page
    page.set_viewport_size(NARROW)
    site.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    toggler = nav.get_by_role("button", name="Toggle navigation")
    expect(toggler).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "false")
    for name in ("Catalog", "Self-assessment", "Sign in"):
        expect(nav.get_by_role("link", name=name)).to_be_hidden()

    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    for name in ("Catalog", "Self-assessment", "My plans", "Sign in", "Sign up"):
        expect(nav.get_by_role("link", name=name)).to_be_visible()

    nav.get_by_role("link", name="Catalog").click()
    expect(page.get_by_role("heading", name="Machine-learning certifications")).to_be_visible()
    expect(nav.get_by_role("link", name="Catalog")).to_be_hidden()


def test_no_page_scrolls_sideways_and_axe_passes_on_a_phone(site, curated, alice):
    page = site.page
    page.set_viewport_size(NARROW)
    overflowing = {}
    blocking = {}

    def check(name: str) -> None:
        if has_horizontal_scroll(page):
            overflowing[name] = wider_than_viewport(page)
        # Narrow layouts have their own failures: a table that scrolls must take the focus.
        if violations := run_axe(page, f"{name} at {NARROW['width']} px"):
            blocking[name] = describe(violations)

    for name, path in PUBLIC_PAGES.items():
        site.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check(name)

    start_assessment(page, site.base_url)
    answer_first_questions(page, 2)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Self-assessment: Maths")).to_be_visible()
    check("assessment section")
    page.get_by_role("button", name="Finish now with what I have answered").click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    check("results")

    sign_in(page, site.base_url, alice.email)
    site.goto("/plans/new/google-professional-ml-engineer/")
    check("new plan form")
    page.get_by_role("button", name="Create my plan").click()
    expect(page.locator("#plan-progress")).to_be_visible()
    check("plan detail")
    site.goto("/plans/")
    check("plan dashboard")

    assert not overflowing, f"Pages wider than {NARROW['width']} px: {overflowing}"
    assert not blocking, "Serious or critical axe violations:\n" + "\n".join(
        f"== {name}\n{text}" for name, text in blocking.items()
    )
