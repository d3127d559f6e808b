from __future__ import annotations

from dataclasses import replace

import pytest

from plans.generation import CertSpec, DomainSpec, ResourceSpec, generate_items
from tests.taxonomy import SKILL_NAMES

GCP_MLOPS = CertSpec(
    name="Professional Machine Learning Engineer",
    level="professional",
    platform="gcp",
    focus="mlops",
    # Deliberately not in taxonomy order.
    required_levels={"mlops": 4, "python": 3, "google-cloud": 4, "linear-algebra": 2},
    domains=(
        DomainSpec("Architecting low-code ML solutions", 20, ("BigQuery ML", "AutoML")),
        DomainSpec("Serving and scaling models", 10, ("Vertex AI endpoints",)),
        DomainSpec("Automating and orchestrating ML pipelines", 70, ("Vertex AI Pipelines",)),
    ),
    resources=(
        ResourceSpec("Exam guide", "https://example.com/guide", "official-guide"),
        ResourceSpec("Vertex AI documentation", "https://example.com/docs", "docs"),
        ResourceSpec("MLOps course", "https://example.com/course", "course"),
        ResourceSpec("Practice questions", "https://example.com/practice", "practice-exam"),
        ResourceSpec("Designing ML Systems", "https://example.com/book", "book"),
        ResourceSpec("Churn model idea", "https://example.com/idea", "project-idea"),
    ),
)

# linear-algebra missing (target 40), python exactly at target 60, mlops 35 of 80,
# google-cloud None (counts as 0) of 80.
SCORES = {"python": 60, "mlops": 35, "google-cloud": None}


def kinds(items):
    return [item.kind for item in items]


def gaps(items):
    return [item for item in items if item.kind == "gap"]


def test_gap_items_only_for_skills_below_requirement():
    gap_skills = {item.skill for item in gaps(generate_items(GCP_MLOPS, SCORES, SKILL_NAMES))}

    assert gap_skills == {"linear-algebra", "mlops", "google-cloud"}


def test_gap_items_follow_taxonomy_order_not_certification_order():
    items = generate_items(GCP_MLOPS, SCORES, SKILL_NAMES)

    assert [item.skill for item in gaps(items)] == ["linear-algebra", "mlops", "google-cloud"]


def test_gap_item_names_the_skill_and_shows_score_against_target():
    mlops_gap = next(
        item for item in generate_items(GCP_MLOPS, SCORES, SKILL_NAMES) if item.skill == "mlops"
    )

    assert mlops_gap.title == "Close your gap in MLOps and deployment"
    assert mlops_gap.detail.endswith("(you: 35/100, this exam expects about 80).")
    assert "MLflow" in mlops_gap.detail


def test_gap_hours_grow_with_the_gap():
    hours = {
        item.skill: item.hours for item in gaps(generate_items(GCP_MLOPS, SCORES, SKILL_NAMES))
    }

    # ceil(gap / 4): gap 40 -> 10 h, gap 45 -> 12 h, gap 80 -> 20 h.
    assert hours == {"linear-algebra": 10, "mlops": 12, "google-cloud": 20}


def test_small_gap_still_gets_a_two_hour_session():
    items = generate_items(
        GCP_MLOPS,
        {"python": 60, "mlops": 79, "google-cloud": 80, "linear-algebra": 40},
        SKILL_NAMES,
    )

    assert [(item.skill, item.hours) for item in gaps(items)] == [("mlops", 2)]


def test_no_gap_items_without_an_assessment():
    items = generate_items(GCP_MLOPS, None, SKILL_NAMES)

    assert "gap" not in kinds(items)
    assert kinds(items)[:3] == ["resource", "diagnostic", "domain"]


def test_empty_assessment_counts_every_required_skill_as_a_gap():
    items = generate_items(GCP_MLOPS, {}, SKILL_NAMES)

    assert [(item.skill, item.hours) for item in gaps(items)] == [
        ("linear-algebra", 10),
        ("python", 15),
        ("mlops", 20),
        ("google-cloud", 20),
    ]


def test_items_come_in_study_order():
    items = generate_items(GCP_MLOPS, SCORES, SKILL_NAMES)

    assert kinds(items) == (
        ["resource", "diagnostic"]
        + ["gap"] * 3
        + ["domain"] * 3
        + ["project"]
        + ["resource"] * 4
        + ["review", "exam"]
    )
    assert items[-1].title == "Book and sit the exam"
    assert items[-1].hours == 3
    assert items[-2].title == "Final review: a timed practice exam and your weakest domains"
    assert items[-2].hours == 4


