"""People with known skills take the whole assessment through the real views and answer
honestly; the exams the results page ranks are compared with what a knowledgeable career
adviser would tell them. These are the target for the recommendation engine: an adviser's
expectation is never weakened to make a test pass."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pytest

from assessments.models import Attempt
from assessments.tests.helpers import (
    answer,
    correct_choice_id,
    dont_know_choice_id,
    pending_check,
    question,
    start,
)
from catalog.sync import load_file

CATALOG = load_file()
PLATFORM = {provider["slug"]: provider["platform"] for provider in CATALOG["providers"]}
RETIRED = {cert["slug"] for cert in CATALOG["certifications"] if cert["status"] == "retired"}
ADJACENT = {cert["slug"] for cert in CATALOG["certifications"] if cert["focus"] == "adjacent"}
CLOUDS = ("gcp", "aws", "azure", "databricks", "snowflake", "oci")

SKILLS = (
    "linear-algebra",
    "calculus",
    "probability-statistics",
    "python",
    "data-libraries",
    "classical-ml",
    "deep-learning",
    "generative-ai",
    "responsible-ai",
    "mlops",
    "google-cloud",
    "aws",
    "azure",
    "spark-databricks",
)


def exams_on(*platforms: str) -> frozenset[str]:
    """The catalog's exams about these cloud or data platforms."""
    return frozenset(
        cert["slug"]
        for cert in CATALOG["certifications"]
        if PLATFORM[cert["provider"]] in platforms
    )


def exams_at(*levels: str) -> frozenset[str]:
    return frozenset(cert["slug"] for cert in CATALOG["certifications"] if cert["level"] in levels)


FOUNDATIONAL = exams_at("foundational")


def context(
    cloud: str, ml_years: str, developer_years: str, preference: str, hours: str, goal: str
) -> dict[str, str]:
    return {
        "context-employer-cloud": cloud,
        "context-ml-experience": ml_years,
        "context-developer-years": developer_years,
        "context-preference": preference,
        "context-hours-per-week": hours,
        "context-goal": goal,
    }


@dataclass(frozen=True)
class Person:
    name: str
    answers: dict[str, str] = field(repr=False)  # the six context questions, by value
    levels: dict[str, float] = field(repr=False)  # true level per skill; 1 where not given
    firsts: frozenset[str] = field(repr=False)  # what an adviser would put first
    not_in_top_three: frozenset[str] = field(repr=False)

    def level(self, skill: str) -> float:
        return self.levels.get(skill, 1)

    def rating(self, skill: str) -> str:
        return str(math.floor(self.level(skill) + 0.5))


