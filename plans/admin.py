from __future__ import annotations

from django.contrib import admin

from plans.models import Plan, PlanItem


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    # Notes are the person's own and private: staff never see them.
    fields = ["order", "kind", "title", "hours", "state", "url", "skill"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["certification", "user", "target_date", "hours_per_week", "archived_at"]
    list_filter = ["archived_at", "certification__provider"]
    list_select_related = ["certification", "user"]
    search_fields = ["user__email", "certification__name"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PlanItemInline]
