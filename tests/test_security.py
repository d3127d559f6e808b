import re

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD


def test_csp_header_has_a_nonce_that_matches_every_script_tag(client, db):
    response = client.get(reverse("home"))

    policy = response.headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    script_tags = re.findall(r"<script\b[^>]*>", response.text)
    assert script_tags, "the page loads Bootstrap and htmx"
    for tag in script_tags:
        assert f'nonce="{nonce}"' in tag
    assert "unsafe-inline" not in script_src
    assert "unsafe-eval" not in policy


def test_each_response_gets_a_fresh_nonce(client, db):
    first = client.get(reverse("home")).headers["Content-Security-Policy"]
    second = client.get(reverse("home")).headers["Content-Security-Policy"]

    assert first != second


def test_htmx_is_configured_without_eval_or_script_tags(client, db):
    response = client.get(reverse("home"))

    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'>', response.text).group(1)
    assert '"allowEval": false' in config
    assert '"allowScriptTags": false' in config
    assert '"selfRequestsOnly": true' in config


def test_htmx_requests_carry_the_csrf_token(client, db):
    response = client.get(reverse("home"))

    token = re.search(r'hx-headers=\'\{"x-csrftoken": "([^"]+)"\}\'', response.text)
    assert token and len(token.group(1)) >= 32


def test_a_post_without_the_csrf_token_is_refused(db):
    strict_client = Client(enforce_csrf_checks=True)

    response = strict_client.post(reverse("signup"), {"email": "x@example.com"})

    assert response.status_code == 403


def test_https_responses_send_hsts_and_cookies_are_secure(client, alice):
    response = client.get(reverse("login"), secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.cookies["csrftoken"]["secure"]

    signed_in = client.post(
        reverse("login"), {"username": alice.email, "password": PASSWORD}, secure=True
    )

    session_cookie = signed_in.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]


def test_unknown_page_uses_the_site_404(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page" in response.text
