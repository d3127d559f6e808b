"""Static files as production serves them: collected once for this module with the manifest
storage into a temporary STATIC_ROOT, then served by whitenoise to a browser that asks for
compressed responses."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"
TEN_YEARS = "max-age=315360000"
STATIC_IN_PAGE = re.compile(r'(?:href|src)="(/static/[^"]+)"')
HASHED = re.compile(r"\.[0-9a-f]{12}\.[a-z0-9]+$")


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    production = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    root = tmp_path_factory.mktemp("static-root")
    with override_settings(STATIC_ROOT=root, STORAGES=production):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def decoded(response) -> bytes:
    body = b"".join(response.streaming_content)
    encoding = response.headers.get("Content-Encoding", "")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


def test_whitenoise_serves_collected_and_hashed_static_files(collected, db):
    hashed_url = static("bootstrap/css/bootstrap.min.css")
    assert hashed_url != "/static/bootstrap/css/bootstrap.min.css"

    response = Client().get(hashed_url)  # a new client loads the middleware after collection

    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert b"Bootstrap" in b"".join(response.streaming_content)[:200]


def test_the_home_pages_styles_and_scripts_are_compressed_and_kept_for_ten_years(collected, db):
    client = Client()
    page = client.get("/").content.decode()
    files = STATIC_IN_PAGE.findall(page)
    assert any(path.endswith(".css") for path in files)
    assert any(path.endswith(".js") for path in files)

    for path in files:
        assert HASHED.search(path), f"{path} is not named by its content's hash"
        response = client.get(path, headers={"Accept-Encoding": BROWSER_ACCEPT_ENCODING})
        assert response.status_code == 200, path
        cache_control = response.headers["Cache-Control"]
        assert TEN_YEARS in cache_control and "immutable" in cache_control, (path, cache_control)
        if path.endswith((".css", ".js")):
            assert response.headers.get("Content-Encoding") in ("br", "gzip"), path
            assert "Accept-Encoding" in response.headers["Vary"], path
            # What arrives is the collected file itself once the browser has decompressed it.
            assert decoded(response) == (collected / path.removeprefix("/static/")).read_bytes()


def test_a_client_that_accepts_no_compression_gets_the_file_as_it_is(collected, db):
    hashed_url = static("bootstrap/css/bootstrap.min.css")

    response = Client().get(hashed_url, headers={"Accept-Encoding": "identity"})

    assert "Content-Encoding" not in response.headers
    assert TEN_YEARS in response.headers["Cache-Control"]
    body = b"".join(response.streaming_content)
    assert body == (collected / hashed_url.removeprefix("/static/")).read_bytes()
