"""Enterprise self-service: filings (申报备案) and what every reviewed request shares —
the review states, the timeline of transitions, attachments and notifications."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipportal.roles import enterprise_of, sees_all_park_data
from ipportal.uploads import GeneratedName


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

    class Meta:
        verbose_name = _("review event")
        verbose_name_plural = _("review events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.get_to_state_display()}"


class Notification(models.Model):
    """A portal notice of a review event, for one user (also sent by e-mail)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey(ReviewEvent, on_delete=models.CASCADE, related_name="notifications")
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-event__at", "-pk"]

    def __str__(self) -> str:
        return str(self.event)


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
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enterprises:attachment", args=[self.pk])


class OwnRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """Officials and API clients see every request; an enterprise user its enterprise's only."""
        if sees_all_park_data(user):
            return self
        enterprise = enterprise_of(user)
        return self.filter(enterprise=enterprise) if enterprise is not None else self.none()


class Filing(models.Model):
    """An IP event reported by an enterprise; on approval it joins the registry (enterprises.filings)."""

    class Kind(models.TextChoices):
        PATENT = "patent", _("patent granted")
        TRADEMARK = "trademark", _("trademark registered")
        COPYRIGHT = "copyright", _("copyright registered")
        IC_LAYOUT = "ic_layout", _("IC layout design registered")
        PLANT_VARIETY = "plant_variety", _("plant variety right granted")
        CERTIFICATION = "certification", _("certification obtained (GB/T 29490, ISO 56005)")
        AWARD = "award", _("award won")
        PLEDGE = "pledge", _("pledge contract registered")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="filings", verbose_name=_("enterprise")
    )
    kind = models.CharField(_("what is filed"), max_length=16, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=64)
    nice_class = models.PositiveSmallIntegerField(_("Nice class"), null=True, blank=True)
    subtype = models.CharField(_("type"), max_length=32, blank=True)
    title = models.CharField(_("title"), max_length=300)
    filed_on = models.DateField(_("application date"), null=True, blank=True)
    event_date = models.DateField(_("date"))
    expires_on = models.DateField(_("end date"), null=True, blank=True)
    counterpart = models.CharField(_("counterpart"), max_length=200, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitted by")
    )
    record_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    events = GenericRelation(ReviewEvent)
    attachments = GenericRelation(Attachment)

    objects = OwnRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "number"])]
        constraints = [
            # An enterprise files a number once (enterprises.filings.number_taken says so first);
            # a rejected filing frees it. Pages and API alike, parallel posts included.
            models.UniqueConstraint(
                fields=["enterprise", "kind", "number"],
                condition=~models.Q(state="rejected") & ~models.Q(number=""),
                name="unique_filing_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:filing-detail", args=[self.pk])
