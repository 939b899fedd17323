"""The API of every record kind: one read-only viewset per kind, built from its RecordKind."""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets

from . import KINDS


class RecordSerializer(serializers.ModelSerializer):
    """Every record kind's fields, with the park enterprise's name beside its id."""

    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True, default=None)


def record_serializer(model_class, extra: dict | None = None) -> type[serializers.ModelSerializer]:
    """A serializer of every concrete field of `model_class` (its import source left out), the
    park enterprise's name where the model has one, and the `extra` fields {name: field}."""
    has_enterprise = any(f.name == "enterprise" for f in model_class._meta.fields)
    fields = [f.name for f in model_class._meta.fields if f.name not in {"source"}] + list((extra or {}).keys())
    base = RecordSerializer if has_enterprise else serializers.ModelSerializer
    if has_enterprise:
        fields.append("enterprise_name")
    meta = type("Meta", (), {"model": model_class, "fields": fields})
    return type(f"{model_class.__name__}Serializer", (base,), {"Meta": meta, **(extra or {})})


def record_viewset(
    slug: str, extra: dict[str, serializers.Field] | None = None, prefetch: tuple[str, ...] = ()
) -> type[viewsets.ReadOnlyModelViewSet]:
    """A read-only endpoint for the record kind `slug` (KINDS), filtered like its pages, narrowed
    by the model's `for_user`; `extra` adds serializer fields, `prefetch` their relations.

    Raises KeyError for a slug no app registered."""
    kind = KINDS[slug]
    extra = extra or {}

    def get_queryset(self):
        queryset = kind.model.objects.for_user(self.request.user).order_by("pk")
        if kind.related:
            queryset = queryset.select_related(*kind.related)
        return queryset.prefetch_related(*prefetch) if prefetch else queryset

    description = format_lazy(
        _("{records} (read-only; an enterprise's client sees its own)."),
        records=capfirst(kind.model._meta.verbose_name_plural),
    )
    viewset = type(
        f"{kind.model.__name__}ViewSet",
        (viewsets.ReadOnlyModelViewSet,),
        {
            "__doc__": description,  # the browsable API's description, in the reader's language
            "serializer_class": record_serializer(kind.model, extra),
            "filterset_class": kind.filterset,
            "get_queryset": get_queryset,
        },
    )
    return extend_schema(description=description)(viewset)
