"""A 375 px wide phone: the navigation folds away and no page scrolls sideways."""

import re

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


def test_the_navigation_opens_and_closes_from_the_keyboard_on_a_phone(site, db):
    page = site.page
    page.set_viewport_size(NARROW)
    site.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    toggler = nav.get_by_role("button", name="Toggle navigation")

    # The skip link, the site's name, then the toggler.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(toggler).to_be_focused()
    page.keyboard.press("Enter")
    expect(toggler).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Catalog")).to_be_focused()
    # Bootstrap ignores the toggler while the menu is still sliding open, as a person would see.
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bshow\b"))

    page.keyboard.press("Shift+Tab")
    expect(toggler).to_be_focused()
    page.keyboard.press("Space")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Catalog")).to_be_hidden()


def test_no_page_scrolls_sideways_and_axe_passes_on_a_phone(site, curated, alice):
    from tests.browser.test_accessibility import record_a_change

    record_a_change()
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
    expect(page.get_by_role("heading", name="Self-assessment: Your experience")).to_be_visible()
    check("assessment section")
    page.get_by_role("link", name=re.compile(r"^3\. Knowledge checks")).click()
    expect(page.get_by_role("button", name="Answer", exact=True)).to_be_visible()
    check("assessment checks")
    page.get_by_role("button", name="Finish now with what I have answered").click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    check("results")

    sign_in(page, site.base_url, alice.email)
    for guide in ("prerequisites", "choosing-a-cloud"):
        site.goto(f"/guides/{guide}/")
        check(f"guide {guide}, signed in with results")
    site.goto("/plans/new/google-professional-ml-engineer/")
    check("new plan form")
    page.get_by_role("button", name="Create my plan").click()
    expect(page.locator("#plan-progress")).to_be_visible()
    check("plan detail")
    site.goto("/plans/")
    check("plan dashboard")
    site.goto("/")
    expect(page.get_by_role("heading", name="This week", level=1)).to_be_visible()
    check("home, signed in")
    hold_credentials(alice)
    site.goto("/credentials/")
    expect(page.get_by_role("heading", name="My credentials", level=1)).to_be_visible()
    check("credentials")
    site.goto("/credentials/new/")
    check("record a credential")

    assert not overflowing, f"Pages wider than {NARROW['width']} px: {overflowing}"
    assert not blocking, "Serious or critical axe violations:\n" + "\n".join(
        f"== {name}\n{text}" for name, text in blocking.items()
    )


def hold_credentials(user) -> None:
    """A current credential, a retired one with its successor, and one the catalog lacks."""
    from datetime import date

    from catalog.models import Certification
    from credentials.models import Credential

    for slug in ("google-professional-ml-engineer", "aws-ml-specialty"):
        cert = Certification.objects.get(slug=slug)
        Credential.objects.create(user=user, certification=cert, earned_on=date(2025, 6, 1))
    Credential.objects.create(user=user, name="Kubernetes CKAD", earned_on=date(2024, 2, 3))


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= height


def test_the_catalog_filters_fold_behind_a_button_so_the_first_result_is_in_view(site, curated):
    page = site.page
    page.set_viewport_size(NARROW)
    site.goto("/certifications/?level=professional")
    toggle = page.locator("summary", has_text="Filters")
    first_card = page.locator(".certification-card").first

    expect(toggle).to_have_text("Filters (1)")
    expect(page.get_by_label("Provider")).to_be_hidden()
    assert in_viewport(page, first_card), "the first result is below the fold"

    toggle.click()
    expect(page.get_by_label("Provider")).to_be_visible()
    page.get_by_label("Provider").select_option("aws")
    expect(page.locator("#catalog-count")).to_contain_text("certification")
    expect(toggle).to_have_text("Filters (2)")
    assert not has_horizontal_scroll(page)

    # On a wide screen the filters are simply there, with no button in the way.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.get_by_label("Provider")).to_be_visible()
    expect(toggle).to_be_hidden()


