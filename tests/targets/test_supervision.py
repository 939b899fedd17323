"""The plan's key tasks, member units and their work plans: access and what is overdue."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from targets.models import KeyTask, MemberUnit, Plan, WorkPlan
from targets.supervision import overdue_work_plans

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance_bureau():
    return MemberUnit.objects.get(name="区财政局")


@pytest.fixture
def unit_client(client, finance_bureau):
    user = UserFactory(username="finance_officer")
    finance_bureau.members.create(user=user)
    client.force_login(user)
    return client


def test_the_plans_nineteen_tasks_are_seeded_with_units_and_indicators():
    tasks = KeyTask.objects.filter(plan=Plan.objects.current())
    assert list(tasks.values_list("number", flat=True)) == list(range(1, 20))
    assert tasks.get(number=3).title == "积极开展重点产业专利导航"
    assert set(tasks.get(number=3).indicators.values_list("code", flat=True)) == {"U1", "U11"}
    assert all(task.units.filter(is_lead=True).exists() for task in tasks)


def test_member_unit_sees_only_its_own_tasks(unit_client, finance_bureau):
    own = set(finance_bureau.tasks.values_list("number", flat=True))
    content = unit_client.get(reverse("targets:task-list")).content.decode()
    for task in KeyTask.objects.all():
        link = f'href="{task.get_absolute_url()}"'
        assert (link in content) == (task.number in own)
    other = KeyTask.objects.exclude(units=finance_bureau).first()
    assert unit_client.get(other.get_absolute_url()).status_code == 404


def test_member_unit_hands_in_a_work_plan_for_its_task(unit_client, finance_bureau):
    task = finance_bureau.tasks.first()
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    response = unit_client.post(
        reverse("targets:task-submit", args=[task.number, "plan"]),
        {"year": "2025", "text": "明年工作计划", "attachment": pdf},
    )
    assert response.status_code == 302
    entry = WorkPlan.objects.get()
    assert (entry.unit, entry.year, entry.submitted_at is not None) == (finance_bureau, 2025, True)
    assert unit_client.get(reverse("targets:submission-attachment", args=["plan", entry.pk])).status_code == 200


def test_a_bad_attachment_is_refused_and_the_text_is_kept(unit_client, finance_bureau):
    task = finance_bureau.tasks.first()
    exe = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00binary")
    response = unit_client.post(
        reverse("targets:task-submit", args=[task.number, "plan"]),
        {"year": "2025", "text": "保留这段文字", "attachment": exe},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "保留这段文字" in response.content.decode() and "Attach a PDF" in response.content.decode()
    assert not WorkPlan.objects.exists()


def test_member_unit_cannot_see_another_units_work_plan(unit_client, finance_bureau):
    lead = MemberUnit.objects.get(is_lead=True)
    task = finance_bureau.tasks.first()
    entry = WorkPlan.objects.create(
        task=task, unit=lead, year=2025, text="牵头单位计划", attachment=SimpleUploadedFile("a.pdf", b"%PDF-1.4")
    )
    assert "牵头单位计划" not in unit_client.get(task.get_absolute_url()).content.decode()
    assert unit_client.get(reverse("targets:submission-attachment", args=["plan", entry.pk])).status_code == 404


@pytest.mark.parametrize(
    "name", ["enterprises:list", "targets:indicator-list", "targets:task-overdue", "enterprises:import-list"]
)
def test_member_unit_cannot_reach_officials_pages(unit_client, name):
    assert unit_client.get(reverse(name)).status_code == 403


def test_enterprise_user_cannot_reach_the_tasks(client_a):
    assert client_a.get(reverse("targets:task-list")).status_code == 403


def test_member_unit_start_page_is_its_tasks(unit_client):
    assert unit_client.get(reverse("home")).url == reverse("targets:task-list")


def test_overdue_work_plans_are_those_missing_after_31_january(finance_bureau):
    plan = Plan.objects.current()
    task = finance_bureau.tasks.first()
    units = MemberUnit.objects.filter(pk=finance_bureau.pk)
    before = overdue_work_plans(plan, units=units, today=dt.date(2024, 1, 31))
    assert {(o.year, o.task.number) for o in before} == {(2023, t.number) for t in finance_bureau.tasks.all()}
    WorkPlan.objects.create(
        task=task, unit=finance_bureau, year=2023, text="x", submitted_at=dt.datetime(2023, 1, 20, tzinfo=dt.UTC)
    )
    after = overdue_work_plans(plan, units=units, today=dt.date(2024, 2, 1))
    assert (2023, task.number) not in {(o.year, o.task.number) for o in after}
    assert (2024, task.number) in {(o.year, o.task.number) for o in after}


def test_official_sees_overdue_list(official_client):
    content = official_client.get(reverse("targets:task-overdue"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Overdue plans and reports" in content and "区市场监管局" in content


def test_task_page_forms_have_their_own_element_ids_and_a_year_within_the_plan(unit_client, finance_bureau):
    import re

    import time_machine

    task = finance_bureau.tasks.first()
    with time_machine.travel(dt.date(2026, 12, 31), tick=False):
        unit_client.force_login(finance_bureau.members.first().user)
        response = unit_client.get(task.get_absolute_url())
    ids = re.findall(r'\sid="([^"]+)"', response.content.decode())
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    plan = Plan.objects.current()
    assert response.context["plan_form"].initial["year"] <= plan.last_year
    assert response.context["report_form"].initial["year"] == plan.last_year


def test_a_work_plan_is_named_in_words_in_the_readers_language(finance_bureau):
    from django.utils import translation

    from targets.models import ProgressReport

    task = finance_bureau.tasks.first()
    report = ProgressReport(task=task, unit=finance_bureau, year=2025, period=ProgressReport.Period.YEAR)
    with translation.override("en"):
        assert str(report) == f"区财政局: progress report for 2025 (whole year), key task {task.number}"
    with translation.override("zh-hans"):
        assert "year" not in str(report) and "2025" in str(report)
