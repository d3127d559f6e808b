"""
The plans' work with the database: building the generator's specs from the catalog, creating a
plan with its items in one transaction, turning items into `schedule.WorkItem`s, and the small
state changes the views make (tick, edit, move, re-plan, pause, archive).

The rules themselves live in `plans.generation` and `plans.schedule`, which never touch the
database; this module only maps rows to their plain data and back.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from assessments.services import Outcome
from catalog.models import Certification, RequiredSkill, Skill
from plans import activity, generation, schedule
from plans.models import (
    MAX_DAY_HOURS,
    MAX_HOURS_PER_WEEK,
    MAX_ITEM_HOURS,
    MAX_TOTAL_PAUSE_WEEKS,
    MIN_HOURS_PER_WEEK,
    MIN_ITEM_HOURS,
    ItemKind,
    ItemState,
    Plan,
    PlanItem,
    StudyLog,
)

DEFAULT_HOURS_PER_WEEK = 6
# 32 random bytes: a 43-character address part nobody can guess.
FEED_TOKEN_BYTES = 32
MAX_PLAN_YEARS_AHEAD = 3


class PlanRefused(Exception):
    """A change that cannot be made; the message is shown to the person and nothing is saved."""

    def __init__(self, message: str, *, status: int = 400, suggested_date: date | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.suggested_date = suggested_date


def latest_target_date(today: date) -> date:
    """The furthest exam date a plan may aim for: about three years ahead."""
    return today + timedelta(days=365 * MAX_PLAN_YEARS_AHEAD + 1)


# --- From the catalog to the generator's plain data --------------------------------------


def plannable_certifications() -> models.QuerySet[Certification]:
    """Published certifications with everything `cert_spec` and the create page read."""
    return (
        Certification.objects.published()
        .with_successors()
        .prefetch_related(
            "domains",
            models.Prefetch(
                "required_skills", queryset=RequiredSkill.objects.select_related("skill")
            ),
            "resources",
        )
    )


def cert_spec(cert: Certification) -> generation.CertSpec:
    return generation.CertSpec(
        name=cert.name,
        level=cert.level,
        platform=cert.provider.platform,
        focus=cert.focus,
        required_levels={r.skill.slug: r.level for r in cert.required_skills.all()},
        domains=tuple(
            generation.DomainSpec(
                name=domain.name,
                # A published range counts by its midpoint; the generator splits evenly when
                # any weight is missing.
                weight=domain.weight_estimate,
                topics=tuple(domain.topic_list),
            )
            for domain in cert.domains.all()
        ),
        resources=tuple(
            generation.ResourceSpec(title=r.title, url=r.url, kind=r.kind)
            for r in cert.resources.all()
        ),
    )


def taxonomy() -> list[Skill]:
    return list(Skill.objects.order_by("order", "name"))


def skill_scores(outcome: Outcome | None) -> dict[str, int | None] | None:
    if outcome is None:
        return None
    return {slug: score.score for slug, score in outcome.scores.items()}


def default_hours_per_week(outcome: Outcome | None) -> int:
    """The hours the person told the self-assessment they have, else a modest 6."""
    hours = outcome.context.hours_per_week if outcome is not None else None
    if hours is None:
        return DEFAULT_HOURS_PER_WEEK
    return min(MAX_HOURS_PER_WEEK, max(MIN_HOURS_PER_WEEK, hours))


def draft_items(
    cert: Certification, outcome: Outcome | None, skills: Sequence[Skill]
) -> list[generation.ItemDraft]:
    names = {skill.slug: skill.name for skill in skills}
    return generation.generate_items(cert_spec(cert), skill_scores(outcome), names)


def total_hours(drafts: Sequence[generation.ItemDraft]) -> int:
    return sum(item_hours(draft.hours) for draft in drafts)


def item_hours(hours: int) -> int:
    return min(MAX_ITEM_HOURS, max(MIN_ITEM_HOURS, hours))


def earliest_fitting_date(
    drafts: Sequence[generation.ItemDraft], today: date, hours_per_week: int
) -> date:
    hours = total_hours(drafts)
    return today + timedelta(weeks=-(-hours // hours_per_week))


def active_plan_for(user, cert: Certification) -> Plan | None:
    return Plan.objects.for_user(user).active().filter(certification=cert).first()


def retired_message(cert: Certification) -> str:
    return (
        f"{cert.name} has retired, so it cannot get a new study plan. "
        "Plan for the certification that replaced it instead."
    )


def create_plan(
    user,
    cert: Certification,
    *,
    target_date: date,
    hours_per_week: int,
    today: date,
    outcome: Outcome | None,
    another_plan_wanted: bool = False,
) -> Plan:
    """Generate the items and save the plan with them, or refuse and save nothing.

    A second active plan for the same certification is made only when the person asked for
    one: the check runs with the person's row locked, so simultaneous requests (a double
    click, two tabs) cannot each find no plan and make one."""
    if not cert.is_current:
        raise PlanRefused(retired_message(cert), status=409)
    skills = taxonomy()
    drafts = draft_items(cert, outcome, skills)
    feasibility = schedule.check_feasibility(
        total_hours(drafts), today, target_date, hours_per_week
    )
    if not feasibility.fits:
        raise PlanRefused(feasibility.message, suggested_date=feasibility.suggested_date)

    skills_by_slug = {skill.slug: skill for skill in skills}
    with transaction.atomic():
        _lock_person(user)
        if not another_plan_wanted and active_plan_for(user, cert) is not None:
            raise PlanRefused(
                f"You already have a plan for {cert.name}: it was made a moment ago.",
                status=409,
            )
        plan = Plan.objects.create(
            user=user,
            certification=cert,
            target_date=target_date,
            hours_per_week=hours_per_week,
            start_date=today,
            based_on_assessment=outcome is not None,
            assessed_at=outcome.finished_at if outcome is not None else None,
        )
        PlanItem.objects.bulk_create(
            item_from_draft(plan, draft, position, skills_by_slug.get(draft.skill))
            for position, draft in enumerate(drafts, start=1)
        )
    return plan


def item_from_draft(
    plan: Plan, draft: generation.ItemDraft, order: int, skill: Skill | None = None
) -> PlanItem:
    """An unsaved item of `plan` made from what the generator drafted."""
    return PlanItem(
        plan=plan,
        kind=draft.kind,
        title=draft.title[:200],
        detail=draft.detail,
        url=draft.url,
        hours=item_hours(draft.hours),
        order=order,
        skill=skill,
        source=draft.source,
    )


# --- From items to the schedule's plain data -----------------------------------------------


# Kept for the weeks before the exam, whatever else moves.
AT_END_KINDS = frozenset({ItemKind.REVIEW, ItemKind.EXAM})


def work_items(items: Sequence[PlanItem]) -> list[schedule.WorkItem]:
    return [
        schedule.WorkItem(
            key=item.key,
            hours=item.hours,
            state=item.state,
            done_on=item.done_on,
            at_end=item.kind in AT_END_KINDS,
        )
        for item in items
    ]


@dataclass
class WeekView:
    number: int
    start: date
    end: date
    hours: int
    items: list[PlanItem]  # the items starting this week, in plan order
    continuing: list[PlanItem]  # items started earlier whose work runs into this week
    is_current: bool = False

    @property
    def all_items(self) -> list[PlanItem]:
        return self.continuing + self.items


@dataclass(frozen=True)
class QuietWeeks:
    """A run of consecutive weeks in which nothing new starts: the same work carries on."""

    first: WeekView
    last: WeekView

    @property
    def continuing(self) -> list[PlanItem]:
        return self.first.continuing

    @property
    def hours(self) -> int:
        return self.first.hours


def _is_quiet(week: WeekView) -> bool:
    """Nothing new starts: the same work carries on, or nothing is due (a spare week)."""
    return not week.items and not week.is_current


def fold_quiet_weeks(weeks: Sequence[WeekView]) -> list[WeekView | QuietWeeks]:
    """Fold runs of quiet weeks carrying on the same items (or spare weeks, carrying on
    nothing) into one entry, so a long plan reads as what changes week to week rather than
    fifty lines of "continuing"."""
    entries: list[WeekView | QuietWeeks] = []
    for week in weeks:
        previous = entries[-1] if entries else None
        if _is_quiet(week) and previous is not None:
            first = previous.first if isinstance(previous, QuietWeeks) else previous
            if (isinstance(previous, QuietWeeks) or _is_quiet(previous)) and [
                item.pk for item in first.continuing
            ] == [item.pk for item in week.continuing]:
                entries[-1] = QuietWeeks(first, week)
                continue
        entries.append(week)
    return entries


@dataclass(frozen=True)
class Overrun:
    """The study weeks run up to or past the exam day, and the two ways out."""

    last_study_day: date
    suggested_date: date | None  # the exam moved to the day after the study ends
    hours_option: int | None  # the hours a week that fit the study before the exam


@dataclass
class PlanState:
    """What the plan page, the dashboard and the exports show, computed without queries."""

    plan: Plan
    items: list[PlanItem]
    progress: schedule.Progress
    pace: schedule.Pace
    weeks: list[WeekView]
    skipped: list[PlanItem]
    this_week: WeekView | None
    next_week: WeekView | None
    next_item: PlanItem | None
    today: date
    is_paused: bool = False
    done_earlier: list[PlanItem] = field(default_factory=list)  # done before a re-plan
    overrun: Overrun | None = None
    # Snapshots taken when the state is computed (items are changed in place afterwards), so
    # a view can tell which regions a change touched.
    layout_keys: tuple[tuple[str, ...], ...] = field(default=())
    laid_out: tuple[schedule.Week, ...] = field(default=())
    this_week_signature: tuple = field(default=())

    @property
    def week_entries(self) -> list[WeekView | QuietWeeks]:
        return fold_quiet_weeks(self.weeks)

    @property
    def time_spent(self) -> activity.TimeSpent:
        return activity.time_spent(item_times(self.items))


def _week_signature(week: WeekView | None) -> tuple:
    if week is None:
        return ()
    return (week.number, tuple((item.pk, item.state) for item in week.all_items))


def plan_state(plan: Plan, items: Sequence[PlanItem], today: date) -> PlanState:
    items = list(items)
    work = work_items(items)
    scheduled = schedule.scheduled_items(work, plan.replanned_on)
    in_schedule = {item.key for item in scheduled}
    paused_weeks = plan.paused_weeks_on(today)
    weeks = schedule.layout_weeks(
        scheduled,
        plan.start_date,
        plan.hours_per_week,
        paused_weeks,
        plan.pause_after_week,
        exam_day=plan.target_date,
    )
    by_key = {item.key: item for item in items}
    views = [
        WeekView(
            number=week.number,
            start=week.start,
            end=week.end,
            hours=week.hours,
            items=[by_key[key] for key in week.keys],
            continuing=[by_key[key] for key in week.continuing],
            is_current=week.start <= today <= week.end,
        )
        for week in weeks
    ]
    this_week = next((week for week in views if week.is_current), None)
    next_week = None if this_week else next((w for w in views if w.start > today), None)
    open_items = [item for item in items if item.state in (ItemState.TODO, ItemState.DOING)]
    doing = [item for item in open_items if item.state == ItemState.DOING]
    pace = schedule.pace(
        scheduled, plan.start_date, today, plan.hours_per_week, paused_weeks, weeks
    )
    return PlanState(
        plan=plan,
        items=items,
        progress=schedule.progress(work),
        pace=pace,
        weeks=views,
        skipped=[item for item in items if item.state == ItemState.SKIPPED],
        this_week=this_week,
        next_week=next_week,
        next_item=(doing or open_items or [None])[0],
        today=today,
        is_paused=plan.is_paused_on(today),
        done_earlier=[item for item in items if item.key not in in_schedule],
        overrun=None if pace.status == "finished" else _overrun(plan, work, weeks, today),
        layout_keys=tuple(week.keys for week in weeks),
        laid_out=tuple(weeks),
        this_week_signature=_week_signature(this_week or next_week),
    )


def _overrun(
    plan: Plan, work: Sequence[schedule.WorkItem], weeks: Sequence[schedule.Week], today: date
) -> Overrun | None:
    if not weeks or weeks[-1].end < plan.target_date:
        return None
    last_study_day = weeks[-1].end
    suggested = last_study_day + timedelta(days=1)
    restart = replan_restart(plan, today)
    weeks_left = schedule.whole_weeks_until(restart, plan.target_date)
    hours = -(-schedule.remaining_hours(work) // weeks_left) if weeks_left else None
    return Overrun(
        last_study_day=last_study_day,
        suggested_date=suggested if suggested <= latest_target_date(today) else None,
        hours_option=hours if hours and plan.hours_per_week < hours <= MAX_HOURS_PER_WEEK else None,
    )


def load_items(plan: Plan) -> list[PlanItem]:
    return list(plan.items.all())


OPEN_STATES = (ItemState.TODO, ItemState.DOING)


# --- Changes ---------------------------------------------------------------------------------


def refuse_if_archived(plan: Plan) -> None:
    if plan.is_archived:
        raise PlanRefused(
            "This plan is archived, so it cannot change. Restore it first to carry on.", status=409
        )


def set_item_state(item: PlanItem, state: str, today: date) -> bool:
    """Set the item's state; returns whether anything changed (a repeated tick is a no-op)."""
    if state not in ItemState.values:
        raise PlanRefused(f"“{state}” is not a state an item can have.")
    refuse_if_archived(item.plan)
    if item.state == state:
        return False
    item.state = state
    item.done_on = today if state == ItemState.DONE else None
    item.save(update_fields=["state", "done_on", "updated_at"])
    return True


