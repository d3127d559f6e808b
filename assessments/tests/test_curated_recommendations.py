"""The acceptance scenarios again, against the real curated catalog rather than fixtures."""

from assessments import scoring
from assessments.services import load_catalog

# A person's level in a skill: the self-rating, and knowledge checks at levels 2 to 5 answered
# right up to that level and wrong above it ("none" misses them all).
SKILLS_AT = {"strong": 5, "good": 4, "some": 3, "weak": 2, "none": 1}
CHECK_LEVELS = (2, 3, 4, 5)


def evidence(**levels: str) -> scoring.Evidence:
    ratings, checks = {}, []
    for skill, level in levels.items():
        slug = skill.replace("_", "-")
        rating = SKILLS_AT[level]
        ratings[slug] = rating
        for difficulty in CHECK_LEVELS:
            checks.append(scoring.CheckResult(slug, difficulty, difficulty <= rating))
    return scoring.Evidence(ratings, tuple(checks))


# Exams about a cloud or data platform, as opposed to vendor-neutral ones.
CLOUD_PLATFORMS = set(scoring.CLOUD_PLATFORMS)


def first_on_a_platform(result):
    return next(r for r in result if r.cert.platform in CLOUD_PLATFORMS)


def ranked(question_bank_evidence, context):
    catalog = load_catalog()
    scores = scoring.score_skills(question_bank_evidence, list(catalog.skill_names))
    return scoring.recommend(scores, context, catalog.certifications, catalog.skill_names)


def test_google_shop_mlops_engineer_gets_google_pmle_first(question_bank):
    result = ranked(
        evidence(
            mlops="strong",
            google_cloud="strong",
            python="good",
            data_libraries="good",
            classical_ml="good",
            deep_learning="some",
            probability_statistics="good",
            responsible_ai="some",
        ),
        scoring.Context(cloud="gcp", ml_years=4),
    )

    # NVIDIA's data-science associate tests pandas-like and scikit-learn-like work this person
    # has, so it can sit beside the Google exam; no other cloud's exam may come before it.
    slugs = [r.cert.slug for r in result]
    assert first_on_a_platform(result).cert.slug == "google-professional-ml-engineer"
    assert slugs.index("google-professional-ml-engineer") < 3


def test_aws_shop_gets_the_current_aws_ml_exam_never_the_retired_specialty(question_bank):
    result = ranked(
        evidence(
            aws="strong",
            mlops="good",
            python="good",
            data_libraries="good",
            classical_ml="good",
            deep_learning="some",
            probability_statistics="some",
        ),
        scoring.Context(cloud="aws", ml_years=2),
    )

    slugs = [r.cert.slug for r in result]
    mla = first_on_a_platform(result)
    assert mla.cert.slug == "aws-ml-engineer-associate"
    assert slugs.index("aws-ml-engineer-associate") < 3
    assert "aws-ml-specialty" not in slugs
    assert "AWS Certified Machine Learning – Specialty" in mla.stands_in_for


def test_deep_learning_python_developer_without_cloud_sees_a_neutral_exam_before_google(
    question_bank,
):
    result = ranked(
        evidence(
            python="strong",
            data_libraries="good",
            deep_learning="strong",
            generative_ai="good",
            linear_algebra="good",
            calculus="some",
        ),
        scoring.Context(cloud="none", ml_years=2, preference="deep-learning"),
    )

    position = [r.cert.slug for r in result].index
    first_neutral = next(r for r in result if r.cert.platform == "neutral")
    assert position(first_neutral.cert.slug) < position("google-professional-ml-engineer")
    assert "This exam is vendor-neutral and your employer has no cloud platform (+5)" in (
        first_neutral.reasons
    )
    # Restored: the first exam of all is vendor-neutral again. Oracle's Generative AI
    # Professional, which led, still meets everything it asks, but an employer without a
    # cloud gives a cloud exam no factor either way and a vendor-neutral one +5, and the
    # level table now gives an associate exam +4 after 2 years and a professional one 0:
    # more than the point a neutral associate loses (99) for a skill not assessed yet.
    assert result[0].cert.platform == "neutral"


# Someone starting out: no maths to speak of, a little of everything else.
BEGINNER = {
    "linear_algebra": "none",
    "calculus": "none",
    "probability_statistics": "none",
    **{
        skill: "weak"
        for skill in (
            "python",
            "data_libraries",
            "classical_ml",
            "deep_learning",
            "generative_ai",
            "responsible_ai",
            "mlops",
            "google_cloud",
            "aws",
            "azure",
            "spark_databricks",
        )
    },
}


def test_beginner_with_weak_maths_gets_a_foundational_exam_and_maths_gaps_first(question_bank):
    result = ranked(
        evidence(**BEGINNER),
        scoring.Context(cloud="none", ml_years=0, goal="first-ml-job"),
    )

    assert result[0].cert.level == "foundational"
    maths = {"linear-algebra", "calculus", "probability-statistics"}
    exam_with_maths_gaps = next(r for r in result if any(g.skill in maths for g in r.gaps))
    assert exam_with_maths_gaps.gaps[0].skill in maths
