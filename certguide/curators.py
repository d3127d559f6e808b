"""The Curators group: the people who keep the catalog and the question bank true.

They may edit every catalog table and the question bank (questions are retired, never deleted,
so the group cannot delete them), and nothing about people: no users, attempts, plans or
sign-in records.
"""

from __future__ import annotations

GROUP_NAME = "Curators"
# (app label, model) -> the actions allowed; every model of the catalog app is curated.
QUESTION_BANK = {("assessments", "question"): ("add", "change", "view"),
                 ("assessments", "choice"): ("add", "change", "delete", "view")}  # fmt: skip
CATALOG_ACTIONS = ("add", "change", "delete", "view")


def grant_curator_permissions(apps, schema_editor=None) -> None:
    """Create the group if needed and give it exactly the curating permissions. Written for a
    migration (`apps` is the historical registry), so later migrations can call it again when
    the catalog gains a table."""
    from django.contrib.auth.management import create_permissions

    for label in ("catalog", "assessments"):
        config = apps.get_app_config(label)
        # A migration's app configs have no models module, which create_permissions takes to
        # mean "no models": lend it one for the call and put back what was there.
        original = getattr(config, "models_module", None)
        config.models_module = original or True
        try:
            create_permissions(config, verbosity=0, apps=apps)
        finally:
            config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = dict(QUESTION_BANK)
    for model in apps.get_app_config("catalog").get_models():
        wanted[("catalog", model._meta.model_name)] = CATALOG_ACTIONS
    codenames = [
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in wanted.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames
    ]
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(permissions)


def remove_curators(apps, schema_editor=None) -> None:
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()
