"""A database error in the middle of a multi-chunk import leaves nothing half-written."""

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection
from django.utils import translation

from core.importing import engine
from core.importing.engine import CHUNK_SIZE
from enterprises.importing import runs
from enterprises.models import ImportRun, Patent
from ipportal.coded import render

from ..files import patent_csv

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_database_error_in_the_third_chunk_leaves_no_rows_and_a_failed_run(reference_data, official, monkeypatch):
    merge_chunk = engine.merge_chunk
    chunks = []

    def failing_in_the_third_chunk(*args, **kwargs):
        chunks.append(len(args[2]))
        if len(chunks) == 3:
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM enterprises_no_such_table")
        return merge_chunk(*args, **kwargs)

    monkeypatch.setattr(engine, "merge_chunk", failing_in_the_third_chunk)
    run = ImportRun.objects.create(
        kind="patents",
        file=ContentFile(patent_csv(CHUNK_SIZE * 3 + 10).encode(), name="patents.csv"),
        original_name="patents.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
    )

    with pytest.raises(DatabaseError):
        runs.process_run(run.pk, confirm=True)

    assert chunks == [CHUNK_SIZE] * 3  # two chunks were merged before the error
    assert not Patent.objects.exists()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert run.message and "enterprises_no_such_table" not in run.message  # the details go to the log only
    assert run.finished_at is not None


@pytest.mark.parametrize("language, expected", [("en", "no longer on the server"), ("zh-hans", "已不在服务器上")])
def test_a_run_whose_upload_is_gone_fails_without_showing_a_path(reference_data, official, language, expected):
    """Web and worker processes that do not share MEDIA_ROOT lose the upload: the run counts as a
    failed import (the dashboard's card) and says to upload again; the path goes to the log."""
    run = ImportRun.objects.create(
        kind="patents",
        file=ContentFile(patent_csv(3).encode(), name="patents.csv"),
        original_name="patents.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
    )
    run.file.storage.delete(run.file.name)

    runs.process_run(run.pk, confirm=True)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.finished_at is not None
    with translation.override(language):
        message = render(run.message)
    assert expected in message and "/" not in message.replace("run", "")
    assert not Patent.objects.exists()
