"""Redis down: the cache, the Celery broker and its result store point at a closed port
(nothing listens on port 1), and tasks are not run eagerly.

Pages and the API keep serving (sessions live in the database, the cache ignores its errors);
a recomputation asked for then runs in the request and says so; an import waits for the
queue, says so, and goes ahead when the broker is back.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.models import Enterprise, ImportRun
from enterprises.tasks import requeue_waiting_imports
from ipportal.celery import app as celery_app
from targets.models import IndicatorValue, RecomputeRun

from ..factories import PatentFactory, valid_credit_code

CLOSED = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    conf = celery_app.conf
    saved = conf.broker_url, conf.result_backend, conf.task_always_eager
    conf.broker_url, conf.result_backend, conf.task_always_eager = CLOSED, CLOSED, False
    forget_connections()
    yield
    conf.broker_url, conf.result_backend, conf.task_always_eager = saved
    forget_connections()


def forget_connections() -> None:
    """Make Celery connect afresh to the broker and the result store it is configured with."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    celery_app._backend_cache = None
    celery_app._local.backend = None


def redis_returns() -> None:
    """The broker answers again (here: tasks run in-process, as with no broker configured)."""
    celery_app.conf.task_always_eager = True


@pytest.mark.django_db
def test_sending_a_task_with_both_broker_and_result_store_down_answers_that_it_was_not_queued(redis_down):
    """Celery's own send raises a RuntimeError from the result store (the kind the pages did not
    catch); the portal's one way of sending answers False instead."""
    from ipportal.queueing import send
    from targets.tasks import recompute_indicators

    with pytest.raises(RuntimeError, match="result store"):
        recompute_indicators.delay(trigger="plain")
    assert send(recompute_indicators, trigger="queued") is False


def test_the_broker_and_the_result_store_give_up_after_a_short_wait():
    conf = celery_app.conf
    assert conf.broker_connection_timeout <= 2 and conf.broker_transport_options["socket_connect_timeout"] <= 2
    assert conf.task_publish_retry_policy["max_retries"] <= 2
    assert conf.redis_socket_connect_timeout <= 2
    assert conf.result_backend_transport_options["retry_policy"]["max_retries"] <= 1


@pytest.mark.django_db
def test_an_annual_report_asked_for_while_redis_is_down_is_made_in_the_request(
    redis_down, reference_data, official_client, django_capture_on_commit_callbacks
):
    from targets.models import AnnualReport

    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse("targets:report-list"), {"year": "2025"})
    report = AnnualReport.objects.get()
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    assert report.state == AnnualReport.State.DONE and report.xlsx and report.pdf


def test_sessions_do_not_live_in_the_cache():
    assert django_settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


@pytest.mark.django_db
def test_the_cache_answers_misses_when_redis_is_down(redis_down):
    cache.set("key", "value")
    assert cache.get("key") is None


@pytest.mark.django_db
def test_pages_and_api_serve_while_redis_is_down(redis_down, reference_data, official_client, client, api_token):
    PatentFactory()
    for url in ["/", "/enterprises/patents/", reverse("targets:indicator-list"), reverse("enterprises:import-list")]:
        assert official_client.get(url).status_code == 200, url
    response = client.get("/api/v1/indicators/?year=2025", HTTP_AUTHORIZATION=f"Token {api_token}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_login_works_while_redis_is_down(redis_down, client, official):
    from ..conftest import PASSWORD

    response = client.post(reverse("login"), {"username": official.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_recompute_asked_for_while_the_broker_is_down_runs_in_the_request_with_a_notice(
    redis_down, reference_data, official_client
):
    response = official_client.post(reverse("targets:recompute"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert RecomputeRun.objects.get(trigger__startswith="button").state == RecomputeRun.State.DONE
    assert IndicatorValue.objects.filter(year=2025).count() == 29
    notices = [str(message) for message in get_messages(response.wsgi_request)]
    assert notices == ["The task queue is not reachable: the indicators were recomputed in this request."]


@pytest.mark.django_db
def test_a_record_change_while_the_broker_is_down_recomputes_in_the_request(redis_down, reference_data):
    RecomputeRun.objects.all().delete()
    patent = PatentFactory()  # a transactional test: the change commits, and asks for a recomputation
    assert RecomputeRun.objects.get().trigger == f"edit enterprises.Patent {patent.pk} (in request)"


def upload(client, text):
    file = SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("enterprises:import-list"), {"kind": "enterprises", "file": file})


@pytest.mark.django_db
def test_an_import_asked_for_while_the_broker_is_down_waits_and_runs_when_it_returns(
    redis_down, official_client, django_capture_on_commit_callbacks
):
    code = valid_credit_code()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(official_client, f"企业名称,统一社会信用代码,所属产业\n荆门断线企业,{code},绿色化工\n")
    run = ImportRun.objects.get()
    assert response.url == run.get_absolute_url()
    assert run.status == ImportRun.Status.PREVIEWING and run.waiting_for_queue

    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The task queue cannot be reached just now" in page
    assert official_client.get(reverse("enterprises:import-progress", args=[run.pk])).json()["waiting_for_queue"]

    redis_returns()
    assert requeue_waiting_imports.delay().get() == 1  # beat's periodic task
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED and not run.waiting_for_queue

    celery_app.conf.task_always_eager = False  # down again for the confirmation
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("enterprises:import-confirm", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.IMPORTING and run.waiting_for_queue
    assert not Enterprise.objects.exists()

    redis_returns()
    with django_capture_on_commit_callbacks(execute=True):
        page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The import is stored." in page  # the page the official watches sends it again
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and not run.waiting_for_queue
    assert Enterprise.objects.get().credit_code == code


@pytest.mark.django_db
def test_a_run_that_moved_on_is_not_sent_again(official):
    run = ImportRun.objects.create(
        kind="enterprises", file="imports/x.csv", original_name="x.csv", status=ImportRun.Status.DONE
    )
    ImportRun.objects.filter(pk=run.pk).update(waiting_for_queue=True)
    assert requeue_waiting_imports.delay().get() == 0


@pytest.mark.django_db
def test_beat_sends_waiting_imports_again_every_minute():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="enterprises.tasks.requeue_waiting_imports")
    assert task.enabled and (task.interval.every, task.interval.period) == (1, "minutes")
