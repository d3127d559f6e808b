"""Plans in step with the catalog and with the person's latest self-assessment: what curators
changed in an exam's domains and resources, and gap items refreshed from newer scores. Nothing
changes until the person asks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import models, transaction
from django.utils import timezone

from assessments.models import Attempt
from assessments.services import Outcome
from certguide.lib import curated
from plans import generation, schedule
from plans.models import ItemKind, ItemState, Plan, PlanItem
from plans.services import (
    AT_END_KINDS,
    OPEN_STATES,
    cert_spec,
    item_from_draft,
    item_hours,
    plannable_certifications,
    refuse_if_archived,
    skill_scores,
    taxonomy,
)

# --- In step with the catalog and the latest assessment ---------------------------------------


def catalog_specs() -> dict[int, generation.CertSpec]:
    """Every published certification as the generator sees it, by id: built once per version of
    the curated content (`certguide.lib.curated`), so a plan page pays no query for it."""
    return curated.built(
        "plan-certification-specs",
        lambda: {cert.pk: cert_spec(cert) for cert in plannable_certifications()},
    )


@dataclass(frozen=True)
class CatalogDrift:
    """How the exam's domains and resources in the catalog differ from the plan's items."""

    added: list[generation.ItemDraft]  # new in the catalog: items the plan could gain
    removed: list[PlanItem]  # items whose domain or resource the catalog no longer has

    @property
    def summary(self) -> str:
        """For example "domains: 1 added, 1 removed; resources: 1 added"."""
        parts = []
        for noun, prefix in (("domains", "domain:"), ("resources", "resource:")):
            added = sum(1 for draft in self.added if draft.source.startswith(prefix))
            removed = sum(1 for item in self.removed if item.source.startswith(prefix))
            counts = ([f"{added} added"] if added else []) + (
                [f"{removed} removed"] if removed else []
            )
            if counts:
                parts.append(f"{noun}: {', '.join(counts)}")
        return "; ".join(parts)


def catalog_drift(plan: Plan, items: Sequence[PlanItem]) -> CatalogDrift | None:
    """What curators changed in the exam's domains and resources since the plan was made, or
    None when nothing did (or the plan is archived). No query."""
    spec = catalog_specs().get(plan.certification_id)
    if spec is None or plan.is_archived:
        return None
    drafts = [
        *generation.domain_items(spec.domains, spec.level),
        *generation.resource_items(spec.resources),
    ]
    current = {draft.source: draft for draft in drafts if draft.source}
    in_plan = {item.source for item in items if item.source}
    added = [draft for source, draft in current.items() if source not in in_plan]
    removed = [item for item in items if item.source and item.source not in current]
    return CatalogDrift(added, removed) if added or removed else None


def _room_before_the_end(plan: Plan, count: int) -> int:
    """Make room for `count` items before the final review and the exam (or at the end) and
    return the first free place. Call with the plan's row locked."""
    items = list(plan.items.only("pk", "kind", "order"))
    at_end = next((item for item in items if item.kind in AT_END_KINDS), None)
    if at_end is None:
        return max((item.order for item in items), default=0) + 1
    PlanItem.objects.filter(plan=plan, order__gte=at_end.order).update(
        order=models.F("order") + count
    )
    return at_end.order


def _room_after(plan: Plan, order: int, count: int) -> int:
    PlanItem.objects.filter(plan=plan, order__gt=order).update(order=models.F("order") + count)
    return order + 1


def follow_the_catalog(plan: Plan, today: date) -> str | None:
    """Add the exam's new domains and resources as items (before the final review) and retire
    the items whose domain or resource is gone: skipped if not done yet, and no longer linked to
    the catalog; every item's state and notes are otherwise kept. Returns what changed, in
    words, or None when nothing had to."""
    refuse_if_archived(plan)
    with transaction.atomic():
        Plan.objects.select_for_update().filter(pk=plan.pk).first()
        drift = catalog_drift(plan, list(plan.items.all()))
        if drift is None:
            return None
        summary = drift.summary
        first = _room_before_the_end(plan, len(drift.added))
        PlanItem.objects.bulk_create(
            item_from_draft(plan, draft, first + offset) for offset, draft in enumerate(drift.added)
        )
        gone = f"No longer in the exam guide as of {schedule.format_date(today)}."
        for item in drift.removed:
            item.source = ""
            item.detail = f"{item.detail} {gone}".strip()
            if item.state in OPEN_STATES:
                item.state = ItemState.SKIPPED
            item.save(update_fields=["source", "detail", "state", "updated_at"])
    return summary


def newer_assessment_finished_at(plan: Plan):
    """When the person finished a self-assessment newer than the one the plan's gaps came from
    (or than the plan, for one made without), or None: 1 query, none for an archived plan."""
    if plan.is_archived:
        return None
    since = plan.assessed_at or plan.created_at
    return (
        Attempt.objects.for_user(plan.user_id)
        .finished()
        .filter(finished_at__gt=since)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )


@dataclass(frozen=True)
class GapRefresh:
    added: int
    updated: int
    closed: int

    @property
    def message(self) -> str:
        return (
            f"Gap items refreshed from your latest self-assessment: {self.added} added, "
            f"{self.updated} updated, {self.closed} closed (skipped)."
        )


def refresh_gaps(plan: Plan, outcome: Outcome) -> GapRefresh:
    """Bring the gap items in line with `outcome`: an open gap item takes the new hours and
    figures, a gap the person has closed is skipped, a new gap gets an item after the others.
    Done items stay done."""
    refuse_if_archived(plan)
    spec = catalog_specs().get(plan.certification_id)
    skills = taxonomy()
    names = {skill.slug: skill.name for skill in skills}
    drafts = (
        generation.gap_items(spec.required_levels, skill_scores(outcome), names) if spec else []
    )
    by_skill = {draft.skill: draft for draft in drafts}
    skills_by_slug = {skill.slug: skill for skill in skills}
    added = updated = closed = 0
    with transaction.atomic():
        Plan.objects.select_for_update().filter(pk=plan.pk).first()
        items = list(plan.items.select_related("skill"))
        gap_items = [item for item in items if item.kind == ItemKind.GAP and item.skill]
        for item in gap_items:
            draft = by_skill.pop(item.skill.slug, None)
            if item.state not in OPEN_STATES:
                continue
            if draft is None:
                item.state = ItemState.SKIPPED
                item.detail = f"{item.detail} Your latest self-assessment meets the target."
                closed += 1
            else:
                item.hours, item.detail = item_hours(draft.hours), draft.detail
                updated += 1
            item.save(update_fields=["state", "detail", "hours", "updated_at"])
        if by_skill:
            anchor = max(
                (item.order for item in items if item.kind in (ItemKind.GAP, ItemKind.DIAGNOSTIC)),
                default=0,
            )
            first = _room_after(plan, anchor, len(by_skill))
            PlanItem.objects.bulk_create(
                item_from_draft(plan, draft, first + offset, skills_by_slug.get(draft.skill))
                for offset, draft in enumerate(by_skill.values())
            )
            added = len(by_skill)
        plan.assessed_at = outcome.finished_at or timezone.now()
        plan.based_on_assessment = True
        plan.save(update_fields=["assessed_at", "based_on_assessment", "updated_at"])
    return GapRefresh(added, updated, closed)
