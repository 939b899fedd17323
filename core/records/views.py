"""List, detail, create, edit and export pages shared by every record kind (core.records)."""

import csv
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, DetailView, TemplateView, UpdateView
from django_filters.views import FilterView

from core.importing import KINDS as IMPORT_KINDS
from ipportal.exports import safe_row
from ipportal.pagination import LargeListPaginator
from ipportal.permissions import OfficialRequiredMixin, PortalUserRequiredMixin
from ipportal.roles import is_official
from ipportal.templatetags.portal import or_unknown

from . import RecordKind
from .search import MAX_QUERY_LENGTH, search_records

# How a template shows a variable by default (autoescape on, localisation as settings say).
PLAIN = Context()


class RecordKindMixin:
    kind: RecordKind | None = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.kind.enterprise_visible and not is_official(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = self.kind.model.objects.for_user(self.request.user)
        return queryset.select_related(*self.kind.related) if self.kind.related else queryset

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kind": self.kind}


class RecordListView(PortalUserRequiredMixin, RecordKindMixin, FilterView):
    paginate_by = 25
    paginator_class = LargeListPaginator
    template_name = "enterprises/record_list.html"

    def get_filterset_class(self):
        return self.kind.filterset

    def get_queryset(self):
        fields = list_fields(self.kind)
        return super().get_queryset().only(*fields) if fields else super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The holder as filed and the park enterprise it was matched to share one column: they
        # are mostly the same name, and two columns of it squeezed the list at 1440 px.
        holder = "enterprise" in self.kind.related and any(attr == "holder_name" for attr, _l in self.kind.columns)
        classes = [column_class(attr) for attr, _label in self.kind.columns]
        context["columns"] = list(zip((label for _attr, label in self.kind.columns), classes, strict=True))
        context["enterprise_column"] = "enterprise" in self.kind.related and not holder
        readers = [column_reader(self.kind.model, attr) for attr, _label in self.kind.columns]
        context["rows"] = [
            (record, list_row(record, self.kind.columns, readers, classes, holder, context["enterprise_column"]))
            for record in context["object_list"]
        ]
        if self.kind.totals:
            context["totals"] = self.kind.totals(context["filter"].qs)
        return context


# What the list shows of the park enterprise: its name and the credit-code badge (code_override.html).
ENTERPRISE_FIELDS = (
    "enterprise__name",
    "enterprise__credit_code_override_at",
    "enterprise__credit_code_override_reason",
)


def list_fields(kind: RecordKind) -> list[str]:
    """The fields a kind's list shows, for `QuerySet.only()` (a page of 25 patents fetched with
    every column took twice the time to read); [] when a column is not a plain field or a choice
    label (a property or a related object may read any field), so the list reads every field."""
    fields = []
    for attr, _label in kind.columns:
        name = attr.removeprefix("get_").removesuffix("_display") if attr.endswith("_display") else attr
        try:
            field = kind.model._meta.get_field(name)
        except FieldDoesNotExist:
            return []
        if not field.concrete or field.is_relation:
            return []
        fields.append(name)
    if set(kind.related) - {"enterprise"}:
        return []
    return fields + list(ENTERPRISE_FIELDS if kind.related else ())


def column_class(attr: str) -> str:
    """The CSS class of a list column: numbers, dates and choice labels ("发明专利") are short
    and read as one piece, so they never wrap ("nowrap"); free text may."""
    short = attr.endswith(("_date", "_number", "year")) or (attr.startswith("get_") and attr.endswith("_display"))
    return "nowrap" if short else ""


def column_reader(model: type, attr: str) -> Callable[[Any], Any]:
    """How a list column reads its value from a record (`attr`: a field, property or method).

    A choice field's label (`get_patent_type_display`) comes from a table of the labels made once
    for the page: Django's `get_FOO_display` builds that table again, translating every label,
    for each row."""
    if attr.startswith("get_") and attr.endswith("_display"):
        try:
            field = model._meta.get_field(attr.removeprefix("get_").removesuffix("_display"))
        except FieldDoesNotExist:
            field = None
        if field is not None and field.choices:
            labels = {value: str(label) for value, label in field.flatchoices}
            return lambda record: labels.get(getattr(record, field.attname), getattr(record, field.attname))
    return lambda record: value_of(record, attr)


def list_row(
    record,
    columns: tuple[tuple[str, str], ...],
    readers: list[Callable[[Any], Any]],
    classes: list[str],
    holder: bool,
    enterprise_column: bool,
) -> SafeString:
    """One row of a record list: its cells (`<td>…</td>`), the first linking to the record's page.

    The same HTML the list's template wrote cell by cell, made here in one pass: 25 rows of 7
    cells through `{% for %}`, `{% if %}` and an `{% include %}` each were half the CPU time of a
    list page (10 of 22 ms over 1,000,000 patents). Each value is shown as a template shows a
    variable (localised, escaped); an empty one as "—". With `holder`, the holder column also
    names the park enterprise when that is another name; with `enterprise_column`, a last cell
    names it."""
    cells = []
    for index, ((attr, _label), read, css) in enumerate(zip(columns, readers, classes, strict=True)):
        value = read(record)
        if index == 0:
            content = format_html('<a href="{}">{}</a>', record.get_absolute_url(), shown(value))
        else:
            content = shown(or_unknown(value))
        if holder and attr == "holder_name":
            content += park_enterprise(record, value)
        # `css` is one of column_class's class names, `content` escaped above.
        cells.append(f'<td class="{css}">{content}</td>' if css else f"<td>{content}</td>")
    if enterprise_column:
        cells.append(f"<td>{park_enterprise(record, None)}</td>")
    return mark_safe("".join(cells))  # every value escaped above, by `shown` or format_html


def shown(value) -> str:
    """A value as `{{ value }}` shows it: localised (dates, numbers, in the active language) and escaped."""
    if isinstance(value, str):  # most cells; the template would not localise them either
        return conditional_escape(value)
    return render_value_in_context(value, PLAIN)


def park_enterprise(record, holder_name) -> SafeString:
    """The park enterprise after the holder's name when it is another name ("park enterprise: …"),
    its credit-code badge, or "not in the park"; without a holder name, the enterprise's name alone."""
    enterprise = record.enterprise
    if enterprise is None:
        return format_html(' <span class="tag">{}</span>', _("not in the park"))
    html = SafeString()
    if enterprise.name != holder_name:
        if holder_name:
            html = format_html('<br><span class="park-enterprise">{}: {}</span>', _("park enterprise"), enterprise.name)
        else:
            html = format_html('<span class="park-enterprise">{}</span>', enterprise.name)
    if enterprise.credit_code_override_at:
        html += render_to_string("enterprises/includes/code_override.html", {"enterprise": enterprise})
    return html


def value_of(record, attr: str):
    value = getattr(record, attr)
    return as_year(attr, value() if callable(value) else value)


def as_year(name: str, value):
    """Years are shown as 2025, not localised like a quantity (2,025)."""
    return str(value) if name.endswith("year") and isinstance(value, int) and not isinstance(value, bool) else value


class RecordDetailView(PortalUserRequiredMixin, RecordKindMixin, DetailView):
    template_name = "enterprises/record_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        hidden = {"id", "enterprise", "created_at", "updated_at"}
        context["fields"] = [
            (field.verbose_name, display(record, field))
            for field in record._meta.concrete_fields
            if field.name not in hidden
        ]
        context["extra_facts"] = record.detail_facts() if hasattr(record, "detail_facts") else []
        context["extra_links"] = (
            record.detail_links() if hasattr(record, "detail_links") and is_official(self.request.user) else []
        )
        if hasattr(record, "detail_context"):  # what a kind adds to its page, for this user
            context.update(record.detail_context(self.request.user))
        return context


def export_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if isinstance(value, int | float | Decimal) else str(value)


def display(record, field):
    if field.choices:
        return getattr(record, f"get_{field.name}_display")()
    return as_year(field.name, getattr(record, field.attname))


class RecordFormMixin(OfficialRequiredMixin, RecordKindMixin):
    template_name = "enterprises/record_form.html"

    def get_form_class(self):
        return self.kind.form

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("%(record)s saved.") % {"record": self.object})
        return response


