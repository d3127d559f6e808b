from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)
from django_htmx.http import reswap, retarget

from assessments.services import latest_finished_outcome
from certguide.lib.fragments import content_key, fragment_key
from certguide.lib.htmx import out_of_band, wants_fragment
from certguide.lib.http import personal
from plans import following, overview, services
from plans.activity import Day, format_hours, heatmap
from plans.forms import (
    FeedForm,
    ItemForm,
    LogForm,
    MoveForm,
    PauseForm,
    PlanForm,
    ReplanForm,
    StateForm,
)
from plans.ics import plan_calendar, plan_feed
from plans.models import MAX_HOURS_PER_WEEK, Plan, PlanItem
from plans.schedule import format_date

DETAIL = "plans/plan_detail.html"
CALENDAR = "text/calendar; charset=utf-8"


def _get_plan_for_user(request: HttpRequest, pk: int) -> Plan:
    """The signed-in person's own plan; anyone else's is a 404, which leaks nothing."""
    return get_object_or_404(Plan.objects.with_certification(), pk=pk, user=request.user)


def _find_item(items: list[PlanItem], item_pk: int) -> PlanItem:
    """An item of this plan, from the list already loaded; an item of another plan is a 404."""
    for item in items:
        if item.pk == item_pk:
            return item
    raise Http404("No such item in this plan.")


def _get_item(plan: Plan, item_pk: int) -> PlanItem:
    return get_object_or_404(plan.items.all(), pk=item_pk)


def _item_url(item: PlanItem) -> str:
    return f"{reverse('plans:plan-detail', args=[item.plan_id])}#{item.anchor}"


def _refused(request: HttpRequest, pk: int, message: str, status: int) -> HttpResponse:
    """Nothing changed: say why, as a fragment in the page's error region or as a page."""
    if wants_fragment(request):
        response = render(request, "plans/_error.html", {"message": message}, status=status)
        return reswap(retarget(response, "#plan-errors"), "innerHTML")
    context = {"message": message, "plan_url": reverse("plans:plan-detail", args=[pk])}
    return render(request, "plans/plan_refused.html", context, status=status)


def _answers_refusals(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn a `PlanRefused` raised by the domain into a clear 4xx answer instead of a 500."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, pk, *args, **kwargs)
        except services.PlanRefused as refused:
            return _refused(request, pk, refused.message, refused.status)

    return wrapper


# --- Dashboard and creation ------------------------------------------------------------------


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    plans = list(
        Plan.objects.for_user(request.user)
        .with_certification()
        .prefetch_related(Prefetch("items", PlanItem.objects.select_related("skill")))
    )
    today = timezone.localdate()
    states = [
        services.plan_state(plan, plan.items.all(), today) for plan in plans if not plan.is_archived
    ]
    every_item = [item for plan in plans for item in plan.items.all()]
    context = {
        "states": states,
        "shared_skills": overview.shared_skills(states),
        "archived": [plan for plan in plans if plan.is_archived],
    }
    if plans:
        context |= _activity_context(
            services.person_activity_days(request.user, every_item, today), today
        )
    return render(request, "plans/dashboard.html", context)


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, slug: str) -> HttpResponse:
    cert = get_object_or_404(services.plannable_certifications(), slug=slug)
    if not cert.is_current:
        context = {"cert": cert, "message": services.retired_message(cert)}
        return render(request, "plans/plan_retired.html", context, status=409)
    today = timezone.localdate()
    outcome = latest_finished_outcome(request.user)
    drafts = services.draft_items(cert, outcome, services.taxonomy())
    hours = services.default_hours_per_week(outcome)
    initial_date = services.earliest_fitting_date(drafts, today, hours) + timedelta(weeks=2)
    form = PlanForm(
        request.POST or None,
        initial={
            "hours_per_week": hours,
            "target_date": min(initial_date, services.latest_target_date(today)),
        },
        today=today,
        duplicate_of=services.active_plan_for(request.user, cert),
    )
    suggestion = None
    if form.is_valid():
        try:
            plan = services.create_plan(
                request.user,
                cert,
                target_date=form.cleaned_data["target_date"],
                hours_per_week=form.cleaned_data["hours_per_week"],
                today=today,
                outcome=outcome,
                another_plan_wanted=bool(form.cleaned_data.get("confirm_duplicate")),
            )
        except services.PlanRefused as refused:
            # A duplicate made a moment ago is about the plan, not the date.
            form.add_error("target_date" if refused.status == 400 else None, refused.message)
            if refused.suggested_date and refused.suggested_date <= services.latest_target_date(
                today
            ):
                suggestion = refused.suggested_date
        else:
            messages.success(request, f"Your plan for {cert.name} is ready.")
            return redirect(plan)
    context = {
        "cert": cert,
        "form": form,
        "outcome": outcome,
        "drafts": drafts,
        "hours_total": services.total_hours(drafts),
        "suggestion": suggestion,
    }
    return render(request, "plans/plan_form.html", context, status=400 if form.errors else 200)