PEOPLE = [
    # Four years running ML in production on Google Cloud: the Professional ML Engineer is the
    # exam their work already covers; a fundamentals exam or another cloud's proves nothing new.
    Person(
        "google-cloud-mlops-engineer",
        context("gcp", "4", "4", "both", "6", "validate-role"),
        {
            "mlops": 4.5,
            "google-cloud": 4.5,
            "python": 4,
            "data-libraries": 4,
            "classical-ml": 4,
            "probability-statistics": 3.5,
            "deep-learning": 3,
            "linear-algebra": 3,
            "responsible-ai": 3,
            "calculus": 2.5,
            "generative-ai": 2.5,
            "spark-databricks": 2,
        },
        frozenset({"google-professional-ml-engineer"}),
        FOUNDATIONAL | exams_on("aws", "azure", "databricks", "snowflake", "oci"),
    ),
    # Five years modelling on SageMaker: with the ML Specialty retired, the ML Engineer
    # Associate is AWS's current exam for people who build and deploy models; the AI
    # Practitioner is for newcomers, and another cloud's exam does nothing for an AWS shop.
    Person(
        "aws-shop-data-scientist",
        context("aws", "4", "2", "classical-ml", "6", "validate-role"),
        {
            "classical-ml": 4.5,
            "probability-statistics": 4.5,
            "data-libraries": 4.5,
            "python": 4,
            "aws": 4,
            "linear-algebra": 4,
            "calculus": 3.5,
            "mlops": 3,
            "deep-learning": 3,
            "responsible-ai": 3,
            "generative-ai": 2,
            "spark-databricks": 2,
        },
        frozenset({"aws-ml-engineer-associate"}),
        FOUNDATIONAL | exams_on("gcp", "azure", "databricks", "snowflake", "oci"),
    ),
    # No ML, no cloud, a little Python and school statistics: start with a broad fundamentals
    # exam written for newcomers (AWS AI Practitioner or Azure AI Fundamentals; Google's
    # Generative AI Leader is aimed at business leaders); professional exams are years away.
    Person(
        "career-changer",
        context("none", "0", "0", "both", "10", "first-ml-job"),
        {"python": 2, "probability-statistics": 2, "data-libraries": 1.5, "linear-algebra": 1.5},
        frozenset({"aws-ai-practitioner", "azure-ai-fundamentals"}),
        exams_at("professional", "specialty"),
    ),
    # Three years of Spark, SQL-and-pandas and scikit-learn on Databricks, little deployment:
    # the Databricks ML Associate fits exactly (the Professional comes once MLOps catches up);
    # other platforms' exams or a fundamentals one would be a detour.
    Person(
        "databricks-analyst",
        context("databricks", "4", "2", "classical-ml", "6", "validate-role"),
        {
            "data-libraries": 4.5,
            "spark-databricks": 4.5,
            "classical-ml": 4,
            "python": 3.5,
            "probability-statistics": 3.5,
            "mlops": 2.5,
            "linear-algebra": 2.5,
            "calculus": 2,
            "deep-learning": 2,
            "responsible-ai": 2,
            "generative-ai": 1.5,
        },
        frozenset({"databricks-ml-associate"}),
        FOUNDATIONAL | exams_on("gcp", "aws", "azure", "snowflake", "oci"),
    ),
    # A six-year developer already shipping agents on Azure: AI Apps and Agents Developer (the
    # successor to the retired AI-102) is the exam for exactly that work; AI-900 certifies less
    # than they do daily, and other clouds' generative-AI exams do nothing for an Azure shop.
    Person(
        "azure-agents-developer",
        context("azure", "1.5", "6", "generative-ai", "6", "generative-ai"),
        {
            "python": 4.5,
            "azure": 4,
            "generative-ai": 4,
            "responsible-ai": 3,
            "data-libraries": 3,
            "mlops": 2.5,
            "deep-learning": 2,
            "classical-ml": 2,
            "probability-statistics": 2,
            "linear-algebra": 1.5,
            "calculus": 1.5,
        },
        frozenset({"azure-ai-apps-agents-developer"}),
        frozenset({"azure-ai-fundamentals"})
        | exams_on("gcp", "aws", "databricks", "snowflake", "oci"),
    ),
    # Six years of deep-learning research and no cloud: with the TensorFlow certificate retired,
    # NVIDIA's vendor-neutral Generative AI LLMs Professional tests deep models at their level;
    # any cloud's exam (Oracle's included) is about a platform they do not use.
    Person(
        "deep-learning-researcher",
        context("none", "6", "4", "deep-learning", "6", "validate-role"),
        {
            "linear-algebra": 5,
            "calculus": 5,
            "probability-statistics": 5,
            "deep-learning": 5,
            "python": 5,
            "data-libraries": 4.5,
            "classical-ml": 4,
            "generative-ai": 4,
            "responsible-ai": 3,
            "mlops": 2.5,
            "spark-databricks": 1.5,
        },
        frozenset({"nvidia-genai-llm-professional"}),
        FOUNDATIONAL | exams_on(*CLOUDS),
    ),
    # Six years of pipelines on Snowflake and some models in Snowpark: SnowPro Advanced: Data
    # Scientist certifies ML on the platform they run; Databricks is its rival, the clouds' ML
    # exams test services they do not use, and a fundamentals exam is below them.
    Person(
        "snowflake-data-engineer",
        context("snowflake", "2.5", "6", "classical-ml", "6", "validate-role"),
        {
            "data-libraries": 4.5,
            "python": 4,
            "classical-ml": 3.5,
            "probability-statistics": 3,
            "mlops": 3,
            "spark-databricks": 2.5,
            "linear-algebra": 2.5,
            "generative-ai": 2,
            "calculus": 2,
            "responsible-ai": 2,
            "deep-learning": 1.5,
        },
        frozenset({"snowflake-snowpro-advanced-data-scientist"}),
        FOUNDATIONAL | exams_on("gcp", "aws", "azure", "databricks", "oci"),
    ),
    # Builds production generative-AI applications on AWS after six years as a developer: the
    # Generative AI Developer Professional is written for exactly this; the AI Practitioner is
    # for newcomers, and other platforms' generative-AI exams do nothing for an AWS shop.
    Person(
        "aws-generative-ai-developer",
        context("aws", "2.5", "6", "generative-ai", "10", "generative-ai"),
        {
            "generative-ai": 4.5,
            "aws": 4.5,
            "python": 4.5,
            "mlops": 3.5,
            "responsible-ai": 3.5,
            "data-libraries": 3,
            "deep-learning": 2.5,
            "classical-ml": 2,
            "probability-statistics": 2,
            "linear-algebra": 1.5,
            "calculus": 1.5,
        },
        frozenset({"aws-generative-ai-developer-professional"}),
        frozenset({"aws-ai-practitioner"})
        | exams_on("gcp", "azure", "databricks", "snowflake", "oci"),
    ),
    # Four years of MLOps on Azure, now learning Google Cloud (the only other cloud they rate
    # above 1) to move to it: Google's Professional ML Engineer proves their ML on the new
    # cloud; an Azure exam pulls them back, and a fundamentals exam proves less than they know.
    Person(
        "azure-to-google-cloud-switcher",
        context("azure", "4", "4", "both", "10", "switch-cloud"),
        {
            "azure": 4.5,
            "mlops": 4,
            "python": 4,
            "data-libraries": 4,
            "classical-ml": 4,
            "probability-statistics": 3.5,
            "deep-learning": 3,
            "linear-algebra": 3,
            "responsible-ai": 3,
            "generative-ai": 3,
            "google-cloud": 3,
            "calculus": 2.5,
        },
        frozenset({"google-professional-ml-engineer"}),
        FOUNDATIONAL | exams_on("azure"),
    ),
]


