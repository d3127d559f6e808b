import re
from datetime import date

import pytest

from assessments.models import Choice, Question
from assessments.sync import ensure_dont_know_choice
from assessments.templatetags.assessment_text import inline_code
from assessments.tests.helpers import (
    answer,
    choice_id,
    correct_choice_id,
    dont_know_choice_id,
    pending_check,
    question,
    rate_every_skill,
    start,
    wrong_choice_id,
)
from catalog.models import Certification, ExamDomain, Provider, RequiredSkill, Skill


def finish(client, attempt):
    client.post(f"/assessment/{attempt.public_id}/finish/")


STRONG_SKILLS = (
    "mlops",
    "google-cloud",
    "python",
    "data-libraries",
    "classical-ml",
    "deep-learning",
    "probability-statistics",
    "responsible-ai",
)


def answer_as_google_mlops_engineer(client, attempt):
    """A Google Cloud shop engineer, strong in MLOps and Google Cloud, some years in: rates
    the strong skills 5 and answers their checks right; has never used the rest."""
    context = {
        "context-employer-cloud": "gcp",
        "context-ml-experience": "4",
        "context-developer-years": "4",
        "context-preference": "both",
        "context-goal": "validate-role",
    }
    for key, value in context.items():
        chosen = question(key).choices.get(value=value)
        answer(client, attempt, key, chosen.pk)
    for rated in Question.objects.filter(kind="self_rating").select_related("skill"):
        level = "5" if rated.skill.slug in STRONG_SKILLS else "1"
        answer(client, attempt, rated.key, rated.choices.get(value=level).pk)
    while (check := pending_check(attempt)) is not None:
        strong = check.skill.slug in STRONG_SKILLS
        chosen = correct_choice_id(check.key) if strong else dont_know_choice_id(check.key)
        assert answer(client, attempt, check.key, chosen).status_code == 200