# --- The plan page, its exports ------------------------------------------------------------


def _detail_context(request: HttpRequest, state: services.PlanState) -> dict:
    # Most of the page is kept until what it shows changes: the weeks until an item, the plan
    # or the day does; the forms and tools until the plan or the day does.
    # Worked out only if a kept part is rendered (an item's change renders none of them).
    plan_key = SimpleLazyObject(
        lambda: fragment_key(request, state.plan, state.today, state.is_paused)
    )
    return {
        "plan": state.plan,
        "state": state,
        "plan_key": plan_key,
        "weeks_key": SimpleLazyObject(lambda: fragment_key(request, str(plan_key), state.items)),
    }


def _activity_context(days: dict[date, Day], today: date) -> dict:
    """The activity calendar, drawn only when its kept copy is out of date."""
    return {
        "activity": SimpleLazyObject(lambda: heatmap(days, today)),
        "activity_key": content_key(days, today),
    }


def _feed_url(request: HttpRequest, plan: Plan) -> str | None:
    if plan.feed_token is None:
        return None
    return request.build_absolute_uri(reverse("plans:feed", args=[plan.feed_token]))


@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    items = services.load_items(plan)
    today = timezone.localdate()
    state = services.plan_state(plan, items, today)
    done_elsewhere = overview.done_in_other_plans(plan, state.items)
    for item in state.items:
        item.done_elsewhere = done_elsewhere.get(item.pk)
    context = {
        **_detail_context(request, state),
        "item_form": ItemForm(),
        "drift": following.catalog_drift(plan, items),
        "newer_assessment": following.newer_assessment_finished_at(plan),
        "feed_url": _feed_url(request, plan),
        **_activity_context(services.plan_activity_days(plan, items, today), today),
    }
    return render(request, DETAIL, context)


