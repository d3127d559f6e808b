from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from plans import services
from plans.models import ItemKind, ItemState, PlanItem
from plans.tests.conftest import items_of, log_every_day, make_plan, make_sized_plan, today


class PageChecker(HTMLParser):
    """Collects what the accessibility checks below need: ids, headings, scripts, styles."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.headings: list[int] = []
        self.inline_scripts = 0
        self.style_elements = 0
        self.hx_on = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "script" and "src" not in attrs:
            self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1
        self.hx_on += sum(1 for name in attrs if name.startswith("hx-on"))


def test_the_plan_page_shows_the_header_progress_pace_and_every_item(alice_client, plan):
    response = alice_client.get(f"/plans/{plan.pk}/")

    assert response.status_code == 200
    text = response.text
    assert "Google Cloud Professional Machine Learning Engineer" in text
    assert plan.target_date.strftime("%-d %B %Y") in text
    assert "10 h</strong> a week" in text
    assert "0 of 83 hours done · 0 of 13 items" in text
    assert 'role="progressbar"' in text and 'aria-valuenow="0"' in text
    assert re.search(r'id="plan-progress" aria-live="polite"', text)
    assert re.search(r'id="plan-pace" class="mt-lg-3" aria-live="polite"', text)
    assert "On track" in text
    assert "This week" in text
    for item in items_of(plan):
        assert f'id="item-{item.pk}"' in text
    assert "Week 1" in text and "Week 8" in text


def test_the_plan_page_suggests_the_assessment_when_built_without_one(alice_client, plan):
    response = alice_client.get(f"/plans/{plan.pk}/")

    assert "built without a self-assessment" in response.text
    assert 'href="/assessment/"' in response.text


def test_every_button_names_its_item(alice_client, plan):
    response = alice_client.get(f"/plans/{plan.pk}/")

    first = items_of(plan)[0]
    assert f'Mark done<span class="visually-hidden"> “{first.title}”</span>' in response.text
    assert f'Start<span class="visually-hidden"> “{first.title}”</span>' in response.text
    assert f'Move up<span class="visually-hidden"> “{first.title}”</span>' in response.text
    assert f'More<span class="visually-hidden"> for “{first.title}”</span>' in response.text


def test_an_item_offers_one_status_button_and_folds_the_rest_behind_more(alice_client, plan):
    page = alice_client.get(f"/plans/{plan.pk}/").text
    first = items_of(plan)[0]

    item_html = page.split(f'id="item-{first.pk}"', 1)[1].split("</li>", 1)[0]
    outside_menu, menu = item_html.split('<details class="item-menu">', 1)
    assert "Mark done" in outside_menu
    for action in ("Start", "Skip", "Move up", "Move down", "Edit", "Remove"):
        assert f">{action}<" not in outside_menu and f">{action}<" in menu


def test_the_plan_page_is_accessible_in_structure(alice_client, plan):
    checker = PageChecker()
    checker.feed(alice_client.get(f"/plans/{plan.pk}/").text)

    assert len(checker.ids) == len(set(checker.ids)), "duplicate ids"
    assert checker.headings.count(1) == 1
    # Headings never skip a level on the way down.
    for previous, current in zip(checker.headings, checker.headings[1:], strict=False):
        assert current <= previous + 1
    assert checker.inline_scripts == 0
    assert checker.style_elements == 0
    assert checker.hx_on == 0


def test_an_htmx_form_keeps_a_plain_action(alice_client, plan):
    text = alice_client.get(f"/plans/{plan.pk}/").text

    for form in re.findall(r"<form[^>]*hx-post[^>]*>", text):
        assert 'action="/plans/' in form and 'method="post"' in form


def test_the_pace_reads_behind_with_hours_and_weeks(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 20, start=today() - timedelta(weeks=2))  # 12 h planned by now

    response = alice_client.get(f"/plans/{plan.pk}/")

    assert "Behind by 12 h — about 2 weeks" in response.text


def test_this_week_lists_the_current_weeks_items(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 20, start=today() - timedelta(days=8))  # in week 2

    response = alice_client.get(f"/plans/{plan.pk}/")

    this_week = response.context["state"].this_week
    assert this_week.number == 2
    # Week 2 covers hours 6-12: items 4, 5 and 6.
    assert [item.title for item in this_week.all_items] == ["Item 4", "Item 5", "Item 6"]


def test_skipped_items_are_listed_apart(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 4)
    PlanItem.objects.filter(plan=plan, order=2).update(state=ItemState.SKIPPED)

    response = alice_client.get(f"/plans/{plan.pk}/")

    assert 'id="skipped-heading"' in response.text
    assert "0 of 6 hours done · 0 of 3 items" in response.text


# Queries for the plan page, whatever the number of items:
#  1. the session
#  2. the signed-in user
#  3. the plan with its certification and provider (the ownership check)
#  4. the plan's items
#  5. the hours logged over the activity calendar's weeks
#  6. whether the person finished a self-assessment after the plan's gaps were made
# The exam's domains and resources, to tell what curators changed, are built once per version of
# the curated content (the test warms them with a first visit).
PLAN_PAGE_QUERIES = 6


@pytest.mark.parametrize("item_count", [15, 60])
def test_the_plan_page_query_count_does_not_grow_with_items(
    alice, alice_client, catalog, django_assert_num_queries, item_count
):
    plan = make_sized_plan(alice, item_count)
    log_every_day(plan, item_count // 5)
    alice_client.get(f"/plans/{plan.pk}/")

    with django_assert_num_queries(PLAN_PAGE_QUERIES):
        response = alice_client.get(f"/plans/{plan.pk}/")

    assert response.status_code == 200
    assert response.text.count('class="plan-item ') == item_count


# Queries for a tick over HTMX, whatever the number of items:
#  1. the session
#  2. the signed-in user
#  3. the plan with its certification and provider (the ownership check)
#  4. the plan's items (the ticked one is found among them)
#  5. the UPDATE of the item's state
TICK_QUERIES = 5


@pytest.mark.parametrize("item_count", [15, 60])
def test_a_tick_query_count_does_not_grow_with_items(
    alice, alice_client, catalog, django_assert_num_queries, item_count
):
    plan = make_sized_plan(alice, item_count)
    item = items_of(plan)[item_count // 2]

    with django_assert_num_queries(TICK_QUERIES):
        response = alice_client.post(
            f"/plans/{plan.pk}/items/{item.pk}/state/",
            {"state": "done"},
            headers={"HX-Request": "true"},
        )

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.state == ItemState.DONE


def test_weeks_that_only_carry_on_the_same_work_are_folded_into_one_line(
    alice, alice_client, catalog
):
    # Two 12-hour items at 3 h a week: item 1 fills weeks 1-4, item 2 weeks 5-8.
    plan = make_sized_plan(alice, 2, hours=12)
    plan.hours_per_week = 3
    plan.save(update_fields=["hours_per_week"])

    response = alice_client.get(f"/plans/{plan.pk}/")

    assert "Weeks 2–4" in response.text
    assert "Weeks 6–8" in response.text
    assert ">Week 5" in response.text
    assert ">Week 3" not in response.text


def test_week_1_opens_with_the_exam_guide_and_the_last_week_before_the_exam_is_review(
    alice, alice_client, catalog
):
    # 83 h at 10 h a week with the exam 12 weeks away: 76 h of study fill weeks 1-8, weeks
    # 9-11 are spare, and the final review and the exam (7 h) take week 12.
    plan = make_plan(alice, weeks_ahead=12, hours_per_week=10)

    state = services.plan_state(plan, items_of(plan), today())
    page = alice_client.get(f"/plans/{plan.pk}/").text

    assert [item.title for item in state.weeks[0].items][:2] == [
        "Read: Official exam guide",
        "Diagnostic: Official practice exam",
    ]
    last = state.weeks[-1]
    assert last.number == 12 and last.end == plan.target_date - timedelta(days=1)
    assert [item.kind for item in last.items] == [ItemKind.REVIEW, ItemKind.EXAM]
    assert [week.hours for week in state.weeks[8:11]] == [0, 0, 0]
    assert "Weeks 9–11" in page and "Nothing new is due before the final review" in page
