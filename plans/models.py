from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from catalog.models import Certification, HttpURLField, Skill

MIN_HOURS_PER_WEEK = 1
MAX_HOURS_PER_WEEK = 60
MIN_ITEM_HOURS = 1
MAX_ITEM_HOURS = 200
# A single break lasts at most half a year, and all of a plan's breaks together at most a year:
# beyond that the exam date and the plan no longer mean anything, and re-planning is the honest
# answer.
MAX_PAUSE_WEEKS = 26
MAX_TOTAL_PAUSE_WEEKS = 52
# Logged time: one log adds (or, negative, takes back) at most 12 hours, in tenths of an hour,
# and the hours logged on one day, all of a person's items together, stay at most 24.
MAX_LOG_HOURS = Decimal(12)
MAX_DAY_HOURS = Decimal(24)


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
    pause_ends_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day a break of a chosen length ends; empty for a break until resumed.",
    )
    replanned_on = models.DateField(
        null=True, blank=True, help_text="The last re-plan: work done before it is behind week 1."
    )
    assessed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the assessment whose gaps the plan holds was finished.",
    )
    based_on_assessment = models.BooleanField(
        default=False, help_text="Built with the person's self-assessment, so gaps come first."
    )
    # The secret in the address of the plan's calendar feed; empty until the person asks for
    # one. Unique (and so indexed): the feed is found by it alone, without a session.
    feed_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
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
            models.CheckConstraint(
                condition=models.Q(paused_weeks__lte=MAX_TOTAL_PAUSE_WEEKS),
                name="plan_paused_weeks_at_most_52",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certification.name} by {self.target_date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("plans:plan-detail", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def is_paused_on(self, today: date) -> bool:
        """On a break: one until resumed, or one of a chosen length that has not ended yet."""
        if self.paused_on is None:
            return False
        return self.pause_ends_on is None or today < self.pause_ends_on

    def paused_weeks_on(self, today: date) -> int:
        """Weeks of holiday so far, counting the whole weeks of a break until resumed that is
        still running (a break of a chosen length is counted in full when it is taken)."""
        if self.paused_on is None or self.pause_ends_on is not None:
            return self.paused_weeks
        running = max(0, (today - self.paused_on).days // 7)
        return min(MAX_TOTAL_PAUSE_WEEKS, self.paused_weeks + running)


class ItemKind(models.TextChoices):
    GAP = "gap", "Skill gap"
    DOMAIN = "domain", "Exam domain"
    PROJECT = "project", "Practice project"
    RESOURCE = "resource", "Resource"
    DIAGNOSTIC = "diagnostic", "Diagnostic test"
    REVIEW = "review", "Final review"
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
    done_on = models.DateField(null=True, blank=True, help_text="The day it was marked done.")
    # What in the catalog the item was made from ("domain:<name>", "resource:<address>"), so a
    # curator's change to the exam can be told apart from the person's own edits.
    source = models.CharField(max_length=600, blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    skill = models.ForeignKey(
        Skill, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_items"
    )
    hours_spent = models.DecimalField(
        max_digits=7,
        decimal_places=1,
        default=Decimal(0),
        help_text="The hours logged on it, every day together (the sum of its study logs).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_spent__gte=0), name="plan_item_hours_spent_not_negative"
            ),
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


class StudyLog(models.Model):
    """The hours a person logged on an item on one day; a day with none has no row."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="logs")
    day = models.DateField()
    hours = models.DecimalField(max_digits=3, decimal_places=1)

    class Meta:
        ordering = ["day", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "day"], name="study_log_one_per_item_and_day"),
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=MAX_DAY_HOURS),
                name="study_log_hours_0_to_24",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hours} h on {self.day:%Y-%m-%d}"
