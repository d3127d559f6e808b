from __future__ import annotations

from datetime import timedelta

import pytest

from assessments.services import latest_finished_outcome
from catalog.models import Certification
from plans import services
from plans.models import ItemKind, ItemState, Plan, PlanItem
from plans.tests.conftest import (
    PMLE,
    certification,
    finish_assessment,
    items_of,
    make_plan,
    make_sized_plan,
    today,
)

# Ratings for the Google PMLE's ten required skills: all at or above the requirement except
# deep learning (rated 2 -> 25 points, needs 60) and generative AI (rated 1 -> 0, needs 40).
PMLE_RATINGS = {
    "google-cloud": 5,
    "mlops": 5,
    "classical-ml": 4,
    "deep-learning": 2,
    "python": 5,
    "data-libraries": 5,
    "probability-statistics": 5,
    "linear-algebra": 5,
    "responsible-ai": 5,
    "generative-ai": 1,
}


def create(user, slug=PMLE, *, weeks_ahead=40, hours_per_week=10):
    return services.create_plan(
        user,
        certification(slug),
        target_date=today() + timedelta(weeks=weeks_ahead),
        hours_per_week=hours_per_week,
        today=today(),
        outcome=latest_finished_outcome(user),
    )


def test_plan_without_an_assessment_has_no_gap_items(alice, catalog):
    plan = create(alice)

    kinds = [item.kind for item in items_of(plan)]
    assert ItemKind.GAP not in kinds
    assert kinds == (
        ["resource", "diagnostic"] + ["domain"] * 6 + ["project"] + ["resource"] * 2
    ) + ["review", "exam"]
    assert not plan.based_on_assessment
    assert plan.start_date == today()
    assert all(item.state == ItemState.TODO for item in items_of(plan))


def test_plan_with_an_assessment_starts_with_gaps_only_for_skills_below_the_requirement(
    alice, question_bank
):
    finish_assessment(alice, PMLE_RATINGS)

    plan = create(alice)

    items = items_of(plan)
    gaps = [item for item in items if item.kind == ItemKind.GAP]
    assert [gap.skill.slug for gap in gaps] == ["deep-learning", "generative-ai"]
    # After the first week's exam guide and diagnostic.
    assert [item.kind for item in items[:2]] == [ItemKind.RESOURCE, ItemKind.DIAGNOSTIC]
    assert items[2 : 2 + len(gaps)] == gaps
    assert gaps[0].title.startswith("Close your gap in Deep learning")
    assert [gap.hours for gap in gaps] == [9, 10]  # gaps of 35 and 40 points
    assert plan.based_on_assessment


def test_a_skill_without_evidence_counts_as_a_gap(alice, question_bank):
    ratings = {skill: 5 for skill in PMLE_RATINGS if skill != "python"}
    finish_assessment(alice, ratings)

    plan = create(alice)

    gap_skills = [item.skill.slug for item in items_of(plan) if item.kind == ItemKind.GAP]
    assert gap_skills == ["python"]


def test_only_finished_assessments_shape_the_plan(alice, question_bank):
    attempt = finish_assessment(alice, PMLE_RATINGS)
    attempt.finished_at = None
    attempt.save(update_fields=["finished_at"])

    plan = create(alice)

    assert not plan.items.filter(kind=ItemKind.GAP).exists()


def test_domain_items_follow_the_published_weights(alice, catalog):
    plan = create(alice)

    domains = [item for item in items_of(plan) if item.kind == ItemKind.DOMAIN]
    # Professional level: 45 h shared by the weights 13, 14, 18, 20, 22 and 13 %.
    assert [item.hours for item in domains] == [6, 6, 8, 9, 10, 6]
    assert domains[0].title == "Study: Architecting low-code AI solutions"
    assert "About 13% of the exam." in domains[0].detail


def test_domains_share_the_budget_evenly_when_a_weight_is_unpublished(alice, catalog):
    practitioner = Certification.objects.get(slug="aws-ai-practitioner")
    practitioner.domains.filter(order=2).update(weight=None)
    plan = create(alice, "aws-ai-practitioner")

    domains = [item for item in items_of(plan) if item.kind == ItemKind.DOMAIN]
    assert [item.hours for item in domains] == [3, 3, 3, 3, 3]  # foundational: 15 h / 5


def test_resource_items_keep_their_links(alice, catalog):
    plan = create(alice)

    resources = [item for item in items_of(plan) if item.kind == ItemKind.RESOURCE]
    assert resources[0].title == "Read: Official exam guide"
    assert all(item.url.startswith("https://") for item in resources)


def test_an_impossible_date_is_refused_with_the_earliest_date_that_fits(alice, catalog):
    # 83 hours at 10 h a week need 9 weeks; only 4 remain.
    with pytest.raises(services.PlanRefused) as refused:
        create(alice, weeks_ahead=4)

    assert refused.value.suggested_date == today() + timedelta(weeks=9)
    assert "only 4 weeks remain" in refused.value.message
    assert not Plan.objects.exists() and not PlanItem.objects.exists()


