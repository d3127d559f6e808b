"""The site's URLs plus the benchmark's reference page (see scripts/bench_settings.py)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET

from scripts.bench_report import REFERENCE_PATH


@require_GET
@login_not_required
def reference(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path(REFERENCE_PATH, reference, name="bench-reference"),
    path("", include("certguide.urls")),
]
