"""Rules for comparing certifications side by side: which selections make sense, and the rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.facts import Fact, facts
from catalog.models import Certification, Skill

MIN_COMPARED = 2
MAX_COMPARED = 4
CHOOSE = f"Choose between {MIN_COMPARED} and {MAX_COMPARED} certifications to compare."


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Fact]


@dataclass(frozen=True)
class SkillRow:
    skill: Skill
    levels: list[int | None]


def selection_problem(slugs: Sequence[str]) -> str | None:
    """Why this selection cannot be compared, or None when its size and shape are right."""
    repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if repeated:
        return f"{CHOOSE} You chose {', '.join(repeated)} more than once."
    if not MIN_COMPARED <= len(slugs) <= MAX_COMPARED:
        return f"{CHOOSE} You chose {len(slugs)}."
    return None


def unknown_problem(slugs: Sequence[str], found: dict[str, Certification]) -> str | None:
    unknown = [slug for slug in slugs if slug not in found]
    if not unknown:
        return None
    noun = "certification" if len(unknown) == 1 else "certifications"
    return f"Unknown {noun}: {', '.join(unknown)}."


def fact_rows(certifications: Sequence[Certification]) -> list[Row]:
    columns = [facts(certification) for certification in certifications]
    return [Row(label=row[0].label, cells=list(row)) for row in zip(*columns, strict=True)]


def skill_rows(certifications: Sequence[Certification]) -> list[SkillRow]:
    """One row per skill any of them requires, in the taxonomy's order; None when not required."""
    levels = [
        {required.skill_id: required.level for required in c.required_skills.all()}
        for c in certifications
    ]
    skills = {
        required.skill_id: required.skill
        for c in certifications
        for required in c.required_skills.all()
    }
    ordered = sorted(skills.values(), key=lambda skill: (skill.order, skill.name))
    return [SkillRow(skill, [level.get(skill.pk) for level in levels]) for skill in ordered]
