"""A certification's facts as label/value rows, shared by its page and the compare table.

A value of "" means the provider has not published it; templates show "not published". Facts
whose figures could not be confirmed (the certification's `needs_review`) are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist

from catalog.models import Certification

# Names in `needs_review` that are relations or need a friendlier word than the field's.
REVIEW_LABELS = {
    "domains": "exam domains",
    "successors": "successors",
    "status_date": "retirement date",
    "cost_usd": "cost",
    "duration_minutes": "duration",
    "validity_months": "validity",
}


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    unconfirmed: bool = False


def _months(months: int | None) -> str:
    if months is None:
        return ""
    return "1 month" if months == 1 else f"{months} months"


def _experience(certification: Certification) -> str:
    if certification.recommended_experience:
        return certification.recommended_experience
    years = certification.recommended_years
    if years is None:
        return ""
    return "1 year" if years == 1 else f"{years} years"


def _cost(cost: int | None) -> str:
    if cost is None:
        return ""
    return "Free" if cost == 0 else f"US${cost}"


def facts(certification: Certification) -> list[Fact]:
    c = certification
    review = set(c.needs_review or ())
    rows = [
        ("Provider", c.provider.name, ()),
        ("Exam code", c.exam_code, ("exam_code",)),
        ("Level", c.get_level_display(), ("level",)),
        ("Focus", c.get_focus_display(), ("focus",)),
        ("Format", c.get_exam_format_display(), ("exam_format",)),
        ("Cost", _cost(c.cost_usd), ("cost_usd",)),
        (
            "Duration",
            f"{c.duration_minutes} min" if c.duration_minutes else "",
            ("duration_minutes",),
        ),
        ("Questions", c.question_count, ("question_count",)),
        ("Passing score", c.passing_score, ("passing_score",)),
        ("Languages", c.languages, ("languages",)),
        ("Delivery", c.delivery, ("delivery",)),
        ("Valid for", _months(c.validity_months), ("validity_months",)),
        ("Renewal", c.renewal, ("renewal",)),
        (
            "Recommended experience",
            _experience(c),
            ("recommended_years", "recommended_experience"),
        ),
        ("Prerequisites", c.prerequisites, ("prerequisites",)),
    ]
    return [Fact(label, value, bool(review & set(names))) for label, value, names in rows]


def unconfirmed_labels(certification: Certification) -> list[str]:
    """The `needs_review` names as words a reader understands: ["passing score", "languages"]."""
    labels = []
    for name in certification.needs_review or ():
        if name in REVIEW_LABELS:
            labels.append(REVIEW_LABELS[name])
            continue
        try:
            labels.append(str(Certification._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name.replace("_", " "))
    return labels