def test_domain_hours_follow_the_weights():
    associate = replace(GCP_MLOPS, level="associate")
    domains = [
        item for item in generate_items(associate, None, SKILL_NAMES) if item.kind == "domain"
    ]

    # Budget 30 h: 20% -> 6, 10% -> 3, 70% -> 21; the 20% domain gets twice the 10% one.
    assert [item.hours for item in domains] == [6, 3, 21]
    assert domains[0].title == "Study: Architecting low-code ML solutions"
    assert "BigQuery ML, AutoML" in domains[0].detail


def test_domain_weights_are_normalised_when_they_do_not_add_up_to_100():
    cert = replace(
        GCP_MLOPS,
        level="professional",
        domains=(DomainSpec("A", 20, ()), DomainSpec("B", 10, ())),
    )
    domains = [item for item in generate_items(cert, None, SKILL_NAMES) if item.kind == "domain"]

    assert [item.hours for item in domains] == [30, 15]


def test_missing_weights_split_the_budget_evenly():
    cert = replace(
        GCP_MLOPS,
        level="foundational",
        domains=(DomainSpec("A", None, ()), DomainSpec("B", 50, ()), DomainSpec("C", None, ())),
    )
    domains = [item for item in generate_items(cert, None, SKILL_NAMES) if item.kind == "domain"]

    assert [item.hours for item in domains] == [5, 5, 5]


def test_every_domain_gets_at_least_one_hour():
    cert = replace(
        GCP_MLOPS, level="foundational", domains=(DomainSpec("A", 1, ()), DomainSpec("B", 99, ()))
    )
    domains = [item for item in generate_items(cert, None, SKILL_NAMES) if item.kind == "domain"]

    assert [item.hours for item in domains] == [1, 15]


def project_for(**changes):
    cert = replace(GCP_MLOPS, **changes)
    return next(item for item in generate_items(cert, None, SKILL_NAMES) if item.kind == "project")


def test_practice_project_suits_platform_and_focus():
    assert "Vertex AI Pipelines" in project_for(platform="gcp", focus="mlops").detail
    assert "image classifier" in project_for(platform="neutral", focus="deep-learning").detail
    assert "retrieval-augmented" in project_for(platform="neutral", focus="generative-ai").detail
    assert "Bedrock" in project_for(platform="aws", focus="generative-ai").detail
    assert "MLflow" in project_for(platform="databricks", focus="generative-ai").detail
    assert "SageMaker" in project_for(platform="aws", focus="deep-learning").detail
    assert "scikit-learn" in project_for(platform="neutral", focus="mixed").title


def test_practice_project_hours_depend_on_level():
    hours = {
        level: project_for(level=level).hours
        for level in ("foundational", "associate", "professional", "specialty")
    }

    assert hours == {"foundational": 6, "associate": 10, "professional": 16, "specialty": 16}


def test_resource_items_keep_url_and_take_hours_by_kind():
    resources = [
        item for item in generate_items(GCP_MLOPS, None, SKILL_NAMES) if item.kind == "resource"
    ]

    # The practice questions became the diagnostic; the exam guide comes first.
    assert [(item.title, item.hours) for item in resources] == [
        ("Read: Exam guide", 1),
        ("Read: Vertex AI documentation", 2),
        ("Work through: MLOps course", 6),
        ("Read: Designing ML Systems", 6),
        ("Work through: Churn model idea", 2),
    ]
    assert resources[0].url == "https://example.com/guide"


def test_the_diagnostic_is_the_first_practice_test_taken_before_studying():
    items = generate_items(GCP_MLOPS, SCORES, SKILL_NAMES)

    diagnostic = items[1]
    assert diagnostic.kind == "diagnostic"
    assert diagnostic.title == "Diagnostic: Practice questions"
    assert diagnostic.url == "https://example.com/practice"
    assert diagnostic.hours == 2
    assert "untimed before you study" in diagnostic.detail


def test_without_a_practice_test_the_diagnostic_invents_no_link():
    no_practice_test = replace(
        GCP_MLOPS, resources=tuple(r for r in GCP_MLOPS.resources if r.kind != "practice-exam")
    )

    diagnostic = generate_items(no_practice_test, None, SKILL_NAMES)[1]

    assert diagnostic.title == "Diagnostic: a practice test before you study"
    assert diagnostic.url == ""
    assert diagnostic.detail.startswith("Find a practice test or sample questions for this exam.")


