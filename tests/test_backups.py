"""Backups: a restore drill on the suite's own database engine, and the refusals that keep a
restore from destroying data by accident."""

from __future__ import annotations

import copy
import stat
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import timezone

from assessments.models import Answer, Attempt, Question
from catalog.models import CatalogChange, ChangeKind
from certguide import backups
from conftest import load_curated_content, make_user
from credentials.models import Credential, ExamResult, ReminderPreference
from plans import services as plan_services
from plans.models import Plan
from plans.tests.conftest import finish_assessment, make_plan

pytestmark = pytest.mark.django_db(transaction=True)


def fill_every_table(client) -> None:
    """People, their attempts with answers, plans with ticked items and logged hours, a
    signed-in session, groups and permissions, and an admin history entry, over the curated
    catalog."""
    load_curated_content()
    alice = make_user("alice@example.com")
    curator = make_user("curator@example.com", is_staff=True)
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="view_certification"))
    curator.groups.add(reviewers)
    curator.user_permissions.add(Permission.objects.get(codename="change_certification"))

    finish_assessment(alice, {"python": 4, "linear-algebra": 2}, hours_per_week="10")
    anonymous = Attempt.objects.create()
    question = Question.objects.get(key="context-employer-cloud")
    Answer.objects.create(attempt=anonymous, question=question, choice=question.choices.first())
    plan = make_plan(alice)
    first, second = plan.items.all()[:2]
    plan_services.set_item_state(first, "done", date(2026, 11, 2))
    plan_services.set_item_state(second, "doing", date(2026, 11, 2))
    plan_services.log_time(second, Decimal("1.5"), date(2026, 11, 2))
    plan_services.new_feed_token(plan)
    LogEntry.objects.create(
        user=curator,
        content_type=ContentType.objects.get_for_model(Plan),
        object_id=str(plan.pk),
        object_repr=str(plan),
        action_flag=ADDITION,
    )
    certification = plan.certification
    CatalogChange.objects.create(
        certification=certification,
        certification_name=certification.name,
        kind=ChangeKind.FEE,
        text=f"{certification.name}: the fee changed.",
    )
    # A credential from the catalog and one it lacks, an exam result, and a reminder choice.
    ExamResult.objects.create(plan=plan, sat_on=date(2026, 5, 1), passed=False)
    Credential.objects.create(user=alice, certification=certification, earned_on=date(2025, 3, 1))
    Credential.objects.create(user=alice, name="CKAD", earned_on=date(2024, 1, 2))
    ReminderPreference.objects.create(user=alice, weekly_digest=True)
    client.force_login(alice)


def project_tables() -> set[str]:
    """The tables of Django's own apps and of this project's apps (third-party apps keep
    their own promises), which the drill must find filled."""
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        module = model._meta.app_config.module.__name__
        path = Path(model._meta.app_config.path)
        # The virtualenv may live inside the project; its packages are not the project's.
        local = path.is_relative_to(settings.BASE_DIR) and not path.is_relative_to(sys.prefix)
        if local or module.startswith("django.contrib."):
            tables.add(model._meta.db_table)
    return tables


@pytest.fixture
def fresh_database(tmp_path):
    """A second, empty database on the suite's engine, behind its own connection."""
    settings_dict = copy.deepcopy(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    else:
        settings_dict["NAME"] = f"{connection.settings_dict['NAME']}_restored"
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    fresh = type(connections["default"])(settings_dict, alias="restored")
    # Django looks a connection up by its alias; this one is known for the test's length only.
    connections["restored"] = fresh
    yield fresh
    fresh.close()
    del connections["restored"]
    if connection.vendor != "sqlite":
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{settings_dict["NAME"]}"')


def test_a_backup_restored_into_a_fresh_database_holds_every_row(client, tmp_path, fresh_database):
    fill_every_table(client)
    before = backups.table_digests(connection)
    empty = sorted(table for table in project_tables() if before[table].rows == 0)
    assert not empty, f"the drill puts no rows in {empty}"

    path = backups.backup(connection, tmp_path / "backups")
    restored = backups.restore(path, fresh_database)

    after = backups.table_digests(fresh_database)
    assert after.keys() == before.keys()
    for table, digest in before.items():
        assert after[table] == digest, f"{table} differs after the restore"
    assert restored.tables == len(before)
    assert restored.rows == sum(digest.rows for digest in before.values())
    assert not restored.replaced

    # New rows in the restored database carry on from the old ids instead of colliding.
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(id) FROM auth_user")
        (highest,) = cursor.fetchone()
    with fresh_database.cursor() as cursor:
        cursor.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, "
            "email, is_staff, is_active, date_joined) "
            "VALUES ('!', %s, 'new@example.com', '', '', 'new@example.com', %s, %s, %s) "
            "RETURNING id",
            [False, False, True, timezone.now()],
        )
        (new_id,) = cursor.fetchone()
    assert new_id > highest


