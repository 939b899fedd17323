"""The assessment dossier (考核材料) for a year or for the whole plan: a DOCX (python-docx) the office
edits and sends, and its PDF (WeasyPrint, from the same content). It holds a cover, the contents,
the quantified goals against the achieved values (targets.values.value_rows, so approved values
where the year is approved) with status, a section per area and per key task with the narrative
of the units' accepted progress reports (or the text an official wrote in its place, TaskNarrative),
the evidence list (every attachment of an accepted plan or report and of a reported value) and the
record charts. Chinese official layout: A4, 仿宋 body and 黑体 headings (Noto CJK where those are not
installed), page numbers, headings numbered 一、二、… and （一）（二）….

`make(dossier)` runs in the Celery task and records progress on the Dossier row, leased to the
process making it (targets.leases, as the annual report): `find_lost` fails one whose process
stopped, and its page offers to make it again. `write(plan, year, path)` is the command line's
path (``manage.py make_dossier``)."""

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.models import ReviewState
from ipportal.templatetags.portal import indicator_value

from . import leases
from .dashboards import record_charts
from .models import (
    Area,
    Dossier,
    KeyTask,
    Plan,
    ProgressReport,
    ReportedValue,
    Status,
    TaskNarrative,
    Unit,
    WorkPlan,
)
from .report_charts import bar_svg, number, svg_png
from .values import value_rows

NUMERALS = "一二三四五六七八九十"
BODY_FONTS = ("仿宋", "FangSong", "Noto Serif CJK SC")
HEADING_FONTS = ("黑体", "SimHei", "Noto Sans CJK SC")


# What XML 1.0 (so DOCX) cannot hold: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word's manual line break (Shift+Enter, VT) and page break (FF) as pasted into a text area.
WORD_BREAKS = re.compile(r"[\x0b\x0c]")


def xml_text(text: str) -> str:
    """`text` as XML 1.0 can hold it (so python-docx does not raise "All strings must be XML
    compatible"): Word's line and page breaks (\\x0b, \\x0c) become newlines, the other
    characters XML forbids (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF) are dropped.
    Every text the dossier writes, and every narrative saved, goes through it."""
    return NOT_XML.sub("", WORD_BREAKS.sub("\n", str(text)))


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (for headings; up to 99)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def dossier_years(plan: Plan, year: int | None) -> list[int]:
    """The years a dossier covers: one, or every year of the plan (not the base year)."""
    return [year] if year else list(range(plan.first_year, plan.last_year + 1))


def accepted_reports(task: KeyTask, years: list[int]):
    return (
        ProgressReport.objects.filter(task=task, year__in=years, state=ReviewState.APPROVED)
        .select_related("unit")
        .order_by("year", "-period", "unit__name")
    )


def default_narrative(task: KeyTask, years: list[int]) -> str:
    """The narrative of a task's accepted progress reports in the years, one paragraph each,
    prefixed with the unit and period; "" when none was accepted."""
    paragraphs = []
    for report in accepted_reports(task, years):
        paragraphs.append(
            _("%(unit)s (%(year)s, %(period)s): %(text)s")
            % {
                "unit": report.unit.name,
                "year": report.year,
                "period": report.get_period_display(),
                "text": report.text.strip(),
            }
        )
    return "\n".join(paragraphs)


def narratives(plan: Plan, year: int | None) -> dict[int, tuple[str, bool]]:
    """Each key task's narrative for the dossier: task pk → (text, edited by an official)."""
    years = dossier_years(plan, year)
    edited = {n.task_id: n.text for n in TaskNarrative.objects.filter(task__plan=plan, year=year)}
    out = {}
    for task in plan.key_tasks.all():
        if task.pk in edited:
            out[task.pk] = (edited[task.pk], True)
        else:
            out[task.pk] = (default_narrative(task, years), False)
    return out


