from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from certguide.lib.curated import CuratedQuerySet

STALE_AFTER = timedelta(days=180)
http_url = URLValidator(
    schemes=["http", "https"], message="Enter an http:// or https:// address.", code="not_http"
)


class HttpURLField(models.URLField):
    default_validators = [http_url]

    def formfield(self, **kwargs):
        from django import forms

        return super().formfield(
            **{"form_class": forms.URLField, "assume_scheme": "https", **kwargs}
        )


class Platform(models.TextChoices):
    GCP = "gcp", "Google Cloud"
    AWS = "aws", "AWS"
    AZURE = "azure", "Azure"
    DATABRICKS = "databricks", "Databricks"
    SNOWFLAKE = "snowflake", "Snowflake"
    OCI = "oci", "Oracle Cloud"
    NEUTRAL = "neutral", "Vendor-neutral"


class Provider(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    platform = models.CharField(max_length=20, choices=Platform.choices)
    website = HttpURLField(blank=True)
    synced_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SkillGroup(models.TextChoices):
    MATHS = "maths", "Maths"
    PROGRAMMING = "programming", "Python and libraries"
    MACHINE_LEARNING = "machine-learning", "Machine learning"
    PRODUCTION = "production", "MLOps and cloud platforms"


class Skill(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    group = models.CharField(max_length=20, choices=SkillGroup.choices)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)
    synced_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    FOUNDATIONAL = "foundational", "Foundational"
    ASSOCIATE = "associate", "Associate"
    PROFESSIONAL = "professional", "Professional"
    SPECIALTY = "specialty", "Specialty"


class Status(models.TextChoices):
    ACTIVE = "active", "Active"
    # A beta exam can be sat, but its general availability is not confirmed yet.
    BETA = "beta", "Beta"
    RETIRING = "retiring", "Retiring"
    RETIRED = "retired", "Retired"


# Statuses whose date is the retirement date, so it must be given.
DATED_STATUSES = (Status.RETIRING, Status.RETIRED)


class Focus(models.TextChoices):
    CLASSICAL_ML = "classical-ml", "Classical ML"
    DEEP_LEARNING = "deep-learning", "Deep learning"
    GENERATIVE_AI = "generative-ai", "Generative AI"
    MLOPS = "mlops", "MLOps"
    MIXED = "mixed", "Mixed"
    # Governance, security, business and platform credentials an ML practitioner weighs, which
    # are not ML engineering exams.
    ADJACENT = "adjacent", "Adjacent (governance, security, business)"


class SourceKind(models.TextChoices):
    VENDOR = "vendor", "The provider's own page"
    SECONDARY = "secondary", "Secondary sources only"


class RenewalKind(models.TextChoices):
    ONLINE_ASSESSMENT = "online-assessment", "Online renewal assessment"
    RETAKE = "retake", "Pass the current exam again"
    CONTINUING_EDUCATION = "continuing-education", "Continuing-education credits"
    NO_EXPIRY = "no-expiry", "Does not expire"
    FIXED_TERM = "fixed-term", "Valid for a fixed term, no renewal"
    UNKNOWN = "unknown", "No longer published"


# Kinds with a way to renew before expiry: only these have a window, a cost or an effort.
RENEWABLE_KINDS = (
    RenewalKind.ONLINE_ASSESSMENT,
    RenewalKind.RETAKE,
    RenewalKind.CONTINUING_EDUCATION,
)


class ExamFormat(models.TextChoices):
    MULTIPLE_CHOICE = "multiple-choice", "Multiple choice"
    HANDS_ON = "hands-on", "Hands-on coding"
    LAB = "lab", "Lab"


class CertificationQuerySet(CuratedQuerySet):
    def published(self) -> CertificationQuerySet:
        return self.filter(published=True).select_related("provider")

    def current(self) -> CertificationQuerySet:
        """Certifications a person can still sit: active, beta or retiring."""
        return self.exclude(status=Status.RETIRED)

    def stale(self, today: date | None = None) -> CertificationQuerySet:
        today = today or timezone.localdate()
        return self.filter(checked_on__lt=today - STALE_AFTER)

    def search(self, text: str) -> CertificationQuerySet:
        """Certifications holding every word of `text`, case-insensitively, in the name, exam
        code, summary, or an exam domain's name or topics. A subquery, not a join: no duplicates."""
        queryset = self
        for word in text.split():
            in_a_domain = ExamDomain.objects.filter(certification=OuterRef("pk")).filter(
                Q(name__icontains=word) | Q(topics__icontains=word)
            )
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(exam_code__icontains=word)
                | Q(summary__icontains=word)
                | Q(Exists(in_a_domain))
            )
        return queryset

    def with_successors(self) -> CertificationQuerySet:
        """Prefetch the published successors, with the note saying who should choose each."""
        return self.prefetch_related(
            Prefetch(
                "successions",
                queryset=Succession.objects.filter(successor__published=True).select_related(
                    "successor__provider"
                ),
            )
        )

    def for_comparison(self) -> CertificationQuerySet:
        """Everything the compare table shows: domains, required skills, successors and the
        per-fact sources."""
        return self.with_successors().prefetch_related(
            "domains",
            Prefetch("required_skills", queryset=RequiredSkill.objects.select_related("skill")),
            "fact_sources",
        )

    def with_details(self) -> CertificationQuerySet:
        """Everything a certification's page shows, in one query per relation."""
        return self.for_comparison().prefetch_related("domains__skills", "resources")


