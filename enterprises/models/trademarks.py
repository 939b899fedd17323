import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .held import HeldRecord, HeldRecordQuerySet


def default_expiry(registration_date: dt.date) -> dt.date:
    """Registration date + 10 years − 1 day (29 February rolls to 28 February)."""
    try:
        anniversary = registration_date.replace(year=registration_date.year + 10)
    except ValueError:
        anniversary = registration_date.replace(year=registration_date.year + 10, day=28) + dt.timedelta(days=1)
    return anniversary - dt.timedelta(days=1)


class TrademarkStatus(models.TextChoices):
    VALID = "valid", _("valid")
    INVALID = "invalid", _("invalid")
    CANCELLED = "cancelled", _("cancelled")


ENDED = (TrademarkStatus.INVALID, TrademarkStatus.CANCELLED)


def trademark_in_force_q(day: dt.date) -> Q:
    """Registered on or before the day, expiring on or after it, and valid then (indicators.md):
    valid now, or invalidated or cancelled only after the day (without that date: not in force)."""
    return Q(registration_date__lte=day, expiry_date__gte=day) & (
        Q(status=TrademarkStatus.VALID) | Q(status__in=ENDED, invalid_date__gt=day)
    )


class TrademarkQuerySet(HeldRecordQuerySet):
    def in_force_on(self, day: dt.date):
        """In force on the day: trademark_in_force_q."""
        return self.filter(trademark_in_force_q(day))


class Trademark(HeldRecord):
    """A registered trademark in one Nice class: (registration number, class) is the natural key."""

    registration_number = models.CharField(
        _("registration number"), max_length=9, validators=[RegexValidator(r"^\d{1,9}$")]
    )
    nice_class = models.PositiveSmallIntegerField(
        _("Nice class"), validators=[MinValueValidator(1), MaxValueValidator(45)]
    )
    mark = models.CharField(_("mark"), max_length=200)
    application_date = models.DateField(_("application date"), null=True, blank=True)
    registration_date = models.DateField(_("registration date"), db_index=True)
    expiry_date = models.DateField(_("expiry date"))
    status = models.CharField(_("status"), max_length=16, choices=TrademarkStatus.choices)
    invalid_date = models.DateField(
        _("invalid or cancelled on"),
        null=True,
        blank=True,
        help_text=_("The day the mark became invalid or was cancelled: it counts as in force until then."),
    )
    geographical_indication = models.BooleanField(_("geographical indication"), default=False)

    objects = TrademarkQuerySet.as_manager()

    class Meta:
        verbose_name = _("trademark")
        verbose_name_plural = _("trademarks")
        ordering = ["-registration_date", "registration_number", "nice_class"]
        constraints = [
            models.UniqueConstraint(fields=["registration_number", "nice_class"], name="trademark_natural_key"),
        ]
        # The few records only a filing declares, for the indicators' "declared" notes (as Patent's).
        indexes = [models.Index(fields=["enterprise"], condition=Q(reconciled=False), name="trademark_declared")]

    def __str__(self) -> str:
        return f"{self.mark} ({self.registration_number}, {self.nice_class})"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:trademark-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        if self.expiry_date is None and self.registration_date:
            self.expiry_date = default_expiry(self.registration_date)
        super().save(*args, **kwargs)
