from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from assessments.models import Choice, Question, QuestionKind
from assessments.sync import check_correct_choices


class ChoiceFormSet(BaseInlineFormSet):
    """A knowledge check has exactly one correct choice; other questions have none."""

    def clean(self) -> None:
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if len(kept) < 2:
            raise ValidationError("A question needs at least two choices.")
        kind = self.instance.kind
        correct = sum(1 for row in kept if row.get("is_correct"))
        check_correct_choices(kind, correct)
        if kind == QuestionKind.SELF_RATING and len(kept) != 5:
            raise ValidationError(
                "A self-rating has five choices, one for each point of the scale."
            )


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 0
    fields = ["order", "label", "value", "is_correct"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "skill", "difficulty", "order", "is_active"]
    list_editable = ["order"]
    list_filter = ["kind", "is_active", "skill", "difficulty"]
    list_select_related = ["skill"]
    search_fields = ["key", "text"]
    inlines = [ChoiceInline]
    actions = ["retire", "restore"]
    fields = [
        "key",
        "kind",
        ("skill", "difficulty"),
        "context_field",
        "order",
        "text",
        "help",
        "explanation",
        "is_active",
    ]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Answers point at questions; a question leaves the quiz by being retired instead.
        return False

    @admin.action(description="Retire (leave the quiz, keep past answers)")
    def retire(self, request, queryset):
        changed = queryset.update(is_active=False)
        self.message_user(request, f"Retired {changed} question(s); past attempts keep them.")

    @admin.action(description="Bring back into the quiz")
    def restore(self, request, queryset):
        changed = queryset.update(is_active=True)
        self.message_user(request, f"{changed} question(s) are back in the quiz.")
