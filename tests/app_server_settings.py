"""
The site's own settings for the app servers that tests start (tests/test_two_servers.py), with
the static files collected into CERTGUIDE_TEST_STATIC_ROOT, the test's temporary directory, so
that a test never writes into the checkout.

The storage is Django's manifest storage without whitenoise's compressed copies: pages name the
same hashed files, looked up in the same manifest as in production, but collecting takes about
3 s instead of nearly a minute of gzip and Brotli. tests/test_static.py proves the production
storage itself.
"""

import os

from certguide.settings import *  # noqa: F403

STATIC_ROOT = os.environ["CERTGUIDE_TEST_STATIC_ROOT"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
