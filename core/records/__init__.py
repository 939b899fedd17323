"""The record-kind registry: every kind of record that shares the generic list, detail, form,
export and API pages registers one RecordKind here, from its app's `record_kinds` module."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import models


@dataclass(frozen=True)
class RecordKind:
    slug: str  # URL names: <slug>-list, -detail, -create, -edit, -export
    namespace: str  # the app's URL namespace
    model: type[models.Model]
    filterset: type
    form: type
    import_kind: str  # the import kind whose columns the export uses (round trip)
    columns: tuple[tuple[str, str], ...]  # (attribute or display method, label) for the list
    enterprise_visible: bool = True  # False: officials' pages only (403 for enterprise users)
    related: tuple[str, ...] = ("enterprise",)
    self_service_url: str = ""  # where an enterprise user adds one of its own (shown on the list)
    # Money totals over the filtered list, shown above it: queryset -> [(label, amount in yuan)].
    totals: Callable[[models.QuerySet], list[tuple[str, Decimal]]] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name_plural

    @property
    def verbose_name(self) -> str:
        return self.model._meta.verbose_name

    @property
    def list_url(self) -> str:
        return f"{self.namespace}:{self.slug}-list"

    @property
    def create_url(self) -> str:
        return f"{self.namespace}:{self.slug}-create"

    @property
    def edit_url(self) -> str:
        return f"{self.namespace}:{self.slug}-edit"

    @property
    def export_url(self) -> str:
        return f"{self.namespace}:{self.slug}-export"


KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> RecordKind:
    KINDS[kind.slug] = kind
    return kind
