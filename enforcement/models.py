from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.records.models import ParkRecordQuerySet
from ipportal.roles import enterprise_of, is_official
from ipportal.uploads import GeneratedName


class CaseQuerySet(ParkRecordQuerySet):
    def flagged(self):
        """Group, repeated or malicious infringement: what P1 counts (a case with several flags once)."""
        return self.filter(Q(group=True) | Q(repeated=True) | Q(malicious=True))


class Case(models.Model):
    """An IP enforcement or dispute case handled in or for the park."""

    class Kind(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("administrative enforcement")
        ADJUDICATION = "adjudication", _("administrative adjudication of a patent dispute")
        JUDICIAL = "judicial", _("judicial case")
        MEDIATION = "mediation", _("mediation")
        ARBITRATION = "arbitration", _("arbitration")

    class IPType(models.TextChoices):
        PATENT = "patent", _("patent")
        TRADEMARK = "trademark", _("trademark")
        COPYRIGHT = "copyright", _("copyright")
        TRADE_SECRET = "trade_secret", _("trade secret")
        OTHER = "other", _("other")

    class Stage(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        INVESTIGATING = "investigating", _("under investigation")
        CLOSED = "closed", _("closed")

    case_number = models.CharField(_("case number"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    ip_type = models.CharField(_("IP type"), max_length=16, choices=IPType.choices)
    claimant = models.CharField(_("claimant"), max_length=200, blank=True)
    respondent = models.CharField(_("respondent"), max_length=200, blank=True)
    claimant_enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("claimant (park enterprise)"),
    )
    respondent_enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("respondent (park enterprise)"),
    )
    filed_date = models.DateField(_("accepted on"), db_index=True, help_text=_("P1 counts cases by this date."))
    closed_date = models.DateField(_("closed on"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.ACCEPTED)
    outcome = models.TextField(_("outcome"), blank=True)
    group = models.BooleanField(_("group infringement"), default=False)
    repeated = models.BooleanField(_("repeated infringement"), default=False)
    malicious = models.BooleanField(_("malicious infringement"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("enforcement case")
        verbose_name_plural = _("enforcement cases")
        ordering = ["-filed_date", "case_number"]

    def __str__(self) -> str:
        return f"{self.case_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:case-detail", args=[self.pk])


class Survey(models.Model):
    """The year's survey of public satisfaction with IP protection (P2).

    P2 is the reported result when one is given (a published survey), otherwise the share of
    responses that are satisfied."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    reported_result = models.DecimalField(
        _("reported result (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Fill in only when the result comes from a published survey rather than the responses."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:survey-detail", args=[self.pk])

    def detail_facts(self) -> list[tuple[str, object]]:
        """Shown on the survey's page beside its fields."""
        total = self.responses.count()
        satisfied = self.responses.filter(satisfied=True).count()
        share = f"{satisfied * 100 / total:.2f} %" if total else "—"
        return [(_("responses"), total), (_("satisfied"), satisfied), (_("satisfied share"), share)]

    def detail_links(self) -> list[tuple[str, str]]:
        return [(_("Add a response"), reverse("enforcement:survey-response-create", args=[self.pk]))]


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey"))
    respondent_ref = models.CharField(_("questionnaire number"), max_length=64)
    satisfied = models.BooleanField(_("satisfied"))
    respondent_group = models.CharField(_("respondent group"), max_length=100, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [models.UniqueConstraint(fields=["survey", "respondent_ref"], name="survey_response_once")]

    def __str__(self) -> str:
        return f"{self.survey.year} {self.respondent_ref}"


class AssistanceQuerySet(models.QuerySet):
    def for_user(self, user):
        """Officials see every request; an enterprise user its own enterprise's; nobody else any."""

        if is_official(user):
            return self
        enterprise = enterprise_of(user)
        return self.filter(enterprise=enterprise) if enterprise is not None else self.none()


class AssistanceRequest(models.Model):
    """A rights-assistance request (维权援助) from a park enterprise, handled by the IP office."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        IN_PROGRESS = "in_progress", _("in progress")
        CLOSED = "closed", _("closed")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.CASCADE,
        related_name="assistance_requests",
        verbose_name=_("enterprise"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    ip_type = models.CharField(_("IP type"), max_length=16, choices=Case.IPType.choices)
    counterparty = models.CharField(_("infringing party"), max_length=200, blank=True)
    description = models.TextField(_("what happened and what help is needed"))
    attachment = models.FileField(_("evidence"), upload_to=GeneratedName("assistance"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.SUBMITTED)
    reply = models.TextField(_("the IP office's reply"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssistanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("rights-assistance request")
        verbose_name_plural = _("rights-assistance requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:assistance-detail", args=[self.pk])

    def detail_links(self) -> list[tuple[str, str]]:
        if not self.attachment:
            return []
        return [(_("Download the evidence"), reverse("enforcement:assistance-evidence", args=[self.pk]))]


class Complaint(models.Model):
    """A complaint or report (举报投诉) sent by anyone through the public form."""

    class State(models.TextChoices):
        NEW = "new", _("new")
        HANDLED = "handled", _("handled")
        DISMISSED = "dismissed", _("dismissed")

    name = models.CharField(_("name"), max_length=100, blank=True)
    contact = models.CharField(_("phone or e-mail"), max_length=100)
    subject = models.CharField(_("subject"), max_length=200)
    location = models.CharField(_("where"), max_length=200, blank=True)
    description = models.TextField(_("what you saw"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.NEW)
    handling_note = models.TextField(_("handling note"), blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint or report")
        verbose_name_plural = _("complaints and reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("enforcement:complaint-detail", args=[self.pk])