def take_assessment(client, person: Person) -> Attempt:
    """Answer everything as `person` honestly would, then finish."""
    attempt = start(client)
    for key, value in person.answers.items():
        chosen = question(key).choices.get(value=value)
        assert answer(client, attempt, key, chosen.pk).status_code == 200
    for skill in SKILLS:
        key = f"rate-{skill}"
        chosen = question(key).choices.get(value=person.rating(skill))
        assert answer(client, attempt, key, chosen.pk).status_code == 200
    while (check := pending_check(attempt)) is not None:
        knows = check.difficulty <= person.level(check.skill.slug)
        chosen = correct_choice_id(check.key) if knows else dont_know_choice_id(check.key)
        assert answer(client, attempt, check.key, chosen).status_code == 200
    assert client.post(f"/assessment/{attempt.public_id}/finish/").status_code == 302
    return attempt


def results_page(client, attempt: Attempt):
    response = client.get(f"/assessment/{attempt.public_id}/results/")
    assert response.status_code == 200
    return response


def assert_an_adviser_would_agree(person: Person, response) -> None:
    ranked = [r.cert.slug for r in response.context["outcome"].recommendations]
    top_three = ranked[:3]

    assert not set(ranked) & (RETIRED | ADJACENT), f"ranked: {ranked}"
    assert ranked[0] in person.firsts, f"top three: {top_three}"
    assert not set(top_three) & person.not_in_top_three, f"top three: {top_three}"


@pytest.mark.parametrize("person", PEOPLE, ids=[person.name for person in PEOPLE])
def test_an_honest_person_gets_the_exam_an_adviser_would_put_first(client, question_bank, person):
    attempt = take_assessment(client, person)

    assert_an_adviser_would_agree(person, results_page(client, attempt))


# Moving into MLOps in an AWS shop, now strong in deployment: the ML Engineer Associate is
# AWS's exam for building and running models; the AI Practitioner is below her, and other
# platforms' exams do nothing for her employer.
ALICE = Person(
    "returning-aws-ml-engineer",
    context("aws", "2.5", "4", "both", "6", "move-into-mlops"),
    {
        "mlops": 4,
        "aws": 4,
        "python": 4,
        "classical-ml": 3.5,
        "data-libraries": 3.5,
        "probability-statistics": 3,
        "deep-learning": 2.5,
        "linear-algebra": 2.5,
        "responsible-ai": 2.5,
        "calculus": 2,
        "generative-ai": 2,
    },
    frozenset({"aws-ml-engineer-associate"}),
    frozenset({"aws-ai-practitioner"}) | exams_on("gcp", "azure", "databricks", "snowflake", "oci"),
)
# The same person at her first assessment, before her deployment work.
ALICE_BEFORE = replace(
    ALICE,
    levels={
        **ALICE.levels,
        "mlops": 2,
        "aws": 2.5,
        "python": 3.5,
        "classical-ml": 3,
        "data-libraries": 3,
        "deep-learning": 2,
        "responsible-ai": 2,
    },
)


def test_a_returning_user_who_grew_stronger_sees_the_movement_and_the_aws_ml_exam(
    client, question_bank, alice
):
    client.force_login(alice)
    take_assessment(client, ALICE_BEFORE)
    attempt = take_assessment(client, ALICE)

    response = results_page(client, attempt)

    assert "Since your previous assessment" in response.text
    assert_an_adviser_would_agree(ALICE, response)
