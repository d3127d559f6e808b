from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from catalog.models import Skill, SkillGroup
from certguide.lib.curated import CuratedQuerySet


class QuestionKind(models.TextChoices):
    CONTEXT = "context", "Context"
    SELF_RATING = "self_rating", "Self-rating"
    KNOWLEDGE = "knowledge", "Knowledge check"


class ContextField(models.TextChoices):
    CLOUD = "cloud", "Employer's cloud"
    ML_YEARS = "ml_years", "Years of ML or data work"
    DEVELOPER_YEARS = "developer_years", "Years as a developer"
    # Kept for answers given before the question was retired; nothing reads it any more.
    CLOUD_YEARS = "cloud_years", "Years on a cloud platform"
    PREFERENCE = "preference", "Preferred kind of work"
    HOURS_PER_WEEK = "hours_per_week", "Hours per week"
    GOAL = "goal", "Goal"


CONTEXT_SECTION = "context"
EXPERIENCE_SECTION = "experience"
CHECKS_SECTION = "checks"
SECTIONS: dict[str, str] = {
    CONTEXT_SECTION: "About you",
    EXPERIENCE_SECTION: "Your experience",
    CHECKS_SECTION: "Knowledge checks",
}
SECTION_FOR_KIND = {
    "context": CONTEXT_SECTION,
    "self_rating": EXPERIENCE_SECTION,
    "knowledge": CHECKS_SECTION,
}
SKILL_GROUPS = dict(SkillGroup.choices)
DONT_KNOW_LABEL = "I don't know"


class QuestionQuerySet(CuratedQuerySet):
    def active(self) -> QuestionQuerySet:
        return self.filter(is_active=True)

    def with_choices(self) -> QuestionQuerySet:
        return self.select_related("skill").prefetch_related("choices")


class Question(models.Model):
    key = models.SlugField(unique=True, max_length=80)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    context_field = models.CharField(max_length=20, choices=ContextField.choices, blank=True)
    skill = models.ForeignKey(
        Skill, on_delete=models.PROTECT, null=True, blank=True, related_name="questions"
    )
    level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(5)],
        help_text="Knowledge checks only: the level (2-5) the check was written for.",
    )
    difficulty = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5.5)],
        help_text=(
            "Knowledge checks only, set by an expert: the level (1-5.5) at which a person "
            "answers correctly half the time."
        ),
    )
    discrimination = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0.1), MaxValueValidator(6)],
        help_text="Knowledge checks only: how sharply the check separates levels; "
        "empty means the bank's default.",
    )
    # Written by `manage.py calibrate_items` from real answers; never by the data file.
    calibrated_difficulty = models.FloatField(null=True, blank=True, editable=False)
    calibrated_discrimination = models.FloatField(null=True, blank=True, editable=False)
    calibration_responses = models.PositiveIntegerField(default=0, editable=False)
    calibrated_at = models.DateTimeField(null=True, blank=True, editable=False)
    misfit = models.CharField(max_length=300, blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    text = models.TextField()
    help = models.CharField(max_length=300, blank=True)
    explanation = models.TextField(blank=True, help_text="Shown with the results.")
    is_active = models.BooleanField(
        default=True, help_text="Retired questions leave the quiz; past answers stay intact."
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.key

    @property
    def section(self) -> str:
        return SECTION_FOR_KIND[self.kind]

    @property
    def is_knowledge_check(self) -> bool:
        return self.kind == QuestionKind.KNOWLEDGE

    @property
    def is_calibrated(self) -> bool:
        return self.calibrated_difficulty is not None


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(max_length=400)
    value = models.CharField(max_length=40, blank=True)
    is_correct = models.BooleanField(default=False)
    # Every knowledge check ends with "I don't know": the honest answer, scored as not known.
    is_dont_know = models.BooleanField(default=False, editable=False)
    order = models.PositiveSmallIntegerField(default=0)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label


def new_choice_seed() -> int:
    return secrets.randbits(31)


class AttemptQuerySet(models.QuerySet):
    def for_user(self, user) -> AttemptQuerySet:
        return self.filter(user=user)

    def finished(self) -> AttemptQuerySet:
        return self.filter(finished_at__isnull=False)


class Attempt(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attempts",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Orders each knowledge check's choices for this attempt: shuffled, but stable on reload.
    choice_seed = models.PositiveIntegerField(default=new_choice_seed, editable=False)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Attempt {self.public_id}"

    def get_absolute_url(self) -> str:
        if self.is_finished:
            return reverse("assessments:results", args=[self.public_id])
        return reverse("assessments:resume", args=[self.public_id])

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, related_name="answers")
    # Kept from the moment of answering, so a later edit of the question bank cannot rescore it.
    is_correct = models.BooleanField(default=False)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.question.key}: {self.choice.label}"

    @property
    def is_dont_know(self) -> bool:
        return self.choice.is_dont_know