class RecordCreateView(RecordFormMixin, CreateView):
    def get_initial(self):
        """Form fields named in the query string start filled in ("add a certification for this enterprise")."""
        fields = self.kind.form.base_fields
        return {**super().get_initial(), **{k: v for k, v in self.request.GET.items() if k in fields}}


class RecordUpdateView(RecordFormMixin, UpdateView):
    pass


class Echo:
    def write(self, value):
        return value


class RecordExportView(PortalUserRequiredMixin, RecordKindMixin, View):
    """The filtered list as CSV or XLSX: in the import format where the kind is imported (the file
    re-imports unchanged), otherwise every field under its label."""

    def get(self, request):
        queryset = self.kind.filterset(request.GET, queryset=self.get_queryset(), request=request).qs
        if self.kind.model._meta.model_name == "pledge":
            queryset = queryset.prefetch_related("items")
        if self.kind.import_kind:
            import_kind = IMPORT_KINDS[self.kind.import_kind]
            header, to_row = import_kind.template_header(), import_kind.export_row
        else:
            fields = [
                f for f in self.kind.model._meta.concrete_fields if f.name not in {"id", "created_at", "updated_at"}
            ]
            queryset = queryset.select_related(*(f.name for f in fields if f.is_relation))
            header = [str(f.verbose_name) for f in fields]

            def to_row(record):
                return [
                    export_value(display(record, f) if not f.is_relation else getattr(record, f.name)) for f in fields
                ]

        rows = (safe_row(to_row(record)) for record in queryset.iterator(2000))
        stem = f"{self.kind.slug}s-{timezone.localdate():%Y%m%d}"
        if request.GET.get("format") == "xlsx":
            return xlsx_response(stem, header, rows)
        writer = csv.writer(Echo())

        def lines():
            yield "\ufeff" + writer.writerow(safe_row(header))
            for row in rows:
                yield writer.writerow(row)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{stem}.csv")
        return response


