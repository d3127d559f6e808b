from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from assessments.models import Attempt
from assessments.services import adopt_session_attempts
from certguide.forms import SignInForm, SignUpForm


@require_GET
@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


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


@require_http_methods(["GET", "POST"])
@login_not_required
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _after_sign_in(request)
        messages.success(request, "Welcome to certguide. Your account is ready.")
        return redirect(_safe_next(request) or "home")
    return render(request, "registration/signup.html", {"form": form, "next": _safe_next(request)})


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
