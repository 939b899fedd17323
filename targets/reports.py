"""The annual assessment report: the indicator table with status, per-area summaries and charts,
as XLSX (openpyxl) and PDF (WeasyPrint, Chinese set in Noto Sans CJK). Made by a Celery task
that records its progress on the AnnualReport row; kept for download.

A report is leased to the process making it (`lease_until`): for a while after it is queued,
then for a while after each step. One still queued or being made past its lease lost that
process (killed, restarted): `find_lost` fails it, and its page offers to make it again."""

import datetime as dt
import io
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ipportal.exports import safe_row

from .dashboards import ChartData, record_charts
from .models import AnnualReport, Area, Plan, Status
from .values import value_rows

logger = logging.getLogger(__name__)
BAR_W, BAR_H, PAD = 520, 200, 36
COLOURS = ["#0b5394", "#e69138", "#6aa84f", "#cc0000", "#674ea7", "#45818e", "#999999"]
STATUS_COLOURS = {
    "achieved": "#1e7b34",
    "on_track": "#2b6cb0",
    "at_risk": "#b7791f",
    "behind": "#c53030",
    "no_data": "#9aa5b1",
}


def lease(seconds: int) -> dt.datetime:
    """The end of a lease starting now."""
    return timezone.now() + dt.timedelta(seconds=seconds)


def find_lost(candidates: QuerySet[AnnualReport] | None = None) -> int:
    """Fail the reports (of `candidates`, default all) still queued or being made past their
    lease, marked as lost by their process; returns how many."""
    now = timezone.now()
    queued_since = now - dt.timedelta(seconds=settings.TASK_QUEUED_LEASE_SECONDS)
    active = (AnnualReport.State.QUEUED, AnnualReport.State.RUNNING)
    return (
        (candidates if candidates is not None else AnnualReport.objects.all())
        .filter(Q(lease_until__lt=now) | Q(lease_until=None, created_at__lt=queued_since), state__in=active)
        .update(state=AnnualReport.State.FAILED, worker_lost=True, finished_at=now)
    )


def make(report: AnnualReport) -> AnnualReport:
    """Make both files, recording progress; a failure is recorded on the report, not raised."""
    report.state, report.progress, report.worker_lost = AnnualReport.State.RUNNING, 5, False
    report.lease_until = lease(settings.TASK_RUNNING_LEASE_SECONDS)
    report.save(update_fields=["state", "progress", "worker_lost", "lease_until"])
    try:
        with translation.override(settings.LANGUAGE_CODE):
            content = report_content(report.plan, report.year)
            _step(report, 35)
            report.xlsx.save(f"report-{report.year}.xlsx", ContentFile(xlsx_bytes(content)), save=False)
            _step(report, 55)
            report.pdf.save(f"report-{report.year}.pdf", ContentFile(pdf_bytes(content)), save=False)
        report.state, report.progress, report.finished_at = AnnualReport.State.DONE, 100, timezone.now()
        report.save()
    except Exception as error:  # the page shows what went wrong; the log keeps the traceback
        logger.exception("annual report %s failed", report.pk)
        report.state, report.message, report.finished_at = AnnualReport.State.FAILED, str(error), timezone.now()
        report.save(update_fields=["state", "message", "finished_at"])
    return report


def _step(report: AnnualReport, progress: int) -> None:
    report.progress = progress
    report.lease_until = lease(settings.TASK_RUNNING_LEASE_SECONDS)
    AnnualReport.objects.filter(pk=report.pk).update(progress=progress, lease_until=report.lease_until)


@dataclass
class AreaSummary:
    code: str
    label: str
    rows: list[dict]
    counts: list[tuple[str, str, int]]
    behind: list[dict]

    @property
    def sentence(self) -> str:
        counts = {value: count for value, _label, count in self.counts}
        return _(
            "%(total)d indicators: %(achieved)d achieved, %(on_track)d on track, %(at_risk)d at risk, "
            "%(behind)d behind, %(no_data)d without data."
        ) % {"total": len(self.rows), **counts}


@dataclass
class ReportContent:
    plan: Plan
    year: int
    rows: list[dict]
    areas: list[AreaSummary]
    charts: list[ChartData]
    made_at: object

    @property
    def chart_svgs(self) -> list[tuple[str, str]]:
        return [(str(chart.title), bar_svg(chart)) for chart in self.charts]

    @property
    def progress_svgs(self) -> list[tuple[str, str]]:
        return [(area.label, progress_svg(area.rows)) for area in self.areas]


def report_content(plan: Plan, year: int) -> ReportContent:
    rows = value_rows(plan, year)
    areas = []
    for code, label in Area.choices:
        area_rows = [row for row in rows if row["area"] == code]
        counts = [
            (value, text, sum(1 for row in area_rows if row["status"] == value)) for value, text in Status.choices
        ]
        behind = [row for row in area_rows if row["status"] in (Status.BEHIND, Status.AT_RISK)]
        areas.append(AreaSummary(code, str(label), area_rows, counts, behind))
    return ReportContent(plan, year, rows, areas, record_charts(plan, year), timezone.localtime())


