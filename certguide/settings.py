"""
certguide settings: one module, configured by environment variables.

Every variable is documented in the README's configuration table. Defaults are the safe
production ones (debug off, secure cookies); `make run` sets the development values itself.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from whitenoise.compress import Compressor
from xstatic.pkg import bootstrap as xstatic_bootstrap

BASE_DIR = Path(__file__).resolve().parent.parent

TRUTHY = {"1", "true", "yes", "on"}
FALSY = {"0", "false", "no", "off", ""}


def envbool(name: str, default: str = "false") -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in TRUTHY:
        return True
    if value in FALSY:
        return False
    allowed = ", ".join(sorted(TRUTHY | FALSY - {""}))
    raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set: set it to a long random string, "
            "or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_ratelimit",
    "django_tasks_db",
    "crontask",
    "certguide",
    "catalog",
    "assessments",
    "plans",
    "guides",
    "credentials",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for clients that accept it (static files come compressed from
    # whitenoise, above). Django adds random padding against BREACH, and the CSRF token is
    # masked afresh for every response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "certguide.middleware.PrivateCacheControlMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "certguide.urls"
WSGI_APPLICATION = "certguide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "certguide.lib.pagecache.slots",
            ],
        },
    },
]

SQLITE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL") or SQLITE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait (busy timeout)
        # instead of failing half-way through a transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# A connection (and, on SQLite, its pragmas) is made once a minute per process, not on every
# request: that alone took most of the time of a signed-in request's middleware.
DATABASES["default"]["CONN_MAX_AGE"] = envint("DATABASE_CONN_MAX_AGE", "60")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# OWASP ASVS 2.1.1 asks for at least 12 characters.
PASSWORD_MIN_LENGTH = 12
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", xstatic_bootstrap.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Source maps are fetched only by a developer's browser tools: whitenoise need not write gzip and
# Brotli copies of Bootstrap's 6 MB of them, which was most of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND_OVERRIDE = os.environ.get("DJANGO_EMAIL_BACKEND", "")
if EMAIL_BACKEND_OVERRIDE:
    MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_OVERRIDE}}
elif os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["DJANGO_EMAIL_HOST"],
                "port": envint("DJANGO_EMAIL_PORT", "587"),
                "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
                "use_tls": envbool("DJANGO_EMAIL_USE_TLS", "true"),
            },
        }
    }
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    # The console backend would write password-reset and sign-up links into the server's log,
    # where anyone who reads the log could take over an account.
    raise ImproperlyConfigured(
        "No mail server is configured: set DJANGO_EMAIL_HOST (or DJANGO_EMAIL_BACKEND), "
        "so that sign-in links are mailed rather than written to the log."
    )
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "certguide <noreply@localhost>")

# The site's own address, for links in mail sent by the task worker (which has no request).
SITE_URL = os.environ.get("CERTGUIDE_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")

# Background work (mail, the weekly digest) goes through Django's Tasks framework into the
# database; `manage.py db_worker` runs it and `manage.py crontask` enqueues the daily jobs.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # Progress bars set their width in a style attribute; no <style> element is allowed.
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else envint("DJANGO_HSTS_SECONDS", "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = envbool("DJANGO_HSTS_PRELOAD", "false" if DEBUG else "true")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = envbool("DJANGO_SSL_REDIRECT")
if envbool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies stand in front of the site and append to X-Forwarded-For. 0 trusts
# only the connection's address, so a client cannot pick its own address to dodge the limits.
TRUSTED_PROXY_COUNT = envint("DJANGO_TRUSTED_PROXY_COUNT", "0")

# A shared cache (Redis) holds the rate-limit counters, so every app server counts together.
# The "content" cache holds the version of the curated content (certguide.lib.curated); every
# process must see the same one, so without Redis it lives in files on this machine.
REDIS_URL = os.environ.get("REDIS_URL", "")
CONTENT_CACHE_DIR = os.environ.get("CERTGUIDE_CONTENT_CACHE_DIR", str(BASE_DIR / "var" / "cache"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "content": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "content",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "content": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CONTENT_CACHE_DIR,
        },
    }
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit's list of supported caches predates Django's own RedisCache, whose
    # increments are atomic (INCRBY). Without Redis the counters live in each process; the
    # deploy check certguide.W001 says so instead of these two.
    "django_ratelimit.W001",
    "django_ratelimit.E003",
]

# Sign-in throttling (django-axes): a username from one address is locked for an hour after five
# failures in a row; a success resets the count. Failures are kept in the database.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "certguide.throttling.username_from_request"
AXES_CLIENT_IP_CALLABLE = "certguide.lib.http.client_ip"
AXES_LOCKOUT_CALLABLE = "certguide.throttling.locked_out"
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Rate limits per client address (django-ratelimit), on what costs us mail or rows.
RATELIMIT_ENABLE = envbool("CERTGUIDE_RATELIMIT", "true")
RATELIMIT_VIEW = "certguide.throttling.rate_limited"
RATE_LIMITS = {
    "signup": os.environ.get("CERTGUIDE_RATE_SIGNUP", "10/h"),
    "password_reset": os.environ.get("CERTGUIDE_RATE_PASSWORD_RESET", "5/h"),
    "attempt_create": os.environ.get("CERTGUIDE_RATE_ATTEMPT_CREATE", "20/h"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "certguide.lib.logging.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # A request for a host we do not serve is noise from scanners: one line, no traceback.
        "django.security.DisallowedHost": {"filters": ["without_traceback"]},
        # django-axes reports every successful sign-in at INFO; failures still reach WARNING.
        "axes": {"level": "WARNING"},
    },
}