def test_results_rank_google_pmle_first_for_a_google_mlops_engineer(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    assert response.status_code == 200
    top = response.context["outcome"].recommendations[0]
    assert top.cert.slug == "google-professional-ml-engineer"
    assert "Your top pick" in response.text and "Also worth considering" in response.text
    assert "Why it fits" in response.text
    assert "Your employer runs on Google Cloud, the platform this exam is about (+10)" in (
        response.text
    )
    assert "What would change the ranking" in response.text


def test_results_never_recommend_a_retired_certification(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    ranked = {r.cert.slug for r in response.context["outcome"].recommendations}
    retired = set(Certification.objects.filter(status="retired").values_list("slug", flat=True))
    assert retired and not ranked & retired


def test_results_fold_the_reviewed_checks_per_skill_and_put_the_movements_before_the_others(
    client, question_bank, alice
):
    client.force_login(alice)
    for rating in (2, 4):
        attempt = start(client)
        rate_every_skill(client, attempt, rating=rating)
        for _ in range(3):
            check = pending_check(attempt)
            answer(client, attempt, check.key, wrong_choice_id(check.key))
        finish(client, attempt)

    html = client.get(f"/assessment/{attempt.public_id}/results/").text

    review = html.split('id="review-heading"', 1)[1]
    assert review.count("<details") == 3  # one fold per skill, three skills checked once
    assert html.index("Since your previous assessment") < html.index("Also worth considering")
    assert html.index("Your top pick") < html.index("Since your previous assessment")


def test_results_show_levels_with_uncertainty_and_never_the_key_of_a_missed_check(
    client, question_bank
):
    attempt = start(client)
    rate_every_skill(client, attempt, rating=5)
    missed = pending_check(attempt)
    answer(client, attempt, missed.key, wrong_choice_id(missed.key))
    unknown = pending_check(attempt)
    answer(client, attempt, unknown.key, dont_know_choice_id(unknown.key))
    known = pending_check(attempt)
    answer(client, attempt, known.key, correct_choice_id(known.key))
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    html = response.text
    assert '<svg class="skill-chart"' in html and 'role="img"' in html
    missed_score = response.context["outcome"].scores[missed.skill.slug]
    assert missed_score.level < 5
    assert f"level {missed_score.level:.1f}" in html and f"± {missed_score.se:.1f}" in html
    assert "Not right" in html and "You said you don't know" in html
    given = {missed.key: Choice.objects.get(pk=wrong_choice_id(missed.key)), unknown.key: None}
    for check in (missed, unknown):
        card = html.split(f'id="review-{check.key}"', 1)[1].split("check-review", 1)[0]
        # After the skill's name and the stem, one paragraph: the answer given, nothing else,
        # so neither the key nor the explanation that would give it away.
        after_stem = card.split("</p>")[2:-1]
        assert len(after_stem) == 1, card
        chosen = given[check.key]
        if chosen is None:
            assert "You said you don" in after_stem[0]
        else:
            assert after_stem[0].endswith(f"Your answer: {inline_code(chosen.label)}")
        assert check.explanation not in html
    assert known.explanation.split("`")[0] in html


def test_results_of_an_unfinished_attempt_send_the_visitor_back_to_it(client, question_bank):
    attempt = start(client)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    assert response.headers["Location"] == f"/assessment/{attempt.public_id}/"


def test_signed_in_results_show_how_scores_moved(client, question_bank, alice):
    client.force_login(alice)
    first = start(client)
    answer(client, first, "rate-python", choice_id("rate-python", 1))
    finish(client, first)
    second = start(client)
    answer(client, second, "rate-python", choice_id("rate-python", 3))
    finish(client, second)

    response = client.get(f"/assessment/{second.public_id}/results/")

    assert "Since your previous assessment" in response.text
    assert "up 2.0" in response.text  # level 1 to level 3
    assert "Your other assessments" in response.text


# --- Query budgets: the same at two sizes of question bank and catalog ---------------------


def grow(extra: int) -> None:
    """Add `extra` knowledge checks and certifications, as a larger bank and catalog would."""
    provider = Provider.objects.first()
    skills = list(Skill.objects.all()[:2])
    for n in range(extra):
        check = Question.objects.create(
            key=f"extra-{n}",
            kind="knowledge",
            skill=skills[n % 2],
            level=3,
            difficulty=2.5 + (n % 5) / 4,
            order=1000 + n,
            text=f"Extra {n}?",
        )
        for position in range(4):
            Choice.objects.create(
                question=check, label=f"Answer {position}", is_correct=position == 0, order=position
            )
        ensure_dont_know_choice(check)
        cert = Certification.objects.create(
            provider=provider,
            slug=f"extra-cert-{n}",
            name=f"Extra certification {n}",
            level="associate",
            focus="mixed",
            exam_format="multiple-choice",
            summary="Extra.",
            source_url="https://example.com/",
            checked_on=date(2026, 11, 1),
        )
        domain = ExamDomain.objects.create(certification=cert, name="Everything", weight=100)
        domain.skills.set(skills)
        for skill in skills:
            RequiredSkill.objects.create(certification=cert, skill=skill, level=3)


@pytest.mark.parametrize("extra", [0, 200])
def test_answering_takes_the_same_queries_whatever_the_size(
    client, question_bank, django_assert_num_queries, extra
):
    grow(extra)
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 1))
    data = {"question": question("rate-python").pk, "choice": choice_id("rate-python", 2)}

    # session, the attempt (ownership), its answers, the changed answer saved. The question
    # bank and the catalog are built once per version of the curated content, not per request.
    with django_assert_num_queries(4):
        response = client.post(
            f"/assessment/{attempt.public_id}/answer/", data, headers={"HX-Request": "true"}
        )
    assert 'id="recommendation-panel"' in response.text


@pytest.mark.parametrize("extra", [0, 200])
def test_answering_a_check_takes_the_same_queries_whatever_the_size(
    client, question_bank, django_assert_num_queries, extra
):
    grow(extra)
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 3))
    check = pending_check(attempt)
    data = {"question": check.pk, "choice": wrong_choice_id(check.key)}

    # session, the attempt (ownership), its answers, the new answer inserted.
    with django_assert_num_queries(4):
        response = client.post(
            f"/assessment/{attempt.public_id}/answer/", data, headers={"HX-Request": "true"}
        )
    assert response.status_code == 200
    assert pending_check(attempt) != check


