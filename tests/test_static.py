from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client


def test_whitenoise_serves_collected_and_hashed_static_files(settings, tmp_path, db):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed_url = static("bootstrap/css/bootstrap.min.css")
    assert hashed_url != "/static/bootstrap/css/bootstrap.min.css"

    response = Client().get(hashed_url)  # a new client loads the middleware after collection

    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert b"Bootstrap" in b"".join(response.streaming_content)[:200]
