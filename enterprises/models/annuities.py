from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnuityReminder(models.Model):
    """An official's reminder to an enterprise that a patent's annuity falls due (sent by e-mail)."""

    patent = models.ForeignKey(
        "enterprises.Patent", on_delete=models.CASCADE, related_name="annuity_reminders", verbose_name=_("patent")
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="+", verbose_name=_("enterprise")
    )
    due_date = models.DateField(_("annuity due"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("sent to"))

    class Meta:
        verbose_name = _("annuity reminder")
        verbose_name_plural = _("annuity reminders")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.patent_id} {self.due_date:%Y-%m-%d}"
