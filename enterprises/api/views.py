from rest_framework import viewsets

from ..filters import EnterpriseFilter
from ..models import Enterprise
from .serializers import EnterpriseSerializer


class EnterpriseViewSet(viewsets.ReadOnlyModelViewSet):
    """Park enterprises. An enterprise's own client sees only its enterprise."""

    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilter

    def get_queryset(self):
        return Enterprise.objects.for_user(self.request.user).order_by("pk")
