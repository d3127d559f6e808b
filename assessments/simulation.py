"""Synthetic people taking the adaptive test, to see how close its levels come to the truth.

Each synthetic person has a true level for a skill, drawn uniformly from 1 to 5. They rate
themselves at that level plus a normal error of ``SELF_RATING_ERROR`` levels, rounded and kept
within 1-5, and answer each check right with the model's own probability, ``P(θ)`` of
``assessments.adaptive``. The test then runs exactly as on the site, and the estimate is
compared with the true level. Plain Python, seeded, so the same seed prints the same figures.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessments import adaptive

SELF_RATING_ERROR = 0.8  # the prior's standard deviation, adaptive.PRIOR_SD, assumes the same
CLOSE_ENOUGH = 0.5  # levels


@dataclass(frozen=True)
class Figures:
    """How one simulated test did over many people."""

    people: int
    within: float  # share of estimates within CLOSE_ENOUGH of the true level
    rating_alone_within: float  # the same share for the self-rating with no checks
    mean_error: float  # mean absolute error, levels
    mean_se: float  # mean reported uncertainty
    mean_checks: float  # checks asked per person and skill
    within_one_se: float  # share whose true level lies within the level ± its se

    def describe(self) -> str:
        return (
            f"{self.within:6.1%} within ±{CLOSE_ENOUGH} (rating alone "
            f"{self.rating_alone_within:5.1%}), mean error {self.mean_error:.2f}, "
            f"mean ± {self.mean_se:.2f} (truth inside it {self.within_one_se:5.1%}), "
            f"{self.mean_checks:.1f} checks"
        )


@dataclass
class _Person:
    true_levels: dict[str, float]
    ratings: dict[str, int]


def _draw_person(skills: Sequence[str], rng: random.Random) -> _Person:
    true_levels = {skill: rng.uniform(adaptive.MIN_LEVEL, adaptive.MAX_LEVEL) for skill in skills}
    ratings = {
        skill: min(5, max(1, round(level + rng.gauss(0, SELF_RATING_ERROR))))
        for skill, level in true_levels.items()
    }
    return _Person(true_levels, ratings)


def _answer(item: adaptive.Item, level: float, rng: random.Random) -> adaptive.Response:
    return adaptive.Response(item, rng.random() < adaptive.probability_correct(item, level))


def run_test(
    person: _Person,
    bank: Mapping[str, Sequence[adaptive.Item]],
    checks_allowed: int,
    rng: random.Random,
) -> dict[str, adaptive.SkillState]:
    """One person's test over the skills in ``bank`` (taxonomy order), as the site runs it."""
    states = {
        skill: adaptive.SkillState.build(skill, person.ratings[skill], (), items)
        for skill, items in bank.items()
    }
    seed = rng.randrange(2**31)
    while (item := adaptive.choose_next(list(states.values()), checks_allowed, seed)) is not None:
        state = states[item.skill]
        responses = (*state.responses, _answer(item, person.true_levels[item.skill], rng))
        unasked = [other for other in state.unasked if other.key != item.key]
        states[item.skill] = adaptive.SkillState.build(item.skill, state.rating, responses, unasked)
    return states


def simulate(
    bank: Mapping[str, Sequence[adaptive.Item]],
    checks_allowed: int,
    people: int = 1000,
    seed: int = 1,
) -> Figures:
    """Figures over every (person, skill) pair of ``people`` synthetic people."""
    rng = random.Random(seed)
    errors, rating_errors, ses, checks, inside = [], [], [], [], []
    skills = list(bank)
    for _ in range(people):
        person = _draw_person(skills, rng)
        for skill, state in run_test(person, bank, checks_allowed, rng).items():
            truth = person.true_levels[skill]
            errors.append(abs(state.current.level - truth))
            rating_errors.append(abs(person.ratings[skill] - truth))
            ses.append(state.current.se)
            checks.append(len(state.responses))
            inside.append(abs(state.current.level - truth) <= state.current.se)
    return Figures(
        people=people,
        within=_share_within(errors),
        rating_alone_within=_share_within(rating_errors),
        mean_error=statistics.fmean(errors),
        mean_se=statistics.fmean(ses),
        mean_checks=statistics.fmean(checks),
        within_one_se=sum(inside) / len(inside),
    )


def _share_within(errors: Sequence[float]) -> float:
    return sum(1 for error in errors if error <= CLOSE_ENOUGH) / len(errors)