@pytest.mark.parametrize(("extra", "wrong_checks"), [(0, 2), (200, 12)])
def test_results_take_the_same_queries_whatever_the_size(
    client, question_bank, django_assert_num_queries, alice, extra, wrong_checks
):
    grow(extra)
    client.force_login(alice)
    finish(client, start(client))  # a returning person: "since last time" is shown
    attempt = start(client)
    for _ in range(wrong_checks):
        check = pending_check(attempt)
        answer(client, attempt, check.key, wrong_choice_id(check.key))
    finish(client, attempt)

    # session, user, the attempt, its answers; the previous finished attempt, its answers;
    # the other attempts. The catalog and the question bank are built once per version of the
    # curated content, not per request.
    with django_assert_num_queries(7):
        response = client.get(f"/assessment/{attempt.public_id}/results/")
    assert response.text.count("Not right") == wrong_checks

    # Seen again: the results and their page are kept, so neither attempt's answers are read.
    with django_assert_num_queries(5):
        again = client.get(f"/assessment/{attempt.public_id}/results/")
    assert again.text.count("Not right") == wrong_checks


def test_a_score_that_dropped_reads_down_by_how_much(client, question_bank, alice):
    client.force_login(alice)
    first = start(client)
    answer(client, first, "rate-python", choice_id("rate-python", 4))
    finish(client, first)
    second = start(client)
    answer(client, second, "rate-python", choice_id("rate-python", 1))
    finish(client, second)

    response = client.get(f"/assessment/{second.public_id}/results/")

    assert "down 3.0" in response.text  # level 4 to level 1


def test_every_card_of_the_top_three_says_what_would_change_the_ranking(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    cards = response.text.split('class="card h-100 recommendation"')[1:]
    assert len(cards) == 3
    for card in cards:
        assert "What would change the ranking:" in card


def test_a_finished_attempt_with_nothing_assessed_shows_readiness_as_not_assessed(
    client, question_bank
):
    attempt = start(client)
    answer(client, attempt, "context-employer-cloud", choice_id("context-employer-cloud", 0))
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    assert "Readiness <strong>not assessed yet</strong>" in response.text
    assert "0/100" not in response.text and "0%</td>" not in response.text


def test_the_top_pick_is_drawn_skill_by_skill_against_its_targets(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    top = response.context["outcome"].recommendations[0]
    table = response.text.split('id="top-pick-caption"', 1)[1].split("</table>", 1)[0]
    required = [level for level in top.cert.required_levels.values() if level > 1]
    assert table.count('<th scope="row">') == len(required)
    assert table.count('class="target-mark"') == len(required)
    assert "MLOps and deployment" in table and "met</span>" in table


def test_kept_results_show_a_curators_change_on_the_next_visit(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)
    url = f"/assessment/{attempt.public_id}/results/"
    assert "Google Cloud Professional Machine Learning Engineer" in client.get(url).text

    Certification.objects.filter(slug="google-professional-ml-engineer").update(
        name="Professional ML Engineer (renamed)"
    )
    again = client.get(url).text

    assert "Professional ML Engineer (renamed)" in again
    assert "Google Cloud Professional Machine Learning Engineer" not in again


def test_in_a_large_catalog_the_ranking_shows_the_thirty_best_fits(client, question_bank):
    provider = Provider.objects.get(slug="aws")
    template = Certification.objects.get(slug="aws-ml-engineer-associate")
    for n in range(40):
        Certification.objects.create(
            slug=f"extra-exam-{n}",
            name=f"Extra exam {n}",
            provider=provider,
            level=template.level,
            focus=template.focus,
            summary="Another exam.",
            source_url="https://example.com/extra",
            checked_on=template.checked_on,
        )
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    page = client.get(f"/assessment/{attempt.public_id}/results/").text
    ranking = page.split('id="ranking-heading"', 1)[1].split("</table>", 1)[0]
    ranked = int(re.search(r"the 30 of the (\d+) certifications you can still sit", ranking)[1])

    assert "The 30 best fits, ranked" in ranking
    assert ranked >= 40 + 1  # the extra exams and at least one curated one
    assert ranking.count("<tr><td>") == 30
