from __future__ import annotations

from django.contrib import admin

from credentials.models import Credential, ExamResult, ReminderPreference


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "earned_on", "renewed_on"]
    list_select_related = ["certification", "user"]
    search_fields = ["user__email", "certification__name", "name"]
    raw_id_fields = ["user", "plan"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(ExamResult)
class ExamResultAdmin(admin.ModelAdmin):
    list_display = ["plan", "sat_on", "passed", "retake_on"]
    list_select_related = ["plan__certification"]
    raw_id_fields = ["plan"]


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "weekly_digest", "last_digest_on"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
