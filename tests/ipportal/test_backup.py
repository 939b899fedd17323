"""`manage.py backup` / `manage.py restore`: a backup restored into a fresh database has the same rows."""

import io

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from enterprises.models import Patent
from ipportal import backup

from ..factories import EnterpriseFactory, PatentFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of an empty database of the same kind as the test database."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{db['NAME']}_restored"
    server = f"postgres://{db['USER']}{':' + db['PASSWORD'] if db['PASSWORD'] else ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restored_into_a_fresh_database_has_the_same_rows(reference_data, tmp_path, fresh_database):
    enterprise = EnterpriseFactory()
    for _ in range(25):
        PatentFactory(enterprise=enterprise)
    file = tmp_path / "portal.dump"

    out = io.StringIO()
    call_command("backup", str(file), stdout=out)
    assert file.stat().st_size > 0 and "rows" in out.getvalue()
    call_command("restore", str(file), database_url=fresh_database, interactive=False, stdout=io.StringIO())

    source, restored = backup.row_counts(), backup.row_counts(fresh_database)
    assert restored == source
    assert restored["enterprises_patent"] == 25 and restored["targets_indicator"] == 29


def test_restore_puts_back_what_was_deleted_since_the_backup(reference_data, tmp_path):
    PatentFactory()
    file = tmp_path / "portal.dump"
    call_command("backup", str(file), stdout=io.StringIO())
    Patent.objects.all().delete()

    call_command("restore", str(file), interactive=False, stdout=io.StringIO())
    assert Patent.objects.count() == 1


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "none.dump"), interactive=False)


def test_restore_asks_before_replacing_the_database(tmp_path, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(tmp_path / "x.dump"))
