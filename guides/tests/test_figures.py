"""The guides' arithmetic, with every expected value worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guides import figures
from guides.figures import Exam

D1, D2, D3 = date(2026, 10, 1), date(2026, 11, 15), date(2026, 12, 2)


def exam(name: str, levels: dict[str, int], **fields) -> Exam:
    defaults = {
        "slug": name.lower().replace(" ", "-"),
        "name": name,
        "provider": "Acme",
        "platform": "neutral",
        "level": "Associate",
        "focus": "Mixed",
        "checked_on": D3,
    }
    return Exam(required_levels=levels, **{**defaults, **fields})


EXAMS = [
    exam("Alpha", {"python": 3, "calculus": 2}),
    exam("Bravo", {"python": 4}),
    exam("Charlie", {"python": 2, "calculus": 4}),
    exam("Delta", {}),
]


def test_count_needing_counts_exams_at_or_above_the_level():
    assert figures.count_needing(EXAMS, "python", 3) == 2  # Alpha 3, Bravo 4
    assert figures.count_needing(EXAMS, "python", 1) == 3  # Delta does not list it
    assert figures.count_needing(EXAMS, "calculus", 5) == 0
    assert figures.count_needing(EXAMS, "statistics", 1) == 0


def test_skill_demand_counts_the_three_levels_and_lists_the_most_demanding_first():
    demand = figures.skill_demand(EXAMS, "python")

    assert (demand.total, demand.at_basic_level, demand.at_demand_level) == (4, 3, 2)
    assert demand.at_high_level == 1
    assert [(e.name, level) for e, level in demand.demanding] == [("Bravo", 4), ("Alpha", 3)]
    assert demand.sentence == "needed at level 3 or above by 2 of 4 exams"


def test_skill_demand_of_a_skill_no_exam_lists_is_zero_of_all():
    demand = figures.skill_demand(EXAMS, "linear-algebra")

    assert demand.sentence == "needed at level 3 or above by 0 of 4 exams"
    assert demand.demanding == ()


def test_a_single_exam_is_not_called_exams():
    assert figures.skill_demand(EXAMS[:1], "python").sentence == (
        "needed at level 3 or above by 1 of 1 exam"
    )


def test_the_higher_required_level_decides_the_lean():
    assert figures.lean(exam("A", {"deep-learning": 3, "classical-ml": 2})) == "deep-learning"
    assert figures.lean(exam("B", {"classical-ml": 3})) == "classical-ml"


def test_an_exam_needing_neither_above_level_one_leans_neither_way():
    assert figures.lean(exam("A", {"deep-learning": 1, "classical-ml": 1})) == "neither"
    assert figures.lean(exam("B", {"mlops": 4})) == "neither"


def test_at_equal_levels_the_skill_more_domains_exercise_decides():
    levels = {"deep-learning": 3, "classical-ml": 3}
    deep = exam("A", levels, domains_exercising={"deep-learning": 2, "classical-ml": 1})
    classical = exam("B", levels, domains_exercising={"classical-ml": 1})
    even = exam("C", levels, domains_exercising={"deep-learning": 1, "classical-ml": 1})

    assert figures.lean(deep) == "deep-learning"
    assert figures.lean(classical) == "classical-ml"
    assert figures.lean(even) == "both"


def test_lean_rows_come_grouped_deep_classical_both_neither_and_by_name_within():
    exams = [
        exam("Zulu", {"classical-ml": 3}),
        exam("Yankee", {}),
        exam("Mike", {"deep-learning": 2}),
        exam("Alpha", {"classical-ml": 4, "deep-learning": 2}),
        exam("Kilo", {"classical-ml": 2, "deep-learning": 2}),
    ]

    rows = figures.lean_rows(exams)

    assert [(row.exam.name, row.label) for row in rows] == [
        ("Mike", "Deep learning"),
        ("Alpha", "Classical ML"),
        ("Zulu", "Classical ML"),
        ("Kilo", "Both equally"),
        ("Yankee", "Neither in depth"),
    ]
    assert (rows[1].classical_level, rows[1].deep_level) == (4, 2)
    assert (rows[0].classical_level, rows[0].deep_level) == (0, 2)


def test_by_platform_puts_the_given_order_first_then_the_rest_by_name_and_leaves_out_neutral():
    exams = [
        exam("Snow", {}, platform="snowflake"),
        exam("Neutral", {}, platform="neutral"),
        exam("Gamma", {}, platform="gcp"),
        exam("Beta", {}, platform="aws"),
        exam("Alpha", {}, platform="aws"),
        exam("Bricks", {}, platform="databricks"),
    ]

    groups = figures.by_platform(exams, first=["aws", "azure", "gcp"])

    assert [(p, [e.name for e in members]) for p, members in groups] == [
        ("aws", ["Alpha", "Beta"]),
        ("gcp", ["Gamma"]),
        ("databricks", ["Bricks"]),
        ("snowflake", ["Snow"]),
    ]


def test_checked_between_gives_the_oldest_and_newest_date():
    assert figures.checked_between([D2, D3, D1]) == (D1, D3)
    assert figures.checked_between([]) is None


def test_count_by_follows_the_order_given_then_the_others_by_name():
    values = ["retake", "online", "retake", "credits", "zebra", "retake"]

    assert figures.count_by(values, ["online", "retake", "never"]) == [
        ("online", 1),
        ("retake", 3),
        ("credits", 1),
        ("zebra", 1),
    ]


@dataclass
class Wage:
    p10_usd: int | None
    p25_usd: int | None
    median_usd: int | None
    p75_usd: int | None
    p90_usd: int | None


def test_wage_rows_show_dollars_and_leave_unpublished_figures_empty():
    rows = figures.wage_rows(Wage(None, 82630, 112590, 155810, 1194410))

    assert rows == [
        ("10th percentile", None),
        ("25th percentile", "US$82,630"),
        ("Median (50th percentile)", "US$112,590"),
        ("75th percentile", "US$155,810"),
        ("90th percentile", "US$1,194,410"),
    ]


def test_validity_in_words():
    assert figures.validity(24, False) == "2 years"
    assert figures.validity(12, False) == "1 year"
    assert figures.validity(6, False) == "6 months"
    assert figures.validity(1, False) == "1 month"
    assert figures.validity(None, True) == "Does not expire"
    assert figures.validity(None, False) is None


PLATFORM_SKILLS = ["aws", "google-cloud", "spark-databricks"]


def test_a_gap_leads_to_the_guide_that_helps_close_it():
    def guide(skill: str, group: str) -> tuple[str, str]:
        return figures.guide_for_skill(skill, group, PLATFORM_SKILLS)

    assert guide("calculus", "maths") == ("prerequisites", "skill-calculus")
    assert guide("data-libraries", "programming") == ("prerequisites", "skill-data-libraries")
    assert guide("deep-learning", "machine-learning") == ("deep-learning-or-classical-ml", "")
    assert guide("classical-ml", "machine-learning") == ("deep-learning-or-classical-ml", "")
    assert guide("spark-databricks", "production") == ("choosing-a-cloud", "")
    assert guide("mlops", "production") == ("project-experience", "")
    assert guide("responsible-ai", "machine-learning") == ("project-experience", "")


def test_the_prerequisite_groups_are_groups_of_the_taxonomy():
    from catalog.models import SkillGroup

    assert set(figures.PREREQUISITE_GROUPS) == {SkillGroup.MATHS, SkillGroup.PROGRAMMING}