def xlsx_response(stem: str, header: list, rows) -> HttpResponse:
    """An XLSX download; text a spreadsheet would run as a formula is neutralised here, so every
    caller is covered (openpyxl itself writes any string starting with "=" as a formula)."""
    import io

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(safe_row(header))
    for row in rows:
        sheet.append(safe_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}.xlsx")
    return response


def record_urls(kind: RecordKind) -> list:
    from django.urls import path

    slug = kind.slug
    return [
        path(f"{slug}s/", RecordListView.as_view(kind=kind), name=f"{slug}-list"),
        path(f"{slug}s/new/", RecordCreateView.as_view(kind=kind), name=f"{slug}-create"),
        path(f"{slug}s/export/", RecordExportView.as_view(kind=kind), name=f"{slug}-export"),
        path(f"{slug}s/<int:pk>/", RecordDetailView.as_view(kind=kind), name=f"{slug}-detail"),
        path(f"{slug}s/<int:pk>/edit/", RecordUpdateView.as_view(kind=kind), name=f"{slug}-edit"),
    ]


class RecordSearchView(PortalUserRequiredMixin, TemplateView):
    """The sidebar's search: records of every kind the user may see whose numbers, titles or
    holders contain the words (core.records.search), a few of each kind with a link to the
    kind's list filtered by the same words."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        hits = search_records(self.request.user, query)
        return {
            **super().get_context_data(**kwargs),
            "query": query,
            "hits": hits,
            "total": sum(hit.count for hit in hits),
        }