def update_item(item: PlanItem, *, title: str, notes: str, hours: int, url: str) -> None:
    refuse_if_archived(item.plan)
    item.title, item.notes, item.hours, item.url = title, notes, hours, url
    item.save(update_fields=["title", "notes", "hours", "url", "updated_at"])


def _lock_person(user) -> None:
    """Serialise one person's plan-making (SQLite's IMMEDIATE transactions already do)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def add_custom_item(plan: Plan, *, title: str, notes: str, hours: int, url: str) -> PlanItem:
    """Add the person's own item, before the final review and the exam when the plan has
    them: their own work belongs before those. The plan's row is locked while the place is
    chosen, so items added at the same moment each get their own place."""
    refuse_if_archived(plan)
    with transaction.atomic():
        Plan.objects.select_for_update().filter(pk=plan.pk).first()
        items = list(plan.items.only("pk", "kind", "order"))
        exam = next((item for item in items if item.kind in AT_END_KINDS), None)
        if exam is None:
            order = max((item.order for item in items), default=0) + 1
        else:
            order = exam.order
            PlanItem.objects.filter(plan=plan, order__gte=exam.order).update(
                order=models.F("order") + 1
            )
        return PlanItem.objects.create(
            plan=plan,
            kind=ItemKind.CUSTOM,
            title=title,
            notes=notes,
            hours=hours,
            url=url,
            order=order,
        )


def remove_item(item: PlanItem) -> None:
    refuse_if_archived(item.plan)
    item.delete()


def move_item(items: Sequence[PlanItem], item: PlanItem, direction: str) -> bool:
    """Swap the item with its neighbour; returns False at either end."""
    refuse_if_archived(item.plan)
    ordered = list(items)
    index = next(i for i, candidate in enumerate(ordered) if candidate.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return False
    ordered[index], ordered[other] = ordered[other], ordered[index]
    changed = []
    for position, candidate in enumerate(ordered, start=1):
        if candidate.order != position:
            candidate.order = position
            changed.append(candidate)
    PlanItem.objects.bulk_update(changed, ["order"])
    return True


@dataclass(frozen=True)
class ReplanChange:
    """What a re-plan would make of the plan, said before it is made."""

    start_date: date
    target_date: date
    hours_per_week: int
    result: schedule.Replan
    changes: tuple[str, ...]

    @property
    def fits(self) -> bool:
        return self.result.fits_current_pace


def replan_restart(plan: Plan, today: date) -> date:
    """The day a re-plan made today starts the schedule: today, or the end of a break of a
    chosen length that is still running; never before the plan's own start."""
    restart = max(plan.start_date, today)
    if plan.is_paused_on(today) and plan.pause_ends_on is not None:
        restart = max(restart, plan.pause_ends_on)
    return restart


