from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.http import urlencode

from catalog.models import Focus, Level, Provider, Status
from catalog.queries import SORT_CHOICES

MAX_SEARCH_LENGTH = 100
MAX_COST_LIMIT = 100_000

IGNORED = {
    "q": "Ignored a search that could not be used.",
    "provider": "Ignored an unknown provider.",
    "level": "Ignored an unknown level.",
    "focus": "Ignored an unknown focus.",
    "status": "Ignored an unknown status.",
    "max_cost": "Ignored a maximum cost that is not a whole number of US dollars.",
    "sort": "Ignored an unknown sort order.",
}


class CatalogFilterForm(forms.Form):
    """The catalog's filters, read from the query string.

    Lenient by design: the filters live in URLs that people bookmark, share and edit, so a value
    that does not validate is dropped with a note in `notes` (and the control shows its default)
    instead of turning the page into an error. The form is therefore always valid.
    """

    q = forms.CharField(
        label="Search",
        required=False,
        help_text="Words from the name, exam code, summary or exam topics.",
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": MAX_SEARCH_LENGTH, "autocomplete": "off"}
        ),
    )
    provider = forms.ChoiceField(label="Provider", required=False)
    level = forms.ChoiceField(
        label="Level", required=False, choices=[("", "Any level"), *Level.choices]
    )
    focus = forms.ChoiceField(
        label="Focus", required=False, choices=[("", "Any focus"), *Focus.choices]
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Active, beta or retiring"), *Status.choices],
    )
    include_retired = forms.BooleanField(label="Include retired certifications", required=False)
    # Adjacent credentials are shown by default: they can be sat, and people weighing an ML
    # certification weigh them too; they are labelled on each card and one tick hides them.
    hide_adjacent = forms.BooleanField(
        label="Leave out adjacent credentials (governance, security, business)", required=False
    )
    max_cost = forms.IntegerField(
        label="Maximum cost (US$)",
        required=False,
        min_value=0,
        max_value=MAX_COST_LIMIT,
        help_text="Certifications whose cost is not published are left out.",
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORT_CHOICES)

    def __init__(self, data: QueryDict) -> None:
        data = data.copy()
        self.notes: list[str] = []
        if len(data.get("q", "")) > MAX_SEARCH_LENGTH:
            data["q"] = data["q"][:MAX_SEARCH_LENGTH]
            self.notes.append(
                f"Your search was shortened to its first {MAX_SEARCH_LENGTH} characters."
            )
        super().__init__(data)
        providers = Provider.objects.filter(certifications__published=True).distinct()
        self.fields["provider"].choices = [
            ("", "Any provider"),
            *providers.values_list("slug", "name"),
        ]

    def add_error(self, field: str | None, error) -> None:
        if field not in IGNORED:
            super().add_error(field, error)
            return
        self.notes.append(IGNORED[field])
        self.data.pop(field, None)
        self.cleaned_data.pop(field, None)

    @property
    def filters(self) -> dict:
        """The cleaned filters, ready for `filter_catalog(**form.filters)`."""
        self.is_valid()
        return self.cleaned_data

    def active_filters(self) -> list[tuple[str, str]]:
        """(description, query string without that filter) for each filter in use."""
        chosen = {
            name: value
            for name, value in self.filters.items()
            if value not in ("", None, False) and name != "sort"
        }
        active = []
        for name, value in chosen.items():
            field = self.fields[name]
            if name == "include_retired":
                description = "Including retired certifications"
            elif name == "hide_adjacent":
                description = "Leaving out adjacent credentials"
            elif name == "max_cost":
                description = f"Maximum cost: US${value}"
            else:
                shown = dict(getattr(field, "choices", ())).get(value, value)
                description = f"{field.label}: {shown}"
            rest = {key: other for key, other in chosen.items() if key != name}
            if self.filters.get("sort"):
                rest["sort"] = self.filters["sort"]
            active.append((description, urlencode({k: _as_param(v) for k, v in rest.items()})))
        return active


def _as_param(value: object) -> str:
    return "on" if value is True else str(value)
