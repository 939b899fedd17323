"""Backing up and restoring the whole database: pg_dump / pg_restore for PostgreSQL, SQLite's
online backup (a consistent copy of the file, even while the portal writes) for SQLite.

Uploaded files (MEDIA_ROOT) are not in the database: back that folder up beside the dump.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.management.base import CommandError
from django.db import connection


def target_settings(database_url: str | None) -> dict[str, Any]:
    """The connection settings to restore into: the portal's own database, or another one."""
    if database_url:
        return dj_database_url.parse(database_url)
    return connection.settings_dict


def _is_postgresql(db: dict[str, Any]) -> bool:
    return "postgresql" in db["ENGINE"]


def _libpq_environment(db: dict[str, Any]) -> dict[str, str]:
    """Connection settings for pg_dump / pg_restore, passed in the environment (no password on
    the command line, where other users of the machine could read it)."""
    env = dict(os.environ)
    for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")]:
        if db.get(key):
            env[variable] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise CommandError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    completed = subprocess.run(command, env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        raise CommandError(f"{command[0]} failed: {completed.stderr.strip()}")


def backup(path: Path) -> None:
    """Write the portal's database to `path` (PostgreSQL custom format, or an SQLite file)."""
    db = connection.settings_dict
    if _is_postgresql(db):
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)], _libpq_environment(db)
        )
        return
    connection.ensure_connection()
    with sqlite3.connect(path) as destination:
        connection.connection.backup(destination)
    destination.close()


def restore(path: Path, database_url: str | None = None) -> None:
    """Replace the content of the target database by the backup at `path`, in one transaction."""
    if not path.is_file():
        raise CommandError(f"No backup at {path}.")
    db = target_settings(database_url)
    if _is_postgresql(db) != _is_postgresql(connection.settings_dict) and not database_url:
        raise CommandError("The backup and the database are not of the same kind.")
    if _is_postgresql(db):
        if database_url is None:
            connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                db["NAME"],
                str(path),
            ],
            _libpq_environment(db),
        )
        return
    with sqlite3.connect(path) as source:
        if database_url is None:
            connection.ensure_connection()
            source.backup(connection.connection)
        else:
            with sqlite3.connect(db["NAME"]) as destination:
                source.backup(destination)
            destination.close()
    source.close()


def row_counts(database_url: str | None = None) -> dict[str, int]:
    """Rows in every table of the database (the portal's own, or another one), to compare a
    restored copy with its source."""
    db = target_settings(database_url)
    if database_url is None:
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
            counts = {}
            for table in tables:
                cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
            return counts
    if _is_postgresql(db):
        import psycopg

        env = _libpq_environment(db)
        with psycopg.connect(
            host=env.get("PGHOST"),
            port=env.get("PGPORT"),
            user=env.get("PGUSER"),
            password=env.get("PGPASSWORD"),
            dbname=db["NAME"],
        ) as conn:
            tables = [
                name
                for (name,) in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
                )
            ]
            return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    with sqlite3.connect(db["NAME"]) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    conn.close()
    return counts
