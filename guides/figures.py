"""The guides' arithmetic: plain functions over plain data, no database.

Every figure a guide shows is computed here from rows the catalog holds (or the market file
states), so that the figure changes when the catalog does.

Which exams a guide counts
--------------------------
"Exams you can sit" are the published certifications that are not retired. The guides on
prerequisites and on deep learning leave out the adjacent credentials (governance, security,
business): they are not ML engineering exams, and the page says so.

Skill demand
------------
An exam *needs* a skill at level L or above when its required level for that skill is at least
L; a skill the exam does not list is needed at no level. "Needed at level 3 or above by 11 of
30 exams" counts the exams, out of those given, whose required level is 3, 4 or 5.

Which way an exam leans
-----------------------
From the required levels of the classical-ML and deep-learning skills (0 when not listed):

* neither skill above level 1: it leans **neither** way (an MLOps, generative-AI or platform
  exam that does not test modelling in depth);
* otherwise the skill with the higher level wins;
* at equal levels, the skill that more of the exam's domains exercise wins;
* still equal: **both**.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

BASIC_LEVEL = 2  # the basics, with guidance
DEMAND_LEVEL = 3  # routine work on your own: what most associate exams take for granted
HIGH_DEMAND_LEVEL = 4  # non-routine problems and what goes wrong

DEEP_LEARNING = "deep-learning"
CLASSICAL_ML = "classical-ml"
BOTH = "both"
NEITHER = "neither"
LEANS = (DEEP_LEARNING, CLASSICAL_ML, BOTH, NEITHER)
LEAN_LABELS = {
    DEEP_LEARNING: "Deep learning",
    CLASSICAL_ML: "Classical ML",
    BOTH: "Both equally",
    NEITHER: "Neither in depth",
}


@dataclass(frozen=True)
class Exam:
    """One certification as the guides see it."""

    slug: str
    name: str
    provider: str
    platform: str  # a catalog Platform value: gcp, aws, azure, databricks, … or neutral
    level: str  # as the page shows it: "Associate"
    focus: str  # as the page shows it: "Deep learning"
    checked_on: date  # when the catalog last checked the certification's facts
    required_levels: Mapping[str, int]  # skill slug -> 1..5
    status: str = "active"
    # skill slug -> how many of the exam's domains exercise it
    domains_exercising: Mapping[str, int] = field(default_factory=dict)
    domain_names: tuple[str, ...] = ()

    def needs(self, skill: str) -> int:
        """The level the exam needs in a skill; 0 when it does not list it."""
        return self.required_levels.get(skill, 0)

    def domains_for(self, skill: str) -> int:
        return self.domains_exercising.get(skill, 0)


def count_needing(exams: Iterable[Exam], skill: str, level: int) -> int:
    """How many of the exams need the skill at `level` or above."""
    return sum(1 for exam in exams if exam.needs(skill) >= level)


@dataclass(frozen=True)
class SkillDemand:
    skill: str
    total: int  # exams counted
    at_basic_level: int  # exams needing it at BASIC_LEVEL or above
    at_demand_level: int  # exams needing it at DEMAND_LEVEL or above
    at_high_level: int  # exams needing it at HIGH_DEMAND_LEVEL or above
    # The exams needing it at DEMAND_LEVEL or above, the most demanding first.
    demanding: tuple[tuple[Exam, int], ...]

    @property
    def sentence(self) -> str:
        return (
            f"needed at level {DEMAND_LEVEL} or above by {self.at_demand_level} of "
            f"{self.total} exam{'s' if self.total != 1 else ''}"
        )


def skill_demand(exams: Sequence[Exam], skill: str) -> SkillDemand:
    demanding = sorted(
        ((exam, exam.needs(skill)) for exam in exams if exam.needs(skill) >= DEMAND_LEVEL),
        key=lambda pair: (-pair[1], pair[0].name),
    )
    return SkillDemand(
        skill=skill,
        total=len(exams),
        at_basic_level=count_needing(exams, skill, BASIC_LEVEL),
        at_demand_level=len(demanding),
        at_high_level=count_needing(exams, skill, HIGH_DEMAND_LEVEL),
        demanding=tuple(demanding),
    )


def lean(exam: Exam, classical: str = "classical-ml", deep: str = "deep-learning") -> str:
    """Which way an exam leans (see the module docstring)."""
    classical_level, deep_level = exam.needs(classical), exam.needs(deep)
    if max(classical_level, deep_level) <= 1:
        return NEITHER
    if deep_level != classical_level:
        return DEEP_LEARNING if deep_level > classical_level else CLASSICAL_ML
    classical_domains, deep_domains = exam.domains_for(classical), exam.domains_for(deep)
    if deep_domains != classical_domains:
        return DEEP_LEARNING if deep_domains > classical_domains else CLASSICAL_ML
    return BOTH


def by_lean(exams: Iterable[Exam]) -> list[tuple[str, list[Exam]]]:
    """The exams grouped by the way they lean, in the order of LEANS, by name within a group;
    groups without an exam are left out."""
    groups: dict[str, list[Exam]] = {key: [] for key in LEANS}
    for exam in sorted(exams, key=lambda exam: exam.name):
        groups[lean(exam)].append(exam)
    return [(key, members) for key, members in groups.items() if members]


@dataclass(frozen=True)
class LeanRow:
    exam: Exam
    lean: str
    classical_level: int  # 0 when the exam does not list the skill
    deep_level: int
    classical_domains: int  # domains that exercise the skill
    deep_domains: int

    @property
    def label(self) -> str:
        return LEAN_LABELS[self.lean]


def lean_rows(
    exams: Iterable[Exam], classical: str = "classical-ml", deep: str = "deep-learning"
) -> list[LeanRow]:
    """One row per exam, grouped by the way it leans (in the order of LEANS), by name within."""
    return [
        LeanRow(
            exam=exam,
            lean=key,
            classical_level=exam.needs(classical),
            deep_level=exam.needs(deep),
            classical_domains=exam.domains_for(classical),
            deep_domains=exam.domains_for(deep),
        )
        for key, members in by_lean(exams)
        for exam in members
    ]


def by_platform(exams: Iterable[Exam], first: Sequence[str] = ()) -> list[tuple[str, list[Exam]]]:
    """The exams grouped by platform: the platforms in `first` in that order, then the others
    by name; exams by name within a platform. Vendor-neutral exams are left out."""
    groups: dict[str, list[Exam]] = {}
    for exam in sorted(exams, key=lambda exam: exam.name):
        if exam.platform != "neutral":
            groups.setdefault(exam.platform, []).append(exam)
    ordered = [platform for platform in first if platform in groups]
    ordered += sorted(platform for platform in groups if platform not in ordered)
    return [(platform, groups[platform]) for platform in ordered]


def checked_between(dates: Iterable[date]) -> tuple[date, date] | None:
    """The oldest and newest check dates, for "checked between … and …"."""
    dates = list(dates)
    if not dates:
        return None
    return min(dates), max(dates)


def count_by(values: Iterable[str], order: Sequence[str]) -> list[tuple[str, int]]:
    """How many times each value occurs, in `order`; values that never occur are left out,
    values not in `order` come last, by name."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    known = [(value, counts[value]) for value in order if value in counts]
    others = [(value, counts[value]) for value in sorted(counts) if value not in order]
    return known + others


