"""Helpers shared by the browser journeys: no-reload proof, watching, axe, common steps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import Page, expect

from conftest import ARTIFACTS_DIR, link_in_mail

BLOCKING_IMPACTS = ("serious", "critical")
NARROW = {"width": 375, "height": 800}
WIDE = {"width": 1280, "height": 900}

_axe = Axe()


def mark_page(page: Page) -> None:
    """A flag that only survives if the page is never reloaded."""
    page.evaluate("document.body.dataset.sameDocument = 'yes'")


def assert_same_document(page: Page) -> None:
    assert page.evaluate("document.body.dataset.sameDocument") == "yes", "The page was reloaded."


def watch(page: Page, base_url: str, problems: list[str]) -> None:
    """Record server errors, failed requests and console errors on the page: the `site`
    fixture's watch, and the same for pages it does not own (a second context, no JavaScript)."""

    def on_console(message):
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def on_response(response):
        if response.url.startswith(base_url) and response.status >= 500:
            problems.append(f"{response.status} from {response.url}")

    def on_request_failed(failed):
        # net::ERR_ABORTED is the browser cancelling its own request (a link that becomes a
        # download, a fetch cut short by navigating on); the site's failures are 5xx, above.
        if failed.url.startswith(base_url) and "ERR_ABORTED" not in (failed.failure or ""):
            problems.append(f"request failed: {failed.url} ({failed.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)


def save_artifacts(page: Page, nodeid: str) -> Path:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    stem = ARTIFACTS_DIR / re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # the page may be closed; the test's own failure matters more
        print(f"Could not save browser artifacts for {nodeid}: {error}")
    return stem


@contextmanager
def swapped(locator) -> Iterator[None]:
    """Wait, after the block, until htmx has replaced the element (an outerHTML swap)."""
    locator.evaluate("element => { element.dataset.beforeSwap = 'yes'; }")
    yield
    expect(locator.page.locator("[data-before-swap]")).to_have_count(0)


def save_artifacts_on_failure(page: Page, request, problems: list[str]) -> None:
    """For a page the `site` fixture does not own: keep a screenshot and the HTML of a failure."""
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed or problems:
        save_artifacts(page, request.node.nodeid)


# --- Accessibility ------------------------------------------------------------------------------


def run_axe(page: Page, label: str) -> list[dict]:
    """Run axe-core on the page at rest; print every violation; return the blocking ones."""
    # A button's colours fade in over 0.15 s after a click: measured half-way, a contrast
    # that is fine at rest can read as too low.
    page.evaluate(
        """Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null)))"""
    )
    violations = _axe.run(page).response["violations"]
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"]]
        print(
            f"[axe {label}] {violation['id']} ({violation['impact']}): {violation['help']}"
            f" — {len(targets)} node(s): {'; '.join(targets[:8])}"
        )
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(node['target'])}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


def has_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def wider_than_viewport(page: Page) -> list[str]:
    """The elements sticking out on the right, to explain an overflow."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter(el => !el.closest('.table-responsive'))
            .slice(0, 10)
            .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                 + (el.className && typeof el.className === 'string'
                    ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                 + ' right=' + Math.round(el.getBoundingClientRect().right))"""
    )


# --- Common steps --------------------------------------------------------------------------------


def question_group(page: Page, text: str):
    return page.get_by_role("group", name=re.compile(text))


def start_assessment(page: Page, base_url: str) -> None:
    page.goto(base_url + "/assessment/")
    page.get_by_role("button", name="Start the self-assessment").click()
    expect(page.get_by_role("heading", name="Self-assessment: About you")).to_be_visible()


def answer_first_questions(page: Page, count: int = 3, *, already: int = 0) -> None:
    """Answer the first `count` questions of the section through htmx, waiting for each save.

    `already` is how many questions the attempt had answered before."""
    progress = page.locator("#assessment-progress")
    questions = page.locator("fieldset.question")
    for index in range(count):
        questions.nth(index).get_by_role("radio").first.check()
        expect(progress).to_contain_text(
            re.compile(rf"^\s*{already + index + 1} of (at most )?\d+ questions answered")
        )


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, locator, *, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus, as a keyboard user would; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    raise AssertionError(f"Tab never reached {locator} in {limit} presses.")


def sign_in(page: Page, base_url: str, email: str) -> None:
    """Sign in through the form, as a person would (every persona shares one password)."""
    from conftest import PASSWORD
    from tests.browser.test_accounts_journey import PASSWORD_LABEL

    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # include_hidden: on a phone the navigation (and its Sign out button) is folded away.
    expect(page.get_by_role("button", name="Sign out", include_hidden=True)).to_have_count(1)


def download_calendar(page: Page) -> str:
    """Click the plan's calendar link; return the downloaded .ics text with its lines unfolded."""
    # A busy machine (CI runs the browser tests beside other work) can take longer than the
    # page's default 10 s to start a download.
    with page.expect_download(timeout=30_000) as download_info:
        page.get_by_role("link", name=re.compile(r"calendar \(\.ics\)")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics"), download.suggested_filename
    text = Path(download.path()).read_text(encoding="utf-8")
    return text.replace("\r\n ", "")


def confirm_sign_up_from_mail(site) -> None:
    """Open the link of the last sign-up email, as the person would from their inbox, and
    confirm. The live server runs in this process, so its mail lands in `mail.outbox`."""
    expect(site.page.get_by_role("heading", name="Check your email")).to_be_visible()
    site.goto(link_in_mail(mail.outbox[-1], "/accounts/signup/confirm/"))
    site.page.get_by_role("button", name="Confirm and sign in").click()


def current_count() -> int:
    """How many certifications the catalog lists by default, read from the curated file."""
    from catalog.sync import load_file

    return sum(
        1
        for item in load_file()["certifications"]
        if item["published"] and item["status"] != "retired"
    )
