from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone

from catalog import changes
from catalog.facts import WEIGHT_TOLERANCE
from catalog.models import (
    STALE_AFTER,
    CatalogChange,
    Certification,
    ExamDomain,
    FactSource,
    Provider,
    RequiredSkill,
    Resource,
    Skill,
    Succession,
)


class ExamDomainFormSet(BaseInlineFormSet):
    """Published weights must account for the whole exam: 100% give or take rounding."""

    def clean(self) -> None:
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            return
        exact = [row["weight"] for row in kept if row.get("weight") is not None]
        ranged = [row for row in kept if row.get("weight_min") is not None]
        if len(exact) == len(kept):
            total = sum(exact)
            if abs(total - 100) > WEIGHT_TOLERANCE:
                raise ValidationError(
                    f"The domain weights add up to {total}%; they must add up to 100% (±1)."
                )
        elif exact or ranged:
            low = sum(exact) + sum(row["weight_min"] for row in ranged)
            high = sum(exact) + sum(row["weight_max"] for row in ranged)
            if len(exact) + len(ranged) == len(kept) and not (
                low - WEIGHT_TOLERANCE <= 100 <= high + WEIGHT_TOLERANCE
            ):
                raise ValidationError(
                    f"The domain weights span {low}–{high}%, which cannot make up 100% (±1)."
                )


class ExamDomainInline(admin.StackedInline):
    model = ExamDomain
    formset = ExamDomainFormSet
    extra = 0
    fields = [("name", "order"), ("weight", "weight_min", "weight_max"), "topics", "skills"]
    filter_horizontal = ["skills"]


class RequiredSkillInline(admin.TabularInline):
    model = RequiredSkill
    extra = 0
    autocomplete_fields = ["skill"]


class ResourceInline(admin.TabularInline):
    model = Resource
    extra = 0
    fields = ["title", "url", "kind", "free", "order"]


class FactSourceInline(admin.TabularInline):
    model = FactSource
    extra = 0
    fields = ["fields", "url", "kind", "checked_on", "note", "order"]
    verbose_name_plural = "sources of particular facts (where they differ from the main source)"


class SuccessionInline(admin.TabularInline):
    model = Succession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor"]
    verbose_name = "successor"
    verbose_name_plural = "successors (for a retiring or retired certification)"


class StaleFilter(admin.SimpleListFilter):
    title = "freshness"
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        return [
            ("stale", f"Stale (not checked for {STALE_AFTER.days} days)"),
            ("fresh", "Checked recently"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.exclude(pk__in=queryset.stale().values("pk"))
        return queryset


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "exam_code",
        "provider",
        "level",
        "status",
        "status_date",
        "checked_on",
        "is_stale_display",
        "published",
    ]
    list_filter = ["status", "provider", "level", "focus", "source_kind", StaleFilter, "published"]
    list_select_related = ["provider"]
    search_fields = ["name", "exam_code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [
        SuccessionInline,
        ExamDomainInline,
        RequiredSkillInline,
        ResourceInline,
        FactSourceInline,
    ]
    actions = ["mark_checked_today"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "provider", "exam_code", "published"]}),
        ("Status", {"fields": ["status", "status_date"]}),
        (
            "Exam facts",
            {
                "fields": [
                    ("level", "focus", "exam_format"),
                    ("cost_usd", "duration_minutes"),
                    "cost_note",
                    ("question_count", "passing_score"),
                    "languages",
                    "delivery",
                    "recommended_years",
                    "recommended_experience",
                    "prerequisites",
                    "summary",
                ]
            },
        ),
        (
            "Validity and renewal",
            {
                "fields": [
                    ("validity_months", "renewal_kind"),
                    ("renewal_window_days", "renewal_grace_days"),
                    ("renewal_cost_usd", "renewal_effort_hours"),
                    ("renewal_extends_months", "renewal_credits"),
                    "renewal_note",
                    "renewal_source_url",
                ]
            },
        ),
        (
            "Sources",
            {
                "fields": [
                    "exam_guide_url",
                    ("source_url", "source_kind"),
                    "checked_on",
                    "needs_review",
                ]
            },
        ),
    ]

    def save_model(self, request, obj: Certification, form, change: bool) -> None:
        """Save, and note on the public changes page what a reader would want to know."""
        before = None
        if change:
            saved = Certification.objects.get(pk=obj.pk)
            before = changes.facts_of_certification(saved)
        super().save_model(request, obj, form, change)
        changes.record(obj, changes.describe(before, changes.facts_of_certification(obj)))

    @admin.display(boolean=True, description="stale")
    def is_stale_display(self, obj: Certification) -> bool:
        return obj.is_stale()

    @admin.action(description="Mark checked today")
    def mark_checked_today(self, request, queryset):
        today = timezone.localdate()
        for certification in queryset:
            certification.checked_on = today
            certification.save(update_fields=["checked_on", "updated_at"])
            self.log_change(request, certification, [{"changed": {"fields": ["checked_on"]}}])
        self.message_user(
            request, f"Marked {len(queryset)} certification(s) as checked today.", messages.SUCCESS
        )


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "platform", "website"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CatalogChange)
class CatalogChangeAdmin(admin.ModelAdmin):
    """Entries of the public changes page: correct or remove one that reads wrong."""

    list_display = ["recorded_on", "kind", "text"]
    list_filter = ["kind"]
    search_fields = ["text", "certification_name"]
    fields = ["recorded_on", "kind", "certification", "certification_name", "text"]
    autocomplete_fields = ["certification"]
