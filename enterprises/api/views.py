"""Park enterprises and filings (申报备案)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as APIPermissionDenied
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from core.api import SelfServiceAccess, documents_of
from core.models import ReviewState
from core.review import TransitionRefused, attach, move
from ipportal.roles import enterprise_of, is_official

from .. import filings as filing_rules
from ..filings import ApprovalRefused, review
from ..filters import EnterpriseFilter
from ..models import Enterprise, Filing
from .serializers import EnterpriseSerializer, FilingSerializer, ReviewInput


@extend_schema(description=_("Park enterprises. An enterprise's own client sees only its enterprise."))
class EnterpriseViewSet(viewsets.ReadOnlyModelViewSet):
    """Park enterprises. An enterprise's own client sees only its enterprise."""

    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilter

    def get_queryset(self):
        return Enterprise.objects.for_user(self.request.user).order_by("pk")


@extend_schema(
    description=_(
        "Filings of the enterprises' own IP records. Enterprise clients create their own; officials review them "
        "with POST …/review/."
    )
)
class FilingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Filings of the enterprises' own IP records. Enterprise clients create their own; officials review
    them with POST …/review/."""

    serializer_class = FilingSerializer
    permission_classes = [SelfServiceAccess]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return (
            Filing.objects.for_user(self.request.user)
            .select_related("enterprise")
            .prefetch_related("events__actor", "attachments")
            .order_by("-pk")
        )

    def perform_create(self, serializer):
        enterprise = enterprise_of(self.request.user)
        if enterprise is None or is_official(self.request.user):
            raise APIPermissionDenied
        data = serializer.validated_data
        duplicate = APIValidationError({"number": [str(filing_rules.DUPLICATE_NUMBER)]})
        if filing_rules.number_taken(enterprise, data["kind"], data.get("number")):
            raise duplicate
        files = documents_of(self.request)
        try:
            with transaction.atomic():
                filing = serializer.save(enterprise=enterprise, submitted_by=self.request.user, state=ReviewState.DRAFT)
                attach(filing, files, self.request.user)
                move(
                    filing,
                    ReviewState.SUBMITTED,
                    self.request.user,
                    allowed_from=(ReviewState.DRAFT,),
                    officials_only=False,
                )
        except IntegrityError as error:  # a parallel post filed the number first (unique_filing_number)
            raise duplicate from error

    @extend_schema(
        description=_("Officials: start the review, approve (the record joins the registry), return or reject.")
    )
    @action(detail=True, methods=["post"], serializer_class=ReviewInput)
    def review(self, request, pk=None):
        """Officials: start the review, approve (the record joins the registry), return or reject."""
        if not is_official(request.user):
            raise APIPermissionDenied
        filing = self.get_object()
        data = ReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            filing = review(filing.pk, data.validated_data["action"], request.user, data.validated_data["comment"])
        except (TransitionRefused, ApprovalRefused) as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_409_CONFLICT)
        return Response(FilingSerializer(filing, context={"request": request}).data)