def test_restore_refuses_a_database_that_already_has_tables(client, tmp_path):
    fill_every_table(client)
    path = backups.backup(connection, tmp_path)
    make_user("later@example.com")
    before = backups.table_digests(connection)

    with pytest.raises(backups.BackupError, match=r"is not empty .* nothing was changed"):
        backups.restore(path, connection)

    assert backups.table_digests(connection) == before


def test_replace_overwrites_what_the_database_holds_with_the_backup(
    client, tmp_path, fresh_database
):
    make_user("alice@example.com")
    path = backups.backup(connection, tmp_path)
    expected = backups.table_digests(connection)
    backups.restore(path, fresh_database)
    with fresh_database.cursor() as cursor:
        cursor.execute("DELETE FROM auth_user")

    restored = backups.restore(path, fresh_database, replace=True)

    assert restored.replaced
    assert backups.table_digests(fresh_database) == expected


def test_a_backup_is_named_by_its_time_and_readable_by_its_owner_only(tmp_path):
    taken = datetime(2026, 12, 2, 10, 15, 30, tzinfo=UTC)

    first = backups.backup(connection, tmp_path, now=taken)
    second = backups.backup(connection, tmp_path, now=taken)

    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".pgdump"
    assert first.name == f"certguide-20261202T101530Z{suffix}"
    assert second.name == f"certguide-20261202T101530Z-2{suffix}"
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert {path.name for path in tmp_path.iterdir()} == {first.name, second.name}


def test_restore_refuses_a_backup_of_the_other_engine(tmp_path):
    other = tmp_path / "other-engine"
    other.write_bytes(
        (b"PGDMP" if connection.vendor == "sqlite" else b"SQLite format 3\x00") + b"\x00" * 200
    )
    with pytest.raises(backups.BackupError, match="backup but the database is"):
        backups.restore(other, connection, replace=True)


def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    with pytest.raises(backups.BackupError, match="neither a SQLite backup nor a pg_dump"):
        backups.restore(notes, connection, replace=True)
    with pytest.raises(backups.BackupError, match="does not exist"):
        backups.restore(tmp_path / "missing.sqlite3", connection)


def test_restore_of_a_damaged_backup_changes_nothing(client, tmp_path, fresh_database):
    fill_every_table(client)
    good = backups.backup(connection, tmp_path)
    damaged = tmp_path / f"damaged{good.suffix}"
    content = good.read_bytes()
    damaged.write_bytes(content[: len(content) // 2])

    with pytest.raises(backups.BackupError, match="nothing was changed"):
        backups.restore(damaged, fresh_database)

    assert backups.table_digests(fresh_database) == {}


def test_the_commands_say_what_they_did(client, tmp_path, capsys):
    make_user("alice@example.com")

    call_command("backup_database", directory=tmp_path)
    (path,) = tmp_path.iterdir()
    assert f"to {path} (" in capsys.readouterr().out

    with pytest.raises(CommandError, match="pass --replace"):
        call_command("restore_database", str(path))
    call_command("restore_database", str(path), replace=True)
    assert "Replaced the contents of" in capsys.readouterr().out


def test_a_database_without_tables_is_not_backed_up(tmp_path, fresh_database):
    with pytest.raises(backups.BackupError, match="has no tables, so there is nothing to back up"):
        backups.backup(fresh_database, tmp_path / "backups")
    assert not (tmp_path / "backups").exists()
