"""The generated annual reports (XLSX and PDF)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipportal.uploads import GeneratedName

from .plan import Plan


class GeneratedFiles(models.Model):
    """What a document made by a Celery task shares (the annual report, the dossier): its state and
    progress, and the lease of the process making it (targets.leases: past `lease_until` while
    queued or being made, the process is gone, and `worker_lost` says so on the page)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    lease_until = models.DateTimeField(
        _("worked on until"),
        null=True,
        blank=True,
        help_text=_("A document still queued or being made past this moment has lost the process making it."),
    )
    worker_lost = models.BooleanField(_("the process making it stopped"), default=False)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)


class AnnualReport(GeneratedFiles):
    """The plan's yearly assessment report (XLSX and PDF), made by a Celery task and kept for download."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reports", verbose_name=_("plan"))
    year = models.PositiveSmallIntegerField(_("year"))
    xlsx = models.FileField(_("XLSX file"), upload_to=GeneratedName("reports"), blank=True)
    pdf = models.FileField(_("PDF file"), upload_to=GeneratedName("reports"), blank=True)

    class Meta(GeneratedFiles.Meta):
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def __str__(self) -> str:
        return _("Annual report %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("targets:report-detail", args=[self.pk])


class Dossier(GeneratedFiles):
    """The assessment dossier (考核材料) for a year or for the whole plan (year empty): a DOCX the
    office edits and sends, and its PDF, made by a Celery task and kept for download."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dossiers", verbose_name=_("plan"))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, help_text=_("empty: the whole plan"))
    docx = models.FileField(_("DOCX file"), upload_to=GeneratedName("dossiers"), blank=True)
    pdf = models.FileField(_("PDF file"), upload_to=GeneratedName("dossiers"), blank=True)

    class Meta(GeneratedFiles.Meta):
        verbose_name = _("assessment dossier")
        verbose_name_plural = _("assessment dossiers")

    def __str__(self) -> str:
        if self.year is None:
            return str(_("Assessment dossier for the whole plan"))
        return _("Assessment dossier %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("targets:dossier-detail", args=[self.pk])

    @property
    def file_stem(self) -> str:
        return f"dossier-{self.year or 'plan'}"


class TaskNarrative(models.Model):
    """An official's text for a key task in a dossier (a year, or the whole plan when year is empty);
    without one, the dossier uses the narrative of the units' accepted reports."""

    task = models.ForeignKey(
        "targets.KeyTask", on_delete=models.CASCADE, related_name="narratives", verbose_name=_("key task")
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, help_text=_("empty: the whole plan"))
    text = models.TextField(_("narrative"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    edited_at = models.DateTimeField(_("edited at"), auto_now=True)

    class Meta:
        verbose_name = _("key task narrative")
        verbose_name_plural = _("key task narratives")
        constraints = [
            models.UniqueConstraint(fields=["task", "year"], name="task_narrative_per_year"),
            models.UniqueConstraint(
                fields=["task"], condition=models.Q(year__isnull=True), name="task_narrative_whole_plan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} · {self.year or '—'}"
