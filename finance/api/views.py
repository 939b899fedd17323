"""Support items (read-only) and claims: enterprise clients draft and submit their own; officials act on them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as APIPermissionDenied
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.response import Response

from core.api import SelfServiceAccess
from core.review import TransitionRefused
from ipportal.roles import enterprise_of, is_official

from .. import claims as rules
from ..models import Claim, SupportItem
from .serializers import ClaimActionInput, ClaimSerializer, SupportItemSerializer


@extend_schema(description=gettext_lazy("The special IP fund's support items (rules, budgets, open periods)."))
class SupportItemViewSet(viewsets.ReadOnlyModelViewSet):
    """The special IP fund's support items (rules, budgets, open periods)."""

    serializer_class = SupportItemSerializer
    permission_classes = [SelfServiceAccess]
    queryset = SupportItem.objects.order_by("-year", "name")


@extend_schema(
    description=gettext_lazy(
        "Claims on the special IP fund. Enterprise clients create drafts for their records and submit them "
        'with POST …/transition/ {"action": "submit"}; officials review through the same endpoint.'
    )
)
class ClaimViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Claims on the special IP fund. Enterprise clients create drafts for their records and submit
    them with POST …/transition/ {"action": "submit"}; officials review through the same endpoint."""

    serializer_class = ClaimSerializer
    permission_classes = [SelfServiceAccess]

    def get_queryset(self):
        return (
            Claim.objects.for_user(self.request.user)
            .select_related("enterprise", "item")
            .prefetch_related("lines__content_type", "events__actor", "attachments")
            .order_by("-pk")
        )

    def perform_create(self, serializer):
        enterprise = enterprise_of(self.request.user)
        if enterprise is None or is_official(self.request.user):
            raise APIPermissionDenied
        data = serializer.validated_data
        item = data["item"]
        eligible = {record.pk: record for record in rules.eligible_records(item, enterprise)}
        choices = []
        for entry in data["records"]:
            record = eligible.get(entry["id"])
            if record is None:
                raise APIValidationError(
                    {"records": [_("%(id)s: not one of your records this item supports") % {"id": entry["id"]}]}
                )
            if item.rule == SupportItem.Rule.SHARE and entry.get("cost") is None:
                raise APIValidationError(
                    {"records": [_("%(id)s: give the cost this record is claimed for") % {"id": entry["id"]}]}
                )
            choices.append(rules.Choice(record, entry.get("cost")))
        try:
            with transaction.atomic():
                claim = Claim.objects.create(
                    enterprise=enterprise, item=item, note=data.get("note", ""), created_by=self.request.user
                )
                rules.save_lines(claim, choices)
        except TransitionRefused as refusal:
            raise APIValidationError({"records": [str(refusal)]}) from refusal
        serializer.instance = claim

    @action(detail=True, methods=["post"], serializer_class=ClaimActionInput)
    def transition(self, request, pk=None):
        claim = self.get_object()
        data = ClaimActionInput(data=request.data)
        data.is_valid(raise_exception=True)
        verb, values = data.validated_data["action"], data.validated_data
        if (verb in rules.OFFICIALS_ACTIONS) != is_official(request.user):
            raise APIPermissionDenied
        try:
            claim = rules.act(
                claim.pk,
                verb,
                request.user,
                comment=values["comment"],
                amount=values.get("amount"),
                payment_date=values.get("payment_date"),
                payment_reference=values["payment_reference"],
            )
        except TransitionRefused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_409_CONFLICT)
        except PermissionDenied as denied:
            raise APIPermissionDenied from denied
        return Response(ClaimSerializer(claim, context={"request": request}).data)
