"""The assessment dossier (考核材料): its DOCX and PDF on the demo data, the narratives officials edit,
generation as a task with progress, the command line and who may generate and download it."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from core.models import ReviewState
from ipportal.templatetags.portal import indicator_value
from targets import supervision
from targets.dossier import default_narrative, render
from targets.models import Dossier, IndicatorValue, KeyTask, MemberUnit, Plan, ProgressReport, TaskNarrative

pytestmark = pytest.mark.django_db
YEAR_REPORT = "全年拨付知识产权专项资金260万元"
RETURNED_REPORT = "上半年拨付专项资金120万元"
HEADINGS = (
    "一、概览",
    "二、量化指标完成情况",
    "三、重点任务推进情况",
    "（一）知识产权创造",
    "四、佐证材料清单",
    "五、图表",
)


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    return Plan.objects.current()


@pytest.fixture
def accepted(official):
    """The finance bureau's year report on its first task, handed in, returned, changed and accepted."""
    from ..factories import UserFactory

    unit = MemberUnit.objects.get(name="区财政局")
    user = UserFactory(username="finance_officer")
    unit.members.create(user=user)
    task = unit.tasks.order_by("number").first()
    report = ProgressReport(task=task, unit=unit, year=2025, period="year", text="完成专利导航项目立项")
    supervision.hand_in(report, user)
    supervision.review(report, "return", official, "请补充完成时间")
    report.text = "完成专利导航项目立项,报告于6月30日完成"
    supervision.hand_in(report, user)
    return supervision.review(report, "accept", official)


def docx_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_docx_for_2025_on_the_demo_data(demo):
    document = Document(io.BytesIO(render(demo, 2025, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for heading in HEADINGS:
        assert heading in headings
    assert "（五）宣传培训" in headings  # an area with key tasks but no indicators keeps its tasks
    goals = document.tables[0]
    header = [cell.text for cell in goals.rows[0].cells]
    assert header[:4] == ["序号", "编号", "指标", "目标值"] and "2025" in header
    column = header.index("2025")
    stored = {
        v.indicator.code: indicator_value(v.value, v.indicator.unit)
        for v in IndicatorValue.objects.filter(year=2025, indicator__plan=demo).select_related("indicator")
    }
    shown = {row.cells[1].text: row.cells[column].text for row in goals.rows[1:]}
    assert shown == stored and len(shown) >= 29
    text = docx_text(document)
    assert YEAR_REPORT in text and RETURNED_REPORT not in text  # accepted reports only
    year_report = ProgressReport.objects.get(period="year")
    evidence = document.tables[1]
    assert any(row.cells[1].text == str(year_report) for row in evidence.rows[1:])
    assert len(document.inline_shapes) >= 4  # the record charts as pictures
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "PAGE" in section.footer._element.xml


def test_pdf_for_2025_on_the_demo_data_has_the_chinese_headings_and_narrative(demo):
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render(demo, 2025, "pdf"))).pages)
    for heading in HEADINGS:
        assert heading in text
    assert "目" in text and YEAR_REPORT in text.replace("\n", "")


def test_whole_plan_dossier_has_a_value_column_per_year(official, accepted):
    plan = Plan.objects.current()
    document = Document(io.BytesIO(render(plan, None, "docx")))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert [year for year in ("2023", "2024", "2025") if year in header] == ["2023", "2024", "2025"]
    assert "6月30日" in docx_text(document)
    assert document.paragraphs and "2023—2025年考核材料" in docx_text(document)


def test_narrative_defaults_to_accepted_reports_only(official, accepted):
    task = accepted.task
    submitted = ProgressReport.objects.create(
        task=task, unit=accepted.unit, year=2025, period="h1", text="仍在审核", state=ReviewState.SUBMITTED
    )
    text = default_narrative(task, [2025])
    assert "6月30日" in text and submitted.text not in text and "区财政局" in text


def test_official_edits_the_narrative_and_emptying_it_goes_back_to_the_reports(official_client, accepted):
    task = accepted.task
    url = reverse("targets:dossier-narratives", args=["2025"])
    page = official_client.get(url).content.decode()
    assert "6月30日" in page  # prefilled with the accepted report
    official_client.post(url, {f"task-{task.pk}": "经办公室审定的任务推进情况"})
    assert TaskNarrative.objects.get(task=task, year=2025).text == "经办公室审定的任务推进情况"
    text = docx_text(Document(io.BytesIO(render(task.plan, 2025, "docx"))))
    assert "经办公室审定的任务推进情况" in text and "6月30日" not in text
    official_client.post(url, {f"task-{task.pk}": ""})
    assert not TaskNarrative.objects.exists()
    assert "6月30日" in docx_text(Document(io.BytesIO(render(task.plan, 2025, "docx"))))


def test_narrative_of_the_whole_plan_is_kept_apart_from_the_year(official_client, accepted):
    task = accepted.task
    official_client.post(reverse("targets:dossier-narratives", args=["all"]), {f"task-{task.pk}": "方案期总结"})
    assert TaskNarrative.objects.get().year is None
    assert (
        "方案期总结" not in official_client.get(reverse("targets:dossier-narratives", args=["2025"])).content.decode()
    )


@pytest.mark.parametrize("period", ["2019", "2031", "next"])
def test_narratives_outside_the_plan_are_not_found(official_client, period):
    assert official_client.get(reverse("targets:dossier-narratives", args=[period])).status_code == 404


