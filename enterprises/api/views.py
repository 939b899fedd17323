from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets

from ..filters import EnterpriseFilter
from ..models import Enterprise
from ..records import KINDS
from .serializers import EnterpriseSerializer, record_serializer


@extend_schema(description=_("Park enterprises. An enterprise's own client sees only its enterprise."))
class EnterpriseViewSet(viewsets.ReadOnlyModelViewSet):
    """Park enterprises. An enterprise's own client sees only its enterprise."""

    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilter

    def get_queryset(self):
        return Enterprise.objects.for_user(self.request.user).order_by("pk")


def record_viewset(slug: str) -> type[viewsets.ReadOnlyModelViewSet]:
    """A read-only endpoint for one record kind, filtered like its pages, narrowed by for_user."""
    kind = KINDS[slug]
    extra = {}
    if slug == "pledge":
        extra["numbers"] = serializers.SlugRelatedField(source="items", many=True, read_only=True, slug_field="number")

    def get_queryset(self):
        queryset = kind.model.objects.for_user(self.request.user).order_by("pk")
        if kind.related:
            queryset = queryset.select_related(*kind.related)
        return queryset.prefetch_related("items") if slug == "pledge" else queryset

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
