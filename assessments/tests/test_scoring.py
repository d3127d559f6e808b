"""Unit tests for the pure scoring module, with catalog-like fixtures built here."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from itertools import pairwise

import pytest

from assessments.scoring import (
    HELD_BACK_REASON,
    CertProfile,
    CheckResult,
    Context,
    DomainShare,
    Evidence,
    Factor,
    Gap,
    Recommendation,
    SkillScore,
    exam_shares,
    level_points,
    ranking_changes,
    readiness,
    recommend,
    score_skills,
)
from tests.taxonomy import SKILL_NAMES

MATHS = ("linear-algebra", "calculus", "probability-statistics")


def cert(
    slug: str,
    name: str,
    level: str,
    platform: str,
    focus: str,
    required: dict[str, int],
    domains: tuple[DomainShare, ...],
    *,
    years: float | None = None,
    current: bool = True,
    successors: tuple[str, ...] = (),
) -> CertProfile:
    return CertProfile(
        slug=slug,
        name=name,
        level=level,
        platform=platform,
        focus=focus,
        is_current=current,
        successor_slugs=successors,
        recommended_years=years,
        required_levels=required,
        domains=domains,
    )


def domain(name: str, weight: float, *skills: str) -> DomainShare:
    return DomainShare(name=name, weight=weight, skills=skills)


GOOGLE_PMLE = cert(
    "google-pmle",
    "Google Cloud Professional Machine Learning Engineer",
    "professional",
    "gcp",
    "mlops",
    {
        "probability-statistics": 3,
        "python": 3,
        "data-libraries": 3,
        "classical-ml": 3,
        "deep-learning": 3,
        "responsible-ai": 2,
        "mlops": 4,
        "google-cloud": 4,
    },
    (
        domain("Architecting low-code AI solutions", 13, "google-cloud", "classical-ml"),
        domain("Collaborating to manage data and models", 14, "data-libraries", "mlops"),
        domain("Scaling prototypes into ML models", 18, "deep-learning", "google-cloud"),
        domain("Serving and scaling models", 20, "mlops", "google-cloud"),
        domain("Automating and orchestrating ML pipelines", 22, "mlops", "google-cloud"),
        domain("Monitoring AI solutions", 13, "mlops", "responsible-ai"),
    ),
    years=3,
)
AWS_MLS = cert(
    "aws-mls-c01",
    "AWS Certified Machine Learning - Specialty (MLS-C01)",
    "specialty",
    "aws",
    "mixed",
    {
        "linear-algebra": 2,
        "probability-statistics": 3,
        "python": 3,
        "data-libraries": 3,
        "classical-ml": 4,
        "deep-learning": 3,
        "mlops": 3,
        "aws": 4,
    },
    (
        domain("Data engineering", 20, "data-libraries", "aws"),
        domain("Exploratory data analysis", 24, "probability-statistics", "data-libraries"),
        domain("Modeling", 36, "classical-ml", "deep-learning", "probability-statistics"),
        domain("ML implementation and operations", 20, "mlops", "aws"),
    ),
    years=2,
    current=False,
    successors=("aws-mla-c01", "aws-aip-c01"),
)
AWS_MLA = cert(
    "aws-mla-c01",
    "AWS Certified Machine Learning Engineer - Associate (MLA-C01)",
    "associate",
    "aws",
    "mlops",
    {
        "python": 3,
        "data-libraries": 3,
        "classical-ml": 3,
        "deep-learning": 2,
        "mlops": 3,
        "aws": 3,
    },
    (
        domain("Data preparation for ML", 28, "data-libraries", "aws"),
        domain("ML model development", 26, "classical-ml", "deep-learning", "aws"),
        domain("Deployment and orchestration of ML workflows", 22, "mlops", "aws"),
        domain("ML solution monitoring, maintenance and security", 24, "mlops", "aws"),
    ),
    years=1,
)
AWS_AIP = cert(
    "aws-aip-c01",
    "AWS Certified Generative AI Developer - Professional (AIP-C01)",
    "professional",
    "aws",
    "generative-ai",
    {"python": 3, "generative-ai": 4, "responsible-ai": 3, "mlops": 3, "aws": 4},
    (
        domain("Foundation model integration, data and compliance", 31, "generative-ai", "aws"),
        domain("Implementation and integration", 26, "generative-ai", "python", "aws"),
        domain("AI safety, security and governance", 20, "responsible-ai", "aws"),
        domain("Operational efficiency and optimisation", 12, "mlops", "aws"),
        domain("Testing, validation and troubleshooting", 11, "generative-ai", "mlops"),
    ),
    years=2,
)
AWS_AI_PRACTITIONER = cert(
    "aws-aif-c01",
    "AWS Certified AI Practitioner (AIF-C01)",
    "foundational",
    "aws",
    "generative-ai",
    {
        "probability-statistics": 1,
        "classical-ml": 2,
        "generative-ai": 2,
        "responsible-ai": 2,
        "aws": 2,
    },
    (
        domain("Fundamentals of AI and ML", 20, "classical-ml", "probability-statistics"),
        domain("Fundamentals of generative AI", 24, "generative-ai"),
        domain("Applications of foundation models", 28, "generative-ai", "aws"),
        domain("Guidelines for responsible AI", 14, "responsible-ai"),
        domain("Security, compliance and governance", 14, "responsible-ai", "aws"),
    ),
    years=0.5,
)
AZURE_AI_103 = cert(
    "azure-ai-103",
    "Microsoft Certified: Azure AI Apps and Agents Developer Associate (AI-103)",
    "associate",
    "azure",
    "generative-ai",
    {"python": 3, "generative-ai": 3, "responsible-ai": 2, "mlops": 2, "azure": 3},
    (
        domain("Plan and manage an Azure AI solution", 27.5, "azure", "mlops", "responsible-ai"),
        domain("Implement generative AI and agentic solutions", 32.5, "generative-ai", "python"),
        domain("Implement computer vision solutions", 12.5, "azure"),
        domain("Implement text analysis solutions", 12.5, "azure", "generative-ai"),
        domain("Implement information extraction solutions", 15, "azure"),
    ),
)
TENSORFLOW_DEVELOPER = cert(
    "tensorflow-developer",
    "TensorFlow Developer Certificate",
    "associate",
    "neutral",
    "deep-learning",
    {"python": 3, "data-libraries": 2, "deep-learning": 4},
    (
        # The programme never published weights for its categories.
        domain("TensorFlow developer skills", 0, "python"),
        domain("Image classification", 0, "deep-learning"),
        domain("Natural language processing", 0, "deep-learning"),
        domain("Time series, sequences and predictions", 0, "deep-learning"),
    ),
    current=False,
)
DATABRICKS_ML_ASSOCIATE = cert(
    "databricks-ml-associate",
    "Databricks Certified Machine Learning Associate",
    "associate",
    "databricks",
    "classical-ml",
    {"python": 3, "data-libraries": 3, "classical-ml": 3, "mlops": 2, "spark-databricks": 3},
    (
        domain("Databricks Machine Learning", 38, "spark-databricks", "mlops"),
        domain("Data processing", 19, "data-libraries", "spark-databricks"),
        domain("Model development", 31, "classical-ml", "python"),
        domain("Model deployment", 12, "mlops", "spark-databricks"),
    ),
    years=0.5,
)
DATABRICKS_ML_PROFESSIONAL = cert(
    "databricks-ml-professional",
    "Databricks Certified Machine Learning Professional",
    "professional",
    "databricks",
    "mlops",
    {
        "probability-statistics": 3,
        "python": 3,
        "classical-ml": 4,
        "mlops": 4,
        "spark-databricks": 4,
    },
    (
        domain(
            "Model development", 44, "probability-statistics", "classical-ml", "spark-databricks"
        ),
        domain("MLOps", 44, "mlops", "spark-databricks"),
        domain("Model deployment", 12, "mlops", "spark-databricks"),
    ),
    years=1,
)
NVIDIA_GENAI_LLMS = cert(
    "nvidia-nca-genl",
    "NVIDIA-Certified Associate: Generative AI LLMs",
    "associate",
    "neutral",
    "generative-ai",
    {"python": 3, "deep-learning": 3, "generative-ai": 3},
    (
        domain("Core machine learning and AI knowledge", 30, "deep-learning", "generative-ai"),
        domain("Software development", 24, "python"),
        domain("Experimentation", 22, "deep-learning", "generative-ai"),
        domain("Data analysis and visualisation", 14, "python"),
        domain("Trustworthy AI", 10, "responsible-ai"),
    ),
)
GOOGLE_GENAI_LEADER = cert(
    "google-genai-leader",
    "Google Cloud Certified Generative AI Leader",
    "foundational",
    "gcp",
    "generative-ai",
    {"generative-ai": 2, "responsible-ai": 2, "google-cloud": 2},
    (
        domain("Fundamentals of generative AI", 30, "generative-ai"),
        domain("Google Cloud's generative AI offerings", 35, "google-cloud", "generative-ai"),
        domain("Techniques to improve model output", 20, "generative-ai"),
        domain("Business strategies for generative AI solutions", 15, "responsible-ai"),
    ),
)
CATALOG = (
    GOOGLE_PMLE,
    AWS_MLS,
    AWS_MLA,
    AWS_AIP,
    AWS_AI_PRACTITIONER,
    AZURE_AI_103,
    TENSORFLOW_DEVELOPER,
    DATABRICKS_ML_ASSOCIATE,
    DATABRICKS_ML_PROFESSIONAL,
    NVIDIA_GENAI_LLMS,
    GOOGLE_GENAI_LEADER,
)


def scores_for(ratings: dict[str, int], checks: tuple[CheckResult, ...] = ()):
    return score_skills(Evidence(self_ratings=ratings, checks=checks), list(SKILL_NAMES))


# A check's difficulty is a level on the 1-5 scale: the level at which half the people answer
# it correctly. The people below mostly answer right up to about their own level, wrong above.
def right(skill: str, difficulty: float = 3) -> CheckResult:
    return CheckResult(skill=skill, difficulty=difficulty, correct=True)


def wrong(skill: str, difficulty: float = 3) -> CheckResult:
    return CheckResult(skill=skill, difficulty=difficulty, correct=False)


def dont_know(skill: str, difficulty: float = 3) -> CheckResult:
    return CheckResult(skill=skill, difficulty=difficulty, correct=False, dont_know=True)


# --- People from the acceptance scenarios -------------------------------------------------

GOOGLE_MLOPS_ENGINEER = (
    scores_for(
        {
            "linear-algebra": 3,
            "calculus": 3,
            "probability-statistics": 4,
            "python": 4,
            "data-libraries": 4,
            "classical-ml": 4,
            "deep-learning": 3,
            "generative-ai": 2,
            "responsible-ai": 3,
            "mlops": 5,
            "google-cloud": 5,
            "aws": 1,
            "azure": 1,
            "spark-databricks": 2,
        },
        (
            right("mlops", 2),
            right("mlops", 3),
            right("mlops", 4),
            right("google-cloud", 3),
            right("google-cloud", 4),
            right("python", 3),
            wrong("deep-learning", 4),
        ),
    ),
    Context(cloud="gcp", ml_years=4, preference="both", goal="validate-role"),
)
AWS_DATA_SCIENTIST = (
    scores_for(
        {
            "linear-algebra": 3,
            "calculus": 3,
            "probability-statistics": 4,
            "python": 4,
            "data-libraries": 4,
            "classical-ml": 4,
            "deep-learning": 3,
            "generative-ai": 2,
            "responsible-ai": 3,
            "mlops": 3,
            "google-cloud": 1,
            "aws": 4,
            "azure": 1,
            "spark-databricks": 2,
        },
        (
            right("aws", 3),
            right("aws", 4),
            wrong("aws", 2),
            right("classical-ml", 4),
            right("classical-ml", 3),
            right("mlops", 3),
            wrong("mlops", 3),
        ),
    ),
    Context(cloud="aws", ml_years=2, preference="classical-ml", goal="validate-role"),
)
DEEP_LEARNING_PYTHON_DEVELOPER = (
    scores_for(
        {
            "linear-algebra": 3,
            "calculus": 3,
            "probability-statistics": 3,
            "python": 5,
            "data-libraries": 4,
            "classical-ml": 3,
            "deep-learning": 4,
            "generative-ai": 3,
            "responsible-ai": 2,
            "mlops": 2,
            "google-cloud": 1,
            "aws": 1,
            "azure": 1,
            "spark-databricks": 1,
        },
        (
            right("python", 4),
            right("python", 3),
            right("deep-learning", 4),
            right("deep-learning", 3),
            wrong("generative-ai", 3),
            right("generative-ai", 3),
        ),
    ),
    Context(cloud="none", ml_years=2, preference="deep-learning", goal="validate-role"),
)
BEGINNER_WEAK_IN_MATHS = (
    scores_for(
        {
            "linear-algebra": 1,
            "calculus": 1,
            "probability-statistics": 2,
            "python": 2,
            "data-libraries": 2,
            "classical-ml": 2,
            "deep-learning": 1,
            "generative-ai": 3,
            "responsible-ai": 3,
            "mlops": 1,
            "google-cloud": 1,
            "aws": 2,
            "azure": 1,
            "spark-databricks": 1,
        },
        (
            wrong("probability-statistics", 2),
            wrong("probability-statistics", 3),
            right("generative-ai", 2),
            right("python", 2),
            wrong("python", 3),
        ),
    ),
    Context(cloud="none", ml_years=0, preference="both", goal="first-ml-job"),
)
PEOPLE = (
    GOOGLE_MLOPS_ENGINEER,
    AWS_DATA_SCIENTIST,
    DEEP_LEARNING_PYTHON_DEVELOPER,
    BEGINNER_WEAK_IN_MATHS,
)


def ranked_slugs(recommendations) -> list[str]:
    return [recommendation.cert.slug for recommendation in recommendations]


def by_slug(recommendations, slug: str):
    return next(r for r in recommendations if r.cert.slug == slug)


# --- Skill levels -------------------------------------------------------------------------


def test_a_rating_without_checks_is_the_level_itself_as_points():
    scores = scores_for({"python": 1, "mlops": 3, "aws": 5})

    # level = rating, points = (level - 1) * 25, uncertainty = the prior's 0.8
    assert [scores[skill].level for skill in ("python", "mlops", "aws")] == [1, 3, 5]
    assert [scores[skill].score for skill in ("python", "mlops", "aws")] == [0, 50, 100]
    assert scores["mlops"].se == 0.8
    assert scores["aws"].self_rating == 5
    assert scores["aws"].checks_total == 0
    assert scores["aws"].calibration == ""


def test_a_level_becomes_points_rounded_half_up():
    # (1.5 - 1) * 25 = 12.5 and (3.5 - 1) * 25 = 62.5, which round() would make 12 and 62
    assert (level_points(1.5), level_points(3.5)) == (13, 63)


def test_a_right_answer_to_a_check_above_the_rating_raises_the_level():
    rating_only = scores_for({"python": 3})["python"]
    python = scores_for({"python": 3}, (right("python", 4),))["python"]

    assert python.level > rating_only.level
    assert python.score > rating_only.score
    assert (python.checks_correct, python.checks_total) == (1, 1)


def test_a_wrong_answer_to_a_check_below_the_rating_lowers_the_level():
    rating_only = scores_for({"python": 3})["python"]
    python = scores_for({"python": 3}, (wrong("python", 2),))["python"]

    assert python.level < rating_only.level
    assert python.score < rating_only.score
    assert (python.checks_correct, python.checks_total) == (0, 1)


def test_points_follow_the_estimated_level():
    python = scores_for({"python": 3}, (right("python", 4), right("python", 5)))["python"]

    # score = (level - 1) * 25, the level being shown to two decimals
    assert abs(python.score - (python.level - 1) * 25) <= 0.5 + 25 * 0.005


def test_i_dont_know_lowers_the_level_exactly_like_a_wrong_answer():
    rating_only = scores_for({"mlops": 3})["mlops"]
    wrong_answer = scores_for({"mlops": 3}, (wrong("mlops"),))["mlops"]
    unknown = scores_for({"mlops": 3}, (dont_know("mlops"),))["mlops"]
    # Even a "don't know" that reached scoring marked correct counts as not known.
    marked_correct = scores_for(
        {"mlops": 3}, (CheckResult("mlops", 3, correct=True, dont_know=True),)
    )["mlops"]

    assert unknown.level < rating_only.level
    assert (unknown.level, unknown.se) == (wrong_answer.level, wrong_answer.se)
    assert (marked_correct.level, marked_correct.se) == (wrong_answer.level, wrong_answer.se)
    assert (unknown.checks_correct, unknown.checks_total, unknown.dont_know) == (0, 1, 1)
    assert marked_correct.checks_correct == 0


def test_a_harder_check_counts_for_more_when_right_and_less_when_wrong():
    def level_after(check: CheckResult) -> float:
        return scores_for({"python": 3}, (check,))["python"].level

    assert level_after(right("python", 4.5)) > level_after(right("python", 2.5))
    assert level_after(wrong("python", 1.5)) < level_after(wrong("python", 3.5))


def test_levels_and_their_uncertainty_are_given_to_two_decimals():
    python = scores_for({"python": 3}, (right("python", 2), wrong("python", 3.5)))["python"]
    once = scores_for({"python": 3}, (right("python", 4),))["python"]

    assert python.level == round(python.level, 2) != round(python.level, 1)
    assert once.se == round(once.se, 2) != round(once.se, 1)


def test_a_check_that_tells_people_apart_less_well_moves_the_level_less():
    def level_after(discrimination: float) -> float:
        check = CheckResult("python", 4, correct=True, discrimination=discrimination)
        return scores_for({"python": 3}, (check,))["python"].level

    assert 3 < level_after(0.5) < level_after(2.0)


def test_each_further_check_shrinks_the_uncertainty():
    answers = (right("mlops", 2), right("mlops", 3), wrong("mlops", 4), wrong("mlops", 5))
    uncertainty = [scores_for({"mlops": 3}, answers[:asked])["mlops"].se for asked in range(5)]

    assert uncertainty == sorted(uncertainty, reverse=True)
    assert len(set(uncertainty)) == 5


def test_checks_without_a_rating_start_from_the_middle_of_the_scale_and_flag_nothing():
    # An unrated skill starts from level 2.5.
    knew = scores_for({}, (right("azure", 2.5),))["azure"]
    did_not = scores_for({}, (wrong("azure", 2.5),))["azure"]
    expert = scores_for({}, (right("azure", 4), right("azure", 5)))["azure"]

    assert did_not.level < 2.5 < knew.level
    assert knew.self_rating is None
    assert expert.level >= 2.5 + 0.75
    assert expert.calibration == ""


def test_checks_well_below_the_rating_mark_it_overrated():
    mlops = scores_for({"mlops": 4}, (wrong("mlops", 3), wrong("mlops", 4)))["mlops"]

    assert mlops.level <= 4 - 0.75
    assert mlops.calibration == "overrated"


def test_checks_well_above_the_rating_mark_it_underrated():
    calculus = scores_for({"calculus": 2}, (right("calculus", 3), right("calculus", 4)))

    assert calculus["calculus"].level >= 2 + 0.75
    assert calculus["calculus"].calibration == "underrated"


def test_the_calibration_flag_needs_a_move_of_three_quarters_of_a_level_either_way():
    def python_after(check: CheckResult):
        return scores_for({"python": 3}, (check,))["python"]

    # checks placed so the estimate lands a few hundredths either side of 3 +- 0.75
    just_under_up = python_after(right("python", 3.9))
    just_over_up = python_after(right("python", 4.1))
    just_under_down = python_after(wrong("python", 2.1))
    just_over_down = python_after(wrong("python", 1.9))

    assert 3.7 < just_under_up.level < 3.75 <= just_over_up.level < 3.8
    assert (just_under_up.calibration, just_over_up.calibration) == ("", "underrated")
    assert 2.3 > just_under_down.level > 2.25 >= just_over_down.level > 2.2
    assert (just_under_down.calibration, just_over_down.calibration) == ("", "overrated")


def test_skill_without_any_evidence_is_not_assessed():
    scores = scores_for({"python": 3}, (right("mlops"),))

    assert scores["azure"] == SkillScore("azure", None, None, 0, 0, "", level=None, se=None)
    assert (scores["python"].skill, scores["mlops"].skill) == ("python", "mlops")
    assert list(scores) == list(SKILL_NAMES)


def test_checks_for_skills_outside_the_list_are_ignored():
    scores = score_skills(
        Evidence(self_ratings={"python": 3, "cooking": 5}, checks=(right("cooking"),)),
        ["python"],
    )

    assert set(scores) == {"python"}
    assert scores["python"].score == 50


def test_self_rating_outside_1_to_5_is_rejected():
    with pytest.raises(ValueError, match=r"1\.\.5"):
        scores_for({"python": 6})


@pytest.mark.parametrize("difficulty", [0, 0.4, 5.6, 6])
def test_check_difficulty_off_the_level_scale_is_rejected(difficulty):
    with pytest.raises(ValueError, match=r"must be a level 0\.5-5\.5"):
        scores_for({"python": 3}, (right("python", difficulty),))


def test_check_difficulty_at_the_ends_of_the_level_scale_is_accepted():
    scores = scores_for({"python": 3}, (wrong("python", 0.5), right("python", 5.5)))

    assert scores["python"].checks_total == 2


def test_an_answer_never_moves_a_level_the_wrong_way_at_the_ends_of_the_scale():
    never_used = scores_for({"mlops": 1}, (dont_know("mlops", 2),))["mlops"]
    expert = scores_for({"python": 5}, (right("python", 3),))["python"]

    # "I don't know" to the screening check of a skill rated 1 ("never used")
    assert never_used.level == 1
    # a right answer from someone rated 5
    assert expert.level == 5


# --- Exam shares --------------------------------------------------------------------------


def test_unpublished_domain_weights_share_what_the_published_ones_leave():
    one_of_three = cert(
        "one-of-three",
        "One weight published",
        "associate",
        "neutral",
        "mixed",
        {"python": 3, "mlops": 3, "aws": 3},
        (domain("Build", 20, "python"), domain("Deploy", 0, "mlops"), domain("Run", 0, "aws")),
    )
    recommendation = readiness(
        scores_for({"python": 3, "mlops": 1, "aws": 1}), Context(), one_of_three, SKILL_NAMES
    )

    # 100 - 20 = 80 left for the two domains without a weight: 40 each
    assert exam_shares(one_of_three) == {"python": 20, "mlops": 40, "aws": 40}
    assert [gap.exam_share for gap in recommendation.gaps] == [40, 40]
    assert recommendation.weights_published == (1, 3)
    assert recommendation.weights_note == (
        "1 of 3 domain weights published; the others share what is left."
    )


def test_without_any_published_weight_every_domain_counts_equally():
    recommendation = readiness({}, Context(), TENSORFLOW_DEVELOPER, SKILL_NAMES)

    # four domains of 25: Python has one, deep learning three
    assert exam_shares(TENSORFLOW_DEVELOPER) == {"python": 25, "deep-learning": 75}
    assert recommendation.weights_note == (
        "No domain weights are published; its 4 domains count equally."
    )


def test_a_domain_is_split_evenly_among_the_skills_it_exercises():
    shared = cert(
        "shared",
        "Shared domain",
        "associate",
        "neutral",
        "mixed",
        {"python": 3, "mlops": 3},
        (domain("Build", 60, "python", "mlops"), domain("Deploy", 40, "mlops")),
    )

    assert exam_shares(shared) == {"python": 30, "mlops": 70}


def test_published_weights_over_100_are_scaled_down_and_leave_nothing_to_share():
    too_much = cert(
        "too-much",
        "Over-weighted exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 3, "mlops": 3, "aws": 3},
        (domain("Build", 90, "python"), domain("Deploy", 60, "mlops"), domain("Run", 0, "aws")),
    )

    # 90 + 60 = 150 scaled to 100
    assert exam_shares(too_much) == {"python": 60, "mlops": 40, "aws": 0}


def test_an_exam_with_every_weight_published_needs_no_note():
    recommendation = readiness({}, Context(), GOOGLE_PMLE, SKILL_NAMES)

    assert recommendation.weights_published == (6, 6)
    assert recommendation.weights_note == ""


# --- Readiness ----------------------------------------------------------------------------

TWO_SKILL_EXAM = cert(
    "two-skill-exam",
    "Two-skill exam",
    "associate",
    "aws",
    "mixed",
    {"python": 3, "mlops": 4},
    (domain("Build", 60, "python"), domain("Deploy", 40, "mlops")),
    years=1,
)
# Nearly all of the exam is Python: importance python 99 + 5*3 = 114, mlops 1 + 5*2 = 11.
LOPSIDED_EXAM = cert(
    "lopsided",
    "Lopsided exam",
    "associate",
    "neutral",
    "mixed",
    {"python": 3, "mlops": 2},
    (domain("Build", 99, "python"), domain("Deploy", 1, "mlops")),
)
# No cloud factor on a neutral exam for an employer on several clouds, and nothing for an
# associate exam with no ML experience: the fit is the readiness alone.
NO_FACTORS = Context(cloud="several", ml_years=0)


def at(skill: str, score: int | None) -> SkillScore:
    """A skill measured at ``score`` points (level 1 + score / 25), or not assessed."""
    if score is None:
        return SkillScore(skill, None, None, 0, 0, "")
    return SkillScore(skill, score, None, 0, 0, "", level=1 + score / 25, se=0.5)


def skills_figure(recommendation: Recommendation) -> int | None:
    first = recommendation.reasons[0] if recommendation.reasons else ""
    found = re.match(r"Your skills meet (\d+)% of what this exam expects", first)
    return int(found[1]) if found else None


def listed_points(lines: tuple[str, ...]) -> list[int]:
    """The numbers the factors print at the end of their sentence: "... (+10)"."""
    return [int(found[1]) for line in lines if (found := re.search(r"\(([+-]\d+)\)$", line))]


def test_readiness_weighs_skills_by_exam_share_and_required_level():
    scores = scores_for({"python": 5, "mlops": 2})
    recommendation = readiness(
        scores, Context(cloud="none", ml_years=2), TWO_SKILL_EXAM, SKILL_NAMES
    )

    # targets (level - 1) * 25: python 50, mlops 75
    # importance: python 60 + 5*3 = 75, mlops 40 + 5*4 = 60
    # coverage: python at or above its target -> 1; mlops two levels short (25 of 75) costs
    # two quarters -> 1/2
    # (75 * 1 + 60 / 2) / 135 = 77.8 -> 78; the fit adds +4, associate with 2 years
    assert recommendation.readiness == 78
    assert recommendation.reasons[0] == (
        "Your skills meet 78% of what this exam expects, "
        "each skill weighted by how much of the exam uses it"
    )
    assert "An associate exam fits someone with 2 years of ML experience (+4)" in (
        recommendation.reasons
    )
    assert recommendation.fit == 82
    assert recommendation.gaps == (Gap("mlops", "MLOps and deployment", 25, 75, 40),)


def test_a_person_at_the_required_level_has_no_gap():
    at_level = readiness(
        scores_for({"python": 3, "mlops": 4}), Context(), TWO_SKILL_EXAM, SKILL_NAMES
    )
    one_short = readiness(
        scores_for({"python": 2, "mlops": 4}), Context(), TWO_SKILL_EXAM, SKILL_NAMES
    )

    assert at_level.gaps == ()
    assert at_level.readiness == 100
    assert skills_figure(at_level) == 100
    assert one_short.gaps == (Gap("python", "Python", 25, 50, 60),)


def test_the_target_of_a_required_level_is_its_points_and_level_1_asks_nothing():
    every_level = cert(
        "every-level",
        "Every-level exam",
        "associate",
        "neutral",
        "mixed",
        {"linear-algebra": 1, "calculus": 2, "python": 3, "mlops": 4, "aws": 5},
        (),
    )
    never_used = scores_for(dict.fromkeys(every_level.required_levels, 1))
    recommendation = readiness(never_used, Context(), every_level, SKILL_NAMES)

    # (level - 1) * 25; level 1 ("never used") is met by everyone
    assert [(gap.skill, gap.target) for gap in recommendation.gaps] == [
        ("calculus", 25),
        ("python", 50),
        ("mlops", 75),
        ("aws", 100),
    ]


def test_with_nothing_assessed_readiness_is_not_assessed_and_the_fit_is_the_factors():
    every_level = cert(
        "every-level",
        "Every-level exam",
        "associate",
        "neutral",
        "mixed",
        {"linear-algebra": 1, "calculus": 2, "python": 3, "mlops": 4, "aws": 5},
        (),
    )
    recommendation = readiness(scores_for({}), Context(), every_level, SKILL_NAMES)

    assert recommendation.readiness is None
    assert recommendation.confidence == 0
    assert recommendation.gaps == ()
    # Linear algebra at level 1 asks nothing, so nothing is missing about it.
    assert recommendation.unassessed == (
        "Calculus and optimisation",
        "Python",
        "MLOps and deployment",
        "AWS",
    )
    assert recommendation.against[-1] == (
        "Not assessed yet: Calculus and optimisation, Python, MLOps and deployment, AWS"
    )
    assert not any(reason.startswith("Your skills") for reason in recommendation.reasons)
    # 0 for the skills, +5 vendor-neutral without an employer cloud
    assert recommendation.fit == 5


def test_an_unassessed_required_skill_lowers_confidence_not_readiness():
    scores = scores_for({"python": 5})
    recommendation = readiness(scores, Context(ml_years=2), TWO_SKILL_EXAM, SKILL_NAMES)

    # Python, the only skill assessed, is fully met: 100, held at 99 while MLOps is unknown.
    # Counting MLOps as 0 would have given 75 / 135 = 56.
    assert recommendation.readiness == 99
    assert recommendation.gaps == ()
    assert recommendation.unassessed == ("MLOps and deployment",)
    assert "Not assessed yet: MLOps and deployment" in recommendation.against
    # assessed importance 75 of 135
    assert recommendation.confidence == 56
    # +4 associate with 2 years; 44% not assessed costs a point per 5%: -9 (8.8 rounded)
    assert recommendation.fit == 99 + 4 - 9
    assert "44% of what it needs is not assessed yet (-9)" in recommendation.against


def test_readiness_stays_at_99_while_an_assessed_skill_is_short_of_its_target():
    scores = {"python": at("python", 50), "mlops": at("mlops", 24)}
    recommendation = readiness(scores, NO_FACTORS, LOPSIDED_EXAM, SKILL_NAMES)

    # (114 + 11 * 24/25) / 125 = 99.6, which would round to 100
    assert recommendation.readiness == 99
    assert recommendation.gaps == (Gap("mlops", "MLOps and deployment", 24, 25, 1),)
    assert recommendation.fit == 99


def test_readiness_stays_at_99_while_a_required_skill_is_not_assessed():
    scores = {"python": at("python", 100), "mlops": at("mlops", None)}
    recommendation = readiness(scores, NO_FACTORS, LOPSIDED_EXAM, SKILL_NAMES)

    assert recommendation.readiness == 99
    # assessed importance 114 of 125
    assert recommendation.confidence == 91


def test_readiness_is_100_only_when_every_skill_is_assessed_and_met():
    scores = {"python": at("python", 50), "mlops": at("mlops", 25)}
    recommendation = readiness(scores, NO_FACTORS, LOPSIDED_EXAM, SKILL_NAMES)

    assert recommendation.readiness == 100
    assert recommendation.confidence == 100
    assert recommendation.against == ()


def test_exam_without_published_weights_splits_the_exam_equally_among_its_domains():
    scores = scores_for({"python": 5, "data-libraries": 1, "deep-learning": 5})
    recommendation = readiness(scores, Context(), TENSORFLOW_DEVELOPER, SKILL_NAMES)

    # four domains of 25: python 25 + 5*3 = 40, data libraries 0 + 5*2 = 10 (no domain),
    # deep learning 75 + 5*4 = 95; data libraries one level short covers 3/4:
    # (40 + 10 * 3/4 + 95) / 145 = 98.3 -> 98
    assert recommendation.readiness == 98
    # +5 vendor-neutral without an employer cloud
    assert recommendation.fit == 103
    assert recommendation.gaps == (Gap("data-libraries", SKILL_NAMES["data-libraries"], 0, 25, 0),)


def test_readiness_is_rounded_half_up_not_to_even():
    two_expert_skills = cert(
        "two-expert-skills",
        "Expert exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 5, "mlops": 5},
        (),
    )
    scores = scores_for({"python": 5, "mlops": 2})
    recommendation = readiness(scores, Context(cloud="several"), two_expert_skills, SKILL_NAMES)

    # equal importance, coverage 100/100 and 25/100: 62.5, which round() would make 62
    assert recommendation.readiness == 63


def test_reasons_name_strengths_in_levels_and_against_names_the_biggest_gap():
    two_skill = readiness(
        scores_for({"python": 5, "mlops": 2}), Context(), TWO_SKILL_EXAM, SKILL_NAMES
    )
    without_domains = replace(TENSORFLOW_DEVELOPER, domains=())
    unweighted_scores = scores_for({"python": 4, "data-libraries": 3, "deep-learning": 5})
    unweighted = readiness(unweighted_scores, Context(), without_domains, SKILL_NAMES)
    equal_domains = readiness(unweighted_scores, Context(), TENSORFLOW_DEVELOPER, SKILL_NAMES)

    assert "Strong in Python (level 5.0), which is about 60% of this exam" in two_skill.reasons
    assert two_skill.against[0] == (
        "Biggest gap: MLOps and deployment level 2.0 (needs level 4) — about 40% of this exam"
    )
    assert not any(reason.startswith("Biggest gap") for reason in two_skill.reasons)
    # Strong means at or above the target and at least level 4; data libraries at level 3
    # meets its level 2 but is not a strength. Without shares the sentence names the level.
    assert [reason for reason in unweighted.reasons if reason.startswith("Strong")] == [
        "Strong in Deep learning (TensorFlow, PyTorch) (level 5.0), "
        "above the level 4 this exam expects",
        "Strong in Python (level 4.0), above the level 3 this exam expects",
    ]
    assert [reason for reason in equal_domains.reasons if reason.startswith("Strong")] == [
        "Strong in Deep learning (TensorFlow, PyTorch) (level 5.0), "
        "which is about 75% of this exam",
        "Strong in Python (level 4.0), which is about 25% of this exam",
    ]
    below_level_4 = {**unweighted_scores, "python": replace(unweighted_scores["python"], score=70)}
    almost = readiness(below_level_4, Context(), without_domains, SKILL_NAMES)
    assert not any(reason.startswith("Strong in Python") for reason in almost.reasons)


def test_gap_description_names_the_skill_and_its_share_of_the_exam_when_known():
    with_share = Gap("mlops", "MLOps and deployment", 25, 75, 20).describe()
    without_share = Gap("python", "Python", 0, 50, 0).describe()

    assert with_share.startswith("MLOps and deployment ")
    assert with_share.endswith(" — about 20% of this exam")
    assert without_share.startswith("Python ")
    assert "of this exam" not in without_share


def test_gap_description_speaks_in_levels():
    described = Gap("mlops", "MLOps and deployment", 25, 75, 20).describe()

    assert "/100" not in described
    assert re.search(r"level 2(\.0)?\b", described)
    assert re.search(r"level 4(\.0)?\b", described)


def test_a_factor_reads_as_a_sentence_with_its_number_after_it():
    bonus = Factor(10, "your employer runs on AWS, the platform this exam is about")
    penalty = Factor(-8, "this exam is about AWS, but your employer runs on Google Cloud")

    assert bonus.describe() == "Your employer runs on AWS, the platform this exam is about (+10)"
    assert penalty.describe() == (
        "This exam is about AWS, but your employer runs on Google Cloud (-8)"
    )


def test_the_fit_is_the_readiness_plus_the_factors_exactly():
    for scores, context in PEOPLE:
        for exam in CATALOG:
            recommendation = readiness(scores, context, exam, SKILL_NAMES)
            points = sum(factor.points for factor in recommendation.factors)

            assert recommendation.fit == (recommendation.readiness or 0) + points


def test_the_listed_numbers_add_up_to_the_fit():
    for scores, context in PEOPLE:
        for exam in CATALOG:
            recommendation = readiness(scores, context, exam, SKILL_NAMES)
            listed = listed_points(recommendation.reasons) + listed_points(recommendation.against)

            assert skills_figure(recommendation) == recommendation.readiness
            assert (recommendation.readiness or 0) + sum(listed) == recommendation.fit


def test_factors_for_are_reasons_and_factors_against_are_only_under_against():
    for scores, context in PEOPLE:
        for exam in CATALOG:
            recommendation = readiness(scores, context, exam, SKILL_NAMES)

            assert all(points > 0 for points in listed_points(recommendation.reasons))
            assert all(points < 0 for points in listed_points(recommendation.against))
            for factor in recommendation.factors:
                if factor.points > 0:
                    assert factor.describe() in recommendation.reasons
                else:
                    assert factor.describe() in recommendation.against
                    assert factor.describe() not in recommendation.reasons


def test_exam_on_another_cloud_than_the_employers_counts_against_it():
    scores, context = GOOGLE_MLOPS_ENGINEER
    mla = readiness(scores, context, AWS_MLA, SKILL_NAMES)

    penalty = "This exam is about AWS, but your employer runs on Google Cloud (-8)"
    assert penalty in mla.against
    assert penalty not in mla.reasons


SNOWFLAKE_DATA_SCIENTIST = cert(
    "snowflake-ds",
    "SnowPro Advanced: Data Scientist",
    "professional",
    "snowflake",
    "classical-ml",
    {"classical-ml": 3, "python": 3},
    (domain("Model development", 100, "classical-ml", "python"),),
)


def test_an_exam_on_a_data_platform_the_taxonomy_has_no_skill_for_is_scored():
    scores, context = GOOGLE_MLOPS_ENGINEER
    snowflake = readiness(scores, context, SNOWFLAKE_DATA_SCIENTIST, SKILL_NAMES)
    no_cloud = readiness(scores, Context(ml_years=3), SNOWFLAKE_DATA_SCIENTIST, SKILL_NAMES)

    # classical ML and Python, both rated 4, meet level 3
    assert snowflake.readiness == 100
    assert "This exam is about Snowflake, but your employer runs on Google Cloud (-8)" in (
        snowflake.against
    )
    # No skill measures Snowflake itself, so for anyone not working on it that part counts
    # against the exam instead of passing unseen.
    unmeasured = (
        "It tests Snowflake, which this assessment does not measure, "
        "and you do not work on it (-10)"
    )
    assert unmeasured in snowflake.against and unmeasured in no_cloud.against
    assert not any("vendor-neutral" in line for line in (*no_cloud.reasons, *no_cloud.against))
    on_snowflake = readiness(
        scores, Context(cloud="snowflake", ml_years=3), SNOWFLAKE_DATA_SCIENTIST, SKILL_NAMES
    )
    assert unmeasured not in on_snowflake.against


def test_a_beta_exam_is_ranked_like_an_active_one():
    scores, _ = AWS_DATA_SCIENTIST
    beta = replace(DATABRICKS_ML_ASSOCIATE, slug="beta-exam", is_beta=True)

    ranked = recommend(scores, Context(preference="classical-ml"), [beta, AWS_MLA], SKILL_NAMES)

    assert set(ranked_slugs(ranked)) == {"beta-exam", AWS_MLA.slug}
    assert by_slug(ranked, "beta-exam").cert.is_beta


def test_adjacent_credentials_are_never_ranked_however_ready_the_person_is():
    scores, _ = AWS_DATA_SCIENTIST
    # Asks for little the assessment measures (level 2, which this person's rating of 3
    # covers), so its readiness would be near 100.
    audit = replace(
        DATABRICKS_ML_ASSOCIATE,
        slug="ai-audit",
        focus="adjacent",
        required_levels={"responsible-ai": 2},
        domains=(domain("Audit", 100, "responsible-ai"),),
    )

    ranked = recommend(scores, Context(), [audit, AWS_MLA], SKILL_NAMES)

    assert readiness(scores, Context(), audit, SKILL_NAMES).readiness > 90
    assert ranked_slugs(ranked) == [AWS_MLA.slug]


def test_experience_shortfall_costs_4_points_a_year():
    scores, _ = DEEP_LEARNING_PYTHON_DEVELOPER
    pmle = readiness(scores, Context(ml_years=2), GOOGLE_PMLE, SKILL_NAMES)
    met = readiness(scores, Context(ml_years=4), GOOGLE_PMLE, SKILL_NAMES)

    assert "This exam recommends 3 years of ML experience; you have about 2 years (-4)" in (
        pmle.against
    )
    assert not any("recommends" in line for line in (*met.reasons, *met.against))


def test_less_than_a_year_of_ml_reads_as_less_than_a_year():
    scores, _ = DEEP_LEARNING_PYTHON_DEVELOPER
    pmle = readiness(scores, Context(ml_years=0.5), GOOGLE_PMLE, SKILL_NAMES)

    # a newcomer's row: -8 for a professional exam
    assert "A professional exam is a big step with less than a year of ML experience (-8)" in (
        pmle.against
    )


def test_an_experience_shortfall_with_less_than_a_year_reads_without_about():
    scores, _ = DEEP_LEARNING_PYTHON_DEVELOPER
    pmle = readiness(scores, Context(ml_years=0.5), GOOGLE_PMLE, SKILL_NAMES)

    # 2.5 years short: 4 * 2.5 = 10
    assert "This exam recommends 3 years of ML experience; you have less than a year (-10)" in (
        pmle.against
    )


def test_preference_for_the_exams_focus_earns_a_bonus():
    scores, _ = AWS_DATA_SCIENTIST
    liked = readiness(scores, Context(preference="classical-ml"), DATABRICKS_ML_ASSOCIATE, {})
    neutral = readiness(scores, Context(preference="both"), DATABRICKS_ML_ASSOCIATE, {})
    mlops_goal = readiness(scores, Context(goal="move-into-mlops"), AWS_MLA, {})

    assert liked.readiness == neutral.readiness
    assert liked.fit == neutral.fit + 6
    assert "It focuses on classical machine learning, the work you prefer (+6)" in liked.reasons
    assert "It focuses on MLOps, which matches your goal (+6)" in mlops_goal.reasons


def test_the_fit_is_not_clamped_only_its_display_is():
    nothing_assessed = scores_for({})
    expert = scores_for(dict.fromkeys(AWS_MLA.required_levels, 5))
    floor = readiness(nothing_assessed, Context(cloud="aws", ml_years=0), GOOGLE_PMLE, SKILL_NAMES)
    ceiling = readiness(expert, Context(cloud="aws", ml_years=2), AWS_MLA, SKILL_NAMES)

    # nothing assessed (0), -8 other cloud, -12 for 3 years short, -8 professional for a beginner
    assert floor.readiness is None
    assert floor.fit == -28
    assert floor.fit_shown == 0
    assert floor.against[:3] == (
        "This exam is about Google Cloud, but your employer runs on AWS (-8)",
        "This exam recommends 3 years of ML experience; you have none yet (-12)",
        "A professional exam is a big step with no ML experience yet (-8)",
    )
    assert floor.against[-1].startswith("Not assessed yet: Probability and statistics, Python")
    # 100 from skills, +10 employer cloud, +4 associate with 2 years
    assert ceiling.readiness == 100
    assert ceiling.fit == 114
    assert ceiling.fit_shown == 100
    for recommendation in (floor, ceiling):
        lines = (*recommendation.reasons, *recommendation.against)
        assert not any("capped" in line for line in lines)


# Each cell of the level table, on both sides of the 1-year and 3-year edges (years arrive as
# floats from the form). Python at level 3
# against a required 4 is three quarters of the way there: readiness 75, far from any cap, so
# the fit shows each cell's points exactly.
@pytest.mark.parametrize(
    ("ml_years", "level", "line", "fit"),
    [
        (
            1.0,
            "foundational",
            "A foundational exam fits someone with 1 year of ML experience (+8)",
            83,
        ),
        (1.0, "associate", None, 75),
        (
            1.0,
            "professional",
            "A professional exam is a big step with 1 year of ML experience (-8)",
            67,
        ),
        (
            1.5,
            "foundational",
            "A foundational exam is below your experience (1.5 years of ML experience) (-20)",
            55,
        ),
        (
            1.5,
            "associate",
            "An associate exam fits someone with 1.5 years of ML experience (+4)",
            79,
        ),
        (1.5, "professional", None, 75),
        (
            2.5,
            "foundational",
            "A foundational exam is below your experience (2.5 years of ML experience) (-20)",
            55,
        ),
        (
            2.5,
            "associate",
            "An associate exam fits someone with 2.5 years of ML experience (+4)",
            79,
        ),
        (2.5, "professional", None, 75),
        (
            3.0,
            "foundational",
            "A foundational exam is below your experience (3 years of ML experience) (-30)",
            45,
        ),
        (
            3.0,
            "associate",
            "An associate exam is below your experience (3 years of ML experience) (-8)",
            67,
        ),
        (
            3.0,
            "professional",
            "A professional exam fits someone with 3 years of ML experience (+6)",
            81,
        ),
        (3.0, "specialty", "A specialty exam fits someone with 3 years of ML experience (+6)", 81),
    ],
)
def test_the_level_of_an_exam_is_weighed_against_years_of_ml(ml_years, level, line, fit):
    exam = cert("exam", "Exam", level, "neutral", "mixed", {"python": 4}, ())
    recommendation = readiness(
        {"python": at("python", 50)}, Context(cloud="several", ml_years=ml_years), exam, SKILL_NAMES
    )

    # a neutral, mixed exam with no recommended years: the level is the only factor
    assert recommendation.readiness == 75
    assert recommendation.fit == fit
    # beside the skills line and the biggest gap (Python), only the level's sentence, if any
    assert recommendation.against[0] == "Biggest gap: Python level 3.0 (needs level 4)"
    lines = [*recommendation.reasons[1:], *recommendation.against[1:]]
    assert lines == ([line] if line else [])


# --- Context: cloud, goal, experience -----------------------------------------------------

MIDDLING = scores_for(
    {
        "python": 3,
        "data-libraries": 2,
        "classical-ml": 2,
        "deep-learning": 2,
        "generative-ai": 2,
        "mlops": 2,
        "aws": 2,
        "google-cloud": 2,
    }
)
CLOUD_WORDS = ("your employer", "a new cloud")


def cloud_lines(recommendation: Recommendation) -> list[str]:
    lines = (*recommendation.reasons, *recommendation.against)
    return [line for line in lines if any(words in line.lower() for words in CLOUD_WORDS)]


def test_an_employer_on_several_clouds_gets_no_cloud_adjustment_either_way():
    several = Context(cloud="several", ml_years=2)

    for exam in (GOOGLE_PMLE, AWS_MLA, NVIDIA_GENAI_LLMS):
        assert cloud_lines(readiness(MIDDLING, several, exam, SKILL_NAMES)) == []
    own = readiness(MIDDLING, replace(several, cloud="aws"), AWS_MLA, SKILL_NAMES)
    other = readiness(MIDDLING, replace(several, cloud="gcp"), AWS_MLA, SKILL_NAMES)
    on_several = readiness(MIDDLING, several, AWS_MLA, SKILL_NAMES)
    assert on_several.fit == own.fit - 10 == other.fit + 8


def test_an_employer_on_its_own_servers_gets_the_vendor_neutral_bonus_like_no_cloud():
    on_premises = Context(cloud="on-premises", ml_years=2)
    no_cloud = replace(on_premises, cloud="none")
    neutral = readiness(MIDDLING, on_premises, NVIDIA_GENAI_LLMS, SKILL_NAMES)

    assert cloud_lines(neutral) == [
        "This exam is vendor-neutral and your employer has no cloud platform (+5)"
    ]
    assert cloud_lines(readiness(MIDDLING, on_premises, AWS_MLA, SKILL_NAMES)) == []
    for exam in CATALOG:
        here = readiness(MIDDLING, on_premises, exam, SKILL_NAMES)
        there = readiness(MIDDLING, no_cloud, exam, SKILL_NAMES)
        assert (here.reasons, here.against, here.fit) == (there.reasons, there.against, there.fit)


def test_wanting_to_switch_cloud_drops_the_employers_bonus_and_favours_other_clouds():
    staying = Context(cloud="gcp", ml_years=2)
    switching = replace(staying, goal="switch-cloud")

    def change(exam: CertProfile) -> int:
        before = readiness(MIDDLING, staying, exam, SKILL_NAMES)
        after = readiness(MIDDLING, switching, exam, SKILL_NAMES)
        return after.fit - before.fit

    assert cloud_lines(readiness(MIDDLING, switching, GOOGLE_PMLE, SKILL_NAMES)) == []
    assert change(GOOGLE_PMLE) == -10
    assert cloud_lines(readiness(MIDDLING, switching, AWS_MLA, SKILL_NAMES)) == [
        "It is about AWS, and you want to work on a new cloud (+4)"
    ]
    assert change(AWS_MLA) == 8 + 4
    assert cloud_lines(readiness(MIDDLING, switching, AZURE_AI_103, SKILL_NAMES)) == [
        "It is about Azure, and you want to work on a new cloud (+4)"
    ]
    assert cloud_lines(readiness(MIDDLING, switching, NVIDIA_GENAI_LLMS, SKILL_NAMES)) == []
    assert change(NVIDIA_GENAI_LLMS) == 0


def test_a_developer_of_3_years_new_to_ml_is_treated_as_having_some_experience():
    newcomer = Context(ml_years=0, developer_years=2)
    developer = replace(newcomer, developer_years=3)

    def change(exam: CertProfile) -> int:
        before = readiness(MIDDLING, newcomer, exam, SKILL_NAMES)
        after = readiness(MIDDLING, developer, exam, SKILL_NAMES)
        return after.fit - before.fit

    associate = readiness(MIDDLING, developer, NVIDIA_GENAI_LLMS, SKILL_NAMES)
    assert (
        "An associate exam fits someone with 3 years as a developer and no ML experience yet (+4)"
        in associate.reasons
    )
    # The middle row instead of the newcomers': associate 0 -> +4, foundational +8 -> -20,
    # professional -8 -> 0.
    assert change(NVIDIA_GENAI_LLMS) == 4
    assert change(GOOGLE_GENAI_LEADER) == -20 - 8
    assert change(GOOGLE_PMLE) == 8
    one_year = readiness(MIDDLING, replace(developer, ml_years=1), NVIDIA_GENAI_LLMS, SKILL_NAMES)
    assert (
        "An associate exam fits someone with 3 years as a developer and 1 year of ML experience "
        "(+4)" in one_year.reasons
    )


# --- Acceptance scenarios -----------------------------------------------------------------


def test_google_shop_strong_in_mlops_ranks_google_pmle_first():
    scores, context = GOOGLE_MLOPS_ENGINEER
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)
    pmle = ranked[0]

    assert pmle.cert.slug == "google-pmle"
    assert "Your employer runs on Google Cloud, the platform this exam is about (+10)" in (
        pmle.reasons
    )
    assert "A professional exam fits someone with 4 years of ML experience (+6)" in pmle.reasons
    # Every skill but deep learning meets its level; deep learning, rated 3, took one wrong
    # answer, so it is just short and readiness stops at 99 at most.
    assert [gap.skill for gap in pmle.gaps] == ["deep-learning"]
    assert pmle.readiness <= 99
    assert pmle.fit == pmle.readiness + 10 + 6


def test_after_years_of_ml_a_foundational_exam_leaves_the_top_three():
    scores = scores_for({"python": 3, "deep-learning": 2})
    basics = cert("basics", "Basics", "foundational", "neutral", "mixed", {"python": 2}, ())
    hard = [
        cert(f"hard-{n}", f"Hard {n}", "professional", "neutral", "mixed", {"deep-learning": 5}, ())
        for n in range(3)
    ]
    experienced = Context(cloud="several", ml_years=3)  # the boundary

    ranked = recommend(scores, experienced, [basics, *hard], SKILL_NAMES)
    newcomer = recommend(
        scores, Context(cloud="several", ml_years=0.5), [basics, *hard], SKILL_NAMES
    )
    almost = recommend(scores, replace(experienced, ml_years=2.5), [basics, *hard], SKILL_NAMES)
    job_seeker = recommend(
        scores, replace(experienced, goal="first-ml-job"), [basics, *hard], SKILL_NAMES
    )

    # basics: met (100) - 30 = 70; each hard exam three levels short: 1 - 3/4 -> 25 + 6 = 31
    held = by_slug(ranked, "basics")
    assert held.fit == 70 and by_slug(ranked, "hard-0").fit == 31
    assert ranked_slugs(ranked) == ["hard-0", "hard-1", "hard-2", "basics"]
    assert held.held_back and HELD_BACK_REASON in held.against
    assert ranked_slugs(newcomer)[0] == ranked_slugs(job_seeker)[0] == "basics"
    # just under the boundary: basics 100 - 20 = 80 against 25 + 0, and it keeps its place
    assert ranked_slugs(almost)[0] == "basics"
    assert not by_slug(almost, "basics").held_back
    assert HELD_BACK_REASON not in by_slug(almost, "basics").against
    assert not by_slug(job_seeker, "basics").held_back


def test_the_curated_foundational_exam_stays_out_of_an_experienced_persons_top_three():
    scores, context = GOOGLE_MLOPS_ENGINEER
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)

    assert [r.cert.level for r in ranked[:3]].count("foundational") == 0


def test_aws_shop_gets_the_current_aws_exam_and_never_the_retired_specialty():
    scores, context = AWS_DATA_SCIENTIST
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)

    assert ranked[0].cert.slug == "aws-mla-c01"
    assert "aws-mls-c01" not in ranked_slugs(ranked)
    assert ranked[0].stands_in_for == (AWS_MLS.name,)
    assert by_slug(ranked, "aws-aip-c01").stands_in_for == ()


def test_retired_exam_outside_the_top_5_stands_in_for_nothing():
    scores, context = BEGINNER_WEAK_IN_MATHS
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)

    assert rank_order(readiness(scores, context, AWS_MLS, SKILL_NAMES)) > rank_order(ranked[4])
    assert all(recommendation.stands_in_for == () for recommendation in ranked)


def test_retired_exam_without_a_successor_disappears():
    scores, context = DEEP_LEARNING_PYTHON_DEVELOPER
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)

    assert "tensorflow-developer" not in ranked_slugs(ranked)
    assert all(TENSORFLOW_DEVELOPER.name not in r.stands_in_for for r in ranked)
    assert len(ranked) == sum(1 for c in CATALOG if c.is_current)


def test_deep_learning_python_developer_without_cloud_sees_neutral_exam_before_google_pmle():
    scores, context = DEEP_LEARNING_PYTHON_DEVELOPER
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)
    slugs = ranked_slugs(ranked)
    pmle = by_slug(ranked, "google-pmle")

    assert ranked[0].cert.platform == "neutral"
    assert ranked[0].cert.slug == "nvidia-nca-genl"
    assert slugs.index("nvidia-nca-genl") < slugs.index("google-pmle")
    assert ranked[0].readiness - pmle.readiness >= 30
    assert "This exam is vendor-neutral and your employer has no cloud platform (+5)" in (
        ranked[0].reasons
    )
    assert "This exam recommends 3 years of ML experience; you have about 2 years (-4)" in (
        pmle.against
    )


def test_beginner_weak_in_maths_gets_a_foundational_exam_with_maths_gaps_first():
    scores, context = BEGINNER_WEAK_IN_MATHS
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)
    top = ranked[0]

    assert top.cert.slug == "aws-aif-c01"
    # Its level-1 statistics asks nothing, and this person's ratings of 2 or more meet its
    # level-2 classical ML, generative AI, responsible AI and AWS: no gap, 100.
    assert top.gaps == ()
    assert top.readiness == 100
    assert "A foundational exam fits someone with no ML experience yet (+8)" in top.reasons
    assert "This exam recommends less than a year of ML experience; you have none yet (-2)" in (
        top.against
    )
    assert top.fit == 100 + 8 - 2
    assert all(top.fit > r.fit for r in ranked if r.cert.level != "foundational")
    with_maths_gap = next(r for r in ranked if any(gap.skill in MATHS for gap in r.gaps))
    assert with_maths_gap.gaps[0].skill in MATHS


def test_gaps_of_a_professional_exam_put_every_maths_gap_before_the_rest():
    scores, context = BEGINNER_WEAK_IN_MATHS
    mls = readiness(scores, context, AWS_MLS, SKILL_NAMES)
    is_maths = [gap.skill in MATHS for gap in mls.gaps]

    assert is_maths == sorted(is_maths, reverse=True)
    assert is_maths.count(True) == 2


# --- What would change the ranking --------------------------------------------------------

SKILL_FOR_NAME = {name: slug for slug, name in SKILL_NAMES.items()}
CERT_FOR_NAME = {exam.name: exam for exam in CATALOG}


def rank_order(recommendation: Recommendation) -> tuple[int, int, str, str]:
    """The documented order: fit high to low, then readiness, then name, then slug."""
    return (
        -recommendation.fit,
        -(recommendation.readiness or 0),
        recommendation.cert.name,
        recommendation.cert.slug,
    )


def reorders(scores, context, climber: CertProfile, above: CertProfile, skill: str, to: int):
    """Whether ``climber`` ranks above ``above`` once ``skill`` is raised to ``to`` points."""
    raised = {**scores, skill: replace(scores[skill], score=to)}
    moved = readiness(raised, context, climber, SKILL_NAMES)
    passed = readiness(raised, context, above, SKILL_NAMES)
    return rank_order(moved) < rank_order(passed)


def test_every_card_of_the_top_three_gets_a_ranking_change():
    for scores, context in PEOPLE:
        ranked = recommend(scores, context, CATALOG, SKILL_NAMES)
        changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

        assert list(changes) == ranked_slugs(ranked[:3])
        first = changes[ranked[0].cert.slug]
        assert (first.for_first, first.climber, first.above) == (
            True,
            ranked[1].cert.name,
            ranked[0].cert.name,
        )
        for before, card in pairwise(ranked[:3]):
            change = changes[card.cert.slug]
            assert (change.for_first, change.climber, change.above) == (
                False,
                card.cert.name,
                before.cert.name,
            )


def test_a_ranking_change_is_the_smallest_single_raise_that_reorders_the_two_exams():
    found = not_found = 0
    for scores, context in PEOPLE:
        ranked = recommend(scores, context, CATALOG, SKILL_NAMES)
        for change in ranking_changes(ranked, scores, context, SKILL_NAMES).values():
            climber, above = CERT_FOR_NAME[change.climber], CERT_FOR_NAME[change.above]
            gaps = readiness(scores, context, climber, SKILL_NAMES).gaps
            if change.found:
                found += 1
                skill = SKILL_FOR_NAME[change.skill_name]
                assert change.from_score == scores[skill].score < change.to_score
                assert reorders(scores, context, climber, above, skill, change.to_score)
                smallest = change.to_score - change.from_score
            else:
                not_found += 1
                smallest = 101
            # No raise of any gap, at any 5-point step, reorders them with less.
            for gap in gaps:
                for to in range(gap.score // 5 * 5 + 5, 101, 5):
                    if to - gap.score < smallest:
                        assert not reorders(scores, context, climber, above, gap.skill, to)
    # the people above give both kinds
    assert found and not_found


def test_the_first_cards_change_names_the_runner_up_and_really_puts_it_first():
    leader = cert("leader", "Beta exam", "associate", "neutral", "mixed", {"python": 2}, ())
    runner_up = cert("runner-up", "Alpha exam", "associate", "neutral", "mixed", {"mlops": 4}, ())
    scores = {"python": at("python", 50), "mlops": at("mlops", 50)}
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [runner_up, leader], SKILL_NAMES)
    assert ranked_slugs(ranked) == ["leader", "runner-up"]

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

    # leader: 100 + 5 = 105. Runner-up: 50/75 = 67 + 5 = 72; MLOps at 70 gives 93 + 5 = 98,
    # at 75 it gives 100 + 5 = 105, equal fit and readiness, and Alpha comes before Beta.
    first = changes["leader"]
    assert (first.for_first, first.climber, first.skill_name) == (
        True,
        "Alpha exam",
        "MLOps and deployment",
    )
    assert (first.from_score, first.to_score) == (50, 75)
    assert first.describe() == (
        "Raise MLOps and deployment from level 3.0 to 4.0 and Alpha exam would come first instead"
    )
    assert reorders(scores, context, runner_up, leader, "mlops", 75)
    assert not reorders(scores, context, runner_up, leader, "mlops", 70)
    assert changes["runner-up"].describe() == (
        "Raise MLOps and deployment from level 3.0 to 4.0 and it would move above Beta exam"
    )


def test_when_no_single_raise_reorders_a_card_its_change_says_so():
    leader = cert("leader", "Beta exam", "associate", "neutral", "mixed", {"python": 2}, ())
    met = cert("met", "Alpha exam", "associate", "aws", "mixed", {"python": 2}, ())
    far = cert("far", "Gamma exam", "professional", "aws", "mixed", {"python": 3}, ())
    scores = {"python": at("python", 25)}
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [far, met, leader], SKILL_NAMES)
    # leader 100 + 5 = 105; met 100, no gap to raise; far 50 - 8 = 42, at most 100 - 8 = 92
    assert ranked_slugs(ranked) == ["leader", "met", "far"]

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

    assert not any(change.found for change in changes.values())
    assert changes["leader"].describe() == "No single skill change would put another exam first"
    assert changes["met"].describe() == "No single skill change would move it above Beta exam"
    assert changes["far"].describe() == "No single skill change would move it above Alpha exam"


def test_ranking_change_recomputes_the_leader_when_the_skill_matters_to_it_too():
    leader = cert(
        "leader", "Alpha exam", "associate", "neutral", "mixed", {"python": 3, "mlops": 3}, ()
    )
    runner_up = cert("runner-up", "Zeta exam", "associate", "neutral", "mixed", {"mlops": 3}, ())
    scores = {
        "python": SkillScore("python", 30, 2, 0, 0, ""),
        "mlops": SkillScore("mlops", 15, None, 1, 4, ""),
    }
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [runner_up, leader], SKILL_NAMES)
    assert ranked_slugs(ranked) == ["leader", "runner-up"]

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)
    change = changes["runner-up"]

    # Against a frozen leader (45 + 5) mlops 25 would do (50 + 5); but raising mlops lifts
    # the leader too: at 25 it is 55 + 5, at 30 both are 60 + 5 and the name keeps Alpha
    # first; at 35 it is 70 + 5 against 65 + 5.
    assert (change.from_score, change.to_score) == (15, 35)
    assert (changes["leader"].from_score, changes["leader"].to_score) == (15, 35)


def test_ranking_changes_cover_exactly_the_first_cards_up_to_the_limit():
    scores, context = AWS_DATA_SCIENTIST
    ranked = recommend(scores, context, CATALOG, SKILL_NAMES)

    assert ranking_changes(ranked, scores, context, SKILL_NAMES, limit=0) == {}
    assert set(ranking_changes(ranked, scores, context, SKILL_NAMES, limit=3)) == set(
        ranked_slugs(ranked[:3])
    )
    assert set(ranking_changes(ranked, scores, context, SKILL_NAMES, limit=5)) == set(
        ranked_slugs(ranked[:5])
    )


# --- Ranking order ------------------------------------------------------------------------


def test_equal_fit_and_readiness_is_ordered_by_name_then_slug():
    twin = cert("b-twin", "Twin exam", "associate", "neutral", "mixed", {"python": 3}, ())
    same_name = replace(twin, slug="a-twin")
    earlier_name = replace(twin, slug="z-twin", name="Alpha twin exam")
    scores = scores_for({"python": 4})
    ranked = recommend(scores, Context(), [twin, same_name, earlier_name], SKILL_NAMES)

    assert {r.readiness for r in ranked} == {100}
    assert ranked_slugs(ranked) == ["z-twin", "a-twin", "b-twin"]


def test_equal_fit_is_ordered_by_readiness_before_the_name():
    ready = cert("ready", "Zeta exam", "associate", "neutral", "mixed", {"python": 2}, ())
    bonus = cert("bonus", "Alpha exam", "foundational", "neutral", "mixed", {"python": 5}, ())
    scores = {"python": at("python", 92)}
    ranked = recommend(scores, Context(cloud="none", ml_years=0), [bonus, ready], SKILL_NAMES)

    # Zeta: 100 + 5 neutral = 105; Alpha: 92/100 = 92 + 5 neutral + 8 foundational = 105
    assert [(r.fit, r.readiness) for r in ranked] == [(105, 100), (105, 92)]
    assert ranked_slugs(ranked) == ["ready", "bonus"]


def test_same_input_in_any_order_gives_the_same_ranking():
    scores, context = DEEP_LEARNING_PYTHON_DEVELOPER
    expected = recommend(scores, context, CATALOG, SKILL_NAMES)
    shuffler = random.Random(20240601)

    assert recommend(scores, context, CATALOG, SKILL_NAMES) == expected
    for _ in range(5):
        shuffled = list(CATALOG)
        shuffler.shuffle(shuffled)
        assert recommend(scores, context, shuffled, SKILL_NAMES) == expected


def test_a_single_ranked_exam_is_the_only_one_we_can_rank():
    only = cert("only", "Alpha exam", "associate", "neutral", "mixed", {"python": 3}, ())
    scores = {"python": at("python", 25)}
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [only], SKILL_NAMES)

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

    assert list(changes) == ["only"]
    assert (changes["only"].climber, changes["only"].above) == ("Alpha exam", "")
    assert not changes["only"].found
    assert changes["only"].describe() == "It is the only exam we can rank for you"


def test_a_change_is_never_a_skill_lowered_even_where_lowering_would_reorder():
    leader = cert("leader", "Alpha exam", "associate", "neutral", "mixed", {"python": 3}, ())
    climber = cert(
        "climber", "Beta exam", "associate", "aws", "mixed", {"python": 3, "mlops": 2}, ()
    )
    scores = {"python": at("python", 40), "mlops": at("mlops", 25)}
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [climber, leader], SKILL_NAMES)
    # Alpha: 90 + 5 vendor-neutral = 95; Beta: Python weighs 15 against MLOps' 10, so 94.
    # Raising Python lifts Alpha at least as fast; lowering it to 35 would put Beta first
    # (90 against 91), but no one is told to lose a skill.
    assert [(r.cert.slug, r.fit) for r in ranked] == [("leader", 95), ("climber", 94)]

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

    assert changes["leader"].describe() == "No single skill change would put another exam first"
    assert changes["climber"].describe() == (
        "No single skill change would move it above Alpha exam"
    )


# Alpha needs calculus at level 5 and has half of it: 50, with no factor (an AWS exam for an
# employer without a cloud). Beta, vendor-neutral (+5), needs Python and MLOps.
SLOW_LEADER = cert("leader", "Alpha exam", "associate", "aws", "mixed", {"calculus": 5}, ())


def test_of_two_gaps_needing_the_same_raise_the_change_names_the_first_in_taxonomy_order():
    climber = cert(
        "climber", "Beta exam", "associate", "neutral", "mixed", {"python": 4, "mlops": 4}, ()
    )
    scores = {"python": at("python", 10), "mlops": at("mlops", 10), "calculus": at("calculus", 50)}
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [climber, SLOW_LEADER], SKILL_NAMES)
    assert [(r.cert.slug, r.fit) for r in ranked] == [("leader", 50), ("climber", 35 + 5)]

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

    # Either skill at 35 gives (60 + 35) / 2 = 48 + 5 = 53 > 50; at 30, 45 + 5 = 50 ties the
    # fit with less readiness. Python comes before MLOps in the taxonomy.
    assert changes["climber"].describe() == (
        "Raise Python from level 1.4 to 2.4 and it would move above Alpha exam"
    )
    assert changes["leader"].describe() == (
        "Raise Python from level 1.4 to 2.4 and Beta exam would come first instead"
    )


def test_a_later_gap_that_needs_a_smaller_raise_wins_over_the_first():
    climber = cert(
        "climber", "Beta exam", "associate", "neutral", "mixed", {"python": 4, "mlops": 5}, ()
    )
    scores = {"python": at("python", 0), "mlops": at("mlops", 10), "calculus": at("calculus", 50)}
    context = Context(cloud="none", ml_years=0)
    ranked = recommend(scores, context, [climber, SLOW_LEADER], SKILL_NAMES)
    assert [(r.cert.slug, r.fit) for r in ranked] == [("leader", 50), ("climber", 17 + 5)]

    changes = ranking_changes(ranked, scores, context, SKILL_NAMES)

    # Python needs a raise of 65 (0 -> 65: 46 + 5 = 51; at 60, 43 + 5 = 48); MLOps one of 55
    # (10 -> 65: 47 + 5 = 52; at 60, 44 + 5 = 49), though it comes later in the taxonomy.
    assert changes["climber"].describe() == (
        "Raise MLOps and deployment from level 1.4 to 3.6 and it would move above Alpha exam"
    )


# --- Edges: weights, names, strengths and gaps --------------------------------------------


def test_a_domain_weight_under_one_percent_still_counts_as_published():
    # Midpoints of published ranges can be fractions: 99.5 + 0.5 = 100, and the domain
    # without a weight gets nothing.
    exam = cert(
        "halves",
        "Halves exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 3, "mlops": 3, "aws": 3},
        (domain("Build", 99.5, "python"), domain("Deploy", 0.5, "mlops"), domain("Run", 0, "aws")),
    )
    recommendation = readiness(scores_for({"python": 3}), Context(), exam, SKILL_NAMES)

    assert exam_shares(exam) == {"python": 99.5, "mlops": 0.5, "aws": 0}
    assert recommendation.weights_note == (
        "2 of 3 domain weights published, and they already add up to the whole exam; "
        "the others count for nothing here."
    )


def test_published_weights_just_over_100_leave_nothing_and_are_scaled_to_100():
    exam = cert(
        "over",
        "Just over exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 3, "mlops": 3, "aws": 3},
        (domain("Build", 60.5, "python"), domain("Deploy", 40, "mlops"), domain("Run", 0, "aws")),
    )
    shares = exam_shares(exam)

    assert shares["aws"] == 0
    assert sum(shares.values()) == 100


def test_published_weights_under_100_leave_the_rest_to_the_others_and_say_so():
    exam = cert(
        "partial",
        "Partial exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 3, "mlops": 3, "aws": 3},
        (domain("Build", 60, "python"), domain("Deploy", 1, "mlops"), domain("Run", 0, "aws")),
    )
    recommendation = readiness(scores_for({"python": 3}), Context(), exam, SKILL_NAMES)

    assert exam_shares(exam) == {"python": 60, "mlops": 1, "aws": 39}
    assert recommendation.weights_note == (
        "2 of 3 domain weights published; the others share what is left."
    )


def test_a_domain_without_skills_keeps_its_weight_and_the_next_domains_still_count():
    exam = cert(
        "intro",
        "Intro exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 3},
        (domain("Exam logistics", 10), domain("Build", 90, "python")),
    )

    assert exam_shares(exam) == {"python": 90}


def test_an_exam_whose_listed_skills_all_ask_level_1_is_met_and_one_with_none_is_not_assessed():
    basic = cert("basic", "Basic exam", "associate", "neutral", "mixed", {"python": 1}, ())
    empty = cert("empty", "Empty exam", "associate", "neutral", "mixed", {}, ())

    met = readiness({}, NO_FACTORS, basic, SKILL_NAMES)
    unknown = readiness({}, NO_FACTORS, empty, SKILL_NAMES)

    assert (met.readiness, met.confidence, met.fit) == (100, 100, 100)
    assert met.reasons[0].startswith("Your skills meet 100% of what this exam expects")
    assert (unknown.readiness, unknown.fit) == (None, 0)


def test_what_is_not_assessed_costs_a_point_per_5_percent_rounded_half_up():
    # Python weighs 95 + 10 = 105 and MLOps 5 + 10 = 15: 105 / 120 = 87.5 %, shown as 88 %
    exam = cert(
        "most",
        "Mostly Python",
        "associate",
        "neutral",
        "mixed",
        {"python": 2, "mlops": 2},
        (domain("Build", 95, "python"), domain("Deploy", 5, "mlops")),
    )
    recommendation = readiness({"python": at("python", 25)}, NO_FACTORS, exam, SKILL_NAMES)

    assert recommendation.confidence == 88
    # 12 / 5 = 2.4, so 2 points
    assert recommendation.against == (
        "12% of what it needs is not assessed yet (-2)",
        "Not assessed yet: MLOps and deployment",
    )
    assert recommendation.fit == 99 - 2


def test_a_skill_the_taxonomy_does_not_name_is_shown_by_its_slug_and_listed_last():
    exam = cert(
        "odd",
        "Odd exam",
        "associate",
        "neutral",
        "mixed",
        {"cooking": 5, "baking": 2, "python": 4, "knitting": 3, "mlops": 3, "sewing": 3},
        (),
    )
    scores = {
        "cooking": at("cooking", 50),  # 50 short of 100
        "baking": at("baking", 0),  # 25 short of 25
        "python": at("python", 50),
        "knitting": at("knitting", 75),  # strong, importance 15 like MLOps
        "mlops": at("mlops", 75),
    }

    recommendation = readiness(scores, NO_FACTORS, exam, SKILL_NAMES)

    # taxonomy order first, then skills it does not know, the largest gap first
    assert [gap.skill for gap in recommendation.gaps] == ["python", "cooking", "baking"]
    assert recommendation.reasons[1:3] == (
        "Strong in MLOps and deployment (level 4.0), above the level 3 this exam expects",
        "Strong in knitting (level 4.0), above the level 3 this exam expects",
    )
    assert recommendation.against[-1] == "Not assessed yet: sewing"


def test_strengths_are_the_most_important_first_then_in_taxonomy_order_two_at_most():
    exam = cert(
        "three",
        "Three strengths",
        "associate",
        "neutral",
        "mixed",
        {"mlops": 3, "python": 3, "aws": 4},
        (domain("Cloud", 30, "aws"), domain("Other", 0)),
    )
    scores = {"mlops": at("mlops", 75), "python": at("python", 100), "aws": at("aws", 75)}

    recommendation = readiness(scores, NO_FACTORS, exam, SKILL_NAMES)

    # AWS weighs 30 + 20; Python and MLOps 15 each, and Python comes first in the taxonomy
    # (alphabetically MLOps would); only two are named
    assert recommendation.reasons[1:] == (
        "Strong in AWS (level 4.0), which is about 30% of this exam",
        "Strong in Python (level 5.0), above the level 3 this exam expects",
    )


def test_level_4_is_a_strength_and_just_under_it_is_not():
    exam = cert("two", "Two skills", "associate", "neutral", "mixed", {"python": 2}, ())

    at_four = readiness({"python": at("python", 75)}, NO_FACTORS, exam, SKILL_NAMES)
    under = readiness({"python": at("python", 74)}, NO_FACTORS, exam, SKILL_NAMES)

    assert at_four.reasons[1:] == (
        "Strong in Python (level 4.0), above the level 2 this exam expects",
    )
    assert under.reasons[1:] == ()


def test_a_strength_with_a_one_percent_share_names_the_share():
    scores = {"python": at("python", 50), "mlops": at("mlops", 100)}

    recommendation = readiness(scores, NO_FACTORS, LOPSIDED_EXAM, SKILL_NAMES)

    assert recommendation.reasons[1:] == (
        "Strong in MLOps and deployment (level 5.0), which is about 1% of this exam",
    )


def test_a_gap_with_a_one_percent_share_names_the_share():
    assert Gap("mlops", "MLOps and deployment", 25, 75, 1).describe() == (
        "MLOps and deployment level 2.0 (needs level 4) — about 1% of this exam"
    )


def test_the_biggest_gap_is_the_most_importance_left_uncovered_the_first_on_a_tie():
    # Python weighs 20 + 20 = 40 and is one level short: 40 * 1/4 = 10 uncovered. MLOps
    # weighs 20 and is three levels short: 20 * 3/4 = 15 uncovered.
    exam = cert(
        "gaps",
        "Gaps exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 4, "mlops": 4},
        (domain("Build", 20, "python"), domain("Other", 80)),
    )
    twins = cert("twins", "Twins", "associate", "neutral", "mixed", {"mlops": 4, "python": 4}, ())
    scores = {"python": at("python", 50), "mlops": at("mlops", 0)}

    assert readiness(scores, NO_FACTORS, exam, SKILL_NAMES).against[0] == (
        "Biggest gap: MLOps and deployment level 1.0 (needs level 4)"
    )
    even = {"python": at("python", 50), "mlops": at("mlops", 50)}
    assert readiness(even, NO_FACTORS, twins, SKILL_NAMES).against[0] == (
        "Biggest gap: MLOps and deployment level 3.0 (needs level 4)"
    )


# --- Edges: experience, focus and platforms -----------------------------------------------


def test_the_experience_penalty_stops_at_12_however_many_years_are_missing():
    exam = replace(GOOGLE_PMLE, recommended_years=5)

    recommendation = readiness(MIDDLING, Context(cloud="gcp", ml_years=0), exam, SKILL_NAMES)

    assert "This exam recommends 5 years of ML experience; you have none yet (-12)" in (
        recommendation.against
    )


def test_a_quarter_year_short_costs_a_point_and_a_tenth_costs_nothing():
    exam = replace(AWS_MLA, recommended_years=1)

    quarter = readiness(MIDDLING, Context(cloud="aws", ml_years=0.75), exam, SKILL_NAMES)
    tenth = readiness(MIDDLING, Context(cloud="aws", ml_years=0.9), exam, SKILL_NAMES)

    assert "This exam recommends 1 year of ML experience; you have less than a year (-1)" in (
        quarter.against
    )
    assert not any("recommends" in line for line in (*tenth.reasons, *tenth.against))


def test_one_year_of_ml_reads_as_about_1_year():
    recommendation = readiness(MIDDLING, Context(cloud="gcp", ml_years=1.0), GOOGLE_PMLE, {})

    assert "This exam recommends 3 years of ML experience; you have about 1 year (-8)" in (
        recommendation.against
    )


def test_each_preference_and_goal_earns_its_focus_bonus():
    deep = replace(NVIDIA_GENAI_LLMS, slug="deep", focus="deep-learning")
    mlops = replace(NVIDIA_GENAI_LLMS, slug="ops", focus="mlops")

    def focus_lines(context: Context, exam: CertProfile) -> list[str]:
        recommendation = readiness(MIDDLING, context, exam, SKILL_NAMES)
        return [line for line in recommendation.reasons if "focuses" in line]

    assert focus_lines(Context(preference="deep-learning"), deep) == [
        "It focuses on deep learning, the work you prefer (+6)"
    ]
    assert focus_lines(Context(preference="generative-ai"), NVIDIA_GENAI_LLMS) == [
        "It focuses on generative AI, the work you prefer (+6)"
    ]
    assert focus_lines(Context(goal="generative-ai"), NVIDIA_GENAI_LLMS) == [
        "It focuses on generative AI, which matches your goal (+6)"
    ]
    assert focus_lines(Context(preference="deep-learning"), NVIDIA_GENAI_LLMS) == [
        "It focuses on generative AI, which builds on the deep learning you prefer (+3)"
    ]
    assert focus_lines(Context(preference="deep-learning"), mlops) == []
    assert focus_lines(Context(preference="classical-ml"), NVIDIA_GENAI_LLMS) == []


ORACLE_GENAI = cert(
    "oci-genai",
    "Oracle Cloud Infrastructure Generative AI Professional",
    "professional",
    "oci",
    "generative-ai",
    {"python": 3, "generative-ai": 3},
    (),
)


def test_platform_lines_for_oracle_databricks_and_azure():
    def lines(context: Context, exam: CertProfile) -> list[str]:
        recommendation = readiness(MIDDLING, context, exam, SKILL_NAMES)
        return [
            line
            for line in (*recommendation.reasons, *recommendation.against)
            if "cloud" in line.lower() or "employer" in line or "measure" in line
        ]

    assert lines(Context(cloud="several"), ORACLE_GENAI) == [
        "It tests Oracle Cloud, which this assessment does not measure, and you do not work on "
        "it (-10)"
    ]
    assert lines(Context(cloud="gcp", goal="switch-cloud"), ORACLE_GENAI) == [
        "It is about Oracle Cloud, and you want to work on a new cloud (+4)",
        "It tests Oracle Cloud, which this assessment does not measure, and you do not work on "
        "it (-10)",
    ]
    assert lines(Context(cloud="databricks"), DATABRICKS_ML_ASSOCIATE) == [
        "Your employer runs on Databricks, the platform this exam is about (+10)"
    ]
    assert lines(Context(cloud="several"), DATABRICKS_ML_ASSOCIATE) == []
    assert lines(Context(cloud="several"), AZURE_AI_103) == []


# --- Edges: ranking -----------------------------------------------------------------------


def test_an_exam_not_assessed_ties_with_one_at_0_and_the_name_decides():
    zero = cert("zero", "Alpha exam", "associate", "neutral", "mixed", {"python": 5}, ())
    unknown = cert("unknown", "Zeta exam", "associate", "neutral", "mixed", {"mlops": 3}, ())
    scores = {"python": at("python", 0)}

    ranked = recommend(scores, NO_FACTORS, [unknown, zero], SKILL_NAMES)

    assert [(r.cert.slug, r.readiness, r.fit) for r in ranked] == [
        ("zero", 0, 0),
        ("unknown", None, 0),
    ]


def test_at_equal_fit_a_readiness_of_1_ranks_above_one_of_0_whatever_the_names():
    # Zeta: Python is the whole exam (importance 100 + 25) at 1 point of 100: readiness 1;
    # MLOps (importance 10) is not assessed, 7 % of its needs, which costs 1: fit 0.
    # Alpha: calculus at 0 of 100: readiness 0, fit 0.
    one = cert(
        "one",
        "Zeta exam",
        "associate",
        "neutral",
        "mixed",
        {"python": 5, "mlops": 2},
        (domain("Build", 100, "python"),),
    )
    zero = cert("zero", "Alpha exam", "associate", "neutral", "mixed", {"calculus": 5}, ())
    scores = {"python": at("python", 1), "calculus": at("calculus", 0)}

    ranked = recommend(scores, NO_FACTORS, [zero, one], SKILL_NAMES)

    assert [(r.cert.slug, r.fit, r.readiness) for r in ranked] == [("one", 0, 1), ("zero", 0, 0)]


def test_a_retired_exam_in_fifth_place_stands_in_and_one_in_sixth_does_not():
    # Each exam asks level 5 of one skill, so its readiness is that skill's points.
    def exam(slug: str, skill: str, **extra) -> CertProfile:
        return cert(slug, f"Exam {slug}", "associate", "neutral", "mixed", {skill: 5}, (), **extra)

    skills = {
        "python": 90,
        "mlops": 80,
        "classical-ml": 70,
        "calculus": 60,
        "deep-learning": 50,  # retired, fifth
        "linear-algebra": 40,
        "data-libraries": 30,  # retired, sixth
        "generative-ai": 20,
    }
    scores = {skill: at(skill, points) for skill, points in skills.items()}
    current = [
        exam(f"c{n}", skill)
        for n, skill in enumerate(
            ["python", "mlops", "classical-ml", "calculus", "linear-algebra", "generative-ai"]
        )
    ]
    fifth = exam("r5", "deep-learning", current=False, successors=("c5",))
    sixth = exam("r6", "data-libraries", current=False, successors=("c5",))

    ranked = recommend(scores, NO_FACTORS, [*current, fifth, sixth], SKILL_NAMES)

    assert ranked_slugs(ranked) == ["c0", "c1", "c2", "c3", "c4", "c5"]
    assert by_slug(ranked, "c5").stands_in_for == ("Exam r5",)


# --- Edges: foundational exams held back --------------------------------------------------

EXPERIENCED = Context(cloud="several", ml_years=3)


def held_back_exams(*exams: CertProfile) -> tuple[list[str], list[str]]:
    """The ranking of ``exams`` for someone with 3 years of ML, and the exams held back."""
    ranked = recommend(scores_for({"python": 3, "deep-learning": 2}), EXPERIENCED, exams, {})
    held = [r.cert.slug for r in ranked if r.held_back or HELD_BACK_REASON in r.against]
    return ranked_slugs(ranked), held


# For 3 years of ML: basics is met, 100 - 30 = 70; an easy professional exam 100 + 6 = 106;
# a hard one three levels short, 25 + 6 = 31.
BASICS = cert("basics", "Basics", "foundational", "neutral", "mixed", {"python": 2}, ())


def easy(name: str) -> CertProfile:
    return cert(name, name, "professional", "neutral", "mixed", {"python": 2}, ())


def hard(name: str) -> CertProfile:
    return cert(name, name, "professional", "neutral", "mixed", {"deep-learning": 5}, ())


def test_a_foundational_exam_between_the_second_and_third_others_gives_way():
    assert held_back_exams(easy("a"), easy("b"), hard("c"), BASICS) == (
        ["a", "b", "c", "basics"],
        ["basics"],
    )


def test_a_foundational_exam_already_below_the_top_three_is_not_held_back():
    assert held_back_exams(easy("a"), easy("b"), easy("c"), BASICS, hard("d")) == (
        ["a", "b", "c", "basics", "d"],
        [],
    )


def test_with_only_two_other_exams_a_foundational_exam_is_held_back_after_them():
    assert held_back_exams(easy("a"), easy("b"), BASICS) == (["a", "b", "basics"], ["basics"])


def test_what_is_not_assessed_is_named_but_costs_nothing_when_it_rounds_to_0_points():
    # Twenty skills at level 5 weigh 25 each, 500; MLOps at level 2 weighs 10: 500 / 510 is
    # 98 % assessed, and 2 / 5 rounds to 0 points, so no factor line of +0 or -0.
    many = {f"skill-{n:02}": 5 for n in range(20)}
    exam = cert("many", "Many skills", "associate", "neutral", "mixed", {**many, "mlops": 2}, ())
    scores = {skill: at(skill, 100) for skill in many}

    recommendation = readiness(scores, NO_FACTORS, exam, SKILL_NAMES)

    assert (recommendation.readiness, recommendation.confidence) == (99, 98)
    assert recommendation.fit == 99
    assert recommendation.against == ("Not assessed yet: MLOps and deployment",)
    assert not any("(+0)" in line or "(-0)" in line for line in recommendation.reasons)
