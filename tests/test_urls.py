"""A walk over the URLconf: every page without arguments answers, or asks the visitor to sign in."""

from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Views that only take POST (a GET is refused by design; tests/test_accounts.py checks logout).
POST_ONLY = {"logout", "assessments:attempt-create"}


def named_urls_without_arguments(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            child_ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_urls_without_arguments(entry, child_ns)
        elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.converters:
            if "(?P<" in str(entry.pattern) or "<" in str(entry.pattern):
                continue
            yield f"{namespace}{entry.name}"


class HeadingCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        self.h1 += tag == "h1"


ALL_NAMES = sorted(set(named_urls_without_arguments()) - POST_ONLY)


def test_the_walk_finds_the_main_pages():
    assert {"home", "signup", "login", "catalog:certification-list"} <= set(ALL_NAMES)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_page_answers_or_asks_to_sign_in(client, db, name):
    url = reverse(name)
    response = client.get(url)

    if response.status_code == 302:
        assert response.headers["Location"].startswith(reverse("login") + "?next="), url
        return
    assert response.status_code == 200, url
    if response.headers["Content-Type"].startswith("text/html"):
        counter = HeadingCounter()
        counter.feed(response.text)
        assert counter.h1 == 1, f"{url} has {counter.h1} <h1> elements"
