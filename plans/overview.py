"""What spans a person's plans: this week's work for the home page, and one skill worked on
in several plans (offered, never merged)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assessments.models import Attempt
from plans import schedule
from plans.models import ItemState, Plan, PlanItem
from plans.services import OPEN_STATES, PlanState, plan_state

# --- This week, for the signed-in home page ------------------------------------------------------


@dataclass(frozen=True)
class ThisWeek:
    """One active plan as the home page shows it: what is due this week and how it stands."""

    state: PlanState
    open_items: list[PlanItem]  # this week's items still to do or in progress, in plan order
    hours_left: int  # to be on pace by the end of this week
    days_to_exam: int


def week_at_a_glance(user, today: date) -> dict:
    """The signed-in home page: this week's work in each active plan, soonest exam first, and
    without a plan, the latest finished assessment (2 queries, or 3 without a plan)."""
    plans = (
        Plan.objects.for_user(user)
        .active()
        .with_certification()
        .prefetch_related("items")
        .order_by("target_date", "pk")
    )
    weeks = [this_week(plan_state(plan, plan.items.all(), today)) for plan in plans]
    latest = None
    if not weeks:
        latest = Attempt.objects.for_user(user).finished().order_by("-finished_at").first()
    return {
        "weeks": weeks,
        "next_up": next((week for week in weeks if week.state.next_item), None),
        "latest_attempt": latest,
    }


def this_week(state: PlanState) -> ThisWeek:
    today = state.today
    week = state.this_week
    open_items = [item for item in (week.all_items if week else []) if item.state in OPEN_STATES]
    if week is None or state.is_paused:
        hours_left = 0
    else:
        by_week_end = week.end + timedelta(days=1)
        planned = schedule.planned_by(state.laid_out, by_week_end, state.plan.hours_per_week)
        hours_left = max(0, planned - state.pace.hours_done)
    return ThisWeek(
        state=state,
        open_items=open_items,
        hours_left=hours_left,
        days_to_exam=max(0, (state.plan.target_date - today).days),
    )


# --- One skill across plans -------------------------------------------------------------------


@dataclass(frozen=True)
class DoneElsewhere:
    """The same skill's item, done in another of the person's active plans."""

    certification_name: str
    plan_url: str
    done_on: date | None


def done_in_other_plans(plan: Plan, items: Sequence[PlanItem]) -> dict[int, DoneElsewhere]:
    """For each open item of `plan` about a skill, the first done item about the same skill in
    the person's other active plans, by item id: 1 query when the plan has such items, else
    none. Nothing is changed: the person decides whether it counts here too."""
    open_by_skill = {
        item.skill_id: item
        for item in items
        if item.skill_id and item.state in (ItemState.TODO, ItemState.DOING)
    }
    if not open_by_skill:
        return {}
    done = (
        PlanItem.objects.filter(
            plan__user_id=plan.user_id,
            plan__archived_at=None,
            state=ItemState.DONE,
            skill_id__in=open_by_skill,
        )
        .exclude(plan_id=plan.pk)
        .select_related("plan__certification")
        .order_by("done_on", "pk")
    )
    found: dict[int, DoneElsewhere] = {}
    for other in done:
        item = open_by_skill[other.skill_id]
        found.setdefault(
            item.pk,
            DoneElsewhere(
                other.plan.certification.name, other.plan.get_absolute_url(), other.done_on
            ),
        )
    return found


@dataclass(frozen=True)
class SharedSkill:
    """A skill that items in two or more of the person's active plans are about."""

    name: str
    items: list[PlanItem]  # one per plan, in the order of the plans

    @property
    def done(self) -> list[PlanItem]:
        return [item for item in self.items if item.state == ItemState.DONE]


def shared_skills(states: Sequence[PlanState]) -> list[SharedSkill]:
    """Skills worked on by more than one active plan, each listed once, in taxonomy order.
    Reads the items already loaded (with their skills): no query."""
    by_skill: dict[int, list[PlanItem]] = {}
    for state in states:
        seen = set()
        for item in state.items:
            if item.skill_id and item.skill_id not in seen and item.state != ItemState.SKIPPED:
                seen.add(item.skill_id)
                by_skill.setdefault(item.skill_id, []).append(item)
    shared = [items for items in by_skill.values() if len(items) > 1]
    shared.sort(key=lambda items: (items[0].skill.order, items[0].skill.name))
    return [SharedSkill(items[0].skill.name, items) for items in shared]
