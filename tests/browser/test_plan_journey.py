"""Journey 4: a signed-in person turns a recommendation into a study plan and works through it."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import (
    answer_first_questions,
    assert_same_document,
    download_calendar,
    mark_page,
    run_axe,
    sign_in,
    start_assessment,
)


def plan_items(page):
    """The plan's items, each a list item with its title as a heading."""
    return (
        page.locator("#plan-weeks")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", level=4))
    )


def test_user_plans_from_a_recommendation_ticks_items_and_downloads_the_calendar(
    site, curated, alice
):
    page = site.page
    sign_in(page, site.base_url, alice.email)
    start_assessment(page, site.base_url)
    answer_first_questions(page, 3)
    page.get_by_role("button", name="Finish now with what I have answered").click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()

    top = page.get_by_role("article").first
    cert_name = top.get_by_role("heading", level=3).inner_text()
    top.get_by_role("link", name="Start a study plan").click()
    expect(page.get_by_role("heading", name=f"Plan your way to {cert_name}")).to_be_visible()
    page.get_by_role("button", name="Create my plan").click()

    expect(page.get_by_text(f"Your plan for {cert_name} is ready.")).to_be_visible()
    expect(page.get_by_role("heading", name=cert_name, level=1)).to_be_visible()
    mark_page(page)
    progress = page.locator("#plan-progress")
    pace = page.locator("#plan-pace")
    expect(progress).to_contain_text(re.compile(r"^\s*0 of \d+ hours done · 0 of \d+ items"))
    expect(pace).to_contain_text("On track")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "0")

    first = page.locator("#" + plan_items(page).first.get_attribute("id"))
    second = page.locator("#" + plan_items(page).nth(1).get_attribute("id"))
    first.get_by_role("button", name=re.compile("^Mark done")).click()
    expect(first).to_contain_text("Done")
    expect(progress).to_contain_text(re.compile(r"^\s*[1-9]\d* of \d+ hours done · 1 of \d+ items"))
    expect(pace).to_contain_text(re.compile(r"Ahead by \d+ h"))
    expect(page.get_by_role("progressbar")).not_to_have_attribute("aria-valuenow", "0")
    second.locator("summary").click()
    second.get_by_role("button", name=re.compile("^Start")).click()
    expect(second).to_contain_text("In progress")
    assert_same_document(page)
    progress_text = progress.inner_text()
    pace_text = pace.inner_text()

    page.reload()
    expect(progress).to_have_text(progress_text)
    expect(pace).to_have_text(pace_text)
    expect(first).to_contain_text("Done")
    expect(first.get_by_role("button", name=re.compile("^Mark done"))).to_have_count(0)
    expect(second).to_contain_text("In progress")

    page.get_by_role("link", name="My plans").first.click()
    plan_card = page.get_by_role("article", name=cert_name)
    expect(plan_card).to_contain_text(progress_text.split("\n")[0].strip())
    plan_card.get_by_role("link", name=cert_name, exact=True).click()

    calendar = download_calendar(page)
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "[done] " in calendar
    assert "[in progress] " in calendar


def test_two_plans_share_a_skill_and_a_break_past_the_exam_warns_until_resumed(
    site, curated, alice
):
    from plans.models import ItemKind, Plan
    from plans.tests.conftest import finish_assessment
    from tests.browser.test_accessibility import create_plan

    page = site.page
    finish_assessment(alice, {})  # every skill rated 1: each plan has its gap items
    sign_in(page, site.base_url, alice.email)
    create_plan(page, site.base_url, "google-professional-ml-engineer")
    create_plan(page, site.base_url, "aws-ml-engineer-associate")
    google, aws = Plan.objects.filter(user=alice).order_by("pk")

    def gap_titles(plan):
        return {item.title for item in plan.items.filter(kind=ItemKind.GAP)}

    shared = sorted(gap_titles(google) & gap_titles(aws))[0]

    # Finish the skill in one plan...
    site.goto(google.get_absolute_url())
    done_here = page.locator("li.plan-item").filter(has_text=shared).first
    done_here.get_by_role("button", name=re.compile("^Mark done")).click()
    expect(done_here).to_contain_text("Done")

    # ...and the other plan offers it, without counting it until asked.
    site.goto(aws.get_absolute_url())
    offered = page.locator("li.plan-item").filter(has_text=shared).first
    expect(offered).to_contain_text(f"Done in your {google.certification.name} plan on")
    expect(offered).to_contain_text("Not started")
    offered.get_by_role("button", name=re.compile("^Count it as done here")).click()
    expect(offered).to_contain_text("Done")
    expect(page.locator("#plan-progress")).to_contain_text(re.compile(r"· 1 of \d+ items"))

    # A break that pushes the study past the exam day warns, and offers two ways out.
    page.get_by_label("Weeks off (optional)").fill("3")
    page.get_by_role("button", name="Pause (holiday mode)").click()
    expect(
        page.get_by_text(re.compile(r"Your study now runs to .*, past your exam on"))
    ).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Move the exam date to"))).to_be_visible()
    banner = page.get_by_text(re.compile("On a break from .* until"))
    expect(banner).to_be_visible()
    assert not run_axe(page, "plan on a break past the exam"), "axe found serious violations"

    page.get_by_role("button", name="Resume now").click()
    expect(page.get_by_text(re.compile("Welcome back"))).to_be_visible()
    expect(banner).to_have_count(0)
    expect(page.get_by_text(re.compile("past your exam on"))).to_have_count(0)
