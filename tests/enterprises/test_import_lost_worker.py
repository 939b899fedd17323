"""An import whose worker died mid-run (a web process or worker killed, a restart): it is found
past its lease with no process holding it, fails as retryable, and its page offers retry and
cancel. A run still within its lease, or showing signs of life, is left alone."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from enterprises.importing import runs
from enterprises.models import Enterprise, ImportRun
from enterprises.tasks import requeue_waiting_imports, run_import_task

from ..factories import valid_credit_code

pytestmark = pytest.mark.django_db

PAST = dt.timedelta(seconds=1)


def killed_run(official, status=ImportRun.Status.IMPORTING, lease=-PAST) -> ImportRun:
    """A run as a process killed mid-stage leaves it: active, its lease running out at `lease` from now."""
    code = valid_credit_code()
    return ImportRun.objects.create(
        kind="enterprises",
        file=ContentFile(
            f"企业名称,统一社会信用代码,所属产业\n荆门重试企业,{code},绿色化工\n".encode(), name="list.csv"
        ),
        original_name="list.csv",
        status=status,
        created_by=official,
        lease_until=timezone.now() + lease,
    )


def test_a_run_past_its_lease_is_shown_failed_with_retry_and_cancel(official, official_client):
    run = killed_run(official)
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.retry_status == ImportRun.Status.IMPORTING
    assert "The process working on this import stopped before it finished" in page
    assert reverse("enterprises:import-retry", args=[run.pk]) in page
    assert reverse("enterprises:import-cancel", args=[run.pk]) in page
    assert '<meta http-equiv="refresh"' not in page  # it no longer pretends to be under way

    page_zh = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "处理此导入的进程在完成前已停止" in page_zh
    progress = official_client.get(reverse("enterprises:import-progress", args=[run.pk])).json()
    assert progress["lost_its_worker"] and not progress["active"]


def test_retry_runs_the_lost_stage_again(official, official_client, django_capture_on_commit_callbacks):
    run = killed_run(official)
    runs.find_lost()
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse("enterprises:import-retry", args=[run.pk]))
    assert response.url == run.get_absolute_url()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and not run.retry_status and run.new == 1
    assert Enterprise.objects.get().name == "荆门重试企业"


def test_retry_of_a_lost_check_checks_again_and_stores_nothing(official, django_capture_on_commit_callbacks):
    from enterprises.tasks import retry

    run = killed_run(official, status=ImportRun.Status.PREVIEWING)
    assert runs.find_lost() == 1
    run.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert retry(run)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED and run.new == 1
    assert not Enterprise.objects.exists()


def test_cancel_ends_a_lost_run(official, official_client):
    run = killed_run(official)
    official_client.get(run.get_absolute_url())
    official_client.post(reverse("enterprises:import-cancel", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED and not run.retry_status
    assert official_client.post(reverse("enterprises:import-retry", args=[run.pk])).status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED
    assert not Enterprise.objects.exists()


def test_only_a_lost_run_can_be_retried(official, official_client):
    run = killed_run(official, lease=dt.timedelta(minutes=5))
    response = official_client.post(reverse("enterprises:import-retry", args=[run.pk]), HTTP_ACCEPT_LANGUAGE="en")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.IMPORTING
    assert response.status_code == 302


def test_a_run_within_its_lease_or_beating_or_waiting_for_the_queue_is_not_lost(official):
    within = killed_run(official, lease=dt.timedelta(minutes=1))
    beating = killed_run(official)
    cache.set(runs.heartbeat_key(beating.pk), True)
    waiting = killed_run(official)
    ImportRun.objects.filter(pk=waiting.pk).update(waiting_for_queue=True)
    assert runs.find_lost() == 0
    statuses = set(
        ImportRun.objects.filter(pk__in=[within.pk, beating.pk, waiting.pk]).values_list("status", flat=True)
    )
    assert statuses == {ImportRun.Status.IMPORTING}


def test_a_run_with_no_lease_counts_from_its_upload_with_the_queued_lease(official):
    fresh = killed_run(official)
    old = killed_run(official)
    ImportRun.objects.filter(pk__in=[fresh.pk, old.pk]).update(lease_until=None)
    ImportRun.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    assert runs.find_lost() == 1
    assert ImportRun.objects.get(status=ImportRun.Status.FAILED).pk == old.pk


def test_beat_s_minute_sweep_fails_lost_runs(official):
    run = killed_run(official)
    requeue_waiting_imports.delay()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.retry_status == ImportRun.Status.IMPORTING


def test_a_redelivered_task_takes_up_a_run_found_lost(official):
    run = killed_run(official)
    runs.find_lost()
    run_import_task(run.pk, True)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and not run.retry_status
    assert Enterprise.objects.count() == 1


def test_a_run_is_leased_while_it_works_and_freed_when_done(official, django_capture_on_commit_callbacks):
    from enterprises.tasks import start

    run = killed_run(official, status=ImportRun.Status.PREVIEWING, lease=dt.timedelta(0))
    ImportRun.objects.filter(pk=run.pk).update(lease_until=None)
    with django_capture_on_commit_callbacks(execute=True):
        start(run)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED and run.lease_until > timezone.now()
    assert cache.get(runs.heartbeat_key(run.pk)) is None
