from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from catalog.models import Status
from certguide.lib.http import personal
from credentials import services, unsubscribe
from credentials.forms import CredentialForm, ExamResultForm, ReminderForm
from credentials.models import Credential
from plans.models import Plan
from plans.schedule import format_date


def _get_credential_for_user(request: HttpRequest, pk: int) -> Credential:
    """The signed-in person's own credential; anyone else's is a 404, which leaks nothing."""
    return get_object_or_404(
        Credential.objects.select_related("certification"), pk=pk, user=request.user
    )


def _get_plan_for_user(request: HttpRequest, pk: int) -> Plan:
    return get_object_or_404(Plan.objects.with_certification(), pk=pk, user=request.user)


@require_GET
@personal
def credential_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    held = services.held_credentials(request.user, today)
    context = {"held": held, "today": today, "retired": Status.RETIRED}
    return render(request, "credentials/credential_list.html", context)


@require_http_methods(["GET", "POST"])
@personal
def credential_add(request: HttpRequest) -> HttpResponse:
    form = CredentialForm(request.POST or None, today=timezone.localdate())
    if form.is_valid():
        credential = services.apply_credential_form(
            Credential(user=request.user), form.cleaned_data
        )
        messages.success(request, f"Added {credential.title} to your credentials.")
        return redirect(credential)
    status = 400 if form.is_bound else 200
    context = {"form": form, "credential": None}
    return render(request, "credentials/credential_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@personal
def credential_edit(request: HttpRequest, pk: int) -> HttpResponse:
    credential = _get_credential_for_user(request, pk)
    initial = {
        "certification": credential.certification,
        "name": credential.name,
        "issuer": credential.issuer,
        "earned_on": credential.earned_on,
        "renewed_on": credential.renewed_on,
        "expires_on": credential.expires_on,
    }
    form = CredentialForm(request.POST or None, initial=initial, today=timezone.localdate())
    if form.is_valid():
        services.apply_credential_form(credential, form.cleaned_data)
        messages.success(request, f"Saved {credential.title}.")
        return redirect(credential)
    status = 400 if form.is_bound else 200
    context = {"form": form, "credential": credential}
    return render(request, "credentials/credential_form.html", context, status=status)


@require_POST
def credential_delete(request: HttpRequest, pk: int) -> HttpResponse:
    credential = _get_credential_for_user(request, pk)
    title = credential.title
    credential.delete()
    messages.success(request, f"Removed {title} from your credentials.")
    return redirect("credentials:credential-list")


@require_http_methods(["GET", "POST"])
@personal
def exam_result(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the exam: "I passed" turns the plan into a credential, "I didn't pass" aims it at
    the retake."""
    plan = _get_plan_for_user(request, pk)
    if plan.is_archived:
        context = {"plan": plan}
        return render(request, "credentials/exam_result_archived.html", context, status=409)
    form = ExamResultForm(request.POST or None, today=timezone.localdate())
    if form.is_valid():
        data = form.cleaned_data
        name = plan.certification.name
        if data["result"] == "passed":
            services.record_pass(plan, data["sat_on"])
            messages.success(request, f"Congratulations! {name} is now in your credentials.")
            return redirect("credentials:credential-list")
        services.record_fail(plan, data["sat_on"], data["retake_on"])
        messages.info(
            request,
            f"Your plan now aims at the retake on {format_date(data['retake_on'])}; "
            "everything you ticked stays ticked.",
        )
        return redirect(plan)
    status = 400 if form.is_bound else 200
    context = {"plan": plan, "form": form}
    return render(request, "credentials/exam_result.html", context, status=status)


@require_POST
def reminders(request: HttpRequest) -> HttpResponse:
    form = ReminderForm(request.POST)
    on = form.is_valid() and form.cleaned_data["weekly_digest"]
    if services.set_weekly_digest(request.user, on):
        messages.success(
            request,
            "You will get a weekly digest by email." if on else "Weekly digests are off.",
        )
    return redirect("account")


@require_http_methods(["GET", "POST"])
@login_not_required
@csrf_exempt  # RFC 8058 one-click: mail clients POST without cookies; the signature is the proof
@personal
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    user_id = unsubscribe.user_id_from(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "credentials/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        services.set_weekly_digest(user, False)
        return render(request, "credentials/unsubscribe_done.html", {"email": user.email})
    return render(request, "credentials/unsubscribe.html", {"email": user.email})
