"""Rules of readiness and fit that hold for any person, any exam and any context.

Hypothesis draws the person's scores (0-100 points, consistent with a level, or not assessed),
small certifications (1-4 domains weighted 0-60, 1-4 required skills at levels 1-5) and
contexts, from a small pool of skills so that exams and scores overlap.
"""

from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from assessments import scoring
from tests.taxonomy import SKILL_NAMES

SKILLS = ("linear-algebra", "python", "data-libraries", "deep-learning", "mlops", "aws")
PROPERTIES = settings(max_examples=200, deadline=None)


def skill_score(skill: str, score: int | None) -> scoring.SkillScore:
    if score is None:
        return scoring.SkillScore(skill, None, None, 0, 0, "")
    return scoring.SkillScore(skill, score, None, 0, 0, "", level=1 + score / 25, se=0.5)


# Points at and just under each level, where a rounded readiness meets the 99 cap.
NEAR_LEVELS = (0, 1, 24, 25, 26, 49, 50, 74, 75, 99, 100)
POINTS = st.integers(0, 100) | st.sampled_from(NEAR_LEVELS)


@st.composite
def person_scores(draw) -> dict[str, scoring.SkillScore]:
    """Each skill measured, present but not assessed, or (a few) absent altogether."""
    drawn = draw(st.fixed_dictionaries({skill: POINTS | st.none() for skill in SKILLS}))
    absent = draw(st.sets(st.sampled_from(SKILLS), max_size=2))
    return {
        skill: skill_score(skill, score) for skill, score in drawn.items() if skill not in absent
    }


SCORES = person_scores()

DOMAINS = st.builds(
    scoring.DomainShare,
    name=st.sampled_from(["Build", "Train", "Deploy", "Monitor"]),
    # 0 is "not published"; halves as the midpoint of a published range gives them
    weight=st.integers(0, 120).map(lambda halves: halves / 2),
    skills=st.lists(st.sampled_from(SKILLS), max_size=3, unique=True).map(tuple),
)
CERTS = st.builds(
    scoring.CertProfile,
    slug=st.just("exam"),
    name=st.just("Exam"),
    level=st.sampled_from(sorted(scoring.LEVEL_STEPS)),
    platform=st.sampled_from([*scoring.CLOUD_PLATFORMS, "neutral"]),
    focus=st.sampled_from(["classical-ml", "deep-learning", "generative-ai", "mlops", "mixed"]),
    is_current=st.just(True),
    successor_slugs=st.just(()),
    recommended_years=st.none() | st.sampled_from([0.5, 1, 2, 3, 5]),
    required_levels=st.dictionaries(
        st.sampled_from(SKILLS), st.integers(1, 5), min_size=1, max_size=4
    ),
    domains=st.lists(DOMAINS, min_size=1, max_size=4).map(tuple),
)
YEARS = st.sampled_from([0, 0.5, 1, 1.5, 2, 2.9, 3, 4, 10]) | st.floats(0, 15)
CONTEXTS = st.builds(
    scoring.Context,
    cloud=st.sampled_from([*scoring.CLOUD_PLATFORMS, "several", "on-premises", "none"]),
    ml_years=YEARS,
    developer_years=YEARS,
    preference=st.sampled_from(["both", "deep-learning", "classical-ml", "generative-ai"]),
    goal=st.sampled_from(
        ["", "first-ml-job", "switch-cloud", "move-into-mlops", "generative-ai", "validate-role"]
    ),
)


# Nearly all of this exam is Python (importance 99 + 5*3 = 114 against 1 + 5*2 = 11), so a
# small shortfall in MLOps, or MLOps not assessed, would round to 100 without the cap.
LOPSIDED = scoring.CertProfile(
    slug="lopsided",
    name="Lopsided exam",
    level="associate",
    platform="neutral",
    focus="mixed",
    is_current=True,
    successor_slugs=(),
    recommended_years=None,
    required_levels={"python": 3, "mlops": 2},
    domains=(
        scoring.DomainShare("Build", 99, ("python",)),
        scoring.DomainShare("Deploy", 1, ("mlops",)),
    ),
)
JUST_SHORT = {"python": skill_score("python", 50), "mlops": skill_score("mlops", 24)}
NOT_ASSESSED = {"python": skill_score("python", 100), "mlops": skill_score("mlops", None)}