def test_the_compare_table_keeps_names_and_row_labels_in_view_while_scrolling(site, curated):
    page = site.page
    page.set_viewport_size(NARROW)
    site.goto(PUBLIC_PAGES["compare"])
    table = page.locator(".compare-table-wrapper")
    table.scroll_into_view_if_needed()
    names = table.get_by_role("columnheader")
    label = table.get_by_role("rowheader", name="Status", exact=True)

    def topmost_cell_at(locator) -> str:
        box = locator.bounding_box()
        return page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('th')?.textContent.trim()",
            [box["x"] + 8, box["y"] + 8],
        )

    def inside(locator) -> bool:
        box, wrapper = locator.bounding_box(), table.bounding_box()
        return (
            wrapper["x"] - 1 <= box["x"] <= wrapper["x"] + wrapper["width"] - 20
            and wrapper["y"] - 1 <= box["y"] <= wrapper["y"] + wrapper["height"] - 10
        )

    # Sideways to the last certification: the row labels stay at the left edge.
    table.evaluate("box => box.scrollTo(box.scrollWidth, 0)")
    assert table.evaluate("box => box.scrollLeft") > 0, "the table does not scroll sideways"
    assert inside(label)
    assert abs(label.bounding_box()["x"] - table.bounding_box()["x"]) <= 2
    assert topmost_cell_at(label) == "Status"

    # Down the rows: the certification names stay at the top.
    table.evaluate("box => box.scrollTo(box.scrollWidth, 700)")
    assert table.evaluate("box => box.scrollTop") > 0, "the table does not scroll down"
    last_name = names.last
    assert inside(last_name)
    assert abs(last_name.bounding_box()["y"] - table.bounding_box()["y"]) <= 2
    assert topmost_cell_at(last_name) == last_name.text_content().strip()


def test_on_a_phone_the_best_fit_stays_in_view_while_answering(site, curated):
    page = site.page
    page.set_viewport_size(NARROW)
    start_assessment(page, site.base_url)
    summary = page.locator("#live-summary")
    expect(summary).to_contain_text("appear as you answer")

    answer_first_questions(page, 3)
    # Scroll down the questions until the panel below them is out of sight.
    page.locator("fieldset.question").nth(3).evaluate(
        "element => element.scrollIntoView({block: 'start'})"
    )

    expect(summary).to_contain_text("Best fit so far")
    expect(summary).to_be_in_viewport()
    expect(page.locator("#recommendation-panel")).not_to_be_in_viewport()


def test_on_a_phone_the_skill_chart_fits_without_scrolling(site, curated):
    page = site.page
    page.set_viewport_size(NARROW)
    start_assessment(page, site.base_url)
    answer_first_questions(page, 2)
    page.get_by_role("button", name="Finish now with what I have answered").click()

    chart = page.get_by_role("img", name=re.compile("Skill levels"))
    box = chart.bounding_box()
    assert box is not None and box["width"] <= NARROW["width"]
    scroller = page.locator(".skill-chart-scroll")
    assert scroller.evaluate("element => element.scrollWidth <= element.clientWidth")


def test_on_a_phone_the_plans_progress_stays_in_view_after_a_tick(site, curated, alice):
    from plans.tests.conftest import make_plan

    page = site.page
    page.set_viewport_size(NARROW)
    plan = make_plan(alice)
    sign_in(page, site.base_url, alice.email)
    site.goto(plan.get_absolute_url())
    items = page.locator("#plan-weeks li.plan-item")
    # An item well down the plan, scrolled to the top of the screen as a reader would.
    item = items.nth(6)
    item.evaluate("element => element.scrollIntoView({block: 'start'})")

    item.get_by_role("button", name=re.compile("^Mark done")).click()

    expect(item).to_contain_text("Done")
    progress = page.locator("#plan-progress")
    expect(progress).to_contain_text(re.compile(r"· 1 of \d+ items"))
    expect(progress).to_be_in_viewport()
    expect(page.locator("#plan-pace")).to_be_in_viewport()
    assert not has_horizontal_scroll(page), describe(wider_than_viewport(page))


def test_on_a_phone_the_activity_calendar_fits_without_scrolling(site, curated, alice):
    page = site.page
    page.set_viewport_size(NARROW)
    sign_in(page, site.base_url, alice.email)
    site.goto("/plans/new/google-professional-ml-engineer/")
    page.get_by_role("button", name="Create my plan").click()

    for where in ("plan", "dashboard"):
        if where == "dashboard":
            site.goto("/plans/")
        chart = page.get_by_role("img", name=re.compile("^Activity over the last 26 weeks"))
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None and 250 <= box["width"] <= NARROW["width"], (where, box)
        assert not has_horizontal_scroll(page), where
