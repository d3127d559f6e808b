from __future__ import annotations

from datetime import date

from django import forms

from catalog.models import Certification
from plans.forms import DateInput, clean_exam_date
from plans.schedule import format_date

EARLIEST_EARNED = date(1990, 1, 1)


def _not_in_the_future(value: date, today: date, what: str) -> date:
    if value > today:
        raise forms.ValidationError(f"The {what} cannot be in the future.")
    if value < EARLIEST_EARNED:
        raise forms.ValidationError(f"Give a {what} after {format_date(EARLIEST_EARNED)}.")
    return value


class CredentialForm(forms.Form):
    """A credential held: one from the catalog, or one it does not list (by name)."""

    certification = forms.ModelChoiceField(
        queryset=Certification.objects.none(),
        required=False,
        label="Certification",
        empty_label="Not in the catalog (give its name below)",
    )
    name = forms.CharField(
        label="Name, if the catalog does not list it",
        max_length=200,
        required=False,
        help_text="For example “Kubernetes Application Developer (CKAD)”.",
    )
    issuer = forms.CharField(label="Issued by (optional)", max_length=200, required=False)
    earned_on = forms.DateField(label="Earned on", widget=DateInput())
    renewed_on = forms.DateField(
        label="Last renewed on (optional)", widget=DateInput(), required=False
    )
    expires_on = forms.DateField(
        label="Expires on (only for one the catalog does not list)",
        widget=DateInput(),
        required=False,
        help_text="For a catalog certification the expiry is worked out from its renewal rule.",
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["certification"].queryset = Certification.objects.published().order_by("name")
        for name in ("earned_on", "renewed_on"):
            self.fields[name].widget.attrs["max"] = today.isoformat()

    def clean_earned_on(self) -> date:
        return _not_in_the_future(self.cleaned_data["earned_on"], self.today, "date earned")

    def clean_renewed_on(self) -> date | None:
        value = self.cleaned_data.get("renewed_on")
        return value and _not_in_the_future(value, self.today, "renewal date")

    def clean(self) -> dict:
        data = super().clean()
        certification, name = data.get("certification"), (data.get("name") or "").strip()
        if certification is None and not name:
            self.add_error("certification", "Choose a certification, or give the name of yours.")
        if certification is not None:
            if name:
                self.add_error("name", "Leave the name empty when you choose a certification.")
            if data.get("expires_on"):
                self.add_error(
                    "expires_on",
                    "The expiry of a catalog certification comes from its renewal rule; "
                    "leave this empty.",
                )
        earned, renewed, expires = (data.get(k) for k in ("earned_on", "renewed_on", "expires_on"))
        if earned and renewed and renewed < earned:
            self.add_error("renewed_on", "A renewal comes after the date it was earned.")
        if earned and expires and expires <= earned:
            self.add_error("expires_on", "The expiry comes after the date it was earned.")
        data["name"] = name
        return data


class ExamResultForm(forms.Form):
    """What happened on exam day: passed (with the date) or not (with a retake date)."""

    result = forms.ChoiceField(
        choices=[("passed", "I passed"), ("failed", "I didn't pass")], widget=forms.RadioSelect
    )
    sat_on = forms.DateField(label="Exam taken on", widget=DateInput())
    retake_on = forms.DateField(
        label="Retake on (if you didn't pass)", widget=DateInput(), required=False
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["sat_on"].widget.attrs["max"] = today.isoformat()

    def clean_sat_on(self) -> date:
        return _not_in_the_future(self.cleaned_data["sat_on"], self.today, "exam date")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("result") != "failed":
            data["retake_on"] = None
            return data
        retake = data.get("retake_on")
        if retake is None:
            self.add_error("retake_on", "Choose the day of your retake.")
        else:
            try:
                clean_exam_date(retake, self.today)
            except forms.ValidationError as error:
                self.add_error("retake_on", error)
        return data


class ReminderForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label="Email me a weekly digest", required=False, initial=False
    )