def save_narrative(task: KeyTask, year: int | None, text: str, user) -> TaskNarrative | None:
    """Keep an official's narrative for a task; text equal to the accepted reports' (or empty)
    removes the override, so later accepted reports flow into the dossier again."""
    text = xml_text(text).replace("\r\n", "\n").strip()
    default = default_narrative(task, dossier_years(task.plan, year)).strip()
    if not text or text == default:
        TaskNarrative.objects.filter(task=task, year=year).delete()
        return None
    narrative, _created = TaskNarrative.objects.update_or_create(
        task=task, year=year, defaults={"text": text, "edited_by": user}
    )
    return narrative


@dataclass
class Heading:
    """A numbered heading; `anchor` links the PDF's contents to it."""

    level: int
    text: str
    anchor: str

    def __str__(self) -> str:
        return self.text


@dataclass
class Goal:
    """One quantified goal's row: values per covered year formatted in its unit, and its status
    in the last covered year."""

    number: int
    code: str
    name: str
    unit: str
    target: str
    values: list[str]
    progress: str
    status: str
    status_code: str


@dataclass
class Evidence:
    number: int
    record: str
    by: str
    date: str
    file: str
    url: str


@dataclass
class TaskSection:
    heading: Heading
    units: str
    indicators: str
    narrative: list[str]
    evidence: list[int]


@dataclass
class AreaSection:
    heading: Heading
    summary: str
    goals: list[Goal]
    tasks: list[TaskSection]


@dataclass
class DossierContent:
    plan: Plan
    year: int | None
    years: list[int]
    title: str
    subtitle: str
    made_at: object
    overview: list[str]
    goals: list[Goal]
    areas: list[AreaSection]
    evidence: list[Evidence]
    charts: list[tuple[str, str]]  # (title, SVG)
    headings: list[Heading] = field(default_factory=list)  # for the contents
    section_headings: dict[str, Heading | None] = field(default_factory=dict)

    @property
    def contents(self) -> list[Heading]:
        """The contents lists the sections and areas; the key tasks would make it two pages long."""
        return [heading for heading in self.headings if heading.level <= 2]

    @property
    def chart_pngs(self) -> list[tuple[str, bytes]]:
        return [(title, svg_png(svg)) for title, svg in self.charts]


def _evidence(plan: Plan, years: list[int]) -> tuple[list[Evidence], dict[int, list[int]]]:
    """Every attachment of an accepted plan or report and of a reported value in the years, with
    the record it belongs to; and for each task the evidence numbers that are its own."""
    items: list[tuple[object, str, str, object, str, int | None]] = []
    for model in (WorkPlan, ProgressReport):
        for submission in (
            model.objects.filter(task__plan=plan, year__in=years, state=ReviewState.APPROVED)
            .exclude(Q(attachment="") | Q(attachment__isnull=True))
            .select_related("unit", "task")
            .order_by("task__number", "year", "unit__name", "pk")
        ):
            items.append(
                (
                    submission.attachment,
                    str(submission),
                    submission.unit.name,
                    submission.submitted_at,
                    submission.get_absolute_url(),
                    submission.task_id,
                )
            )
    for reported in (
        ReportedValue.objects.filter(indicator__plan=plan, year__in=years)
        .exclude(Q(attachment="") | Q(attachment__isnull=True))
        .select_related("indicator", "entered_by")
        .order_by("indicator__code", "year")
    ):
        items.append(
            (
                reported.attachment,
                _("Reported value of %(code)s %(name)s for %(year)s")
                % {"code": reported.indicator.code, "name": reported.indicator.name_zh, "year": reported.year},
                str(reported.entered_by),
                reported.entered_at,
                reported.indicator.get_absolute_url(),
                None,
            )
        )
    evidence, by_task = [], {}
    for index, (stored, record, by, when, url, task_id) in enumerate(items, start=1):
        day = timezone.localdate(when).isoformat() if when else "—"
        evidence.append(Evidence(index, record, by, day, Path(stored.name).name, url))
        if task_id:
            by_task.setdefault(task_id, []).append(index)
    return evidence, by_task


