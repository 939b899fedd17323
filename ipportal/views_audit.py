"""The audit trail page: every recorded change, for officials, filtered by model, user and date."""

import django_filters
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _
from django_filters.views import FilterView

from .audit import audited_content_types
from .filters import DayFilter
from .permissions import OfficialRequiredMixin


class ContentTypeChoice(django_filters.ModelChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs["queryset"] = ContentType.objects.none()
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        return ContentType.objects.filter(pk__in=[ct.pk for ct in audited_content_types()])


class AuditFilter(django_filters.FilterSet):
    content_type = ContentTypeChoice(label=_("kind of record"))
    actor = django_filters.ModelChoiceFilter(
        label=_("user"),
        queryset=get_user_model().objects.filter(pk__in=LogEntry.objects.values("actor")).order_by("username"),
    )
    date_from = DayFilter(field_name="timestamp", lookup_expr="date__gte", label=_("from"))
    date_to = DayFilter(field_name="timestamp", lookup_expr="date__lte", label=_("to"))
    action = django_filters.ChoiceFilter(choices=LogEntry.Action.choices, label=_("action"))
    object_pk = django_filters.CharFilter(label=_("record id"))

    class Meta:
        model = LogEntry
        fields = ["content_type", "actor", "date_from", "date_to", "action", "object_pk"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["content_type"].label_from_instance = _type_label
        self.form.fields["content_type"].label_from_instance = _type_label


def _type_label(content_type: ContentType) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name_plural) if model else content_type.model


def record_link(entry: LogEntry) -> str:
    """The record's page if it still has one (no query: the URL needs only the id)."""
    if entry.action == LogEntry.Action.DELETE or entry.object_id is None:
        return ""
    model = entry.content_type.model_class()
    if model is None or not hasattr(model, "get_absolute_url"):
        return ""
    try:
        return model(pk=entry.object_id).get_absolute_url()
    except (NoReverseMatch, AttributeError, TypeError, ValueError, LookupError):
        return ""


def readable_changes(entry: LogEntry) -> list[tuple[str, list[str]]]:
    """The entry's changes as (field, [before, after]) for people: auditlog writes an empty value
    as "None", a file as its storage path and a related list as its manager, which mean nothing
    to the reader."""
    model = entry.content_type.model_class()
    fields = model._meta.get_fields() if model else []
    file_fields = {str(f.verbose_name) for f in fields if isinstance(f, models.FileField)}
    # Related lists (lines, events, attachments) have no value of their own: auditlog writes the
    # representation of their manager ("<… object at 0x…>", "finance.ClaimLine.None").
    related_lists = {name for f in fields if f.one_to_many for name in (f.name, str(getattr(f, "verbose_name", "")))}
    rows = []
    for field, values in sorted(entry.changes_display_dict.items()):
        if field in related_lists:
            continue
        shown = []
        for value in values:
            value = "" if value in (None, "None") else value
            if value and field in file_fields:
                value = _("a file")
            shown.append(value)
        rows.append((field, shown))
    return rows


class AuditLogView(OfficialRequiredMixin, FilterView):
    filterset_class = AuditFilter
    template_name = "audit/log.html"
    paginate_by = 50

    def get_queryset(self):
        return LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = [
            (
                entry,
                _type_label(entry.content_type),
                record_link(entry),
                readable_changes(entry),
            )
            for entry in context["object_list"]
        ]
        return context
