"""Full-page screenshots of the main pages at 1280 and 375 px, to look at.

`make screenshots` sets CERTGUIDE_SCREENSHOTS=1 and writes screenshots/<page>-<width>.png; a normal
run skips this file: it checks nothing the other browser tests do not.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    NARROW,
    WIDE,
    answer_first_questions,
    sign_in,
    start_assessment,
)

SCREENSHOTS_DIR = Path(__file__).resolve().parents[2] / "screenshots"

pytestmark = pytest.mark.skipif(
    os.environ.get("CERTGUIDE_SCREENSHOTS") != "1",
    reason="screenshots are taken by `make screenshots` (CERTGUIDE_SCREENSHOTS=1)",
)


def shoot(site, name: str, path: str | None = None) -> None:
    """`name`-1280.png and `name`-375.png of the page at `path` (or the current page)."""
    page = site.page
    url = site.url(path) if path else page.url
    for viewport in (WIDE, NARROW):
        page.set_viewport_size(viewport)
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        # A viewport as tall as the page puts sticky bars where a reader would see them, instead
        # of where the first screenful ends.
        height = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.screenshot(path=SCREENSHOTS_DIR / f"{name}-{viewport['width']}.png", full_page=True)
    page.set_viewport_size(WIDE)


def test_take_screenshots(site, curated, alice):
    SCREENSHOTS_DIR.mkdir(exist_ok=True)
    page = site.page
    shoot(site, "home", "/")
    shoot(site, "catalog", "/certifications/")
    shoot(site, "detail", "/certifications/google-professional-ml-engineer/")
    shoot(site, "retired-detail", "/certifications/aws-ml-specialty/")
    shoot(
        site,
        "compare",
        "/certifications/compare/?c=google-professional-ml-engineer"
        "&c=aws-ml-engineer-associate&c=aws-ml-specialty",
    )
    shoot(site, "sign-in", "/accounts/login/")
    shoot(site, "sign-up", "/accounts/signup/")
    shoot(site, "assessment-start", "/assessment/")

    start_assessment(page, site.base_url)
    answer_first_questions(page, 6)
    page.get_by_role("button", name="Save and continue").click()
    answer_first_questions(page, 3, already=6)
    shoot(site, "assessment-section")
    page.get_by_role("button", name="Finish now with what I have answered").click()
    expect(page.get_by_role("heading", name="Your results", level=1)).to_be_visible()
    shoot(site, "results")

    sign_in(page, site.base_url, alice.email)
    site.goto("/plans/new/google-professional-ml-engineer/")
    shoot(site, "plan-form")
    page.get_by_role("button", name="Create my plan").click()
    expect(page.locator("#plan-progress")).to_be_visible()
    items = page.locator("#plan-weeks li.plan-item")
    items.nth(0).get_by_role("button", name=re.compile("^Mark done")).click()
    expect(page.locator("#plan-progress")).to_contain_text(re.compile(r"· 1 of \d+ items"))
    items.nth(1).locator("summary").click()
    items.nth(1).get_by_role("button", name=re.compile("^Start")).click()
    expect(items.nth(1)).to_contain_text("In progress")
    shoot(site, "plan-detail")
    shoot(site, "plan-dashboard", "/plans/")