def _goal(number_: int, rows: list[dict]) -> Goal:
    last = rows[-1]
    indicator = last["indicator"]
    return Goal(
        number=number_,
        code=last["code"],
        name=indicator.name_zh,
        unit=str(Unit(last["unit"]).label),
        target=indicator_value(last["target"], last["unit"]),
        values=[indicator_value(row["value"], row["unit"]) for row in rows],
        progress=f"{number(last['progress'])}%",
        status=str(last["status_label"]),
        status_code=last["status"],
    )


def dossier_content(plan: Plan, year: int | None) -> DossierContent:
    """What the dossier says, in the active language (the files are made in Chinese)."""
    years = dossier_years(plan, year)
    status_year = years[-1]
    per_year = {y: value_rows(plan, y) for y in years}
    goals = [
        _goal(index, [per_year[y][position] for y in years])
        for index, position in enumerate(range(len(per_year[status_year])), start=1)
    ]
    texts = narratives(plan, year)
    evidence, evidence_by_task = _evidence(plan, years)
    tasks = list(plan.key_tasks.prefetch_related("units", "indicators").order_by("number"))
    headings: list[Heading] = []
    section = iter(range(1, 100))

    def numbered(n: int, text: str) -> str:
        return f"{chinese_number(n)}、{text}"

    def heading(level: int, text: str) -> Heading:
        headings.append(Heading(level, text, f"h{len(headings) + 1}"))
        return headings[-1]

    counts = {value: sum(1 for g in goals if g.status_code == value) for value in Status.values}
    overview_heading = heading(1, numbered(next(section), _("Overview")))
    overview = [
        _(
            "The plan has %(total)d quantified goals. In %(year)s: %(achieved)d achieved, %(on_track)d on track, "
            "%(at_risk)d at risk, %(behind)d behind, %(no_data)d without data."
        )
        % {"total": len(goals), "year": status_year, **counts},
        _(
            "%(tasks)d key tasks; %(reports)d progress reports of the member units were accepted; %(items)d evidence items."
        )
        % {
            "tasks": len(tasks),
            "reports": ProgressReport.objects.filter(
                task__plan=plan, year__in=years, state=ReviewState.APPROVED
            ).count(),
            "items": len(evidence),
        },
    ]
    goals_heading = heading(1, numbered(next(section), _("Quantified goals and achieved values")))
    tasks_heading = heading(1, numbered(next(section), _("Progress by area and key task")))
    areas = []
    area_number = iter(range(1, 100))
    for code, label in Area.choices:
        area_goals = [goal for goal in goals if per_year[status_year][goal.number - 1]["area"] == code]
        area_tasks = [task for task in tasks if task.area == code]
        if not area_goals and not area_tasks:  # nothing to say: no empty section
            continue
        area_heading = heading(2, f"（{chinese_number(next(area_number))}）{label}")
        summary = (
            _("%(count)d quantified goals: %(achieved)d achieved, %(behind)d behind or at risk.")
            % {
                "count": len(area_goals),
                "achieved": sum(1 for g in area_goals if g.status_code == Status.ACHIEVED),
                "behind": sum(1 for g in area_goals if g.status_code in (Status.BEHIND, Status.AT_RISK)),
            }
            if area_goals
            else ""
        )
        sections = []
        for task in area_tasks:
            text, _edited = texts.get(task.pk, ("", False))
            paragraphs = [line.strip() for line in xml_text(text).splitlines() if line.strip()] or [
                _("No progress report on this task has been accepted for the period.")
            ]
            sections.append(
                TaskSection(
                    heading=heading(3, f"{task.number}. {task.title}"),
                    units="、".join(unit.name for unit in task.units.all()) or "—",
                    indicators="、".join(f"{i.code} {i.name_zh}" for i in task.indicators.all()) or "—",
                    narrative=paragraphs,
                    evidence=evidence_by_task.get(task.pk, []),
                )
            )
        areas.append(AreaSection(area_heading, summary, area_goals, sections))
    evidence_heading = heading(1, numbered(next(section), _("Evidence")))
    charts = [(str(chart.title), svg) for chart in record_charts(plan, status_year) if (svg := bar_svg(chart))]
    charts_heading = heading(1, numbered(next(section), _("Charts"))) if charts else None
    if year:
        title = _("Assessment materials %(year)s") % {"year": year}
    else:
        title = _("Assessment materials %(first)s–%(last)s") % {"first": plan.first_year, "last": plan.last_year}
    return DossierContent(
        plan=plan,
        year=year,
        years=years,
        title=title,
        subtitle=plan.name,
        made_at=timezone.localtime(),
        overview=overview,
        goals=goals,
        areas=areas,
        evidence=evidence,
        charts=charts,
        headings=headings,
        section_headings={
            "overview": overview_heading,
            "goals": goals_heading,
            "tasks": tasks_heading,
            "evidence": evidence_heading,
            "charts": charts_heading,
        },
    )