def score_of(scores: dict[str, scoring.SkillScore], skill: str) -> int | None:
    found = scores.get(skill)
    return None if found is None else found.score


def needed(cert: scoring.CertProfile) -> dict[str, int]:
    """The required skills that ask for something: level above 1, target (level - 1) * 25."""
    return {skill: (level - 1) * 25 for skill, level in cert.required_levels.items() if level > 1}


@PROPERTIES
@given(SCORES, CONTEXTS, CERTS)
@example(JUST_SHORT, scoring.Context(), LOPSIDED)
def test_readiness_stays_below_100_while_an_assessed_skill_is_short(scores, context, cert):
    recommendation = scoring.readiness(scores, context, cert, SKILL_NAMES)
    short = [
        skill
        for skill, target in needed(cert).items()
        if score_of(scores, skill) is not None and score_of(scores, skill) < target
    ]

    if short:
        assert recommendation.readiness is not None
        assert recommendation.readiness <= 99


@PROPERTIES
@given(SCORES, CONTEXTS, CERTS)
@example(JUST_SHORT, scoring.Context(), LOPSIDED)
@example(NOT_ASSESSED, scoring.Context(), LOPSIDED)
def test_readiness_is_100_only_when_every_needed_skill_is_assessed_and_met(scores, context, cert):
    recommendation = scoring.readiness(scores, context, cert, SKILL_NAMES)

    if recommendation.readiness == 100:
        for skill, target in needed(cert).items():
            assert score_of(scores, skill) is not None
            assert score_of(scores, skill) >= target


@PROPERTIES
@given(SCORES, CONTEXTS, CERTS, st.data())
def test_more_knowledge_never_lowers_readiness_nor_fit(scores, context, cert, data):
    raisable = [skill for skill, found in scores.items() if found.score not in (None, 100)]
    assume(raisable)
    skill = data.draw(st.sampled_from(raisable), label="skill")
    higher = data.draw(st.integers(scores[skill].score + 1, 100), label="higher score")
    raised = {**scores, skill: skill_score(skill, higher)}

    before = scoring.readiness(scores, context, cert, SKILL_NAMES)
    after = scoring.readiness(raised, context, cert, SKILL_NAMES)

    # The same skills are assessed, so "not assessed" stays as it was.
    assert (before.readiness is None) == (after.readiness is None)
    assert (after.readiness or 0) >= (before.readiness or 0)
    assert after.fit >= before.fit


@PROPERTIES
@given(SCORES, CONTEXTS, CERTS)
def test_readiness_is_not_assessed_exactly_when_no_needed_skill_is_assessed(scores, context, cert):
    recommendation = scoring.readiness(scores, context, cert, SKILL_NAMES)
    assessed = [skill for skill in needed(cert) if score_of(scores, skill) is not None]

    assert (recommendation.readiness is None) == (bool(needed(cert)) and not assessed)
    if recommendation.readiness is None:
        assert recommendation.confidence == 0


@PROPERTIES
@given(SCORES, CONTEXTS, CERTS)
def test_fit_is_readiness_plus_the_factors(scores, context, cert):
    recommendation = scoring.readiness(scores, context, cert, SKILL_NAMES)
    points = sum(factor.points for factor in recommendation.factors)

    assert recommendation.fit == (recommendation.readiness or 0) + points
    assert recommendation.fit_shown == max(0, min(100, recommendation.fit))


@PROPERTIES
@given(CERTS)
def test_exam_shares_never_add_up_to_more_than_100(cert):
    shares = scoring.exam_shares(cert)

    assert all(share >= 0 for share in shares.values())
    assert sum(shares.values()) <= 100
    # Only a domain that exercises no skill leaves part of the exam to nobody.
    if all(domain.skills for domain in cert.domains):
        assert sum(shares.values()) == 100
