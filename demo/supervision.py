"""Supervision demo data: the finance bureau's plan accepted, its half-year report returned with a
comment and its year report (with the list of funds paid attached) accepted,
a leading-group meeting whose decisions became follow-ups (one done, one overdue), and a rubric
with a few scores, so each supervision page has something to show."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from targets import supervision
from targets.assessment import record_score
from targets.models import AssessmentItem, FollowUp, Meeting, MemberUnit, Plan, ProgressReport, WorkPlan

FUNDS_LIST = (
    "2025年知识产权专项资金拨付清单\n高价值专利培育项目 12项 180万元\n专利导航项目 1项 40万元\n质押融资贴息 40万元\n"
)

RUBRIC = (
    ("工作计划完成情况", "Work plan carried out", 50),
    ("材料报送及时性", "Timely reporting", 20),
    ("工作成效", "Results", 30),
)


def seed_supervision(official, unit_user) -> None:
    plan = Plan.objects.current()
    unit = MemberUnit.objects.get(name="区财政局")
    task = unit.tasks.order_by("number").first()
    if plan is None or task is None or Meeting.objects.filter(plan=plan).exists():
        return
    work_plan = WorkPlan(task=task, unit=unit, year=2025, text="设立知识产权专项资金并按季度拨付;配合制定资助办法。")
    supervision.hand_in(work_plan, unit_user)
    supervision.review(work_plan, "accept", official)
    report = ProgressReport(task=task, unit=unit, year=2025, period="h1", text="上半年拨付专项资金120万元。")
    supervision.hand_in(report, unit_user)
    supervision.review(report, "return", official, "请补充资金使用的项目清单。")
    year_report = ProgressReport(
        task=task,
        unit=unit,
        year=2025,
        period="year",
        text="全年拨付知识产权专项资金260万元,支持高价值专利培育项目12项;资助办法已印发实施。",
    )
    year_report.attachment.save("funds.txt", ContentFile(FUNDS_LIST.encode("utf-8")), save=False)
    supervision.hand_in(year_report, unit_user)
    supervision.review(year_report, "accept", official)

    meeting = Meeting.objects.create(
        plan=plan,
        date=dt.date(2025, 3, 18),
        title="2025年知识产权强省建设示范园区创建工作领导小组第一次会议",
        attendees="管委会主任(组长)、分管副主任、区市场监管局、区财政局、高新区科技经济局等成员单位负责人",
        minutes="听取2024年创建工作汇报,部署2025年重点任务。",
        created_by=official,
    )
    first = meeting.decisions.create(number=1, text="设立知识产权质押融资风险补偿基金")
    second = meeting.decisions.create(number=2, text="年内完成专利导航报告发布")
    FollowUp.objects.create(
        decision=first, unit=unit, task=task, action="起草风险补偿基金管理办法", due=dt.date(2025, 6, 30)
    )
    done = FollowUp.objects.create(decision=second, unit=unit, action="安排导航项目经费", due=dt.date(2025, 5, 31))
    supervision.mark_done(done, unit_user, "已安排经费40万元。")

    items = [
        AssessmentItem.objects.create(plan=plan, year=2025, order=order, name=name, name_en=name_en, weight=weight)
        for order, (name, name_en, weight) in enumerate(RUBRIC, start=1)
    ]
    for item, score in zip(items, (Decimal(88), Decimal(70), Decimal(82)), strict=True):
        record_score(item, unit, task, score, official)