class Certification(models.Model):
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="certifications")
    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(max_length=200)
    exam_code = models.CharField(max_length=40, blank=True)
    level = models.CharField(max_length=20, choices=Level.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    status_date = models.DateField(
        null=True,
        blank=True,
        help_text="The retirement date, past or announced; for a beta, the day the beta opened.",
    )
    focus = models.CharField(max_length=20, choices=Focus.choices)
    exam_format = models.CharField(max_length=20, choices=ExamFormat.choices)
    # Unknown figures stay empty and are shown as "not published"; they are never guessed.
    cost_usd = models.PositiveIntegerField("cost (US$)", null=True, blank=True)
    cost_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="When the fee is not in US dollars or varies, say how, in one short sentence.",
    )
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    question_count = models.CharField("number of questions", max_length=40, blank=True)
    passing_score = models.CharField(max_length=60, blank=True)
    languages = models.CharField(max_length=300, blank=True)
    delivery = models.CharField(max_length=300, blank=True)
    validity_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty when the credential does not expire."
    )
    # The renewal rule, typed so that expiry, renewal windows and the cost of keeping the
    # credential can be computed from it (see `renewal_rule`).
    renewal_kind = models.CharField(
        "how it is kept current",
        max_length=30,
        choices=RenewalKind.choices,
        default=RenewalKind.UNKNOWN,
    )
    renewal_window_days = models.PositiveSmallIntegerField(
        "renewal opens (days before expiry)", null=True, blank=True
    )
    renewal_grace_days = models.PositiveSmallIntegerField(
        "renewal still possible (days after expiry)", null=True, blank=True
    )
    renewal_cost_usd = models.PositiveIntegerField(
        "cost of one renewal (US$)", null=True, blank=True, help_text="0 when it is free."
    )
    renewal_effort_hours = models.PositiveSmallIntegerField(
        "hours one renewal takes", null=True, blank=True
    )
    renewal_extends_months = models.PositiveSmallIntegerField(
        "months one renewal adds",
        null=True,
        blank=True,
        help_text="Empty when a renewal adds the same as the validity.",
    )
    renewal_credits = models.PositiveSmallIntegerField(
        "continuing-education credits per cycle", null=True, blank=True
    )
    renewal_note = models.TextField("renewal rule in words", blank=True)
    renewal_source_url = HttpURLField("source of the renewal rule", blank=True)
    recommended_years = models.PositiveSmallIntegerField(
        "recommended years of experience", null=True, blank=True
    )
    recommended_experience = models.TextField(blank=True)
    prerequisites = models.TextField(blank=True)
    summary = models.TextField()
    exam_guide_url = HttpURLField("official exam guide", blank=True)
    source_url = HttpURLField("source of the facts")
    source_kind = models.CharField(
        "kind of source", max_length=20, choices=SourceKind.choices, default=SourceKind.VENDOR
    )
    checked_on = models.DateField("facts checked on")
    needs_review = models.JSONField(
        default=list, blank=True, help_text="Fields whose figures could not be confirmed."
    )
    published = models.BooleanField(default=True)
    successors = models.ManyToManyField(
        "self", through="Succession", symmetrical=False, related_name="predecessors"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # What the curated file said about this certification (with its domains, skills, resources,
    # successors and fact sources) at the last sync: an edit made since then in the admin shows
    # as a difference from it, so a later sync can tell an admin edit from a change in the file.
    synced_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["active", "beta"])
                | models.Q(status_date__isnull=False),
                name="retiring_or_retired_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.exam_code})" if self.exam_code else self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:certification-detail", args=[self.slug])

    def clean(self) -> None:
        errors = {}
        if self.status in DATED_STATUSES and self.status_date is None:
            verb = "retired" if self.status == Status.RETIRED else "retires"
            errors["status_date"] = f"Give the date this certification {verb} on."
        errors |= renewal_problems(self.renewal_rule, self.status, self.validity_months)
        if errors:
            raise ValidationError(errors)

    @property
    def is_current(self) -> bool:
        return self.status != Status.RETIRED

    @property
    def is_beta(self) -> bool:
        return self.status == Status.BETA

    @property
    def renewal_rule(self) -> RenewalRule:
        return RenewalRule(
            kind=self.renewal_kind,
            validity_months=self.validity_months,
            window_days_before_expiry=self.renewal_window_days,
            grace_days_after_expiry=self.renewal_grace_days,
            cost_usd=self.renewal_cost_usd,
            effort_hours=self.renewal_effort_hours,
            extends_months=self.renewal_extends_months,
            credits=self.renewal_credits,
            note=self.renewal_note,
            source_url=self.renewal_source_url,
        )

    @property
    def three_year_cost(self):
        """The fee and the renewals over three years (`catalog.costs`), from this row alone."""
        from catalog.costs import three_year_cost

        return three_year_cost(self.renewal_rule, self.cost_usd)

    def is_stale(self, today: date | None = None) -> bool:
        return self.checked_on < (today or timezone.localdate()) - STALE_AFTER


