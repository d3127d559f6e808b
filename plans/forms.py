from __future__ import annotations

from datetime import date, timedelta

from django import forms

from catalog.models import http_url
from plans.models import (
    MAX_HOURS_PER_WEEK,
    MAX_ITEM_HOURS,
    MAX_LOG_HOURS,
    MAX_PAUSE_WEEKS,
    MIN_HOURS_PER_WEEK,
    MIN_ITEM_HOURS,
    ItemState,
    Plan,
)
from plans.schedule import format_date
from plans.services import latest_target_date


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def clean_exam_date(value: date, today: date) -> date:
    if value <= today:
        raise forms.ValidationError("Choose an exam date in the future.")
    latest = latest_target_date(today)
    if value > latest:
        raise forms.ValidationError(
            f"Choose an exam date within about three years (by {format_date(latest)})."
        )
    return value


class PlanForm(forms.Form):
    target_date = forms.DateField(
        label="Target exam date",
        widget=DateInput(),
        help_text="The day you plan to sit the exam.",
    )
    hours_per_week = forms.IntegerField(
        label="Hours you can study each week",
        min_value=MIN_HOURS_PER_WEEK,
        max_value=MAX_HOURS_PER_WEEK,
        help_text=f"Between {MIN_HOURS_PER_WEEK} and {MAX_HOURS_PER_WEEK}.",
    )
    confirm_duplicate = forms.BooleanField(
        label="Create another plan anyway", required=False, initial=False
    )

    def __init__(self, *args, today: date, duplicate_of: Plan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.duplicate_of = duplicate_of
        self.fields["target_date"].widget.attrs.update(
            min=(today + timedelta(days=1)).isoformat(),
            max=latest_target_date(today).isoformat(),
        )
        if duplicate_of is None:
            del self.fields["confirm_duplicate"]

    def clean_target_date(self) -> date:
        return clean_exam_date(self.cleaned_data["target_date"], self.today)

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.duplicate_of is not None and not cleaned.get("confirm_duplicate"):
            self.add_error(
                "confirm_duplicate",
                f"You already have a plan for {self.duplicate_of.certification.name}. "
                "Tick the box to create another plan anyway.",
            )
        return cleaned


class ItemForm(forms.Form):
    title = forms.CharField(max_length=200)
    hours = forms.IntegerField(
        min_value=MIN_ITEM_HOURS,
        max_value=MAX_ITEM_HOURS,
        help_text=f"Your estimate, {MIN_ITEM_HOURS} to {MAX_ITEM_HOURS} hours.",
    )
    url = forms.URLField(
        label="Link",
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[http_url],
        help_text="Optional: an http:// or https:// address.",
    )
    notes = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Private: only you see them.",
    )


class StateForm(forms.Form):
    state = forms.ChoiceField(
        choices=ItemState.choices,
        error_messages={"invalid_choice": "“%(value)s” is not a state an item can have."},
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[("up", "Up"), ("down", "Down")],
        error_messages={"invalid_choice": "Move an item up or down."},
    )


class PauseForm(forms.Form):
    weeks = forms.IntegerField(
        label="Weeks off",
        required=False,
        min_value=1,
        max_value=MAX_PAUSE_WEEKS,
        help_text="Leave empty to pause until you resume.",
    )


class ReplanForm(forms.Form):
    target_date = forms.DateField(label="Exam date", required=False, widget=DateInput())
    hours_per_week = forms.IntegerField(
        label="Hours a week",
        required=False,
        min_value=MIN_HOURS_PER_WEEK,
        max_value=MAX_HOURS_PER_WEEK,
    )
    # Set by the preview's button: without it a re-plan only shows what it would change.
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_target_date(self) -> date | None:
        value = self.cleaned_data["target_date"]
        return None if value is None else clean_exam_date(value, self.today)


class FeedForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("new", "Make a new address"), ("off", "Turn the feed off")],
        error_messages={
            "required": "Choose to make a new feed address or to turn the feed off.",
            "invalid_choice": "Choose to make a new feed address or to turn the feed off.",
        },
    )


LOG_HOURS_HELP = (
    f"Up to {MAX_LOG_HOURS} hours at a time, to one decimal place, such as 1.5; "
    "a negative number takes back hours logged today by mistake."
)


class LogForm(forms.Form):
    hours = forms.DecimalField(
        label="Hours today",
        min_value=-MAX_LOG_HOURS,
        max_value=MAX_LOG_HOURS,
        max_digits=3,
        decimal_places=1,
        help_text=LOG_HOURS_HELP,
        error_messages={
            "required": "Enter the hours you spent, such as 1.5.",
            "invalid": "Enter the hours as a number, such as 1.5.",
            "min_value": f"Take back at most {MAX_LOG_HOURS} hours at a time.",
            "max_value": f"Log at most {MAX_LOG_HOURS} hours at a time.",
            "max_digits": f"Log at most {MAX_LOG_HOURS} hours at a time.",
            "max_whole_digits": f"Log at most {MAX_LOG_HOURS} hours at a time.",
            "max_decimal_places": "Use at most one decimal place, such as 1.5.",
        },
    )

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours == 0:
            raise forms.ValidationError("Enter the hours you spent, such as 1.5.")
        return hours
