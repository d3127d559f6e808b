"""A watched browser page: any console error, failed request or server error fails the test."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page

from conftest import load_curated_content
from tests.browser.helpers import save_artifacts, watch


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

    watch(page, watched.base_url, watched.problems)

    yield watched

    report = getattr(request.node, "report_call", None)
    if report is None or report.failed or watched.problems:
        save_artifacts(page, request.node.nodeid)
    assert not watched.problems, "The browser saw problems:\n" + "\n".join(watched.problems)


@pytest.fixture
def curated(transactional_db):
    """The curated catalog and question bank, loaded into the live server's database."""
    load_curated_content()