def test_generating_records_progress_and_keeps_both_files(
    official_client, accepted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse("targets:dossier-list"), {"period": "2025"})
    dossier = Dossier.objects.get()
    assert response.url == dossier.get_absolute_url()
    dossier.refresh_from_db()
    assert (dossier.state, dossier.progress, dossier.year) == ("done", 100, 2025), dossier.message
    page = official_client.get(dossier.get_absolute_url()).content.decode()
    assert 'data-state="done"' in page and "<progress" not in page
    docx = official_client.get(reverse("targets:dossier-file", args=[dossier.pk, "docx"]))
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "6月30日" in docx_text(Document(io.BytesIO(b"".join(docx.streaming_content))))
    pdf = official_client.get(reverse("targets:dossier-file", args=[dossier.pk, "pdf"]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_save_and_make_asks_for_the_whole_plan(official_client, accepted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(
            reverse("targets:dossier-narratives", args=["all"]), {f"task-{accepted.task.pk}": "方案期总结", "make": "1"}
        )
    dossier = Dossier.objects.get()
    assert response.url == dossier.get_absolute_url() and dossier.year is None
    dossier.refresh_from_db()
    assert dossier.state == "done" and "方案期总结" in docx_text(Document(dossier.docx.open("rb")))


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("zh-hans", "文件未能生成；错误已记入日志（编号 dossier-"),
        ("en", "The file could not be made; the error was logged (reference dossier-"),
    ],
)
def test_a_failing_dossier_shows_a_translated_message_and_logs_the_error(
    official_client, monkeypatch, django_capture_on_commit_callbacks, caplog, language, shown
):
    def broken(content):
        raise OSError("no fonts in /srv/secret/path")

    monkeypatch.setattr("targets.dossier.pdf_bytes", broken)
    with django_capture_on_commit_callbacks(execute=True):
        official_client.post(reverse("targets:dossier-list"), {"period": "2025"})
    dossier = Dossier.objects.get()
    assert dossier.state == "failed"
    page = official_client.get(dossier.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert shown + str(dossier.pk) in page and "no fonts" not in page
    logged = next(record for record in caplog.records if record.exc_info)
    assert "no fonts" in str(logged.exc_info[1]) and f"dossier-{dossier.pk}" in logged.getMessage()


def test_a_period_outside_the_plan_is_refused(official_client):
    response = official_client.post(reverse("targets:dossier-list"), {"period": "2030"}, follow=True)
    assert not Dossier.objects.exists()
    assert "请选择方案期内的年份或整个方案期" in response.content.decode()


def test_make_dossier_command_writes_docx_or_pdf_by_the_extension(official, accepted, tmp_path):
    call_command("make_dossier", "2025", output=str(tmp_path / "d.docx"), stdout=io.StringIO())
    assert "6月30日" in docx_text(Document(tmp_path / "d.docx"))
    call_command("make_dossier", plan=True, output=str(tmp_path / "d.pdf"), stdout=io.StringIO())
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "d.pdf").pages)
    assert "一、概览" in text and "2023" in text


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (["2025"], {"output": "d.odt"}, ".docx or .pdf"),
        (["2030"], {"output": "d.docx"}, "the plan runs 2023–2025"),
        (["soon"], {"output": "d.docx"}, "a year of the plan or 'all'"),
        ([], {"output": "d.docx"}, "Give a YEAR"),
    ],
)
def test_make_dossier_command_refuses_bad_input(tmp_path, args, options, message):
    options = {"output": str(tmp_path / options["output"])}
    with pytest.raises(CommandError, match=message):
        call_command("make_dossier", *args, **options)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("client_fixture", ["client_a", "unit_client"])
def test_enterprises_and_units_cannot_generate_download_or_edit(request, client_fixture, official):
    client = request.getfixturevalue(client_fixture)
    dossier = Dossier.objects.create(
        plan=Plan.objects.current(),
        year=2025,
        state=Dossier.State.DONE,
        docx=ContentFile(b"PK", name="d.docx"),
        created_by=official,
    )
    task = KeyTask.objects.first()
    assert client.post(reverse("targets:dossier-list"), {"period": "2025"}).status_code == 403
    assert client.get(reverse("targets:dossier-file", args=[dossier.pk, "docx"])).status_code == 403
    url = reverse("targets:dossier-narratives", args=["2025"])
    assert client.post(url, {f"task-{task.pk}": "冒充"}).status_code == 403
    assert Dossier.objects.count() == 1 and not TaskNarrative.objects.exists()


def test_control_characters_in_a_saved_narrative_become_line_breaks_or_go(official_client, accepted):
    task = accepted.task
    url = reverse("targets:dossier-narratives", args=["2025"])
    official_client.post(url, {f"task-{task.pk}": "第一行\x0b第二行\x0c第三行\x01\x1f完\t毕"})
    assert TaskNarrative.objects.get(task=task, year=2025).text == "第一行\n第二行\n第三行完\t毕"
    text = docx_text(Document(io.BytesIO(render(task.plan, 2025, "docx"))))
    assert "第一行" in text and "第三行完" in text


def test_control_characters_in_unit_reports_and_titles_do_not_break_the_dossier(official, accepted):
    # No NUL: PostgreSQL cannot store it and Django's form fields refuse it before it gets there.
    ProgressReport.objects.filter(pk=accepted.pk).update(text="完成\x01专利\x0b导航项目")
    KeyTask.objects.filter(pk=accepted.task_id).update(title="任务\x02标题")
    plan = Plan.objects.current()
    text = docx_text(Document(io.BytesIO(render(plan, 2025, "docx"))))
    assert "完成专利" in text and "导航项目" in text and "任务标题" in text
    assert "%PDF" in render(plan, 2025, "pdf")[:8].decode("latin-1")
