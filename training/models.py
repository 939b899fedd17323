from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipportal.roles import sees_all_park_data


class ParkRecordQuerySet(models.QuerySet):
    def for_user(self, user):
        """Park-level records: officials and API clients read them; nobody else."""
        return self if sees_all_park_data(user) else self.none()


class PublicityEvent(models.Model):
    """An IP publicity event (知识产权宣传活动): P3 counts them by date."""

    class Theme(models.TextChoices):
        WORLD_IP_DAY = "world_ip_day", _("4.26 World IP Day")
        CONSUMER_DAY = "consumer_day", _("3.15 Consumer Rights Day")
        PATENT_WEEK = "patent_week", _("China Patent Week")
        SCIENCE_WEEK = "science_week", _("Science and Technology Week")
        CAMPUS = "campus", _("IP in enterprises and schools")
        OTHER = "other", _("other")

    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, default=Theme.OTHER)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("publicity event")
        verbose_name_plural = _("publicity events")
        ordering = ["-date", "title"]
        constraints = [models.UniqueConstraint(fields=["date", "title"], name="publicity_event_once")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("training:event-detail", args=[self.pk])
