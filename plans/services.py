"""
The plans' work with the database: building the generator's specs from the catalog, creating a
plan with its items in one transaction, turning items into `schedule.WorkItem`s, and the small
state changes the views make (tick, edit, move, re-plan, pause, archive).

The rules themselves live in `plans.generation` and `plans.schedule`, which never touch the
database; this module only maps rows to their plain data and back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import models, transaction
from django.utils import timezone

from assessments.services import Outcome
from catalog.models import Certification, RequiredSkill, Skill
from plans import generation, schedule
from plans.models import (
    MAX_HOURS_PER_WEEK,
    MAX_ITEM_HOURS,
    MIN_HOURS_PER_WEEK,
    MIN_ITEM_HOURS,
    ItemKind,
    ItemState,
    Plan,
    PlanItem,
)

DEFAULT_HOURS_PER_WEEK = 6
MAX_PLAN_YEARS_AHEAD = 3
MAX_PAUSE_WEEKS = 26


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
    return sum(_item_hours(draft.hours) for draft in drafts)


def _item_hours(hours: int) -> int:
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
) -> Plan:
    """Generate the items and save the plan with them, or refuse and save nothing."""
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
        plan = Plan.objects.create(
            user=user,
            certification=cert,
            target_date=target_date,
            hours_per_week=hours_per_week,
            start_date=today,
            based_on_assessment=outcome is not None,
        )
        PlanItem.objects.bulk_create(
            PlanItem(
                plan=plan,
                kind=draft.kind,
                title=draft.title[:200],
                detail=draft.detail,
                url=draft.url,
                hours=_item_hours(draft.hours),
                order=position,
                skill=skills_by_slug.get(draft.skill),
            )
            for position, draft in enumerate(drafts, start=1)
        )
    return plan


# --- From items to the schedule's plain data -----------------------------------------------


def work_items(items: Sequence[PlanItem]) -> list[schedule.WorkItem]:
    return [schedule.WorkItem(key=item.key, hours=item.hours, state=item.state) for item in items]


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
    return not week.items and not week.is_current and bool(week.continuing)


def fold_quiet_weeks(weeks: Sequence[WeekView]) -> list[WeekView | QuietWeeks]:
    """Fold runs of quiet weeks carrying on the same items into one entry, so a long plan
    reads as what changes week to week rather than fifty lines of "continuing"."""
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
    # Snapshots taken when the state is computed (items are changed in place afterwards), so
    # a view can tell which regions a change touched.
    layout_keys: tuple[tuple[str, ...], ...] = field(default=())
    this_week_signature: tuple = field(default=())

    @property
    def week_entries(self) -> list[WeekView | QuietWeeks]:
        return fold_quiet_weeks(self.weeks)


def _week_signature(week: WeekView | None) -> tuple:
    if week is None:
        return ()
    return (week.number, tuple((item.pk, item.state) for item in week.all_items))


def plan_state(plan: Plan, items: Sequence[PlanItem], today: date) -> PlanState:
    items = list(items)
    work = work_items(items)
    paused_weeks = plan.paused_weeks_on(today)
    weeks = schedule.layout_weeks(
        work, plan.start_date, plan.hours_per_week, paused_weeks, plan.pause_after_week
    )
    by_key = {item.key: item for item in items}
    continuing = _continuing_by_week(items, plan.hours_per_week)
    views = [
        WeekView(
            number=week.number,
            start=week.start,
            end=week.end,
            hours=week.hours,
            items=[by_key[key] for key in week.keys],
            continuing=continuing.get(week.number - 1, []),
            is_current=week.start <= today <= week.end,
        )
        for week in weeks
    ]
    this_week = next((week for week in views if week.is_current), None)
    next_week = None if this_week else next((w for w in views if w.start > today), None)
    open_items = [item for item in items if item.state in (ItemState.TODO, ItemState.DOING)]
    doing = [item for item in open_items if item.state == ItemState.DOING]
    return PlanState(
        plan=plan,
        items=items,
        progress=schedule.progress(work),
        pace=schedule.pace(work, plan.start_date, today, plan.hours_per_week, paused_weeks),
        weeks=views,
        skipped=[item for item in items if item.state == ItemState.SKIPPED],
        this_week=this_week,
        next_week=next_week,
        next_item=(doing or open_items or [None])[0],
        today=today,
        layout_keys=tuple(week.keys for week in weeks),
        this_week_signature=_week_signature(this_week or next_week),
    )


def _continuing_by_week(items: Sequence[PlanItem], hours_per_week: int) -> dict[int, list]:
    """Week index -> items that started in an earlier week and still have hours in this one,
    following the same continuous flow as `schedule.layout_weeks`."""
    result: dict[int, list[PlanItem]] = {}
    hours_so_far = 0
    for item in items:
        if item.state == ItemState.SKIPPED:
            continue
        first_week = hours_so_far // hours_per_week
        end = hours_so_far + max(0, item.hours)
        last_week = (end - 1) // hours_per_week if end > hours_so_far else first_week
        for index in range(first_week + 1, last_week + 1):
            result.setdefault(index, []).append(item)
        hours_so_far = end
    return result


def load_items(plan: Plan) -> list[PlanItem]:
    return list(plan.items.all())


# --- Changes ---------------------------------------------------------------------------------


def refuse_if_archived(plan: Plan) -> None:
    if plan.is_archived:
        raise PlanRefused(
            "This plan is archived, so it cannot change. Restore it first to carry on.", status=409
        )


def set_item_state(item: PlanItem, state: str) -> bool:
    """Set the item's state; returns whether anything changed (a repeated tick is a no-op)."""
    if state not in ItemState.values:
        raise PlanRefused(f"“{state}” is not a state an item can have.")
    refuse_if_archived(item.plan)
    if item.state == state:
        return False
    item.state = state
    item.save(update_fields=["state", "updated_at"])
    return True


