"""A certification's facts as label/value rows, shared by its page and the compare table.

A value of "" means the provider has not published it; templates show "not published". Facts
whose figures could not be confirmed (the certification's `needs_review`) are flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist

from catalog import renewal
from catalog.models import Certification, ExamDomain, FactSource, Status

WEIGHT_TOLERANCE = 1

# Names in `needs_review` that are relations or need a friendlier word than the field's.
REVIEW_LABELS = {
    "domains": "exam domains",
    "successors": "successors",
    "status_date": "retirement date",
    "cost_usd": "cost",
    "duration_minutes": "duration",
    "validity_months": "validity",
    "renewal": "renewal rule",
}


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    unconfirmed: bool = False
    # Where this fact comes from when not from the certification's main source.
    sources: tuple[FactSource, ...] = field(default=())
    note: str = ""
    # For a fact whose source is always named beside it (a fee), the main source's address and
    # kind when no other source covers it.
    main_source: tuple[str, str] | None = None


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


def sources_for(certification: Certification, names: Sequence[str]) -> tuple[FactSource, ...]:
    """The fact sources covering any of these fields (from the prefetched list)."""
    return tuple(
        source for source in certification.fact_sources.all() if set(source.fields) & set(names)
    )


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
        (
            "Valid for",
            "Does not expire" if c.renewal_kind == "no-expiry" else _months(c.validity_months),
            ("validity_months",),
        ),
        ("Renewal", renewal.summary(c.renewal_rule), ("renewal",)),
        ("Cost over 3 years", c.three_year_cost.text, ("cost_usd", "validity_months", "renewal")),
        (
            "Recommended experience",
            _experience(c),
            ("recommended_years", "recommended_experience"),
        ),
        ("Prerequisites", c.prerequisites, ("prerequisites",)),
    ]
    result = []
    for label, value, names in rows:
        sources = sources_for(c, names)
        is_fee = label == "Cost"
        result.append(
            Fact(
                label,
                value,
                unconfirmed=bool(review & set(names)),
                sources=sources,
                note=c.cost_note if is_fee else "",
                main_source=(c.source_url, c.source_kind) if is_fee and not sources else None,
            )
        )
    return result


def unconfirmed_labels(certification: Certification) -> list[str]:
    """The `needs_review` names as words a reader understands: ["passing score", "languages"].

    A retirement date is left out when the page states it in its status banner: the banner
    itself says the date is unconfirmed, so the page never states and doubts it in two places."""
    labels = []
    for name in certification.needs_review or ():
        if name == "status_date" and certification.status in (Status.RETIRING, Status.RETIRED):
            continue
        if name in REVIEW_LABELS:
            labels.append(REVIEW_LABELS[name])
            continue
        try:
            labels.append(str(Certification._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name.replace("_", " "))
    return labels


def retirement_date_unconfirmed(certification: Certification) -> bool:
    return "status_date" in (certification.needs_review or ()) and certification.status in (
        Status.RETIRING,
        Status.RETIRED,
    )


@dataclass(frozen=True)
class DomainWeights:
    published: int  # domains with an exact weight or a range
    total: int
    complete: bool  # every weight exact and adding up to 100 (give or take rounding)

    @property
    def statement(self) -> str:
        """What the page says when the weights do not account for the whole exam."""
        if self.complete or not self.total:
            return ""
        noun = "weight" if self.total == 1 else "weights"
        return f"{self.published} of {self.total} domain {noun} published"


def domain_weights(domains: Sequence[ExamDomain]) -> DomainWeights:
    exact = [d.weight for d in domains if d.weight is not None]
    published = sum(1 for d in domains if d.weight is not None or d.weight_min is not None)
    complete = bool(domains) and len(exact) == len(domains)
    complete = complete and abs(sum(exact) - 100) <= WEIGHT_TOLERANCE
    return DomainWeights(published=published, total=len(domains), complete=complete)