@dataclass(frozen=True)
class RenewalRule:
    """How a credential is kept current, as plain data for the rules that compute expiry,
    renewal windows and the cost of keeping it. None means not published (or not applicable)."""

    kind: str
    validity_months: int | None
    window_days_before_expiry: int | None = None
    grace_days_after_expiry: int | None = None
    cost_usd: int | None = None
    effort_hours: int | None = None
    extends_months: int | None = None
    credits: int | None = None
    note: str = ""
    source_url: str = ""

    @property
    def is_renewable(self) -> bool:
        return self.kind in RENEWABLE_KINDS

    @property
    def months_added(self) -> int | None:
        """What one renewal adds: its own figure, or else the validity."""
        if not self.is_renewable:
            return None
        return self.extends_months if self.extends_months is not None else self.validity_months


RENEWAL_FIELD_NAMES = {
    "window_days_before_expiry": "renewal_window_days",
    "grace_days_after_expiry": "renewal_grace_days",
    "cost_usd": "renewal_cost_usd",
    "effort_hours": "renewal_effort_hours",
    "extends_months": "renewal_extends_months",
    "credits": "renewal_credits",
    "note": "renewal_note",
    "source_url": "renewal_source_url",
}


def renewal_problems(rule: RenewalRule, status: str, validity_months: int | None) -> dict[str, str]:
    """What contradicts itself in a renewal rule, by the Certification field to correct."""
    problems = {}
    kind = rule.kind
    if kind == RenewalKind.UNKNOWN and status != Status.RETIRED:
        problems["renewal_kind"] = (
            "Say how this certification is kept current; 'no longer published' is only for "
            "retired certifications."
        )
    if kind == RenewalKind.NO_EXPIRY and validity_months is not None:
        problems["validity_months"] = "A credential that does not expire has no validity period."
    if not rule.is_renewable:
        for name in ("window_days_before_expiry", "grace_days_after_expiry", "cost_usd"):
            if getattr(rule, name) is not None:
                problems[RENEWAL_FIELD_NAMES[name]] = (
                    "Only a credential that can be renewed has a renewal window or cost."
                )
        for name in ("effort_hours", "extends_months"):
            if getattr(rule, name) is not None:
                problems[RENEWAL_FIELD_NAMES[name]] = (
                    "Only a credential that can be renewed has a renewal effort or extension."
                )
    if rule.credits is not None and kind != RenewalKind.CONTINUING_EDUCATION:
        problems["renewal_credits"] = "Credits apply to continuing-education renewals only."
    if kind != RenewalKind.UNKNOWN and not rule.source_url:
        problems["renewal_source_url"] = "Give the page where the renewal rule is stated."
    return problems


