"""Synthetic people with known levels take the adaptive test; its estimates are compared with
the truth. The figures are printed (run with -s to see them); the command prints them too."""

import pytest

from assessments import adaptive, simulation
from assessments.sync import load_file

PEOPLE = 1000


def file_bank() -> dict[str, list[adaptive.Item]]:
    bank: dict[str, list[adaptive.Item]] = {}
    for item in load_file()["questions"]:
        if item["kind"] == "knowledge":
            bank.setdefault(item["skill"], []).append(
                adaptive.Item(item["key"], item["skill"], item["difficulty"])
            )
    return bank


@pytest.fixture(scope="module")
def whole_assessment() -> simulation.Figures:
    checks_allowed = adaptive.MAX_QUESTIONS - 6 - 14  # six context questions, 14 ratings
    return simulation.simulate(file_bank(), checks_allowed, people=PEOPLE, seed=1)


@pytest.fixture(scope="module")
def one_skill() -> simulation.Figures:
    python = {"python": file_bank()["python"]}
    return simulation.simulate(python, adaptive.MAX_CHECKS_PER_SKILL, people=PEOPLE, seed=1)


def test_a_skills_own_test_comes_closer_to_the_truth_than_the_rating_alone(one_skill):
    print(f"\npython, its own test: {one_skill.describe()}")

    assert one_skill.people == PEOPLE
    assert one_skill.within >= one_skill.rating_alone_within + 0.15
    assert 1 <= one_skill.mean_checks <= adaptive.MAX_CHECKS_PER_SKILL


def test_the_whole_assessment_improves_on_the_ratings_within_its_35_questions(whole_assessment):
    print(f"\nthe whole assessment: {whole_assessment.describe()}")

    assert whole_assessment.within >= whole_assessment.rating_alone_within + 0.05
    assert whole_assessment.mean_checks * 14 <= adaptive.MAX_QUESTIONS - 20


@pytest.mark.parametrize("figures", ["one_skill", "whole_assessment"])
def test_the_uncertainty_shown_is_honest(figures, request):
    """The level ± its se should hold the true level about 68 % of the time, as a standard
    error promises: much less would overclaim precision, much more would waste checks."""
    result = request.getfixturevalue(figures)

    assert 0.60 <= result.within_one_se <= 0.80