def update_item(item: PlanItem, *, title: str, notes: str, hours: int, url: str) -> None:
    refuse_if_archived(item.plan)
    item.title, item.notes, item.hours, item.url = title, notes, hours, url
    item.save(update_fields=["title", "notes", "hours", "url", "updated_at"])


def add_custom_item(
    plan: Plan, items: Sequence[PlanItem], *, title: str, notes: str, hours: int, url: str
) -> PlanItem:
    refuse_if_archived(plan)
    # Before the exam item when there is one: your own work belongs before the exam.
    exam = next((item for item in items if item.kind == ItemKind.EXAM), None)
    with transaction.atomic():
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


def replan_preview(
    plan: Plan,
    items: Sequence[PlanItem],
    today: date,
    *,
    target_date: date | None = None,
    hours_per_week: int | None = None,
) -> schedule.Replan:
    return schedule.replan(
        work_items(items),
        today,
        target_date or plan.target_date,
        hours_per_week or plan.hours_per_week,
    )


def apply_replan(
    plan: Plan,
    items: Sequence[PlanItem],
    today: date,
    *,
    target_date: date | None = None,
    hours_per_week: int | None = None,
) -> schedule.Replan:
    """Spread the hours left over the weeks left, keeping every item's progress.

    Week 1 moves to a start date such that the hours already done fill the weeks before today
    at the new weekly figure: the remaining items then run from today to the exam, and pace
    reads "on track" straight after (never "behind": the start is rounded down to a day).
    """
    refuse_if_archived(plan)
    target_date = target_date or plan.target_date
    hours_per_week = hours_per_week or plan.hours_per_week
    result = replan_preview(
        plan, items, today, target_date=target_date, hours_per_week=hours_per_week
    )
    if not result.fits_current_pace:
        raise PlanRefused(result.message, status=409, suggested_date=result.suggested_date)
    if result.hours_remaining:
        hours_per_week = min(MAX_HOURS_PER_WEEK, max(1, result.hours_per_week_needed))
    hours_done = schedule.progress(work_items(items)).hours_done
    plan.target_date = target_date
    plan.hours_per_week = hours_per_week
    plan.start_date = today - timedelta(days=hours_done * schedule.DAYS_PER_WEEK // hours_per_week)
    plan.paused_weeks = 0
    plan.pause_after_week = None
    plan.paused_on = None
    plan.save(
        update_fields=[
            "target_date",
            "hours_per_week",
            "start_date",
            "paused_weeks",
            "pause_after_week",
            "paused_on",
            "updated_at",
        ]
    )
    return result


def study_weeks_elapsed(plan: Plan, today: date) -> int:
    return max(0, (today - plan.start_date).days // schedule.DAYS_PER_WEEK - plan.paused_weeks)


def pause_plan(plan: Plan, today: date, weeks: int | None = None) -> bool:
    """Holiday mode. Without `weeks` the pause runs until resumed; with it, the next `weeks`
    weeks are taken off at once. Returns False when the plan is already paused."""
    refuse_if_archived(plan)
    if plan.is_paused:
        return False
    plan.pause_after_week = study_weeks_elapsed(plan, today)
    if weeks:
        plan.paused_weeks += weeks
    else:
        plan.paused_on = today
    plan.save(update_fields=["pause_after_week", "paused_weeks", "paused_on", "updated_at"])
    return True


def resume_plan(plan: Plan, today: date) -> int:
    """End a running pause; its whole weeks join `paused_weeks`. Returns the weeks added."""
    refuse_if_archived(plan)
    if not plan.is_paused:
        return 0
    added = plan.paused_weeks_on(today) - plan.paused_weeks
    plan.paused_weeks += added
    plan.paused_on = None
    plan.save(update_fields=["paused_weeks", "paused_on", "updated_at"])
    return added


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