@pytest.mark.parametrize(
    ("skill", "action_opens"),
    [
        ("linear-algebra", "Work through vectors, matrix multiplication, eigenvectors and SVD"),
        ("calculus", "Work through gradients and the chain rule by hand"),
        ("probability-statistics", "Revise distributions, Bayes' rule, confidence intervals"),
        ("python", "Write small, tested Python modules"),
        ("data-libraries", "Load, clean, join and aggregate a public dataset with pandas"),
        ("classical-ml", "Build a scikit-learn pipeline with preprocessing, cross-validation"),
        ("deep-learning", "Train a small neural network in TensorFlow/Keras or PyTorch"),
        ("generative-ai", "Call a large language model through an API"),
        ("responsible-ai", "Audit a trained model for fairness across groups"),
        ("mlops", "Package a model behind a REST endpoint in Docker"),
        ("google-cloud", "Use the Google Cloud free tier to store data in Cloud Storage"),
        ("aws", "Use the AWS free tier to store data in S3"),
        ("azure", "Use an Azure free account to create an Azure Machine Learning workspace"),
        ("spark-databricks", "On Databricks Community Edition, transform a large dataset"),
        ("made-up-skill", "Study the fundamentals and apply them in a small hands-on exercise"),
    ],
)
def test_each_skill_gap_says_what_to_do_about_it(skill, action_opens):
    cert = replace(GCP_MLOPS, required_levels={skill: 1})

    [gap] = gaps(generate_items(cert, {}, SKILL_NAMES))

    assert gap.detail.startswith(action_opens)
    assert gap.detail.endswith(" (you: 0/100, this exam expects about 20).")
    assert gap.hours == 5


@pytest.mark.parametrize(
    ("platform", "focus", "title"),
    [
        ("gcp", "mlops", "train, deploy and monitor a model on Vertex AI"),
        ("gcp", "deep-learning", "a custom image model on Vertex AI"),
        ("gcp", "generative-ai", "a retrieval-augmented Q&A app on Vertex AI"),
        ("gcp", "classical-ml", "an end-to-end model on Vertex AI"),
        ("aws", "mlops", "an automated SageMaker pipeline"),
        ("aws", "generative-ai", "a retrieval-augmented Q&A app with Amazon Bedrock"),
        ("aws", "deep-learning", "an end-to-end model on SageMaker"),
        ("azure", "mlops", "an Azure Machine Learning pipeline with a managed endpoint"),
        ("azure", "generative-ai", "a retrieval-augmented Q&A app with Azure OpenAI"),
        ("azure", "deep-learning", "an end-to-end model on Azure Machine Learning"),
        ("databricks", "mlops", "an MLflow-tracked Spark pipeline on Databricks"),
        ("neutral", "deep-learning", "an image classifier end to end"),
        ("neutral", "generative-ai", "a retrieval-augmented Q&A app"),
        ("neutral", "mlops", "a deployed and monitored model"),
        ("neutral", "classical-ml", "a tabular prediction project with scikit-learn"),
        ("neutral", "mixed", "a tabular prediction project with scikit-learn"),
        ("oci", "deep-learning", "an image classifier end to end"),
    ],
)
def test_each_platform_and_focus_gets_its_own_practice_project(platform, focus, title):
    project = project_for(platform=platform, focus=focus)

    assert project.title == f"Practice project: {title}"


def test_a_level_the_tables_do_not_know_is_planned_as_an_associate_exam():
    cert = replace(GCP_MLOPS, level="expert")
    items = generate_items(cert, None, SKILL_NAMES)

    assert project_for(level="expert").hours == 10
    # The associate budget of 30 h split 20/10/70.
    assert [item.hours for item in items if item.kind == "domain"] == [6, 3, 21]


def test_domain_budgets_follow_the_level():
    def domain_total(level):
        items = generate_items(replace(GCP_MLOPS, level=level), None, SKILL_NAMES)
        return sum(item.hours for item in items if item.kind == "domain")

    # Budgets of 15, 30 and 45 h split 20/10/70; 15 h gives 3 + 1.5 + 10.5, rounded half up.
    assert {
        level: domain_total(level)
        for level in ("foundational", "associate", "professional", "specialty")
    } == {"foundational": 16, "associate": 30, "professional": 45, "specialty": 45}


def test_each_resource_kind_says_how_to_use_it():
    details = {
        item.title: (item.detail, item.hours)
        for item in generate_items(GCP_MLOPS, None, SKILL_NAMES)
        if item.kind == "resource"
    }

    assert details == {
        "Read: Exam guide": (
            "Tick off every objective in the official guide against this plan.",
            1,
        ),
        "Read: Vertex AI documentation": (
            "Read the sections that match the exam domains and try the examples as you go.",
            2,
        ),
        "Work through: MLOps course": ("Do the labs and exercises, not just the videos.", 6),
        "Read: Designing ML Systems": (
            "Read the chapters that match the exam domains and redo the worked examples.",
            6,
        ),
        "Work through: Churn model idea": ("Use it as a variation on your practice project.", 2),
    }


