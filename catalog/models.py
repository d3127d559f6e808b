from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

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
    NEUTRAL = "neutral", "Vendor-neutral"


class Provider(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    platform = models.CharField(max_length=20, choices=Platform.choices)
    website = HttpURLField(blank=True)

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
    RETIRING = "retiring", "Retiring"
    RETIRED = "retired", "Retired"


class Focus(models.TextChoices):
    CLASSICAL_ML = "classical-ml", "Classical ML"
    DEEP_LEARNING = "deep-learning", "Deep learning"
    GENERATIVE_AI = "generative-ai", "Generative AI"
    MLOPS = "mlops", "MLOps"
    MIXED = "mixed", "Mixed"


class ExamFormat(models.TextChoices):
    MULTIPLE_CHOICE = "multiple-choice", "Multiple choice"
    HANDS_ON = "hands-on", "Hands-on coding"
    LAB = "lab", "Lab"


class CertificationQuerySet(models.QuerySet):
    def published(self) -> CertificationQuerySet:
        return self.filter(published=True).select_related("provider")

    def current(self) -> CertificationQuerySet:
        """Certifications a person can still sit: active or retiring."""
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
        """Everything the compare table shows: domains, required skills and successors."""
        return self.with_successors().prefetch_related(
            "domains",
            Prefetch("required_skills", queryset=RequiredSkill.objects.select_related("skill")),
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
        null=True, blank=True, help_text="The retirement date, past or announced."
    )
    focus = models.CharField(max_length=20, choices=Focus.choices)
    exam_format = models.CharField(max_length=20, choices=ExamFormat.choices)
    # Unknown figures stay empty and are shown as "not published"; they are never guessed.
    cost_usd = models.PositiveIntegerField("cost (US$)", null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    question_count = models.CharField("number of questions", max_length=40, blank=True)
    passing_score = models.CharField(max_length=60, blank=True)
    languages = models.CharField(max_length=300, blank=True)
    delivery = models.CharField(max_length=300, blank=True)
    validity_months = models.PositiveSmallIntegerField(null=True, blank=True)
    renewal = models.TextField("renewal rule", blank=True)
    recommended_years = models.PositiveSmallIntegerField(
        "recommended years of experience", null=True, blank=True
    )
    recommended_experience = models.TextField(blank=True)
    prerequisites = models.TextField(blank=True)
    summary = models.TextField()
    exam_guide_url = HttpURLField("official exam guide", blank=True)
    source_url = HttpURLField("source of the facts")
    checked_on = models.DateField("facts checked on")
    needs_review = models.JSONField(
        default=list, blank=True, help_text="Fields whose figures could not be confirmed."
    )
    published = models.BooleanField(default=True)
    successors = models.ManyToManyField(
        "self", through="Succession", symmetrical=False, related_name="predecessors"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="active") | models.Q(status_date__isnull=False),
                name="retiring_or_retired_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.exam_code})" if self.exam_code else self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:certification-detail", args=[self.slug])

    def clean(self) -> None:
        if self.status != Status.ACTIVE and self.status_date is None:
            verb = "retired" if self.status == Status.RETIRED else "retires"
            raise ValidationError({"status_date": f"Give the date this certification {verb} on."})

    @property
    def is_current(self) -> bool:
        return self.status != Status.RETIRED

    def is_stale(self, today: date | None = None) -> bool:
        return self.checked_on < (today or timezone.localdate()) - STALE_AFTER


class Succession(models.Model):
    predecessor = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(Certification, on_delete=models.CASCADE, related_name="succeeded")
    note = models.CharField(
        "choose this if…", max_length=300, blank=True, help_text="Who should pick this successor."
    )

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

    class Meta:
        ordering = ["order", "id"]

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

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title
