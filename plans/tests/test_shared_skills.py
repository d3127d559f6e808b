"""One skill across plans: done in one plan, offered (never merged) in the others."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assessments.services import latest_finished_outcome
from plans import services
from plans.models import ItemKind, ItemState, PlanItem
from plans.tests.conftest import certification, finish_assessment, items_of, today

AWS = "aws-ml-engineer-associate"
GOOGLE = "google-professional-ml-engineer"


def plan_for(user, slug: str):
    return services.create_plan(
        user,
        certification(slug),
        target_date=today() + timedelta(weeks=60),
        hours_per_week=10,
        today=today(),
        outcome=latest_finished_outcome(user),
    )


@pytest.fixture
def two_plans(alice, catalog):
    """Plans for two exams made after an assessment that rated every skill 1: each plan has a
    gap item for each skill its exam requires."""
    finish_assessment(alice, {})
    return plan_for(alice, GOOGLE), plan_for(alice, AWS)


def gap_items_by_skill(plan) -> dict[str, PlanItem]:
    return {item.skill.slug: item for item in items_of(plan) if item.kind == ItemKind.GAP}


def a_shared_skill(google, aws) -> tuple[PlanItem, PlanItem]:
    in_google, in_aws = gap_items_by_skill(google), gap_items_by_skill(aws)
    shared = sorted(set(in_google) & set(in_aws))
    assert shared, "the two exams share no required skill"
    return in_google[shared[0]], in_aws[shared[0]]


def test_a_skill_done_in_one_plan_is_offered_in_the_other_and_not_merged(alice_client, two_plans):
    google, aws = two_plans
    done_here, offered_there = a_shared_skill(google, aws)

    alice_client.post(f"/plans/{google.pk}/items/{done_here.pk}/state/", {"state": "done"})
    page = alice_client.get(f"/plans/{aws.pk}/").text

    item_html = page.split(f'id="item-{offered_there.pk}"', 1)[1].split("</li>", 1)[0]
    assert f"plan on {today():%-d %B %Y}" in item_html
    assert google.certification.name in item_html
    assert "Count it as done here" in item_html
    offered_there.refresh_from_db()
    assert offered_there.state == ItemState.TODO


def test_counting_it_here_marks_the_item_done(alice_client, two_plans):
    google, aws = two_plans
    done_here, offered_there = a_shared_skill(google, aws)
    alice_client.post(f"/plans/{google.pk}/items/{done_here.pk}/state/", {"state": "done"})

    response = alice_client.post(
        f"/plans/{aws.pk}/items/{offered_there.pk}/state/",
        {"state": "done"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    offered_there.refresh_from_db()
    assert offered_there.state == ItemState.DONE and offered_there.done_on == today()
    assert "Count it as done here" not in alice_client.get(f"/plans/{aws.pk}/").text


def test_an_archived_plans_work_is_not_offered(alice_client, two_plans):
    google, aws = two_plans
    done_here, _offered = a_shared_skill(google, aws)
    alice_client.post(f"/plans/{google.pk}/items/{done_here.pk}/state/", {"state": "done"})
    alice_client.post(f"/plans/{google.pk}/archive/")

    assert "Count it as done here" not in alice_client.get(f"/plans/{aws.pk}/").text


def test_another_persons_work_is_never_offered(alice, bob, bob_client, two_plans):
    google, _aws = two_plans
    finish_assessment(bob, {})
    bobs = plan_for(bob, AWS)
    for item in items_of(google):
        PlanItem.objects.filter(pk=item.pk).update(state=ItemState.DONE, done_on=today())

    assert "Count it as done here" not in bob_client.get(f"/plans/{bobs.pk}/").text


def test_the_dashboard_lists_each_shared_skill_once(alice_client, two_plans):
    google, aws = two_plans
    done_here, _offered_there = a_shared_skill(google, aws)
    alice_client.post(f"/plans/{google.pk}/items/{done_here.pk}/state/", {"state": "done"})

    page = alice_client.get("/plans/").text

    shared = page.split('id="shared-heading"', 1)[1].split("</section>", 1)[0]
    name = done_here.skill.name
    assert shared.count(f"<strong>{name}</strong>") == 1
    entry = shared.split(f"<strong>{name}</strong>", 1)[1].split("</li>", 1)[0]
    assert google.certification.name in entry and aws.certification.name in entry
    assert "Done" in entry and "Not started" in entry


def test_one_plan_has_no_shared_skills_section(alice_client, alice, catalog):
    finish_assessment(alice, {})
    plan_for(alice, GOOGLE)

    assert "Skills your plans share" not in alice_client.get("/plans/").text


# The plan page with items about skills: the usual queries plus one for the same skills'
# items done in the person's other plans, whatever the number of plans and items.
@pytest.mark.parametrize("other_plans", [1, 3])
def test_the_offer_costs_one_query_whatever_the_number_of_plans(
    alice, alice_client, catalog, django_assert_num_queries, other_plans
):
    from plans.tests.test_plan_detail import PLAN_PAGE_QUERIES

    finish_assessment(alice, {})
    aws = plan_for(alice, AWS)
    for slug in [GOOGLE, "azure-mlops-engineer-associate", "databricks-ml-associate"][:other_plans]:
        other = plan_for(alice, slug)
        PlanItem.objects.filter(plan=other, kind=ItemKind.GAP).update(
            state=ItemState.DONE, done_on=today()
        )

    alice_client.get(f"/plans/{aws.pk}/")  # builds the catalog's exam specs once
    with django_assert_num_queries(PLAN_PAGE_QUERIES + 1):
        response = alice_client.get(f"/plans/{aws.pk}/")

    assert "Count it as done here" in response.text
