"""calibrate_items re-estimates checks from stored answers and reports the ones that misfit."""

import io
import random

import pytest
from django.core.management import call_command
from django.utils import timezone

from assessments import adaptive
from assessments.models import Answer, Attempt, Choice, Question

PEOPLE = 400
HARDER_BY = 1.0


@pytest.fixture
def python_answers(question_bank):
    """400 finished attempts answering Python's checks from the model, with one check really
    a level harder than the experts set, one whose strong answerers get it wrong (a bad key),
    and one that only a quarter of the people were asked."""
    rng = random.Random(7)
    checks = list(
        Question.objects.filter(kind="knowledge", skill__slug="python")
        .order_by("difficulty", "key")
        .prefetch_related("choices")
    )
    harder, reversed_check, rare = checks[3], checks[4], checks[5]
    attempts = Attempt.objects.bulk_create(
        [Attempt(finished_at=timezone.now()) for _ in range(PEOPLE)]
    )
    answers = []
    for number, attempt in enumerate(attempts):
        level = min(5.0, max(1.0, rng.gauss(3.0, 1.0)))
        for check in checks:
            if check == rare and number % 4:
                continue
            true_difficulty = check.difficulty + (HARDER_BY if check == harder else 0)
            item = adaptive.Item(check.key, "python", true_difficulty)
            right = rng.random() < adaptive.probability_correct(item, level)
            if check == reversed_check:
                right = rng.random() > adaptive.probability_correct(item, level)
            choices = list(check.choices.all())
            chosen = next(c for c in choices if c.is_correct == right and not c.is_dont_know)
            answers.append(
                Answer(attempt=attempt, question=check, choice=chosen, is_correct=chosen.is_correct)
            )
    Answer.objects.bulk_create(answers)
    return {"checks": checks, "harder": harder, "reversed": reversed_check, "rare": rare}


def calibrate(*args) -> str:
    out = io.StringIO()
    call_command("calibrate_items", "--min-responses", "300", *args, stdout=out)
    return out.getvalue()


def test_a_check_harder_than_the_experts_thought_moves_up_the_scale(python_answers):
    harder = python_answers["harder"]

    calibrate()

    harder.refresh_from_db()
    assert harder.calibrated_difficulty > harder.difficulty + HARDER_BY / 2
    assert harder.calibration_responses == PEOPLE
    assert harder.calibrated_at is not None


def test_a_check_the_strong_get_wrong_is_reported_and_keeps_its_expert_parameters(
    python_answers,
):
    reversed_check = python_answers["reversed"]

    output = calibrate()

    reversed_check.refresh_from_db()
    assert reversed_check.misfit
    assert reversed_check.key in output and "check the key" in output
    assert reversed_check.calibrated_difficulty is None


def test_calibration_never_changes_a_keyed_answer(python_answers):
    keys_before = set(Choice.objects.values_list("pk", "is_correct"))

    calibrate()

    assert set(Choice.objects.values_list("pk", "is_correct")) == keys_before


def test_a_check_with_too_few_answers_keeps_the_expert_setting(python_answers):
    rare = python_answers["rare"]

    output = calibrate()

    rare.refresh_from_db()
    assert rare.calibrated_difficulty is None
    assert rare.calibration_responses == PEOPLE // 4
    assert "fewer than 300 answers" in output


def test_the_test_uses_the_calibrated_difficulty_once_there_is_one(python_answers):
    from assessments import services

    harder = python_answers["harder"]
    calibrate()
    harder.refresh_from_db()

    assert services.check_item(harder).difficulty == harder.calibrated_difficulty


def test_a_dry_run_reports_without_saving(python_answers):
    output = calibrate("--dry-run")

    assert "would be recalibrated" in output
    assert not Question.objects.filter(calibrated_difficulty__isnull=False).exists()


def test_skills_nobody_answered_are_left_alone(python_answers):
    calibrate()

    untouched = Question.objects.filter(kind="knowledge").exclude(skill__slug="python")
    assert not untouched.filter(calibrated_difficulty__isnull=False).exists()
