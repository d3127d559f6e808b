from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.contrib.sitemaps import views as sitemap_views
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from assessments.models import Attempt
from assessments.services import adopt_session_attempts, session_attempt_ids
from certguide import account_data, accounts
from certguide.forms import DeleteAccountForm, QueuedPasswordResetForm, SignInForm, SignUpForm
from certguide.lib.pagecache import public_page
from certguide.sitemaps import SITEMAPS
from certguide.throttling import limit_posts
from guides.content import GUIDES
from plans import overview


@require_GET
@login_not_required
@public_page
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "home.html", {"guides": GUIDES})
    context = overview.week_at_a_glance(request.user, timezone.localdate())
    response = render(request, "home_signed_in.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
@login_not_required
@public_page
def sitemap(request: HttpRequest) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS)


# Pages that are private, or forms, which a search engine has no business crawling.
ROBOTS_DISALLOWED = ("/accounts/", "/plans/", "/admin/", "/assessment/new/")


@require_GET
@login_not_required
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


def _safe_next(request: HttpRequest) -> str | None:
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return None


def _after_sign_in(request: HttpRequest) -> None:
    """Anything the visitor did before signing in now belongs to their account."""
    adopted = adopt_session_attempts(request)
    if adopted:
        messages.info(request, "Your self-assessment answers are now saved in your account.")


SIGN_UP_NEXT = "signup_next"


@require_http_methods(["GET", "POST"])
@login_not_required
@limit_posts("signup")
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.request_sign_up(
            request, form.cleaned_data["email"], form.cleaned_data["password1"]
        )
        request.session[SIGN_UP_NEXT] = _safe_next(request)
        return redirect("signup-sent")
    context = {
        "form": form,
        "next": _safe_next(request),
        "password_min_length": settings.PASSWORD_MIN_LENGTH,
    }
    return render(request, "registration/signup.html", context)


@require_GET
@login_not_required
def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/signup_sent.html")


@require_http_methods(["GET", "POST"])
@login_not_required
def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link from the sign-up email. A GET only shows a button: mail scanners open links."""
    user = accounts.pending_account(uidb64, token)
    if user is None:
        return render(request, "registration/signup_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "registration/signup_confirm.html", {"account": user})
    accounts.confirm_account(user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    _after_sign_in(request)
    messages.success(request, "Welcome to certguide. Your account is ready.")
    return redirect(request.session.pop(SIGN_UP_NEXT, None) or "home")


class SignInView(LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        _after_sign_in(self.request)
        return response


@require_GET
def account(request: HttpRequest) -> HttpResponse:
    attempts = Attempt.objects.for_user(request.user).order_by("-created_at")[:20]
    return render(request, "registration/account.html", {"attempts": attempts})


@require_GET
def download_my_data(request: HttpRequest) -> HttpResponse:
    data = account_data.export_account(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"certguide-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def delete_my_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        account_data.delete_account(request.user, session_attempt_ids(request))
        logout(request)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    status = 400 if form.is_bound else 200
    return render(request, "registration/account_delete.html", {"form": form}, status=status)


@method_decorator(limit_posts("password_reset"), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, limited per address: each request sends an email (through the
    task worker)."""

    form_class = QueuedPasswordResetForm
