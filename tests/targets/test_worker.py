"""The recomputation, the supervision reminders and the assessment dossier through a real Celery
worker and Redis broker (CI runs this on PostgreSQL)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from targets.models import Dossier, Indicator, IndicatorValue, MemberUnit, Plan, Reminder
from targets.tasks import make_dossier, recompute_indicators, send_supervision_reminders

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
def worker(settings):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    # The worker writes generated files where the test reads them.
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": settings.REDIS_URL, "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
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


def test_dossier_task_runs_on_a_real_worker(reference_data, worker, official):
    from docx import Document

    from ipportal.celery import app

    app.conf.task_always_eager = False
    dossier = Dossier.objects.create(plan=Plan.objects.current(), year=2025, created_by=official)
    assert make_dossier.delay(dossier.pk).get(timeout=180) == "done"
    dossier.refresh_from_db()
    assert (dossier.state, dossier.progress) == ("done", 100)
    headings = [p.text for p in Document(dossier.docx.open("rb")).paragraphs if p.style.name.startswith("Heading")]
    assert "一、概览" in headings
    assert dossier.pdf.open("rb").read(4) == b"%PDF"
