from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from catalog.models import Certification, HttpURLField, Skill

MIN_HOURS_PER_WEEK = 1
MAX_HOURS_PER_WEEK = 60
MIN_ITEM_HOURS = 1
MAX_ITEM_HOURS = 200


class PlanQuerySet(models.QuerySet):
    def for_user(self, user) -> PlanQuerySet:
        return self.filter(user=user)

    def active(self) -> PlanQuerySet:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> PlanQuerySet:
        return self.filter(archived_at__isnull=False)

    def with_certification(self) -> PlanQuerySet:
        return self.select_related("certification__provider")


class Plan(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans"
    )
    # PROTECT: a plan is someone's work; a certification with plans is retired, never deleted.
    certification = models.ForeignKey(Certification, on_delete=models.PROTECT, related_name="plans")
    target_date = models.DateField("exam date")
    hours_per_week = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_HOURS_PER_WEEK), MaxValueValidator(MAX_HOURS_PER_WEEK)]
    )
    start_date = models.DateField(help_text="Week 1 starts on this day.")
    paused_weeks = models.PositiveSmallIntegerField(
        default=0, help_text="Whole weeks of holiday taken so far; later weeks move by as many."
    )
    pause_after_week = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The study week after which the last pause began."
    )
    paused_on = models.DateField(
        null=True, blank=True, help_text="Set while the plan is paused (holiday mode)."
    )
    based_on_assessment = models.BooleanField(
        default=False, help_text="Built with the person's self-assessment, so gaps come first."
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["target_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    hours_per_week__gte=MIN_HOURS_PER_WEEK, hours_per_week__lte=MAX_HOURS_PER_WEEK
                ),
                name="plan_hours_per_week_1_to_60",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certification.name} by {self.target_date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("plans:plan-detail", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def is_paused(self) -> bool:
        return self.paused_on is not None

    def paused_weeks_on(self, today: date) -> int:
        """Weeks of holiday so far, counting the whole weeks of a pause still running."""
        running = (today - self.paused_on).days // 7 if self.paused_on else 0
        return self.paused_weeks + max(0, running)


class ItemKind(models.TextChoices):
    GAP = "gap", "Skill gap"
    DOMAIN = "domain", "Exam domain"
    PROJECT = "project", "Practice project"
    RESOURCE = "resource", "Resource"
    EXAM = "exam", "Exam"
    CUSTOM = "custom", "Your own item"


class ItemState(models.TextChoices):
    TODO = "todo", "Not started"
    DOING = "doing", "In progress"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class PlanItem(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True, help_text="What to do, from the generated plan.")
    notes = models.TextField(blank=True, help_text="The person's own notes; private.")
    url = HttpURLField("link", max_length=500, blank=True)
    hours = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_ITEM_HOURS), MaxValueValidator(MAX_ITEM_HOURS)]
    )
    state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.TODO)
    order = models.PositiveIntegerField(default=0)
    skill = models.ForeignKey(
        Skill, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_items"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gte=MIN_ITEM_HOURS, hours__lte=MAX_ITEM_HOURS),
                name="plan_item_hours_1_to_200",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=ItemState.values), name="plan_item_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ItemKind.values), name="plan_item_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def anchor(self) -> str:
        return f"item-{self.pk}"

    @property
    def key(self) -> str:
        return str(self.pk)