class FactSource(models.Model):
    """A source for some of a certification's facts that differs from its main source."""

    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="fact_sources"
    )
    fields = models.JSONField(
        "facts it sources",
        default=list,
        help_text='Certification field names, or "domains": ["cost_usd", "question_count"].',
    )
    url = HttpURLField(max_length=500)
    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    checked_on = models.DateField("checked on")
    note = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{', '.join(self.fields)}: {self.url}"

    def clean(self) -> None:
        allowed = sourceable_fields()
        if not isinstance(self.fields, list) or not self.fields:
            raise ValidationError({"fields": "Name at least one fact, as a list of field names."})
        unknown = [name for name in self.fields if name not in allowed]
        if unknown:
            raise ValidationError({"fields": f"Not a certification fact: {', '.join(unknown)}."})


# The curated file's names for what is not a single column.
SOURCEABLE_RELATIONS = {"domains", "required_skills", "resources", "successors", "renewal"}


def sourceable_fields() -> set[str]:
    """The names a fact source may cover: the certification's own fields, its renewal rule and
    its related rows, as the curated file names them."""
    return {field.name for field in Certification._meta.concrete_fields} | SOURCEABLE_RELATIONS


class Succession(models.Model):
    predecessor = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(Certification, on_delete=models.CASCADE, related_name="succeeded")
    note = models.CharField(
        "choose this if…", max_length=300, blank=True, help_text="Who should pick this successor."
    )

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["successor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="one_succession_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(predecessor=models.F("successor")),
                name="no_self_succession",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"

    def clean(self) -> None:
        if self.predecessor_id and self.predecessor_id == self.successor_id:
            raise ValidationError({"successor": "A certification cannot succeed itself."})


class ExamDomain(models.Model):
    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="domains"
    )
    name = models.CharField(max_length=200)
    weight = models.PositiveSmallIntegerField(
        "weight (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="The published percentage. Leave empty for a range or when unpublished.",
    )
    weight_min = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    weight_max = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(default=0)
    topics = models.TextField("key topics", blank=True, help_text="One topic per line.")
    skills = models.ManyToManyField(Skill, blank=True, related_name="domains")

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            # A domain's name is its key within the exam: sync matches on it.
            models.UniqueConstraint(fields=["certification", "name"], name="one_domain_per_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (self.weight_min is None) != (self.weight_max is None):
            raise ValidationError("Give both ends of a published weight range, or neither.")
        if self.weight_min is not None and self.weight_min > self.weight_max:
            raise ValidationError("The lower end of the weight range is above the upper end.")
        if self.weight is not None and self.weight_min is not None:
            raise ValidationError("Give either an exact weight or a range, not both.")

    @property
    def topic_list(self) -> list[str]:
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    @property
    def weight_estimate(self) -> float | None:
        """The exact weight, or a range's midpoint; None when unpublished."""
        if self.weight is not None:
            return float(self.weight)
        if self.weight_min is not None:
            return (self.weight_min + self.weight_max) / 2
        return None

    @property
    def weight_label(self) -> str:
        if self.weight is not None:
            return f"{self.weight}%"
        if self.weight_min is not None:
            return f"{self.weight_min}–{self.weight_max}%"
        return "not published"


class RequiredSkill(models.Model):
    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="required_skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="required_by")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="1 = aware of it, 3 = works with it comfortably, 5 = expert.",
    )

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["skill__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["certification", "skill"], name="one_requirement_per_skill"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="required_level_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.skill} at level {self.level}"


class ResourceKind(models.TextChoices):
    OFFICIAL_GUIDE = "official-guide", "Official guide"
    COURSE = "course", "Course"
    PRACTICE_EXAM = "practice-exam", "Practice exam"
    DOCS = "docs", "Documentation"
    BOOK = "book", "Book"
    PROJECT_IDEA = "project-idea", "Project idea"


class Resource(models.Model):
    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="resources"
    )
    title = models.CharField(max_length=200)
    url = HttpURLField(max_length=500)
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    free = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class ChangeKind(models.TextChoices):
    NEW_EXAM = "new-exam", "New in the catalog"
    STATUS = "status", "Status"
    RETIREMENT = "retirement", "Retirement"
    FEE = "fee", "Fee"


class CatalogChange(models.Model):
    """A dated entry on the public "What changed in the catalog" page, recorded by the admin and
    by sync where the change is made."""

    certification = models.ForeignKey(
        Certification, on_delete=models.SET_NULL, null=True, blank=True, related_name="changes"
    )
    # Kept as written at the time, so the entry still reads right after a rename or removal.
    certification_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    text = models.CharField(max_length=400)
    recorded_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_on", "-created_at", "-id"]
        verbose_name = "catalog change"

    def __str__(self) -> str:
        return f"{self.recorded_on}: {self.text}"
