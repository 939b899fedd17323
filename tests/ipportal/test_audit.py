"""The audit trail: every edit is recorded with who, when, before and after; only officials read it."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from enterprises.forms import PatentForm
from enterprises.models import Enterprise, ImportRun, Patent
from tests.enterprises.test_import_page import HEADER, upload
from tests.factories import PatentFactory, valid_credit_code

pytestmark = pytest.mark.django_db


def form_data(form) -> dict:
    data = {}
    for name in form.fields:
        value = form.initial.get(name)
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value.isoformat() if isinstance(value, dt.date) else value
    return data


@pytest.fixture
def patent(enterprise_a):
    return PatentFactory(enterprise=enterprise_a, title="一种旧标题")


def edit_title(client, patent, title):
    data = {**form_data(PatentForm(instance=patent)), "title": title}
    return client.post(reverse("enterprises:patent-edit", args=[patent.pk]), data)


def test_an_edit_through_the_page_records_user_before_and_after(official_client, official, patent):
    LogEntry.objects.all().delete()
    assert edit_title(official_client, patent, "一种新标题").status_code == 302
    entry = LogEntry.objects.get_for_object(patent).get()
    assert entry.actor == official
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.changes_dict["title"] == ["一种旧标题", "一种新标题"]
    assert "updated_at" not in entry.changes_dict


def test_the_change_history_page_lists_and_filters_changes(official_client, official, patent, enterprise_b):
    edit_title(official_client, patent, "一种新标题")
    enterprise_b.contact_name = "李娜"
    enterprise_b.save()
    url = reverse("audit-log")
    patents = ContentType.objects.get_for_model(Patent).pk
    page = official_client.get(url, {"content_type": patents}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "一种新标题" in page and "一种旧标题" in page and "李娜" not in page
    assert patent.get_absolute_url() in page

    by_official = official_client.get(url, {"actor": official.pk})
    assert "李娜" not in by_official.content.decode()
    today = dt.date.today().isoformat()
    assert official_client.get(url, {"date_from": today}).context["paginator"].count >= 3
    assert official_client.get(url, {"date_to": "2000-01-01"}).context["paginator"].count == 0


def test_a_records_history_link_shows_only_its_changes(official_client, patent, enterprise_a):
    edit_title(official_client, patent, "一种新标题")
    other = PatentFactory(enterprise=enterprise_a, title="另一项专利")
    detail = official_client.get(patent.get_absolute_url()).content.decode()
    history = (
        reverse("audit-log") + f"?content_type={ContentType.objects.get_for_model(Patent).pk}&amp;object_pk={patent.pk}"
    )
    assert history in detail
    page = official_client.get(history.replace("&amp;", "&")).content.decode()
    assert "一种新标题" in page and other.title not in page


def test_enterprise_users_cannot_see_the_audit_pages(client_a, patent):
    assert client_a.get(reverse("audit-log")).status_code == 403
    assert reverse("audit-log") not in client_a.get(patent.get_absolute_url()).content.decode()


def test_anonymous_users_are_sent_to_login_from_the_audit_page(client):
    response = client.get(reverse("audit-log"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_claims_filings_and_indicators_are_audited():
    from auditlog.registry import auditlog

    from enterprises.models import Filing
    from finance.models import Claim
    from targets.models import Indicator, YearlyFigure

    for model in (Claim, Filing, Indicator, YearlyFigure, Patent, Enterprise):
        assert auditlog.contains(model), model


def test_an_import_is_one_entry_naming_its_file_and_counts(
    official_client, official, django_capture_on_commit_callbacks
):
    LogEntry.objects.all().delete()
    rows = "".join(f"荆门审计企业{n},{valid_credit_code()},绿色化工\n" for n in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, HEADER + rows, name="审计.csv")
    run = ImportRun.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("enterprises:import-confirm", args=[run.pk]))
    assert Enterprise.objects.count() == 3
    entry = LogEntry.objects.get(content_type=ContentType.objects.get_for_model(ImportRun))
    assert entry.actor == official and entry.object_pk == str(run.pk)
    assert entry.changes_dict["file"] == [None, "审计.csv"]
    assert entry.changes_dict["new"] == [None, 3]
    assert not LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Enterprise)).exists()


def test_the_history_page_translates_actions_and_hides_none_and_storage_paths(official_client, patent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from targets.models import KeyTask, MemberUnit, WorkPlan

    edit_title(official_client, patent, "一种新标题")
    unit = MemberUnit.objects.get(name="区财政局")
    WorkPlan.objects.create(
        task=KeyTask.objects.filter(units=unit).first(),
        unit=unit,
        year=2025,
        text="计划",
        attachment=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"),
    )
    url = reverse("audit-log")
    english = official_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = official_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "<td>create</td>" not in english and "<td>update</td>" not in english
    assert "<td>Created</td>" in english and "<td>新建</td>" in chinese
    assert ">None<" not in english and "supervision/" not in english
    assert "区财政局 · " not in english  # the record is named in words, not as "unit · task · year"


def test_the_history_page_leaves_out_related_lists(official_client, enterprise_a):
    from decimal import Decimal

    from finance.models import Claim, SupportItem

    item = SupportItem.objects.create(
        year=2025,
        name="发明专利授权资助",
        target="invention_grant",
        rule="fixed",
        fixed_amount=Decimal(5000),
        budget=Decimal(10000),
        opens_on=dt.date(2025, 1, 1),
        closes_on=dt.date(2025, 12, 31),
    )
    Claim.objects.create(enterprise=enterprise_a, item=item)
    page = official_client.get(reverse("audit-log"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "object at 0x" not in page and "ClaimLine.None" not in page