# The skill groups the prerequisites guide covers, by their catalog values.
PREREQUISITE_GROUPS = ("maths", "programming")


def guide_for_skill(skill: str, group: str, platform_skills: Iterable[str]) -> tuple[str, str]:
    """The guide that helps close a gap in a skill, as (guide slug, fragment of the page):

    * maths and programming skills: the prerequisites guide, at the skill's own section;
    * classical ML and deep learning: the guide on choosing between them;
    * a cloud or data platform's skill (`platform_skills`): the guide on choosing a cloud;
    * anything else (MLOps, generative AI, responsible AI): project experience, since a
      project is how those are learnt and shown.
    """
    if group in PREREQUISITE_GROUPS:
        return "prerequisites", f"skill-{skill}"
    if skill in (CLASSICAL_ML, DEEP_LEARNING):
        return "deep-learning-or-classical-ml", ""
    if skill in set(platform_skills):
        return "choosing-a-cloud", ""
    return "project-experience", ""


PERCENTILE_LABELS = (
    ("p10_usd", "10th percentile"),
    ("p25_usd", "25th percentile"),
    ("median_usd", "Median (50th percentile)"),
    ("p75_usd", "75th percentile"),
    ("p90_usd", "90th percentile"),
)


def dollars(amount: int | None) -> str | None:
    """A whole number of US dollars as the page shows it; None stays None (not published)."""
    return None if amount is None else f"US${amount:,}"


def wage_rows(wage: object) -> list[tuple[str, str | None]]:
    """A wage's percentiles as (label, amount) rows, lowest first; None when not published."""
    return [(label, dollars(getattr(wage, name))) for name, label in PERCENTILE_LABELS]


def validity(months: int | None, does_not_expire: bool) -> str | None:
    """How long a credential is valid, in words; None when the period is not published."""
    if does_not_expire:
        return "Does not expire"
    if months is None:
        return None
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"
