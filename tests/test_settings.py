import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_manage("check")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "certguide cannot start: DJANGO_SECRET_KEY is not set: set it to a long random string, "
        "or set DJANGO_DEBUG=true for local development."
    ]


def test_it_refuses_a_boolean_it_cannot_read():
    result = run_manage("check", DJANGO_DEBUG="maybe")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_SECRET_KEY="a-long-random-production-key-9f8e7d6c5b4a3928171615141312111009",
        DJANGO_ALLOWED_HOSTS="certguide.example.com",
        DJANGO_SSL_REDIRECT="true",
        DJANGO_EMAIL_HOST="smtp.example.com",
    )

    assert result.returncode == 0, result.stderr
    assert "ERRORS" not in result.stderr
