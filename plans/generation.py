"""Study-plan generation: turn a certification and an assessment into ordered plan items.

Pure domain code: no Django, no database. Callers map their models to the frozen specs below
and persist the returned ``ItemDraft`` list in order.

Item order and rules
--------------------
1. **First week** -- the official exam guide (``"resource"`` items for every resource of kind
   ``official-guide``, "Read: ...") and a **diagnostic** (kind ``"diagnostic"``, 2 hours): the
   first practice-exam resource, taken untimed before studying, or, when the catalog lists
   none, a practice test the person finds (no link is invented).
2. **Gap items** (kind ``"gap"``), one per required skill whose assessed score is below the
   exam's target. A required level ``L`` (1..5) means a target score of ``L * 20`` out of 100.
   A missing or ``None`` score counts as 0. Items follow taxonomy order, which is the key
   order of ``skill_names``; required skills unknown to the taxonomy come last, in the
   certification's own order, named by their slug.
   Hours: ``max(2, ceil(gap_points / 4))`` -- about one hour of focused work per 4 points
   of gap, never less than a 2-hour session (gap 5 -> 2 h, gap 45 -> 12 h, gap 100 -> 25 h).
   When ``skill_scores`` is ``None`` (no assessment taken) there are no gap items at all:
   we cannot tell a gap from an unknown.
3. **Domain items** (kind ``"domain"``), one per exam domain, in the exam guide's order.
   Each level has a study budget (foundational 15 h, associate 30 h, professional 45 h,
   specialty 45 h) shared out in proportion to the published weights, normalised by their
   sum (guides that publish ranges rarely add up to exactly 100). If any weight is missing
   (or they sum to 0) the budget is split evenly, since a partial set cannot be compared.
   Each domain gets at least 1 hour; amounts are rounded half up.
4. **One practice project** (kind ``"project"``) chosen by platform and focus, hours by
   level (foundational 6, associate 10, professional 16, specialty 16). Lookup order:
   exact (platform, focus), then the platform's default project, then the neutral project
   for the focus, then a scikit-learn tabular project.
5. **Resource items** (kind ``"resource"``) for the other resources, in the given order,
   titled "Read: ..." for reading material and "Work through: ..." for hands-on material;
   hours by kind (docs 2, course 6, practice-exam 2, book 6, project-idea 2).
6. **Final review** (kind ``"review"``, 4 hours): a timed practice exam and the weakest
   domains. The schedule keeps it, with the exam, for the last week before the exam day.
7. **Exam item** (kind ``"exam"``): "Book and sit the exam", 3 hours.

Unknown levels are treated as associate and unknown resource kinds take 2 hours, so a new
enum value degrades gracefully instead of breaking plan creation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DomainSpec:
    name: str
    weight: float | None  # percent of the exam; None = not published
    topics: tuple[str, ...]


@dataclass(frozen=True)
class ResourceSpec:
    title: str
    url: str
    kind: str


@dataclass(frozen=True)
class CertSpec:
    name: str
    level: str
    platform: str  # gcp | aws | azure | databricks | neutral
    focus: str
    required_levels: Mapping[str, int]  # skill slug -> 1..5 (target score = level * 20)
    domains: tuple[DomainSpec, ...]
    resources: tuple[ResourceSpec, ...]


@dataclass(frozen=True)
class ItemDraft:
    kind: str  # "resource" | "diagnostic" | "gap" | "domain" | "project" | "review" | "exam"
    title: str
    detail: str
    hours: int
    skill: str = ""
    url: str = ""
    source: str = ""  # the catalog row it comes from: "domain:<name>" or "resource:<url>"


def domain_source(name: str) -> str:
    return f"domain:{name}"


def resource_source(url: str) -> str:
    return f"resource:{url}" if url else ""


POINTS_PER_REQUIRED_LEVEL = 20
GAP_POINTS_PER_HOUR = 4
MIN_GAP_HOURS = 2

DEFAULT_LEVEL = "associate"
DOMAIN_BUDGET_HOURS_BY_LEVEL = {
    "foundational": 15,
    "associate": 30,
    "professional": 45,
    "specialty": 45,
}
PROJECT_HOURS_BY_LEVEL = {
    "foundational": 6,
    "associate": 10,
    "professional": 16,
    "specialty": 16,
}
RESOURCE_HOURS_BY_KIND = {
    "official-guide": 1,
    "docs": 2,
    "course": 6,
    "practice-exam": 2,
    "book": 6,
    "project-idea": 2,
}
DEFAULT_RESOURCE_HOURS = 2
READING_KINDS = frozenset({"official-guide", "docs", "book"})
RESOURCE_DETAIL_BY_KIND = {
    "official-guide": "Tick off every objective in the official guide against this plan.",
    "docs": "Read the sections that match the exam domains and try the examples as you go.",
    "course": "Do the labs and exercises, not just the videos.",
    "practice-exam": "Take it under exam conditions, then review every question you missed.",
    "book": "Read the chapters that match the exam domains and redo the worked examples.",
    "project-idea": "Use it as a variation on your practice project.",
}
EXAM_HOURS = 3
DIAGNOSTIC_HOURS = 2
REVIEW_HOURS = 4

SKILL_ACTIONS = {
    "linear-algebra": (
        "Work through vectors, matrix multiplication, eigenvectors and SVD, then implement "
        "PCA from scratch in NumPy and compare it with scikit-learn's"
    ),
    "calculus": (
        "Work through gradients and the chain rule by hand, then implement gradient descent "
        "for linear regression in NumPy"
    ),
    "probability-statistics": (
        "Revise distributions, Bayes' rule, confidence intervals and hypothesis tests, then "
        "analyse a real A/B-test dataset and state what you can and cannot conclude"
    ),
    "python": (
        "Write small, tested Python modules: functions, classes, comprehensions, "
        "virtual environments and pytest, e.g. a command-line tool that cleans a CSV file"
    ),
    "data-libraries": (
        "Load, clean, join and aggregate a public dataset with pandas, vectorise the maths "
        "with NumPy and plot the results"
    ),
    "classical-ml": (
        "Build a scikit-learn pipeline with preprocessing, cross-validation and a "
        "hyperparameter search on a tabular dataset, and explain its metrics"
    ),
    "deep-learning": (
        "Train a small neural network in TensorFlow/Keras or PyTorch, watch for "
        "overfitting, then fine-tune a pretrained model with transfer learning"
    ),
    "generative-ai": (
        "Call a large language model through an API, practise prompt design, and build a "
        "small retrieval-augmented generation prototype with embeddings"
    ),
    "responsible-ai": (
        "Audit a trained model for fairness across groups, explain its predictions with "
        "SHAP or feature importance, and write a short model card"
    ),
    "mlops": (
        "Package a model behind a REST endpoint in Docker, track experiments with MLflow "
        "and automate retraining with a simple pipeline"
    ),
    "google-cloud": (
        "Use the Google Cloud free tier to store data in Cloud Storage, query it in "
        "BigQuery and train and deploy a model with Vertex AI"
    ),
    "aws": (
        "Use the AWS free tier to store data in S3 and train, deploy and call a model "
        "with Amazon SageMaker, with IAM roles set up properly"
    ),
    "azure": (
        "Use an Azure free account to create an Azure Machine Learning workspace, run a "
        "training job and deploy the model to a managed online endpoint"
    ),
    "spark-databricks": (
        "On Databricks Community Edition, transform a large dataset with Spark DataFrames "
        "and Spark SQL, then train a model with Spark MLlib"
    ),
}
GENERIC_SKILL_ACTION = "Study the fundamentals and apply them in a small hands-on exercise"


@dataclass(frozen=True)
class ProjectIdea:
    title: str
    detail: str


DATABRICKS_PROJECT = ProjectIdea(
    "an MLflow-tracked Spark pipeline on Databricks",
    "On Databricks Community Edition, build a Spark pipeline that prepares a public "
    "dataset, trains a model with MLlib, tracks runs with MLflow and registers the best "
    "model.",
)
TABULAR_PROJECT = ProjectIdea(
    "a tabular prediction project with scikit-learn",
    "Take a public tabular dataset from question to model with scikit-learn: cleaning, "
    "feature engineering, cross-validated model choice and a short written report.",
)
PROJECTS_BY_PLATFORM_AND_FOCUS = {
    ("gcp", "mlops"): ProjectIdea(
        "train, deploy and monitor a model on Vertex AI",
        "Train, deploy and monitor a model with Vertex AI Pipelines on a public tabular "
        "dataset, with model monitoring alerts for drift.",
    ),
    ("gcp", "deep-learning"): ProjectIdea(
        "a custom image model on Vertex AI",
        "Train an image classifier with a Vertex AI custom training job, deploy it to an "
        "endpoint and call it from a notebook.",
    ),
    ("gcp", "generative-ai"): ProjectIdea(
        "a retrieval-augmented Q&A app on Vertex AI",
        "Build a small retrieval-augmented question-answering app with Gemini on Vertex AI "
        "and vector search over your own documents, and evaluate its answers.",
    ),
    ("aws", "mlops"): ProjectIdea(
        "an automated SageMaker pipeline",
        "Train, register and deploy a model with SageMaker Pipelines on a public tabular "
        "dataset, and watch it with SageMaker Model Monitor.",
    ),
    ("aws", "generative-ai"): ProjectIdea(
        "a retrieval-augmented Q&A app with Amazon Bedrock",
        "Build a small retrieval-augmented question-answering app with Amazon Bedrock and "
        "a knowledge base over your own documents, and evaluate its answers.",
    ),
    ("azure", "mlops"): ProjectIdea(
        "an Azure Machine Learning pipeline with a managed endpoint",
        "Build an Azure Machine Learning pipeline that trains and registers a model, deploy "
        "it to a managed online endpoint and monitor it.",
    ),
    ("azure", "generative-ai"): ProjectIdea(
        "a retrieval-augmented Q&A app with Azure OpenAI",
        "Build a small retrieval-augmented question-answering app with Azure OpenAI and "
        "Azure AI Search over your own documents, and evaluate its answers.",
    ),
    ("neutral", "deep-learning"): ProjectIdea(
        "an image classifier end to end",
        "Build an image classifier end to end in TensorFlow/Keras or PyTorch: data "
        "pipeline, augmentation, training, evaluation and a saved model you can reload.",
    ),
    ("neutral", "generative-ai"): ProjectIdea(
        "a retrieval-augmented Q&A app",
        "Build a small retrieval-augmented question-answering app over your own documents "
        "with an open model or an LLM API, and evaluate its answers on a fixed question set.",
    ),
    ("neutral", "mlops"): ProjectIdea(
        "a deployed and monitored model",
        "Train a model tracked with MLflow, serve it with FastAPI in Docker, and add a "
        "simple drift check on incoming data.",
    ),
    ("neutral", "classical-ml"): TABULAR_PROJECT,
}
PROJECTS_BY_PLATFORM = {
    "gcp": ProjectIdea(
        "an end-to-end model on Vertex AI",
        "Load a public tabular dataset into BigQuery, train a model with Vertex AI, deploy "
        "it to an endpoint and get online predictions.",
    ),
    "aws": ProjectIdea(
        "an end-to-end model on SageMaker",
        "Store a public tabular dataset in S3, train a model with SageMaker's built-in "
        "XGBoost, deploy it to an endpoint and get predictions.",
    ),
    "azure": ProjectIdea(
        "an end-to-end model on Azure Machine Learning",
        "Train a model on a public tabular dataset with Azure Machine Learning (try AutoML "
        "too), deploy it to a managed online endpoint and get predictions.",
    ),
    "databricks": DATABRICKS_PROJECT,
}
# Mixed or unknown focus on a neutral platform: a classical end-to-end project is the best
# all-round practice.
GENERIC_PROJECT = TABULAR_PROJECT


def generate_items(
    cert: CertSpec,
    skill_scores: Mapping[str, int | None] | None,
    skill_names: Mapping[str, str],
) -> list[ItemDraft]:
    """Build the plan items for ``cert`` in study order (see the module docstring)."""
    guides = [r for r in cert.resources if r.kind == "official-guide"]
    practice_tests = [r for r in cert.resources if r.kind == "practice-exam"]
    diagnostic_test = practice_tests[0] if practice_tests else None
    others = [r for r in cert.resources if r not in guides and r is not diagnostic_test]
    return [
        *resource_items(tuple(guides)),
        diagnostic_item(diagnostic_test),
        *gap_items(cert.required_levels, skill_scores, skill_names),
        *domain_items(cert.domains, cert.level),
        project_item(cert),
        *resource_items(tuple(others)),
        review_item(),
        exam_item(cert),
    ]


def diagnostic_item(practice_test: ResourceSpec | None) -> ItemDraft:
    detail = (
        "Take it untimed before you study, and note the domains where you lose most marks: "
        "they deserve more of your time, and you will measure yourself against them again "
        "in the final review."
    )
    if practice_test is None:
        return ItemDraft(
            kind="diagnostic",
            title="Diagnostic: a practice test before you study",
            detail=f"Find a practice test or sample questions for this exam. {detail}",
            hours=DIAGNOSTIC_HOURS,
        )
    return ItemDraft(
        kind="diagnostic",
        title=f"Diagnostic: {practice_test.title}",
        detail=detail,
        hours=DIAGNOSTIC_HOURS,
        url=practice_test.url,
        source=resource_source(practice_test.url),
    )


def review_item() -> ItemDraft:
    return ItemDraft(
        kind="review",
        title="Final review: a timed practice exam and your weakest domains",
        detail=(
            "Take a full practice exam under exam conditions, compare it with your diagnostic, "
            "and spend the rest of the week on the domains where you still lose marks."
        ),
        hours=REVIEW_HOURS,
    )


def gap_hours(gap_points: int) -> int:
    return max(MIN_GAP_HOURS, math.ceil(gap_points / GAP_POINTS_PER_HOUR))


def gap_items(
    required_levels: Mapping[str, int],
    skill_scores: Mapping[str, int | None] | None,
    skill_names: Mapping[str, str],
) -> list[ItemDraft]:
    if skill_scores is None:
        return []
    known_in_taxonomy_order = [slug for slug in skill_names if slug in required_levels]
    unknown_in_cert_order = [slug for slug in required_levels if slug not in skill_names]
    drafts = []
    for slug in known_in_taxonomy_order + unknown_in_cert_order:
        target = required_levels[slug] * POINTS_PER_REQUIRED_LEVEL
        score = skill_scores.get(slug) or 0
        if score >= target:
            continue
        name = skill_names.get(slug, slug)
        action = SKILL_ACTIONS.get(slug, GENERIC_SKILL_ACTION)
        drafts.append(
            ItemDraft(
                kind="gap",
                title=f"Close your gap in {name}",
                detail=f"{action} (you: {score}/100, this exam expects about {target}).",
                hours=gap_hours(target - score),
                skill=slug,
            )
        )
    return drafts


def round_half_up(value: float) -> int:
    # Built-in round() rounds halves to even, which would give 2.5 h and 3.5 h domains
    # different treatment.
    return math.floor(value + 0.5)


def domain_hours(domains: tuple[DomainSpec, ...], level: str) -> list[int]:
    if not domains:
        return []
    budget = DOMAIN_BUDGET_HOURS_BY_LEVEL.get(level, DOMAIN_BUDGET_HOURS_BY_LEVEL[DEFAULT_LEVEL])
    weights = [domain.weight for domain in domains]
    if any(weight is None for weight in weights) or sum(weights) <= 0:
        shares = [1 / len(domains)] * len(domains)
    else:
        total_weight = sum(weights)
        shares = [weight / total_weight for weight in weights]
    return [max(1, round_half_up(budget * share)) for share in shares]


def domain_items(domains: tuple[DomainSpec, ...], level: str) -> list[ItemDraft]:
    drafts = []
    for domain, hours in zip(domains, domain_hours(domains, level), strict=True):
        parts = []
        if domain.weight is not None:
            parts.append(f"About {domain.weight:g}% of the exam.")
        if domain.topics:
            parts.append(f"Topics: {', '.join(domain.topics)}.")
        else:
            parts.append("Cover this section of the official exam guide.")
        drafts.append(
            ItemDraft(
                kind="domain",
                title=f"Study: {domain.name}",
                detail=" ".join(parts),
                hours=hours,
                source=domain_source(domain.name),
            )
        )
    return drafts


def choose_project(platform: str, focus: str) -> ProjectIdea:
    return (
        PROJECTS_BY_PLATFORM_AND_FOCUS.get((platform, focus))
        or PROJECTS_BY_PLATFORM.get(platform)
        or PROJECTS_BY_PLATFORM_AND_FOCUS.get(("neutral", focus))
        or GENERIC_PROJECT
    )


def project_item(cert: CertSpec) -> ItemDraft:
    idea = choose_project(cert.platform, cert.focus)
    hours = PROJECT_HOURS_BY_LEVEL.get(cert.level, PROJECT_HOURS_BY_LEVEL[DEFAULT_LEVEL])
    return ItemDraft(
        kind="project", title=f"Practice project: {idea.title}", detail=idea.detail, hours=hours
    )


def resource_items(resources: tuple[ResourceSpec, ...]) -> list[ItemDraft]:
    return [
        ItemDraft(
            kind="resource",
            title=f"{'Read' if resource.kind in READING_KINDS else 'Work through'}: "
            f"{resource.title}",
            detail=RESOURCE_DETAIL_BY_KIND.get(resource.kind, ""),
            hours=RESOURCE_HOURS_BY_KIND.get(resource.kind, DEFAULT_RESOURCE_HOURS),
            url=resource.url,
            source=resource_source(resource.url),
        )
        for resource in resources
    ]


def exam_item(cert: CertSpec) -> ItemDraft:
    return ItemDraft(
        kind="exam",
        title="Book and sit the exam",
        detail=f"Book {cert.name} a few weeks ahead, and sit it rested.",
        hours=EXAM_HOURS,
    )
