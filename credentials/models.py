"""The credentials a person holds, the exam results recorded on their plans, and their choice of
reminders. Expiry and renewal windows are computed from the catalog (`credentials.renewals`),
never stored, so a curator's correction of a rule reaches every holder at once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from catalog.models import Certification, Succession
from credentials import renewals
from plans.models import Plan


class CredentialQuerySet(models.QuerySet):
    def for_user(self, user) -> CredentialQuerySet:
        return self.filter(user=user)

    def with_certification(self) -> CredentialQuerySet:
        """The certification with its provider, and its published successors with theirs:
        everything the list and the digest read, in two queries."""
        return self.select_related("certification__provider").prefetch_related(
            models.Prefetch(
                "certification__successions",
                queryset=Succession.objects.filter(successor__published=True).select_related(
                    "successor__provider"
                ),
            )
        )


class Credential(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credentials"
    )
    # PROTECT, as for plans: a certification someone holds is retired, never deleted.
    certification = models.ForeignKey(
        Certification,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credentials",
        help_text="Empty for a credential the catalog does not list.",
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="The credential's name when the catalog lacks it."
    )
    issuer = models.CharField(max_length=200, blank=True)
    earned_on = models.DateField("earned on")
    renewed_on = models.DateField("last renewed on", null=True, blank=True)
    expires_on = models.DateField(
        "expires on",
        null=True,
        blank=True,
        help_text="Only for a credential the catalog does not list: its expiry, if it has one.",
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="credentials"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["earned_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(certification__isnull=False, name="", expires_on__isnull=True)
                    | (models.Q(certification__isnull=True) & ~models.Q(name=""))
                ),
                name="credential_from_catalog_or_named",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('credentials:credential-list')}#credential-{self.pk}"

    @property
    def title(self) -> str:
        return self.certification.name if self.certification_id else self.name

    @property
    def held(self) -> renewals.Held:
        return renewals.Held(
            earned_on=self.earned_on,
            rule=self.certification.renewal_rule if self.certification_id else None,
            renewed_on=self.renewed_on,
            expires_on=self.expires_on,
        )

    def standing(self, today) -> renewals.Standing:
        return renewals.standing(self.held, today)


class ExamResult(models.Model):
    """What happened on exam day for a plan: passed (the plan became a credential) or not (the
    plan aims at the retake date, its progress kept)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="exam_results")
    sat_on = models.DateField("exam taken on")
    passed = models.BooleanField()
    retake_on = models.DateField("retake on", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sat_on", "id"]

    def __str__(self) -> str:
        return f"{'Passed' if self.passed else 'Not passed'} on {self.sat_on:%Y-%m-%d}"


class ReminderPreference(models.Model):
    """Whether a person wants the weekly digest (off unless they ask), and when it last went."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    weekly_digest = models.BooleanField(default=False)
    last_digest_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Weekly digest {'on' if self.weekly_digest else 'off'}"
