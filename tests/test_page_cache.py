"""Public pages are rendered once per version of the curated content for visitors without a
session: a curator's change is seen on the very next request, and each visitor still gets a
token, a nonce and a page of their own where they need one."""

import re

import pytest
from django.test import Client

from catalog.models import Certification
from conftest import PASSWORD

SLUG = "google-professional-ml-engineer"
DETAIL = f"/certifications/{SLUG}/"
HTMX_TOKEN = re.compile(r'"x-csrftoken": "([^"]+)"')
SCRIPT_NONCE = re.compile(r'<script [^>]*nonce="([^"]+)"')


@pytest.fixture
def catalog(question_bank):
    return Certification.objects.get(slug=SLUG)


def test_a_second_visitor_gets_the_page_without_a_query(catalog, django_assert_num_queries):
    first = Client().get(DETAIL)

    with django_assert_num_queries(0):
        second = Client().get(DETAIL)

    assert second.status_code == 200
    assert catalog.name in second.text
    assert as_read(second.text) == as_read(first.text)


def test_a_saved_edit_shows_on_the_next_request(catalog):
    Client().get(DETAIL)
    Client().get("/certifications/")

    catalog.name = "Professional ML Engineer, renamed"
    catalog.save()

    assert "Professional ML Engineer, renamed" in Client().get(DETAIL).text
    assert "Professional ML Engineer, renamed" in Client().get("/certifications/").text


def test_a_bulk_update_shows_on_the_next_request(catalog):
    assert SLUG in Client().get("/certifications/").text

    Certification.objects.filter(slug=SLUG).update(published=False)

    assert f'href="/certifications/{SLUG}/"' not in Client().get("/certifications/").text
    assert Client().get(DETAIL).status_code == 404


def test_the_htmx_fragment_and_the_whole_page_are_kept_apart(catalog):
    Client().get("/certifications/?provider=google")
    fragment = Client().get("/certifications/?provider=google", headers={"HX-Request": "true"})
    page = Client().get("/certifications/?provider=google")

    assert "<html" not in fragment.text
    assert "<html" in page.text
    assert catalog.name in fragment.text


def test_each_visitor_gets_a_token_that_works_with_their_own_cookie(catalog):
    Client().get("/")  # kept
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/")
    token = HTMX_TOKEN.search(page.text).group(1)
    assert token != "pagecacheCsrfTokenSlot"

    refused = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"username": "a@example.com", "password": "wrong"}
    )
    signing_in = visitor.post(
        "/accounts/login/",
        {"username": "a@example.com", "password": "wrong"},
        headers={"X-CSRFToken": token},
    )

    assert refused.status_code == 403
    assert signing_in.status_code == 200
    assert "That email and password do not match an account." in signing_in.text


def test_each_response_has_its_own_script_nonce_in_its_policy(catalog):
    responses = [Client().get(DETAIL) for _ in range(2)]

    nonces = [SCRIPT_NONCE.search(response.text).group(1) for response in responses]
    assert nonces[0] != nonces[1]
    for response, nonce in zip(responses, nonces, strict=True):
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
        assert set(SCRIPT_NONCE.findall(response.text)) == {nonce}


def test_a_signed_in_person_never_gets_the_anonymous_page_nor_leaves_theirs(catalog, alice):
    Client().get("/")
    signed_in = Client()
    signed_in.force_login(alice)

    theirs = signed_in.get("/")
    anonymous = Client().get("/")

    assert "Sign out" in theirs.text
    assert "Sign out" not in anonymous.text
    assert "private" in theirs.headers["Cache-Control"]


def test_a_message_for_one_visitor_is_shown_to_them_and_kept_from_others(catalog, alice):
    Client().get("/")  # kept, without any message
    leaving = Client()
    leaving.force_login(alice)

    farewell = leaving.post("/accounts/delete/", {"password": PASSWORD}, follow=True)
    someone_else = Client().get("/")

    assert farewell.request["PATH_INFO"] == "/"
    assert "Your account and everything in it have been deleted." in farewell.text
    assert "have been deleted" not in someone_else.text


def test_the_kept_page_is_sent_without_the_templates_indentation(catalog):
    with_a_session = Client()
    with_a_session.cookies["sessionid"] = "not-a-session"  # so never given a kept page
    rendered = with_a_session.get("/certifications/")
    kept = Client().get("/certifications/")

    assert "\n  " in rendered.text
    assert "\n  " not in kept.text
    assert len(kept.content) < 0.9 * len(rendered.content)
    assert as_read(kept.text) == as_read(rendered.text)


def as_read(page: str) -> str:
    """The page with white space collapsed, as a browser lays it out, and without the parts
    that differ on every response."""
    page = re.sub(r'(x-csrftoken": "|csrfmiddlewaretoken" value="|nonce=")[^"]+', r"\1", page)
    return re.sub(r"\s+", " ", page)
