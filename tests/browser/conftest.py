"""A watched browser page: any console error, failed request or server error fails the test."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import ARTIFACTS_DIR, load_curated_content


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@dataclass
class Site:
    """The browser page plus the live server's address and what went wrong while browsing."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def goto(self, path: str):
        return self.page.goto(self.url(path))


@pytest.fixture
def site(page: Page, live_server, request) -> Site:
    page.set_default_timeout(10_000)
    watched = Site(page=page, base_url=live_server.url)

    def on_console(message):
        if message.type == "error":
            watched.problems.append(f"console error: {message.text}")

    def on_response(response):
        if response.url.startswith(watched.base_url) and response.status >= 500:
            watched.problems.append(f"{response.status} from {response.url}")

    def on_request_failed(failed):
        if failed.url.startswith(watched.base_url):
            watched.problems.append(f"request failed: {failed.url} ({failed.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.problems.append(f"page error: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)

    yield watched

    report = getattr(request.node, "report_call", None)
    if report is None or report.failed or watched.problems:
        save_artifacts(page, request.node.nodeid)
    assert not watched.problems, "The browser saw problems:\n" + "\n".join(watched.problems)


def save_artifacts(page: Page, nodeid: str) -> Path:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    stem = ARTIFACTS_DIR / re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # the page may be closed; the test's own failure matters more
        print(f"Could not save browser artifacts for {nodeid}: {error}")
    return stem


@pytest.fixture
def curated(transactional_db):
    """The curated catalog and question bank, loaded into the live server's database."""
    load_curated_content()
