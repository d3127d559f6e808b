"""
Consistent copies of the database and their restoration.

SQLite is copied with its online backup API, which takes a consistent snapshot while the site
keeps serving; PostgreSQL with `pg_dump --format=custom` and loaded back with `pg_restore` in a
single transaction. The management commands `backup_database` and `restore_database` are thin
wrappers over `backup` and `restore`.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

from certguide.lib import curated

SQLITE_SUFFIX = ".sqlite3"
POSTGRES_SUFFIX = ".pgdump"
SQLITE_MAGIC = b"SQLite format 3\x00"
POSTGRES_MAGIC = b"PGDMP"
SUFFIXES = {"sqlite": SQLITE_SUFFIX, "postgresql": POSTGRES_SUFFIX}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class TableDigest:
    rows: int
    sha256: str


@dataclass(frozen=True)
class Restored:
    path: Path
    database: str
    tables: int
    rows: int
    replaced: bool

    def summary(self) -> str:
        action = "Replaced the contents of" if self.replaced else "Restored into"
        return f"{action} {self.database} from {self.path}: {self.tables} tables, {self.rows} rows."


def backup(connection: BaseDatabaseWrapper, directory: Path, now: datetime | None = None) -> Path:
    """Write a consistent copy of the database into `directory` and return its path, named
    after the time it was taken (UTC). The file is readable by its owner only: it holds
    people's data."""
    suffix = _suffix_for(connection)
    with connection.cursor() as cursor:
        if not connection.introspection.table_names(cursor):
            raise BackupError(
                f"{database_name(connection)} has no tables, so there is nothing to back up "
                "(is DATABASE_URL the database you meant?)."
            )
    directory.mkdir(parents=True, exist_ok=True)
    path = _free_path(directory, now or datetime.now(UTC), suffix)
    partial = path.with_name(path.name + ".partial")
    try:
        if connection.vendor == "sqlite":
            _sqlite_backup(connection, partial)
        else:
            _pg_dump(connection, partial)
        partial.chmod(0o600)
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def restore(path: Path, connection: BaseDatabaseWrapper, *, replace: bool = False) -> Restored:
    """Load a backup into the database behind `connection`. A database that already has
    tables is only overwritten when `replace` is true."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    _check_backup_matches(path, connection)
    existing = table_digests(connection)
    if existing and not replace:
        rows = sum(digest.rows for digest in existing.values())
        raise BackupError(
            f"{database_name(connection)} is not empty ({len(existing)} tables, {rows} rows): "
            "nothing was changed. Restore into an empty database, or pass --replace to "
            "overwrite everything in it with the backup."
        )
    if connection.vendor == "sqlite":
        _sqlite_restore(path, connection)
    else:
        _pg_restore(path, connection, clean=bool(existing))
    curated.content_changed()
    restored = table_digests(connection)
    return Restored(
        path=path,
        database=database_name(connection),
        tables=len(restored),
        rows=sum(digest.rows for digest in restored.values()),
        replaced=bool(existing),
    )


def table_digests(connection: BaseDatabaseWrapper) -> dict[str, TableDigest]:
    """Every table's row count and a SHA-256 of its rows in a fixed order, to prove that two
    databases hold the same data."""
    digests = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            width = len(connection.introspection.get_table_description(cursor, table))
            order = ", ".join(str(position) for position in range(1, width + 1))
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")
            digest = hashlib.sha256()
            count = 0
            for row in cursor.fetchall():
                digest.update(repr(tuple(row)).encode())
                count += 1
            digests[table] = TableDigest(rows=count, sha256=digest.hexdigest())
    return digests


def database_name(connection: BaseDatabaseWrapper) -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite database {settings['NAME']}"
    return f"PostgreSQL database {settings['NAME']} on {settings['HOST']}:{settings['PORT']}"


# --- SQLite ---------------------------------------------------------------------------------


def _sqlite_backup(connection: BaseDatabaseWrapper, target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        # One step (pages=-1): the copy is a single consistent snapshot of the source.
        connection.connection.backup(destination)
        # The copy stands alone as one file, without a write-ahead log beside it.
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def _sqlite_restore(path: Path, connection: BaseDatabaseWrapper) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            problems = source.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as error:
            problems = [(str(error),)]
        if problems != [("ok",)]:
            raise BackupError(f"{path} is damaged ({problems[0][0]}): nothing was changed.")
        connection.ensure_connection()
        # The backup API replaces the whole target database in one step.
        source.backup(connection.connection)
    finally:
        source.close()


# --- PostgreSQL -----------------------------------------------------------------------------


def postgres_program(name: str) -> str:
    """The newest installed PostgreSQL client program (`pg_dump`, `pg_restore`)."""
    versioned = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda found: int(Path(found).parent.parent.name),
    )
    program = versioned[-1] if versioned else shutil.which(name)
    if program is None:
        raise BackupError(f"{name} is not installed: run 'apt-get install postgresql-client'.")
    return program


def _pg_arguments(connection: BaseDatabaseWrapper) -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return arguments, env


def _pg_dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    arguments, env = _pg_arguments(connection)
    _run([postgres_program("pg_dump"), "--format=custom", "--file", str(target), *arguments], env)


def _pg_restore(path: Path, connection: BaseDatabaseWrapper, *, clean: bool) -> None:
    arguments, env = _pg_arguments(connection)
    command = [
        postgres_program("pg_restore"),
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *(["--clean", "--if-exists"] if clean else []),
        *arguments,
        str(path),
    ]
    # The site's own connection may hold locks or cached state: start afresh afterwards.
    connection.close()
    _run(command, env)


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(f"{program} failed, nothing was changed:\n{result.stderr.strip()}")


# --- Files ----------------------------------------------------------------------------------


def _suffix_for(connection: BaseDatabaseWrapper) -> str:
    try:
        return SUFFIXES[connection.vendor]
    except KeyError:
        raise BackupError(
            f"Backups support SQLite and PostgreSQL, not {connection.vendor}."
        ) from None


def _free_path(directory: Path, moment: datetime, suffix: str) -> Path:
    stem = f"certguide-{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    path = directory / f"{stem}{suffix}"
    counter = 1
    while path.exists():
        counter += 1
        path = directory / f"{stem}-{counter}{suffix}"
    return path


def _check_backup_matches(path: Path, connection: BaseDatabaseWrapper) -> None:
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    kind = (
        "sqlite"
        if head.startswith(SQLITE_MAGIC)
        else "postgresql"
        if head.startswith(POSTGRES_MAGIC)
        else None
    )
    if kind is None:
        raise BackupError(f"{path} is neither a SQLite backup nor a pg_dump archive.")
    if kind != connection.vendor:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupError(
            f"{path} is a {names[kind]} backup but the database is "
            f"{names.get(connection.vendor, connection.vendor)}: nothing was changed."
        )
