"""Settings for the test suite: the real settings, with fast password hashing."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else")
os.environ.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from certguide.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Tasks run at once, inside the request, as Django's documentation suggests for tests; the tests
# of the task path itself switch to the database backend and run the real worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SITE_URL = "http://testserver"
# The content cache is files, as on a machine without Redis; each test run has its own.
_CONTENT_CACHE_DIR = tempfile.mkdtemp(prefix="certguide-content-cache-")
atexit.register(shutil.rmtree, _CONTENT_CACHE_DIR, ignore_errors=True)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "content": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": _CONTENT_CACHE_DIR,
    },
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The live server used by browser tests serves /static/ through the staticfiles finders, which
# know files by their plain names; test_static_files proves the production (manifest) storage.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