def replan_change(
    plan: Plan,
    items: Sequence[PlanItem],
    today: date,
    *,
    target_date: date | None = None,
    hours_per_week: int | None = None,
) -> ReplanChange:
    """The schedule restarted from today for the work left, with the exam date and the hours a
    week the person chose; what they did not choose stays as it is."""
    target_date = target_date or plan.target_date
    hours_per_week = hours_per_week or plan.hours_per_week
    start = replan_restart(plan, today)
    result = schedule.replan(work_items(items), start, target_date, hours_per_week)
    changes = [
        _change("Week 1", start, plan.start_date, schedule.format_date),
        _change("Exam date", target_date, plan.target_date, schedule.format_date),
        _change("Hours a week", hours_per_week, plan.hours_per_week, "{} h".format),
    ]
    if plan.is_paused_on(today) and plan.pause_ends_on is None:
        changes.append("Your break ends: the plan carries on from today.")
    return ReplanChange(start, target_date, hours_per_week, result, tuple(changes))


def _change(label: str, new, old, shown) -> str:
    if new == old:
        return f"{label}: {shown(new)} (unchanged)"
    return f"{label}: {shown(new)} (was {shown(old)})"


def apply_replan(
    plan: Plan,
    items: Sequence[PlanItem],
    today: date,
    *,
    target_date: date | None = None,
    hours_per_week: int | None = None,
) -> ReplanChange:
    """Restart the schedule as `replan_change` describes, keeping every item's progress; the
    breaks taken so far are behind the new start, so they are folded away."""
    refuse_if_archived(plan)
    change = replan_change(
        plan, items, today, target_date=target_date, hours_per_week=hours_per_week
    )
    if not change.fits:
        raise PlanRefused(
            change.result.message, status=409, suggested_date=change.result.suggested_date
        )
    plan.target_date = change.target_date
    plan.hours_per_week = change.hours_per_week
    plan.start_date = change.start_date
    plan.replanned_on = today
    plan.paused_weeks = 0
    plan.pause_after_week = None
    plan.paused_on = None
    plan.pause_ends_on = None
    plan.save(
        update_fields=[
            "target_date",
            "hours_per_week",
            "start_date",
            "replanned_on",
            "paused_weeks",
            "pause_after_week",
            "paused_on",
            "pause_ends_on",
            "updated_at",
        ]
    )
    return change


