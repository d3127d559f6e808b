"""Plans in step with the catalog and with the person's latest self-assessment."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from catalog.models import ExamDomain, Resource
from plans.models import ItemKind, ItemState, PlanItem
from plans.tests.conftest import PMLE, finish_assessment, items_of, make_plan
from plans.tests.test_services import PMLE_RATINGS, create

NOTICE = "The exam changed in the catalog since this plan was made"


def domain_item(plan, name: str) -> PlanItem:
    return plan.items.get(source=f"domain:{name}")


def test_a_curators_change_of_domains_is_announced_then_followed_keeping_states_and_notes(
    alice, alice_client, catalog
):
    plan = make_plan(alice)
    domains = list(ExamDomain.objects.filter(certification__slug=PMLE).order_by("order"))
    kept, dropped = domains[0], domains[1]
    PlanItem.objects.filter(pk=domain_item(plan, kept.name).pk).update(
        state=ItemState.DONE, notes="Did the labs."
    )
    PlanItem.objects.filter(pk=domain_item(plan, dropped.name).pk).update(notes="Half read.")
    ExamDomain.objects.create(
        certification=kept.certification, name="Agents in production", weight=10, order=99
    )
    dropped.delete()

    page = alice_client.get(f"/plans/{plan.pk}/").text

    assert f"{NOTICE}</strong> (domains: 1 added, 1 removed;" in page
    assert "New: Study: Agents in production" in page
    assert f"No longer in the exam: Study: {dropped.name} (it would be skipped" in page
    assert not plan.items.filter(title="Study: Agents in production").exists()

    response = alice_client.post(f"/plans/{plan.pk}/follow-catalog/", follow=True)

    assert "The plan follows the exam guide again (domains: 1 added, 1 removed)" in response.text
    assert NOTICE not in response.text
    added = plan.items.get(title="Study: Agents in production")
    titles = [item.title for item in items_of(plan)]
    assert titles.index(added.title) < titles.index(
        "Final review: a timed practice exam and your weakest domains"
    )
    gone = plan.items.get(title=f"Study: {dropped.name}")
    assert gone.state == ItemState.SKIPPED and gone.notes == "Half read."
    assert "No longer in the exam guide" in gone.detail
    done = domain_item(plan, kept.name)
    assert done.state == ItemState.DONE and done.notes == "Did the labs."


def test_a_resource_that_left_the_catalog_stays_done_when_it_was_done(alice, alice_client, catalog):
    plan = make_plan(alice)
    resource = Resource.objects.filter(certification__slug=PMLE, kind="course").first()
    item = plan.items.get(source=f"resource:{resource.url}")
    PlanItem.objects.filter(pk=item.pk).update(state=ItemState.DONE)
    resource.delete()

    assert "resources: 1 removed" in alice_client.get(f"/plans/{plan.pk}/").text
    alice_client.post(f"/plans/{plan.pk}/follow-catalog/")

    item.refresh_from_db()
    assert item.state == ItemState.DONE and item.source == ""


def test_an_unchanged_exam_shows_no_notice(alice, alice_client, catalog):
    plan = make_plan(alice)

    assert NOTICE not in alice_client.get(f"/plans/{plan.pk}/").text
    response = alice_client.post(f"/plans/{plan.pk}/follow-catalog/", follow=True)
    assert "nothing changed" in response.text


def test_an_archived_plan_is_left_as_it_was(alice, alice_client, catalog):
    plan = make_plan(alice)
    ExamDomain.objects.filter(certification__slug=PMLE).first().delete()
    alice_client.post(f"/plans/{plan.pk}/archive/")

    assert NOTICE not in alice_client.get(f"/plans/{plan.pk}/").text
    assert alice_client.post(f"/plans/{plan.pk}/follow-catalog/").status_code == 409


def test_a_newer_assessment_offers_to_refresh_the_gap_items(alice, alice_client, question_bank):
    finish_assessment(alice, PMLE_RATINGS)  # gaps: deep learning and generative AI
    plan = create(alice)
    gaps = {item.skill.slug: item for item in plan.items.filter(kind=ItemKind.GAP)}
    assert set(gaps) == {"deep-learning", "generative-ai"}
    assert "Refresh my gap items" not in alice_client.get(f"/plans/{plan.pk}/").text
    later = finish_assessment(
        alice, {**PMLE_RATINGS, "deep-learning": 5, "generative-ai": 2, "python": 1}
    )

    page = alice_client.get(f"/plans/{plan.pk}/").text
    assert f"You finished a self-assessment on {later.finished_at:%-d %B %Y}" in page

    response = alice_client.post(f"/plans/{plan.pk}/refresh-gaps/", follow=True)

    assert "1 added, 1 updated, 1 closed (skipped)" in response.text
    assert "Refresh my gap items" not in response.text
    now = {item.skill.slug: item for item in plan.items.filter(kind=ItemKind.GAP)}
    assert now["deep-learning"].state == ItemState.SKIPPED
    assert now["generative-ai"].hours < gaps["generative-ai"].hours  # a smaller gap now
    assert now["python"].state == ItemState.TODO
    kinds = [item.kind for item in items_of(plan)]
    assert kinds.index(ItemKind.GAP) < kinds.index(ItemKind.DOMAIN)
    assert kinds[: kinds.index(ItemKind.DOMAIN)].count(ItemKind.GAP) == 3


def test_a_plan_made_without_an_assessment_gains_gap_items_from_a_later_one(
    alice, alice_client, catalog
):
    plan = make_plan(alice)
    plan.created_at = timezone.now() - timedelta(days=1)
    plan.save(update_fields=["created_at"])
    finish_assessment(alice, {})

    alice_client.post(f"/plans/{plan.pk}/refresh-gaps/")

    plan.refresh_from_db()
    assert plan.based_on_assessment and plan.items.filter(kind=ItemKind.GAP).exists()
    assert "built without a self-assessment" not in alice_client.get(f"/plans/{plan.pk}/").text
