"""The generated annual reports (XLSX and PDF)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipportal.uploads import GeneratedName

from .plan import Plan


class AnnualReport(models.Model):
    """The plan's yearly assessment report (XLSX and PDF), made by a Celery task and kept for download."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reports", verbose_name=_("plan"))
    year = models.PositiveSmallIntegerField(_("year"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.TextField(_("message"), blank=True)
    xlsx = models.FileField(_("XLSX file"), upload_to=GeneratedName("reports"), blank=True)
    pdf = models.FileField(_("PDF file"), upload_to=GeneratedName("reports"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    lease_until = models.DateTimeField(
        _("worked on until"),
        null=True,
        blank=True,
        help_text=_("A report still being made past this moment has lost the process making it."),
    )
    worker_lost = models.BooleanField(_("the process making it stopped"), default=False)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("Annual report %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("targets:report-detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)
