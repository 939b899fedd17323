from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.changes import ChangeSignallingQuerySet
from core.importing import KINDS
from core.importing.reader import format_label
from ipportal.uploads import GeneratedName


class ImportRun(models.Model):
    """One upload of a list, from preview to the stored result: the import history."""

    class Status(models.TextChoices):
        MAPPING = "mapping", _("waiting for the columns to be mapped")
        PREVIEWING = "previewing", _("checking")
        PREVIEWED = "previewed", _("awaiting confirmation")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        REFUSED = "refused", _("refused: invalid rows")
        REFUSED_FILE = "refused_file", _("refused: the file cannot be imported")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    ACTIVE = (Status.PREVIEWING, Status.IMPORTING)
    REFUSALS = (Status.REFUSED, Status.REFUSED_FILE)

    kind = models.CharField(_("kind"), max_length=32)
    file = models.FileField(_("file"), upload_to=GeneratedName("imports"))
    original_name = models.CharField(_("file name"), max_length=255)
    language = models.CharField(_("language"), max_length=8, default="zh-hans")
    skip_invalid = models.BooleanField(_("import the valid rows and skip the rest"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PREVIEWING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    new = models.PositiveIntegerField(pgettext_lazy("import rows", "new"), default=0)
    updated = models.PositiveIntegerField(pgettext_lazy("import rows", "updated"), default=0)
    unchanged = models.PositiveIntegerField(pgettext_lazy("import rows", "unchanged"), default=0)
    invalid = models.PositiveIntegerField(_("invalid"), default=0)
    errors = models.JSONField(_("first invalid rows"), default=list, blank=True)
    ignored_columns = models.JSONField(_("ignored columns"), default=list, blank=True)
    not_in_park = models.PositiveIntegerField(_("not in the park"), default=0)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    holder_matching = models.JSONField(
        _("how holders matched"),
        default=dict,
        blank=True,
        help_text=_("Counts by credit code, name, former name and alias, and the names matching no park enterprise."),
    )
    changes = models.JSONField(_("changes to stored records"), default=list, blank=True)
    file_format = models.CharField(_("read as"), max_length=64, blank=True)
    header_row = models.PositiveIntegerField(_("header row"), default=1)
    title_lines = models.JSONField(_("title lines skipped"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    mapping_request = models.JSONField(
        _("columns to map"),
        default=dict,
        blank=True,
        help_text=_("The file's header, first values and required fields without a column, for the mapping step."),
    )
    detected_kind = models.CharField(
        _("kind the file looks like"),
        max_length=32,
        blank=True,
        help_text=_("When the headers fit another kind of list, that kind: the upload form is offered with it."),
    )
    layout_name = models.CharField(
        _("column layout"),
        max_length=100,
        blank=True,
        help_text=_("The saved column layout the file was read with, if its headers needed one."),
    )
    waiting_for_queue = models.BooleanField(
        _("waiting for the task queue"),
        default=False,
        help_text=_("The task queue could not be reached; the run is sent again as soon as it can be."),
    )
    rejects_file = models.FileField(_("rejected rows"), upload_to=GeneratedName("imports/rejects"), blank=True)
    lease_until = models.DateTimeField(
        _("worked on until"),
        null=True,
        blank=True,
        help_text=_("An active run past this moment that no worker holds has lost its worker."),
    )
    retry_status = models.CharField(
        _("retry from"),
        max_length=16,
        blank=True,
        choices=[(Status.PREVIEWING.value, Status.PREVIEWING.label), (Status.IMPORTING.value, Status.IMPORTING.label)],
        help_text=_("Set when the run's worker stopped: the stage that a retry runs again."),
    )

    objects = ChangeSignallingQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind_label} {self.original_name} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:import-detail", args=[self.pk])

    @property
    def file_format_label(self) -> str:
        """What the file was read as, in the reader's language."""
        return format_label(self.file_format)

    @property
    def kind_label(self) -> str:
        """The kind's translated name (its key if the kind is no longer registered)."""
        kind = KINDS.get(self.kind)
        return str(kind.label) if kind else self.kind

    @property
    def detected_kind_label(self) -> str:
        """The translated name of the kind the file looks like ("" when none)."""
        kind = KINDS.get(self.detected_kind)
        return str(kind.label) if kind else ""

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_refused(self) -> bool:
        """Refused, for its rows (REFUSED) or as a whole file (REFUSED_FILE: wrong kind, columns, unreadable)."""
        return self.status in self.REFUSALS

    @property
    def has_valid_rows(self) -> bool:
        """Whether the checked file has any row to store (new, updated or unchanged)."""
        return bool(self.new or self.updated or self.unchanged)

    @property
    def has_no_rows(self) -> bool:
        """Checked with no row under the file's header: nothing to confirm. (A file checked now is
        refused as such, core.importing.engine.NOTHING_TO_IMPORT; this covers runs checked before.)"""
        return self.status == self.Status.PREVIEWED and not (self.rows_total or self.invalid)

    @property
    def lost_its_worker(self) -> bool:
        """Failed because the process working on it stopped (killed, restarted): retryable."""
        return self.status == self.Status.FAILED and bool(self.retry_status)

    @property
    def progress_percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))