def test_a_second_practice_test_is_taken_under_exam_conditions():
    extra = ResourceSpec("Second practice test", "https://example.com/practice-2", "practice-exam")
    cert = replace(GCP_MLOPS, resources=(*GCP_MLOPS.resources, extra))

    [second] = [
        item
        for item in generate_items(cert, None, SKILL_NAMES)
        if item.title == "Work through: Second practice test"
    ]

    assert (second.detail, second.hours) == (
        "Take it under exam conditions, then review every question you missed.",
        2,
    )


def test_a_resource_of_another_kind_takes_two_hours_and_no_advice():
    extra = ResourceSpec("A podcast", "https://example.com/podcast", "podcast")
    cert = replace(GCP_MLOPS, resources=(extra,))

    [item] = [i for i in generate_items(cert, None, SKILL_NAMES) if i.kind == "resource"]

    assert (item.title, item.detail, item.hours) == ("Work through: A podcast", "", 2)


DIAGNOSTIC_ADVICE = (
    "Take it untimed before you study, and note the domains where you lose most marks: they "
    "deserve more of your time, and you will measure yourself against them again in the final "
    "review."
)


def test_the_diagnostic_says_how_to_take_it_and_where_it_comes_from():
    with_test = generate_items(GCP_MLOPS, None, SKILL_NAMES)[1]
    without = generate_items(replace(GCP_MLOPS, resources=()), None, SKILL_NAMES)[0]

    assert (with_test.detail, with_test.source) == (
        DIAGNOSTIC_ADVICE,
        "resource:https://example.com/practice",
    )
    assert (without.kind, without.hours, without.source) == ("diagnostic", 2, "")
    assert without.detail == (
        f"Find a practice test or sample questions for this exam. {DIAGNOSTIC_ADVICE}"
    )


def test_the_final_review_and_the_exam_read_as_a_person_reads_them():
    *_, review, exam = generate_items(GCP_MLOPS, None, SKILL_NAMES)

    assert (review.kind, review.hours) == ("review", 4)
    assert review.detail == (
        "Take a full practice exam under exam conditions, compare it with your diagnostic, and "
        "spend the rest of the week on the domains where you still lose marks."
    )
    assert (exam.kind, exam.hours) == ("exam", 3)
    assert exam.detail == (
        "Book Professional Machine Learning Engineer a few weeks ahead, and sit it rested."
    )


def test_resources_and_domains_name_the_catalog_row_they_come_from():
    items = generate_items(GCP_MLOPS, None, SKILL_NAMES)

    assert items[0].source == "resource:https://example.com/guide"
    assert [item.source for item in items if item.kind == "domain"] == [
        "domain:Architecting low-code ML solutions",
        "domain:Serving and scaling models",
        "domain:Automating and orchestrating ML pipelines",
    ]


def test_a_resource_without_an_address_names_no_source():
    cert = replace(GCP_MLOPS, resources=(ResourceSpec("Notes", "", "docs"),))

    [item] = [i for i in generate_items(cert, None, SKILL_NAMES) if i.kind == "resource"]

    assert (item.url, item.source) == ("", "")


def test_a_domain_says_its_weight_and_topics_or_points_to_the_guide():
    cert = replace(
        GCP_MLOPS,
        domains=(
            DomainSpec("Data", 12.5, ("BigQuery", "Dataflow")),
            DomainSpec("Models", None, ()),
        ),
    )

    details = [i.detail for i in generate_items(cert, None, SKILL_NAMES) if i.kind == "domain"]

    assert details == [
        "About 12.5% of the exam. Topics: BigQuery, Dataflow.",
        "Cover this section of the official exam guide.",
    ]


def test_weights_that_add_up_to_nothing_split_the_budget_evenly():
    cert = replace(GCP_MLOPS, domains=(DomainSpec("A", 0, ()), DomainSpec("B", 0, ())))

    hours = [i.hours for i in generate_items(cert, None, SKILL_NAMES) if i.kind == "domain"]

    assert hours == [23, 23]  # the professional budget of 45 h, halves rounded up


def test_a_skill_the_taxonomy_does_not_name_is_called_by_its_slug():
    cert = replace(GCP_MLOPS, required_levels={"made-up-skill": 1})

    [gap] = gaps(generate_items(cert, {}, SKILL_NAMES))

    assert gap.title == "Close your gap in made-up-skill"


def test_weights_adding_up_to_one_are_still_followed():
    cert = replace(GCP_MLOPS, domains=(DomainSpec("A", 1, ()), DomainSpec("B", 0, ())))

    hours = [i.hours for i in generate_items(cert, None, SKILL_NAMES) if i.kind == "domain"]

    assert hours == [45, 1]  # the professional budget, and the one hour every domain gets
