"""What every reviewed request shares (filings, claims, and the member units' plans and reports):
the review states, the timeline of transitions, attachments and the users' notifications.

The tables kept their names from when these lived in the enterprises app (enterprises_*), so an
existing database moved here without any data being touched (migration core 0001).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipportal.coded import render
from ipportal.roles import enterprise_of, sees_all_park_data
from ipportal.uploads import GeneratedName

from .changes import ChangeSignallingQuerySet


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    UNDER_REVIEW = "under_review", _("under review")
    RETURNED = "returned", _("returned for changes")
    APPROVED = "approved", _("approved")
    PAID = "paid", _("paid")
    REJECTED = "rejected", _("rejected")


class ReviewEvent(models.Model):
    """One transition of a filing or a claim: who moved it, when, from which state to which, why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey()
    from_state = models.CharField(_("from"), max_length=16, choices=ReviewState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=ReviewState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    note = models.JSONField(
        _("note by the portal"),
        default=dict,
        blank=True,
        help_text=_("What the portal itself records with the step (e.g. the payment), as a code with parameters."),
    )

    class Meta:
        db_table = "enterprises_reviewevent"
        verbose_name = _("review event")
        verbose_name_plural = _("review events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.get_to_state_display()}"

    @property
    def shown_comment(self) -> str:
        """The comment a person wrote, else the portal's note in the reader's language."""
        return self.comment or (render(self.note) if self.note else "")


class Notification(models.Model):
    """A portal notice for one user (also sent by e-mail): of a review event, or a plain notice
    (a reminder, a digest, an early warning) with its own title, text and link."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey(
        ReviewEvent, on_delete=models.CASCADE, related_name="notifications", null=True, blank=True
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "enterprises_notification"
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(self.event) if self.event_id else render(self.title)


class Attachment(models.Model):
    """A supporting document of a filing or a claim, stored under a generated name."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey()
    file = models.FileField(_("file"), upload_to=GeneratedName("selfservice"))
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        db_table = "enterprises_attachment"
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enterprises:attachment", args=[self.pk])


class OwnRequestQuerySet(ChangeSignallingQuerySet):
    def for_user(self, user):
        """Officials and API clients see every request; an enterprise user its enterprise's only."""
        if sees_all_park_data(user):
            return self
        enterprise = enterprise_of(user)
        return self.filter(enterprise=enterprise) if enterprise is not None else self.none()


class ImportLayout(models.Model):
    """A column layout an official confirmed once for a kind of list (the mapping step of the
    import page): which field each header of the file holds. It is applied by itself whenever a
    file of that kind arrives with the same set of headers (`fingerprint`), on the page and on
    the command line (core.importing.headers)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=32)
    fingerprint = models.CharField(_("header fingerprint"), max_length=64, editable=False)
    headers = models.JSONField(_("headers"), default=list, help_text=_("The file's headers, in the file's order."))
    mapping = models.JSONField(
        _("column mapping"), default=dict, help_text=_("Field of each header (normalised header → field key).")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("import layout")
        verbose_name_plural = _("import layouts")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "fingerprint"], name="one_layout_per_header_set")]

    def __str__(self) -> str:
        return self.name
