"""The recomputation and the supervision reminders through a real Celery worker and Redis broker
(CI runs this on PostgreSQL)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from targets.models import Indicator, IndicatorValue, MemberUnit, Reminder
from targets.tasks import recompute_indicators, send_supervision_reminders

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL or connection.vendor != "postgresql",
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (the worker must share the test database)",
    ),
]


@pytest.fixture
def worker():
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": settings.REDIS_URL}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "ipportal", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        cwd=ROOT,
        env=env,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_recompute_task_runs_on_a_real_worker(reference_data, worker):
    from ipportal.celery import app

    app.conf.task_always_eager = False
    result = recompute_indicators.delay(year=2025, trigger="worker test")
    deadline = time.monotonic() + 90
    while not result.ready() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert result.get(timeout=5) == Indicator.objects.filter(plan__first_year=2023).count() == 29
    assert IndicatorValue.objects.filter(year=2025).count() == 29


def test_reminders_task_runs_on_a_real_worker(reference_data, worker):
    from ipportal.celery import app

    app.conf.task_always_eager = False
    unit = MemberUnit.objects.get(name="区财政局")
    result = send_supervision_reminders.delay("2025-01-24")
    deadline = time.monotonic() + 90
    while not result.ready() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert result.get(timeout=5) > 0
    assert Reminder.objects.filter(key=f"before:2025-01-31:unit{unit.pk}").exists()
    again = send_supervision_reminders.delay("2025-01-24")
    assert again.get(timeout=90) == 0
