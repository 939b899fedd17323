"""The annual assessment report: the indicator table with status, per-area summaries and charts,
as XLSX (openpyxl) and PDF (WeasyPrint, Chinese set in Noto Sans CJK). Made by a Celery task
that records its progress on the AnnualReport row; kept for download.

A report is leased to the process making it (targets.leases, shared with the dossier): one still
queued or being made past its lease lost that process (killed, restarted): `find_lost` fails it,
and its page offers to make it again."""

import io
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ipportal.exports import safe_row

from . import leases
from .dashboards import ChartData, record_charts
from .models import AnnualReport, Area, Plan, Status, Unit, YearApproval
from .report_charts import bar_svg, number, progress_svg
from .values import value_rows


def find_lost(candidates: QuerySet[AnnualReport] | None = None) -> int:
    """Fail the reports (of `candidates`, default all) still queued or being made past their
    lease, marked as lost by their process; returns how many (targets.leases.find_lost)."""
    return leases.find_lost(candidates if candidates is not None else AnnualReport.objects.all())


def make(report: AnnualReport) -> AnnualReport:
    """Make both files, recording progress; a failure is recorded on the report, not raised."""
    return leases.make_files(
        report,
        lambda: report_content(report.plan, report.year),
        [
            ("xlsx", f"report-{report.year}.xlsx", 35, xlsx_bytes),
            ("pdf", f"report-{report.year}.pdf", 55, pdf_bytes),
        ],
    )


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
        """(title, SVG) of each record chart that has data."""
        return [(str(chart.title), svg) for chart in self.charts if (svg := bar_svg(chart))]

    @property
    def progress_svgs(self) -> list[tuple[str, str]]:
        """(area, SVG) of each area with indicators."""
        return [(area.label, svg) for area in self.areas if (svg := progress_svg(area.rows))]


def report_content(plan: Plan, year: int) -> ReportContent:
    """The report's rows (targets.values.value_rows), a summary per area that has indicators, and
    the record charts of the year."""
    rows = value_rows(plan, year)
    areas = []
    for code, label in Area.choices:
        area_rows = [row for row in rows if row["area"] == code]
        counts = [
            (value, text, sum(1 for row in area_rows if row["status"] == value)) for value, text in Status.choices
        ]
        if not area_rows:  # an area without indicators has nothing to report: no empty section
            continue
        behind = [row for row in area_rows if row["status"] in (Status.BEHIND, Status.AT_RISK)]
        areas.append(AreaSummary(code, str(label), area_rows, counts, behind))
    return ReportContent(plan, year, rows, areas, record_charts(plan, year), timezone.localtime())


def number_format(value, unit: str = "") -> str:
    """The XLSX number format of a cell: whole numbers without decimals, others with two (Excel
    shows "#,##0.##" as "423." for whole numbers, so the format follows the value); percentages
    with a % sign after the figure (the stored value is already in per cent)."""
    digits = "#,##0" if isinstance(value, int) else "#,##0.00"
    return f'{digits}"%"' if unit == "percent" else digits


def xlsx_number(value) -> float | int | None:
    """A stored Decimal as an XLSX number, rounded to the two decimals the report shows."""
    if value is None:
        return None
    rounded = round(Decimal(value), 2)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def sheet_title(title: str, taken: set[str]) -> str:
    """A translated sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    clean = "".join(" " if char in "[]:*?/\\" else char for char in str(title)).strip()[:31] or "-"
    candidate, serial = clean, 2
    while candidate.lower() in taken:
        suffix = f" ({serial})"
        candidate, serial = clean[: 31 - len(suffix)] + suffix, serial + 1
    taken.add(candidate.lower())
    return candidate


def approval_note(approval: YearApproval) -> str:
    """ "Approved figures: approved by … on …" for a YearApproval, in the active language, with the
    time in the portal's time zone (the PDF's line)."""
    when = timezone.localtime(approval.approved_at).strftime("%Y-%m-%d %H:%M")
    return _("Approved figures: approved by %(who)s on %(when)s.") % {"who": approval.approved_by, "when": when}


def xlsx_bytes(content: ReportContent) -> bytes:
    """The indicator table, the area summary and one sheet per chart's data, with translated units
    and sheet names and numbers rounded to two decimals in number formats (not General). Approved
    values are marked in an "approved" column and a note under the table says who approved the
    year's figures and when, as the PDF does."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    taken: set[str] = set()
    sheet = workbook.active
    sheet.title = sheet_title(_("Indicators"), taken)
    approved_label = pgettext("figures", "approved")
    header = [
        _("code"),
        _("indicator"),
        _("area"),
        _("unit"),
        _("value"),
        approved_label,
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
                    str(Unit(row["unit"]).label),
                    xlsx_number(row["value"]),
                    approved_label if row["approved"] else None,
                    xlsx_number(row["target"]),
                    xlsx_number(row["progress"]),
                    str(row["status_label"]),
                    xlsx_number(row["numerator"]),
                    xlsx_number(row["denominator"]),
                    row["reason"],
                ]
            )
        )
        cells = sheet[sheet.max_row]
        for index in (4, 6):
            cells[index].number_format = number_format(cells[index].value, row["unit"])
        for index in (7, 9, 10):
            cells[index].number_format = number_format(cells[index].value)
    approval = next((row["approval"] for row in content.rows if row["approval"] is not None), None)
    if approval is not None:
        sheet.append([])
        sheet.append(safe_row([approval_note(approval)]))
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["D"].width = 16
    summary = workbook.create_sheet(sheet_title(_("Areas"), taken))
    summary.append(safe_row([str(_("area")), *(str(label) for _value, label in Status.choices), str(_("summary"))]))
    for area in content.areas:
        summary.append(safe_row([area.label, *(count for _v, _l, count in area.counts), area.sentence]))
        for cell in summary[summary.max_row][1:-1]:
            cell.number_format = "#,##0"
    for chart in content.charts:
        data = workbook.create_sheet(sheet_title(chart.title, taken))
        data.append(safe_row([str(chart.title)]))
        data.append(safe_row(["", *(str(name) for name, _values in chart.series)]))
        for row in chart.rows():
            data.append(safe_row([str(row[0]), *(xlsx_number(v) for v in row[1:])]))
            for cell in data[data.max_row][1:]:
                cell.number_format = number_format(cell.value)
        data.column_dimensions["A"].width = 32
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(content: ReportContent) -> bytes:
    from weasyprint import HTML

    html = render_to_string("targets/report_pdf.html", {"report": content, "number": number})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