def test_the_suggested_date_fits(alice, catalog):
    plan = create(alice, weeks_ahead=9)

    assert plan.target_date == today() + timedelta(weeks=9)


def test_a_retired_certification_gets_no_plan(alice, catalog):
    with pytest.raises(services.PlanRefused) as refused:
        create(alice, "aws-ml-specialty")

    assert refused.value.status == 409
    assert "has retired" in refused.value.message
    assert not Plan.objects.exists()


def test_hours_per_week_default_to_the_assessment_answer(alice, question_bank):
    assert services.default_hours_per_week(latest_finished_outcome(alice)) == 6

    finish_assessment(alice, {"mlops": 3}, hours_per_week="15")

    assert services.default_hours_per_week(latest_finished_outcome(alice)) == 15


def test_custom_items_go_before_the_exam(alice, catalog):
    plan = make_plan(alice)

    item = services.add_custom_item(plan, title="Mock interview", notes="", hours=2, url="")

    titles = [candidate.title for candidate in items_of(plan)]
    assert titles[-3:] == [
        "Mock interview",
        "Final review: a timed practice exam and your weakest domains",
        "Book and sit the exam",
    ]
    assert item.kind == ItemKind.CUSTOM


def test_moving_an_item_swaps_it_with_its_neighbour(alice, catalog):
    plan = make_sized_plan(alice, 3)
    _first, second, third = items_of(plan)

    assert services.move_item(items_of(plan), second, "up")
    assert [item.title for item in items_of(plan)] == ["Item 2", "Item 1", "Item 3"]
    assert not services.move_item(items_of(plan), third, "down")


def test_replan_restarts_the_work_left_from_today_and_keeps_progress(alice, catalog):
    # 20 items of 2 h at 6 h a week, started 8 weeks ago; 6 items done, so 28 h remain.
    plan = make_sized_plan(alice, 20, start=today() - timedelta(weeks=8))
    plan.target_date = today() + timedelta(weeks=7)
    plan.save()
    done = items_of(plan)[:6]
    PlanItem.objects.filter(pk__in=[item.pk for item in done]).update(
        state=ItemState.DONE, done_on=today() - timedelta(days=20)
    )
    assert services.plan_state(plan, items_of(plan), today()).pace.status == "behind"

    change = services.apply_replan(plan, items_of(plan), today())

    plan.refresh_from_db()
    assert change.result.hours_per_week_needed == 4  # 28 h over 7 weeks would just do
    assert plan.hours_per_week == 6  # but the person kept 6
    assert plan.start_date == today() and plan.replanned_on == today()
    state = services.plan_state(plan, items_of(plan), today())
    assert state.progress.hours_done == 12
    assert [item.pk for item in state.done_earlier] == [item.pk for item in done]
    assert state.pace.message == "On track"
    assert state.weeks[0].start == today()
    assert state.weeks[-1].end < plan.target_date  # 28 h at 6 h a week: 5 weeks of 7


def test_replan_that_cannot_fit_proposes_a_date_and_changes_nothing(alice, catalog):
    plan = make_sized_plan(alice, 20)  # 40 h at 6 h a week: 7 weeks
    plan.target_date = today() + timedelta(weeks=3)
    plan.save()

    with pytest.raises(services.PlanRefused) as refused:
        services.apply_replan(plan, items_of(plan), today())

    assert refused.value.suggested_date == today() + timedelta(weeks=7)
    plan.refresh_from_db()
    assert plan.hours_per_week == 6 and plan.target_date == today() + timedelta(weeks=3)


def test_a_pause_moves_the_later_weeks(alice, catalog):
    plan = make_sized_plan(alice, 12, start=today() - timedelta(weeks=2))
    before = services.plan_state(plan, items_of(plan), today()).weeks

    services.pause_plan(plan, today(), weeks=2)

    after = services.plan_state(plan, items_of(plan), today()).weeks
    assert [week.start for week in after[:2]] == [week.start for week in before[:2]]
    assert [week.start for week in after[2:]] == [
        week.start + timedelta(weeks=2) for week in before[2:]
    ]


def test_resume_adds_the_whole_weeks_paused(alice, catalog):
    plan = make_sized_plan(alice, 12)
    services.pause_plan(plan, today())
    assert plan.paused_on == today()

    added = services.resume_plan(plan, today() + timedelta(days=17))

    plan.refresh_from_db()
    assert added == 2 and plan.paused_weeks == 2 and plan.paused_on is None


def test_a_long_item_continues_into_the_following_weeks(alice, catalog):
    plan = make_sized_plan(alice, 2, hours=10)  # 20 h at 6 h a week

    weeks = services.plan_state(plan, items_of(plan), today()).weeks

    assert [[item.title for item in week.items] for week in weeks] == [
        ["Item 1"],
        ["Item 2"],
        [],
        [],
    ]
    assert [[item.title for item in week.continuing] for week in weeks] == [
        [],
        ["Item 1"],
        ["Item 2"],
        ["Item 2"],
    ]
