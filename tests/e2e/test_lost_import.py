"""An official finds an import whose worker died: the page says so (Chinese, then English) and
Retry stores the list."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from enterprises.models import Enterprise, ImportRun

from ..factories import valid_credit_code
from .conftest import log_in, screenshot


def test_official_retries_an_import_whose_worker_died(page, official):
    run = ImportRun.objects.create(
        kind="enterprises",
        file=ContentFile(
            f"企业名称,统一社会信用代码,所属产业\n荆门重试企业,{valid_credit_code()},绿色化工\n".encode(),
            name="list.csv",
        ),
        original_name="list.csv",
        status=ImportRun.Status.IMPORTING,
        created_by=official,
        lease_until=timezone.now() - dt.timedelta(seconds=1),
    )
    log_in(page, "official")
    page.goto(run.get_absolute_url())
    assert "处理此导入的进程在完成前已停止" in page.content()
    assert not page.locator("table.counts").count()  # no row counts for a run that counted nothing
    screenshot(page, "import-lost-worker-zh")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.url}])
    page.goto(run.get_absolute_url())
    assert "The process working on this import stopped" in page.content()
    screenshot(page, "import-lost-worker-en")

    page.click("button:has-text('Retry')")
    page.wait_for_load_state()
    assert "The import is stored." in page.content()
    screenshot(page, "import-lost-worker-retried-en")
    assert Enterprise.objects.filter(name="荆门重试企业").exists()
    assert not page.console_errors