def number(value) -> str:
    if value is None:
        return "—"
    text = f"{Decimal(value):,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def xlsx_bytes(content: ReportContent) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Indicators")[:31]
    header = [
        _("code"),
        _("indicator"),
        _("area"),
        _("unit"),
        _("value"),
        _("target"),
        _("progress (%)"),
        _("status"),
        _("numerator"),
        _("denominator"),
        _("note"),
    ]
    sheet.append(safe_row(str(h) for h in header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in content.rows:
        sheet.append(
            safe_row(
                [
                    row["code"],
                    row["indicator"].name,
                    str(Area(row["area"]).label),
                    row["unit"],
                    row["value"],
                    row["target"],
                    row["progress"],
                    str(row["status_label"]),
                    row["numerator"],
                    row["denominator"],
                    row["reason"],
                ]
            )
        )
    sheet.column_dimensions["B"].width = 40
    summary = workbook.create_sheet(_("Areas")[:31])
    summary.append(safe_row([str(_("area")), *(str(label) for _value, label in Status.choices), str(_("summary"))]))
    for area in content.areas:
        summary.append(safe_row([area.label, *(count for _v, _l, count in area.counts), area.sentence]))
    for chart in content.charts:
        data = workbook.create_sheet(chart.slug[:31])
        data.append(safe_row([str(chart.title)]))
        data.append(safe_row(["", *(str(name) for name, _values in chart.series)]))
        for row in chart.rows():
            data.append(safe_row([str(row[0]), *(float(v) if v is not None else None for v in row[1:])]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(content: ReportContent) -> bytes:
    from weasyprint import HTML

    html = render_to_string("targets/report_pdf.html", {"report": content, "number": number})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def bar_svg(chart: ChartData) -> str:
    """A plain SVG bar chart (stacked where the chart is) for the PDF."""
    categories = chart.categories
    if not categories:
        return ""
    stacked = chart.kind == "stacked"
    totals = []
    for index in range(len(categories)):
        points = [float(series_values[index] or 0) for _name, series_values in chart.series]
        totals.append(sum(points) if stacked else max(points or [0]))
    top = max([*totals, 1.0])
    slot = (BAR_W - 2 * PAD) / len(categories)
    groups = 1 if stacked else max(1, len(chart.series))
    width = slot * 0.7 / groups
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{BAR_W}" height="{BAR_H + 40}" font-size="9">']
    parts.append(f'<line x1="{PAD}" y1="{BAR_H - PAD + 10}" x2="{BAR_W - PAD}" y2="{BAR_H - PAD + 10}" stroke="#888"/>')
    for index, category in enumerate(categories):
        base_y = BAR_H - PAD + 10
        for series_index, (_name, values) in enumerate(chart.series):
            value = float(values[index] or 0)
            height = value / top * (BAR_H - PAD - 10)
            x = PAD + index * slot + slot * 0.15 + (0 if stacked else series_index * width)
            y = base_y - height
            colour = COLOURS[series_index % len(COLOURS)]
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{colour}"/>')
            if stacked:
                base_y = y
        label = str(category)[:8]
        parts.append(
            f'<text x="{PAD + index * slot + slot / 2:.1f}" y="{BAR_H - PAD + 24}" text-anchor="middle">{_escape(label)}</text>'
        )
    for series_index, (name, _values) in enumerate(chart.series):
        x = PAD + series_index * 110
        parts.append(
            f'<rect x="{x}" y="{BAR_H + 16}" width="8" height="8" fill="{COLOURS[series_index % len(COLOURS)]}"/>'
        )
        parts.append(f'<text x="{x + 12}" y="{BAR_H + 24}">{_escape(str(name)[:14])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def progress_svg(rows: list[dict]) -> str:
    """Each indicator's progress towards its target (capped at 100 %), coloured by status."""
    height = 16 * len(rows) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{BAR_W}" height="{height}" font-size="9">']
    for index, row in enumerate(rows):
        y = 4 + index * 16
        width = min(100, max(0, row["progress"])) / 100 * (BAR_W - 120)
        parts.append(f'<text x="0" y="{y + 10}">{_escape(row["code"])}</text>')
        parts.append(f'<rect x="40" y="{y}" width="{BAR_W - 120}" height="11" fill="#eef2f6"/>')
        colour = STATUS_COLOURS.get(row["status"], "#9aa5b1")
        parts.append(f'<rect x="40" y="{y}" width="{width:.1f}" height="11" fill="{colour}"/>')
        parts.append(f'<text x="{BAR_W - 72}" y="{y + 10}">{row["progress"]}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
