from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

# Every app with migrations, read from disk, so a new app is covered without editing this file.
MIGRATED_APPS = sorted(MigrationLoader(None, ignore_no_migrations=True).migrated_apps)
# Third-party apps whose own migrations cannot be reversed; they still must migrate forward.
IRREVERSIBLE = {
    # django-tasks-db 0.13: 0013_separate_exception_fields is a RunPython with no reverse.
    "django_tasks_database",
}


def test_models_and_migrations_agree(db):
    output = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=output)


def applied_migrations(app_label: str) -> set[str]:
    loader = MigrationLoader(connection)
    return {name for app, name in loader.applied_migrations if app == app_label}


def app_tables(app_label: str) -> set[str]:
    models = apps.get_app_config(app_label).get_models(include_auto_created=True)
    return {model._meta.db_table for model in models}


@pytest.mark.parametrize("app_label", sorted(set(MIGRATED_APPS) - IRREVERSIBLE))
@pytest.mark.django_db(transaction=True)
def test_every_app_migrates_to_zero_and_forward_again(app_label):
    tables = app_tables(app_label)
    all_applied = applied_migrations(app_label)
    assert all_applied and tables <= set(connection.introspection.table_names())
    try:
        call_command("migrate", app_label, "zero", verbosity=0)

        assert applied_migrations(app_label) == set()
        assert not tables & set(connection.introspection.table_names())
    finally:
        call_command("migrate", verbosity=0)

    assert applied_migrations(app_label) == all_applied
    assert tables <= set(connection.introspection.table_names())
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
