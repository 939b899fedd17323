"""API for self-service: an enterprise's client lists and submits its own filings and claims;
officials' clients review them. The same rules as the pages (querysets via for_user, the
transitions in enterprises.workflow and finance.claims)."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as APIPermissionDenied
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from enterprises import filings as filing_rules
from enterprises.filings import REVIEW_ACTIONS, ApprovalRefused, review, validate_for_kind
from enterprises.models import Attachment, Filing, ReviewEvent, ReviewState
from enterprises.workflow import TransitionRefused, attach, move
from ipportal.roles import enterprise_of, is_official, sees_all_park_data
from ipportal.uploads import validate_document

from .. import claims as rules
from ..models import Claim, ClaimLine, SupportItem


class SelfServiceAccess(BasePermission):
    """Reads as everywhere; writes only by enterprise users (their own) and officials (reviews)."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return sees_all_park_data(user) or enterprise_of(user) is not None
        return is_official(user) or enterprise_of(user) is not None


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()

    class Meta:
        model = ReviewEvent
        fields = ["from_state", "to_state", "actor", "at", "comment"]


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Attachment
        fields = ["id", "name", "size", "uploaded_at", "url"]


def documents_of(request) -> list:
    files = request.FILES.getlist("documents") if hasattr(request, "FILES") else []
    for upload in files:
        try:
            validate_document(upload)
        except Exception as error:  # forms.ValidationError
            raise APIValidationError({"documents": [str(m) for m in getattr(error, "messages", [error])]}) from error
    return files


class ReviewInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=REVIEW_ACTIONS)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class FilingSerializer(serializers.ModelSerializer):
    enterprise = serializers.StringRelatedField()
    events = EventSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Filing
        fields = [
            "id",
            "enterprise",
            "kind",
            "number",
            "nice_class",
            "subtype",
            "title",
            "filed_on",
            "event_date",
            "expires_on",
            "counterpart",
            "amount",
            "note",
            "state",
            "created_at",
            "events",
            "attachments",
        ]
        read_only_fields = ["state", "created_at"]

    def validate(self, data):
        kind = data.get("kind")
        problems = validate_for_kind(kind, data)  # the kind is one of SPECS: the field's choices checked it
        if problems:
            raise serializers.ValidationError({name: [str(message)] for name, message in problems.items()})
        return data


class FilingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Filings (申报备案). Enterprise clients create their own; officials review with POST …/review/."""

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


class SupportItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupportItem
        fields = [
            "id",
            "year",
            "name",
            "target",
            "rule",
            "fixed_amount",
            "rate",
            "cap",
            "evidence",
            "budget",
            "opens_on",
            "closes_on",
        ]


class SupportItemViewSet(viewsets.ReadOnlyModelViewSet):
    """The special IP fund's support items (rules, budgets, open periods)."""

    serializer_class = SupportItemSerializer
    permission_classes = [SelfServiceAccess]
    queryset = SupportItem.objects.order_by("-year", "name")


class LineSerializer(serializers.ModelSerializer):
    record_type = serializers.CharField(source="content_type.model", read_only=True)

    class Meta:
        model = ClaimLine
        fields = ["record_type", "object_id", "label", "cost", "amount"]


class LineInput(serializers.Serializer):
    id = serializers.IntegerField()
    cost = serializers.DecimalField(max_digits=18, decimal_places=2, required=False, allow_null=True, min_value=0)


class ClaimSerializer(serializers.ModelSerializer):
    enterprise = serializers.StringRelatedField()
    lines = LineSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)
    records = LineInput(many=True, write_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "enterprise",
            "item",
            "state",
            "amount",
            "approved_amount",
            "note",
            "payment_date",
            "payment_reference",
            "submitted_at",
            "records",
            "lines",
            "events",
            "attachments",
        ]
        read_only_fields = ["state", "amount", "approved_amount", "payment_date", "payment_reference", "submitted_at"]


class ClaimActionInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=[*rules.ENTERPRISE_ACTIONS, *rules.OFFICIALS_ACTIONS])
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    amount = serializers.DecimalField(max_digits=18, decimal_places=2, required=False)
    payment_date = serializers.DateField(required=False)
    payment_reference = serializers.CharField(required=False, allow_blank=True, default="")


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
