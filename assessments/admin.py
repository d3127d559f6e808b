from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet

from assessments.models import Choice, Question, QuestionKind
from assessments.sync import check_correct_choices, ensure_dont_know_choice


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

    def get_queryset(self, request):
        # "I don't know" belongs to the site, not to the curator: it is added on save.
        return super().get_queryset(request).filter(is_dont_know=False)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = [
        "key",
        "kind",
        "skill",
        "level",
        "difficulty",
        "answered",
        "right",
        "dont_know",
        "calibrated",
        "misfit",
        "order",
        "is_active",
    ]
    list_editable = ["order"]
    list_filter = ["kind", "is_active", "skill", "level"]
    list_select_related = ["skill"]
    search_fields = ["key", "text"]
    inlines = [ChoiceInline]
    actions = ["retire", "restore"]
    fields = [
        "key",
        "kind",
        ("skill", "level"),
        ("difficulty", "discrimination"),
        "context_field",
        "order",
        "text",
        "help",
        "explanation",
        "is_active",
    ]

    readonly_fields = ["statistics"]

    def get_fields(self, request, obj=None):
        return [*self.fields, "statistics"] if obj is not None else self.fields

    def get_queryset(self, request):
        answers = "answers"
        return (
            super()
            .get_queryset(request)
            .annotate(
                answer_count=Count(answers),
                right_count=Count(answers, filter=Q(answers__is_correct=True)),
                dont_know_count=Count(answers, filter=Q(answers__choice__is_dont_know=True)),
            )
        )

    @admin.display(description="Answers", ordering="answer_count")
    def answered(self, question) -> int:
        return question.answer_count

    @admin.display(description="Right")
    def right(self, question) -> str:
        return _share(question.right_count, question.answer_count)

    @admin.display(description="I don't know")
    def dont_know(self, question) -> str:
        return _share(question.dont_know_count, question.answer_count)

    @admin.display(description="Calibrated b / a")
    def calibrated(self, question) -> str:
        if not question.is_calibrated:
            return "—"
        return f"{question.calibrated_difficulty:.2f} / {question.calibrated_discrimination:.2f}"

    @admin.display(description="Statistics")
    def statistics(self, question) -> str:
        if not question.is_knowledge_check:
            return "Only knowledge checks have statistics."
        answers = question.answer_count
        text = (
            f"{answers} answers: {_share(question.right_count, answers)} right, "
            f"{_share(question.dont_know_count, answers)} “I don't know”. "
        )
        if question.is_calibrated:
            when = f" on {question.calibrated_at:%Y-%m-%d}" if question.calibrated_at else ""
            text += (
                f"Calibrated from {question.calibration_responses} answers{when}: difficulty "
                f"{question.calibrated_difficulty:.2f}, discrimination "
                f"{question.calibrated_discrimination:.2f}. "
            )
        else:
            text += "Not calibrated yet: the assessment uses the expert-set difficulty. "
        if question.misfit:
            text += f"Misfit: {question.misfit}"
        return text

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        ensure_dont_know_choice(form.instance)

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


def _share(part: int, whole: int) -> str:
    return f"{round(part * 100 / whole)}%" if whole else "—"