# ---- DOCX -----------------------------------------------------------------------------------


def _set_fonts(style_or_run, fonts: tuple[str, ...], size_pt: float | None = None, bold: bool | None = None) -> None:
    """Latin and East Asian font of a style or run (python-docx sets only the Latin one by name)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = fonts[0]
    font.color.rgb = RGBColor(0, 0, 0)
    if size_pt:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    element = style_or_run.element
    r_pr = element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), fonts[0])


def _page_number(paragraph) -> None:
    """A PAGE field (Word fills it in) between dashes, as official documents number pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    paragraph.add_run(" —")


def docx_bytes(content: DossierContent) -> bytes:
    """The dossier as DOCX: A4 with the official margins, 仿宋 三号 body, 黑体/楷体 headings (Heading
    1–3 styles, so Word's navigation and contents work), tables with a grid, charts as PNG."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    styles = document.styles
    _set_fonts(styles["Normal"], BODY_FONTS, 16)
    styles["Normal"].paragraph_format.line_spacing = Pt(28)
    _set_fonts(styles["Title"], HEADING_FONTS, 22, True)
    _set_fonts(styles["Heading 1"], HEADING_FONTS, 16, False)
    _set_fonts(styles["Heading 2"], ("楷体", "KaiTi", "Noto Serif CJK SC"), 16, True)
    _set_fonts(styles["Heading 3"], BODY_FONTS, 16, True)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        styles[name].paragraph_format.space_before = Pt(6)
        styles[name].paragraph_format.space_after = Pt(6)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    def paragraph(text: str, indent: bool = True):
        para = document.add_paragraph(xml_text(text))
        if indent:
            para.paragraph_format.first_line_indent = Pt(32)
        return para

    def table(header: list[str], rows: list[list[str]], widths: list[float] | None = None) -> None:
        grid = document.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(xml_text(text))
            _set_fonts(run, HEADING_FONTS, 10.5)
        for values in rows:
            cells = grid.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = ""
                run = cell.paragraphs[0].add_run(xml_text(text))
                _set_fonts(run, BODY_FONTS, 10.5)
        if widths:
            for row in grid.rows:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Mm(width)

    # Cover
    for _blank in range(5):
        document.add_paragraph()
    cover = document.add_paragraph(style="Title")
    cover.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.add_run(xml_text(content.subtitle))
    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(xml_text(content.title))
    for _blank in range(6):
        document.add_paragraph()
    for text in (_("Jingmen High-tech Zone IP Office"), content.made_at.strftime("%Y-%m-%d")):
        line = document.add_paragraph(xml_text(text))
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Contents
    contents = document.add_paragraph()
    contents.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_fonts(contents.add_run(_("Contents")), HEADING_FONTS, 16)
    for heading in content.contents:
        line = document.add_paragraph(xml_text(heading.text))
        line.paragraph_format.left_indent = Pt(16 * (heading.level - 1))
        line.paragraph_format.line_spacing = Pt(22)
    document.add_section(WD_SECTION.NEW_PAGE)

    names = content.section_headings
    document.add_heading(xml_text(names["overview"]), level=1)
    for text in content.overview:
        paragraph(text)

    document.add_heading(xml_text(names["goals"]), level=1)
    year_columns = [str(y) for y in content.years]
    table(
        [_("No."), _("code"), _("indicator"), _("target"), *year_columns, _("progress"), _("status")],
        [[str(g.number), g.code, g.name, g.target, *g.values, g.progress, g.status] for g in content.goals],
        widths=[9, 11, 156 - 9 - 11 - 20 - 18 * len(year_columns) - 13 - 15, 20, *(18 for _y in year_columns), 13, 15],
    )

    document.add_heading(xml_text(names["tasks"]), level=1)
    for area in content.areas:
        document.add_heading(xml_text(area.heading), level=2)
        if area.summary:
            paragraph(area.summary)
        for task in area.tasks:
            document.add_heading(xml_text(task.heading), level=3)
            paragraph(_("Responsible units: %(units)s") % {"units": task.units})
            paragraph(_("Indicators served: %(indicators)s") % {"indicators": task.indicators})
            for text in task.narrative:
                paragraph(text)
            if task.evidence:
                paragraph(_("Evidence: items %(items)s") % {"items": "、".join(str(n) for n in task.evidence)})

    document.add_heading(xml_text(names["evidence"]), level=1)
    if content.evidence:
        table(
            [_("No."), _("record"), _("by"), _("date"), _("file")],
            [[str(e.number), e.record, e.by, e.date, e.file] for e in content.evidence],
        )
    else:
        paragraph(_("No attachments were handed in with the accepted plans, reports or reported values."))

    if content.charts:
        document.add_heading(xml_text(names["charts"]), level=1)
        for index, (title_text, png) in enumerate(content.chart_pngs, start=1):
            document.add_picture(io.BytesIO(png), width=Mm(150))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption = document.add_paragraph(xml_text(_("Figure %(n)s %(title)s") % {"n": index, "title": title_text}))
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    document.core_properties.title = xml_text(content.title)
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(content: DossierContent) -> bytes:
    """The dossier as PDF (WeasyPrint) from the same content: contents with page numbers."""
    from weasyprint import HTML

    html = render_to_string("targets/dossier_pdf.html", {"dossier": content, "names": content.section_headings})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def render(plan: Plan, year: int | None, fmt: str) -> bytes:
    """The dossier's bytes in `fmt` ("docx" or "pdf"), always in the portal's language (Chinese).
    Raises ValueError for another format."""
    if fmt not in ("docx", "pdf"):
        raise ValueError(fmt)
    with translation.override(settings.LANGUAGE_CODE):
        content = dossier_content(plan, year)
        return docx_bytes(content) if fmt == "docx" else pdf_bytes(content)


def find_lost(candidates: QuerySet[Dossier] | None = None) -> int:
    """Fail the dossiers (of `candidates`, default all) still queued or being made past their
    lease, marked as lost by their process; returns how many (targets.leases.find_lost)."""
    return leases.find_lost(candidates if candidates is not None else Dossier.objects.all())


def make(dossier: Dossier) -> Dossier:
    """Make both files, recording progress; a failure is recorded on the dossier, not raised."""
    return leases.make_files(
        dossier,
        lambda: dossier_content(dossier.plan, dossier.year),
        [
            ("docx", f"{dossier.file_stem}.docx", 30, docx_bytes),
            ("pdf", f"{dossier.file_stem}.pdf", 60, pdf_bytes),
        ],
    )