@require_GET
def plan_print(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    state = services.plan_state(plan, services.load_items(plan), timezone.localdate())
    return render(request, "plans/plan_print.html", _detail_context(request, state))


@require_GET
def plan_ics(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    state = services.plan_state(plan, services.load_items(plan), timezone.localdate())
    response = HttpResponse(plan_calendar(state, timezone.now()), content_type=CALENDAR)
    response["Content-Disposition"] = f'attachment; filename="certguide-plan-{plan.pk}.ics"'
    return response


@login_not_required
@require_safe
@personal
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The plan's calendar feed, fetched by calendar apps without a session: the secret address
    is the key. A wrong or revoked address is a plain 404 that says nothing about any plan."""
    plan = services.plan_for_feed(token)
    if plan is None:
        raise Http404("No such calendar.")
    state = services.plan_state(plan, services.load_items(plan), timezone.localdate())
    response = HttpResponse(plan_feed(state, timezone.now()), content_type=CALENDAR)
    response["Content-Disposition"] = f'inline; filename="certguide-plan-{plan.pk}.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_POST
def plan_feed_address(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the plan's feed address (the first, or a new one that revokes the old), or turn the
    feed off. Allowed on an archived plan too: who may read it is not part of the plan."""
    plan = _get_plan_for_user(request, pk)
    form = FeedForm(request.POST)
    if not form.is_valid():
        return _refused(request, pk, form.errors["action"][0], 400)
    if form.cleaned_data["action"] == "off":
        if services.stop_feed(plan):
            messages.success(request, "The calendar feed is off: its address no longer works.")
    else:
        revoked = plan.feed_token is not None
        services.new_feed_token(plan)
        messages.success(
            request,
            "Here is a new calendar feed address; the old one no longer works."
            if revoked
            else "Your calendar feed is ready: copy its address into your calendar app.",
        )
    return redirect(f"{reverse('plans:plan-detail', args=[pk])}#calendar-feed")


# --- Items -----------------------------------------------------------------------------------


@require_POST
@_answers_refusals
def item_state(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    items = services.load_items(plan)
    item = _find_item(items, item_pk)
    form = StateForm(request.POST)
    if not form.is_valid():
        return _refused(request, pk, form.errors["state"][0], 400)
    today = timezone.localdate()
    before = services.plan_state(plan, items, today)
    changed = services.set_item_state(item, form.cleaned_data["state"], today)
    on_break = changed and before.is_paused
    if not wants_fragment(request):
        if on_break:
            messages.info(request, _ON_BREAK_NOTICE)
        return redirect(_item_url(item))
    after = services.plan_state(plan, items, today)
    response = _item_changed(request, before, after, item)
    if on_break:
        response.content += out_of_band(
            DETAIL, "plan-notice", {"notice": _ON_BREAK_NOTICE}, request
        ).encode()
    return response


_ON_BREAK_NOTICE = (
    "Saved, though the plan is on a break: the break goes on until you resume it, "
    "with “Resume now” at the top of the plan."
)


def _item_changed(
    request: HttpRequest, before: services.PlanState, after: services.PlanState, item: PlanItem
) -> HttpResponse:
    """The item (or the whole week list when its layout moved) with progress and pace out of
    band, plus "this week" when it changed: one response for every region that changed."""
    context = _detail_context(request, after)
    regrouped = before.layout_keys != after.layout_keys
    if regrouped:
        main = render_to_string(f"{DETAIL}#plan-weeks", context, request=request)
    else:
        main = render_to_string(f"{DETAIL}#plan-item", {**context, "item": item}, request=request)
    extra = out_of_band(DETAIL, "plan-progress", context, request) + out_of_band(
        DETAIL, "plan-pace", context, request
    )
    if regrouped or before.this_week_signature != after.this_week_signature:
        extra += out_of_band(DETAIL, "plan-this-week", context, request)
    response = HttpResponse(main.strip() + extra)
    if regrouped:
        response = reswap(retarget(response, "#plan-weeks"), "innerHTML")
    return response


@require_POST
@_answers_refusals
def item_log(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Log hours spent on the item today: the item, the time spent and the activity calendar
    change; refused (4xx, nothing saved) with a message that says why."""
    plan = _get_plan_for_user(request, pk)
    items = services.load_items(plan)
    item = _find_item(items, item_pk)
    form = LogForm(request.POST)
    if not form.is_valid():
        return _refused(request, pk, form.errors["hours"][0], 400)
    today = timezone.localdate()
    hours = form.cleaned_data["hours"]
    services.log_time(item, hours, today)
    if not wants_fragment(request):
        done = (
            f"Logged {format_hours(hours)} h on “{item.title}”"
            if hours > 0
            else f"Took back {format_hours(-hours)} h from “{item.title}”"
        )
        messages.success(request, f"{done}: {format_hours(item.hours_spent)} h spent on it.")
        return redirect(_item_url(item))
    state = services.plan_state(plan, items, today)
    context = {
        **_detail_context(request, state),
        **_activity_context(services.plan_activity_days(plan, items, today), today),
    }
    main = render_to_string(f"{DETAIL}#plan-item", {**context, "item": item}, request=request)
    extra = out_of_band(DETAIL, "plan-spent", context, request) + out_of_band(
        DETAIL, "plan-activity", context, request
    )
    return HttpResponse(main.strip() + extra)


@require_http_methods(["GET", "POST"])
@_answers_refusals
def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    item = _get_item(plan, item_pk)
    services.refuse_if_archived(plan)
    initial = {"title": item.title, "hours": item.hours, "url": item.url, "notes": item.notes}
    form = ItemForm(request.POST or None, initial=initial)
    if form.is_valid():
        services.update_item(item, **form.cleaned_data)
        messages.success(request, f"Saved “{item.title}”.")
        return redirect(_item_url(item))
    context = {"plan": plan, "item": item, "form": form}
    return render(request, "plans/item_form.html", context, status=400 if form.errors else 200)


@require_POST
@_answers_refusals
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    services.refuse_if_archived(plan)
    form = ItemForm(request.POST)
    if not form.is_valid():
        return render(request, "plans/item_form.html", {"plan": plan, "form": form}, status=400)
    item = services.add_custom_item(plan, **form.cleaned_data)
    messages.success(request, f"Added “{item.title}”.")
    return redirect(_item_url(item))


@require_http_methods(["GET", "POST"])
@_answers_refusals
def item_delete(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    item = _get_item(plan, item_pk)
    services.refuse_if_archived(plan)
    if request.method == "POST":
        services.remove_item(item)
        messages.success(request, f"Removed “{item.title}” from the plan.")
        return redirect(plan)
    return render(request, "plans/item_confirm_delete.html", {"plan": plan, "item": item})


@require_POST
@_answers_refusals
def item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    items = services.load_items(plan)
    item = _find_item(items, item_pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _refused(request, pk, form.errors["direction"][0], 400)
    today = timezone.localdate()
    before = services.plan_state(plan, items, today)
    services.move_item(items, item, form.cleaned_data["direction"])
    if not wants_fragment(request):
        return redirect(_item_url(item))
    items.sort(key=lambda candidate: (candidate.order, candidate.pk))
    after = services.plan_state(plan, items, today)
    context = _detail_context(request, after)
    body = render_to_string(f"{DETAIL}#plan-weeks", context, request=request)
    if before.this_week_signature != after.this_week_signature:
        body += out_of_band(DETAIL, "plan-this-week", context, request)
    return HttpResponse(body)


# --- The plan as a whole --------------------------------------------------------------------


@require_POST
@_answers_refusals
def plan_replan(request: HttpRequest, pk: int) -> HttpResponse:
    """First what the re-plan would change, then, confirmed, the change itself."""
    plan = _get_plan_for_user(request, pk)
    services.refuse_if_archived(plan)
    items = services.load_items(plan)
    today = timezone.localdate()
    form = ReplanForm(request.POST, today=today)
    if not form.is_valid():
        context = {"plan": plan, "form": form}
        return render(request, "plans/plan_replan.html", context, status=400)
    choice = {
        name: form.cleaned_data[name]
        for name in ("target_date", "hours_per_week")
        if form.cleaned_data[name]
    }
    change = services.replan_change(plan, items, today, **choice)
    if change.fits and form.cleaned_data["confirm"]:
        services.apply_replan(plan, items, today, **choice)
        messages.success(request, f"Re-planned: {change.result.message}")
        return redirect(plan)
    preview = change.result
    context = {"plan": plan, "form": form, "change": change, "choice": choice}
    if not change.fits:
        # It does not fit: propose a later date (or more hours) and let the person choose.
        suggested = preview.suggested_date
        context["suggested_date"] = (
            suggested if suggested and suggested <= services.latest_target_date(today) else None
        )
        context["hours_option"] = (
            preview.hours_per_week_needed
            if preview.weeks_remaining and preview.hours_per_week_needed <= MAX_HOURS_PER_WEEK
            else None
        )
    return render(request, "plans/plan_replan.html", context)


@require_POST
@_answers_refusals
def plan_pause(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    services.refuse_if_archived(plan)
    form = PauseForm(request.POST)
    if not form.is_valid():
        return _refused(request, pk, form.errors["weeks"][0], 400)
    weeks = form.cleaned_data["weeks"]
    today = timezone.localdate()
    if not services.pause_plan(plan, today, weeks):
        messages.info(request, "This plan is already paused.")
        return redirect(plan)
    if weeks:
        messages.success(request, f"Enjoy the break: the rest of the plan moves by {weeks} weeks.")
    else:
        messages.success(request, "Paused. Resume when you are back; the plan moves with you.")
    state = services.plan_state(plan, services.load_items(plan), today)
    if state.overrun:
        messages.warning(
            request,
            "This break pushes your study past your exam on "
            f"{format_date(plan.target_date)}: see the choices at the top of the plan.",
        )
    return redirect(plan)


@require_POST
@_answers_refusals
def plan_resume(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    today = timezone.localdate()
    was_paused = plan.is_paused_on(today)
    weeks = services.resume_plan(plan, today)
    if was_paused:
        moved = services.plural_weeks(weeks)
        messages.success(request, f"Welcome back. The break moved the plan by {moved}.")
    return redirect(plan)


@require_POST
@_answers_refusals
def plan_follow_catalog(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    changed = following.follow_the_catalog(plan, timezone.localdate())
    if changed is None:
        messages.info(request, "The plan already follows the exam guide: nothing changed.")
    else:
        messages.success(request, f"The plan follows the exam guide again ({changed}).")
    return redirect(plan)


@require_POST
@_answers_refusals
def plan_refresh_gaps(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    outcome = latest_finished_outcome(request.user)
    if outcome is None:
        return _refused(request, pk, "You have no finished self-assessment yet.", 409)
    messages.success(request, following.refresh_gaps(plan, outcome).message)
    return redirect(plan)


@require_POST
def plan_archive(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    if services.archive_plan(plan):
        messages.success(request, f"Archived your plan for {plan.certification.name}.")
    return redirect("plans:dashboard")


@require_POST
def plan_restore(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_plan_for_user(request, pk)
    if services.restore_plan(plan):
        messages.success(
            request,
            f"Restored your plan for {plan.certification.name}, "
            f"aiming for {format_date(plan.target_date)}.",
        )
    return redirect(plan)