def study_weeks_elapsed(plan: Plan, today: date) -> int:
    return max(0, (today - plan.start_date).days // schedule.DAYS_PER_WEEK - plan.paused_weeks)


def pause_plan(plan: Plan, today: date, weeks: int | None = None) -> bool:
    """Holiday mode. Without `weeks` the break runs until resumed; with it, the next `weeks`
    weeks are taken off at once. Returns False when the plan is already on a break.

    All of a plan's breaks together last at most `MAX_TOTAL_PAUSE_WEEKS`."""
    refuse_if_archived(plan)
    if plan.is_paused_on(today):
        return False
    left = MAX_TOTAL_PAUSE_WEEKS - plan.paused_weeks_on(today)
    if left <= 0:
        raise PlanRefused(
            f"This plan has had {MAX_TOTAL_PAUSE_WEEKS} weeks of breaks, the most a plan can "
            "take. Re-plan it from today instead: your progress stays.",
            status=409,
        )
    if weeks and weeks > left:
        raise PlanRefused(
            f"A plan can take at most {MAX_TOTAL_PAUSE_WEEKS} weeks of breaks in all; this one "
            f"has {plural_weeks(left)} left."
        )
    plan.pause_after_week = study_weeks_elapsed(plan, today)
    plan.paused_on = today
    plan.pause_ends_on = today + timedelta(weeks=weeks) if weeks else None
    if weeks:
        plan.paused_weeks += weeks
    plan.save(
        update_fields=[
            "pause_after_week",
            "paused_weeks",
            "paused_on",
            "pause_ends_on",
            "updated_at",
        ]
    )
    return True


def plural_weeks(count: int) -> str:
    return schedule.plural(count, "week")


def resume_plan(plan: Plan, today: date) -> int:
    """End the break now; returns the whole weeks it moved the plan by. A break until resumed
    adds its whole weeks; a break of a chosen length gives back the weeks not yet taken."""
    refuse_if_archived(plan)
    if not plan.is_paused_on(today):
        return 0
    taken = (today - plan.paused_on).days // schedule.DAYS_PER_WEEK
    if plan.pause_ends_on is None:
        moved = plan.paused_weeks_on(today) - plan.paused_weeks
        plan.paused_weeks += moved
    else:
        planned = (plan.pause_ends_on - plan.paused_on).days // schedule.DAYS_PER_WEEK
        moved = taken
        plan.paused_weeks -= planned - taken
    plan.paused_on = None
    plan.pause_ends_on = None
    plan.save(update_fields=["paused_weeks", "paused_on", "pause_ends_on", "updated_at"])
    return moved


def archive_plan(plan: Plan) -> bool:
    if plan.is_archived:
        return False
    plan.archived_at = timezone.now()
    plan.save(update_fields=["archived_at", "updated_at"])
    return True


def restore_plan(plan: Plan) -> bool:
    if not plan.is_archived:
        return False
    plan.archived_at = None
    plan.save(update_fields=["archived_at", "updated_at"])
    return True


# --- The calendar feed -----------------------------------------------------------------------


def new_feed_token(plan: Plan) -> str:
    """Give the plan a new feed address: the old one, if any, stops answering at once."""
    plan.feed_token = secrets.token_urlsafe(FEED_TOKEN_BYTES)
    plan.save(update_fields=["feed_token", "updated_at"])
    return plan.feed_token


def stop_feed(plan: Plan) -> bool:
    """Turn the feed off: its address stops answering. Returns False when there was none."""
    if plan.feed_token is None:
        return False
    plan.feed_token = None
    plan.save(update_fields=["feed_token", "updated_at"])
    return True


def plan_for_feed(token: str) -> Plan | None:
    """The plan whose feed has this address, whoever asks: the address is the only key."""
    return Plan.objects.with_certification().filter(feed_token=token).first()


# --- Logged time and activity ----------------------------------------------------------------


def item_times(items: Sequence[PlanItem]) -> list[activity.ItemTime]:
    return [
        activity.ItemTime(
            hours=item.hours,
            spent=item.hours_spent,
            counted=item.state != ItemState.SKIPPED,
            done=item.state == ItemState.DONE,
        )
        for item in items
    ]


def log_time(item: PlanItem, hours: Decimal, today: date) -> Decimal:
    """Add `hours` (negative: take them back) to what the person logged on the item today, and
    return the item's new total. Refused, with nothing saved, when it would take back more than
    was logged on the item today or make the person's day hold more than 24 hours."""
    plan = item.plan
    refuse_if_archived(plan)
    with transaction.atomic():
        # One person's logs are added one at a time, so the day's total is checked truly.
        get_user_model().objects.select_for_update().filter(pk=plan.user_id).first()
        logs = list(StudyLog.objects.filter(item__plan__user_id=plan.user_id, day=today))
        mine = next((log for log in logs if log.item_id == item.pk), None)
        logged = mine.hours if mine else Decimal(0)
        if logged + hours < 0:
            raise PlanRefused(
                f"You logged {activity.format_hours(logged)} h on “{item.title}” today, so "
                "you can take back at most that. Nothing was changed."
            )
        day_total = sum((log.hours for log in logs), Decimal(0)) + hours
        if day_total > MAX_DAY_HOURS:
            raise PlanRefused(
                f"That would make {activity.format_hours(day_total)} h logged today across "
                f"your plans; a day holds at most {MAX_DAY_HOURS} h. Nothing was changed."
            )
        if mine is None:
            StudyLog.objects.create(item=item, day=today, hours=hours)
        elif logged + hours == 0:
            mine.delete()
        else:
            mine.hours = logged + hours
            mine.save(update_fields=["hours"])
        item.hours_spent = sum(StudyLog.objects.filter(item=item).values_list("hours", flat=True))
        item.save(update_fields=["hours_spent", "updated_at"])
    return item.hours_spent


def _done_days(items: Iterable[PlanItem]) -> list[tuple[date, str]]:
    return [
        (item.done_on, item.title)
        for item in items
        if item.state == ItemState.DONE and item.done_on is not None
    ]


def plan_activity_days(
    plan: Plan, items: Sequence[PlanItem], today: date
) -> dict[date, activity.Day]:
    """What the plan's activity calendar shows, day by day: one query, for the logs of the
    weeks it shows. `activity.heatmap(days, today)` draws it."""
    first = activity.first_day(today)
    logs = StudyLog.objects.filter(item__plan=plan, day__range=(first, today))
    return activity.collect(logs.values_list("day", "hours"), _done_days(items), first, today)


def person_activity_days(user, items: Iterable[PlanItem], today: date) -> dict[date, activity.Day]:
    """The same across all of a person's plans (`items`: all their items)."""
    first = activity.first_day(today)
    logs = StudyLog.objects.filter(item__plan__user=user, day__range=(first, today))
    return activity.collect(logs.values_list("day", "hours"), _done_days(items), first, today)
