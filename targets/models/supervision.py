"""The leading group's member units, their users, the plan's key tasks and the units' work plans and progress reports."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ipportal.roles import is_official
from ipportal.uploads import GeneratedName

from .plan import Area, Indicator, Plan


class MemberUnitQuerySet(models.QuerySet):
    def for_user(self, user) -> "MemberUnitQuerySet":

        if is_official(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(members__user=user)


class MemberUnit(models.Model):
    """A member unit of the leading group (领导小组成员单位), with its own portal accounts."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    is_lead = models.BooleanField(_("lead unit"), default=False)
    contact = models.CharField(_("contact"), max_length=200, blank=True)

    objects = MemberUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("member unit")
        verbose_name_plural = _("member units")
        ordering = ["-is_lead", "name"]

    def __str__(self) -> str:
        return self.name


class UnitMembership(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unit_membership", verbose_name=_("user")
    )
    unit = models.ForeignKey(
        MemberUnit, on_delete=models.CASCADE, related_name="members", verbose_name=_("member unit")
    )

    class Meta:
        verbose_name = _("member unit account")
        verbose_name_plural = _("member unit accounts")

    def __str__(self) -> str:
        return f"{self.user} → {self.unit}"


class KeyTaskQuerySet(models.QuerySet):
    def for_user(self, user) -> "KeyTaskQuerySet":
        """Officials see every task; a member unit only the tasks it is responsible for."""

        if is_official(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(units__members__user=user).distinct()


class KeyTask(models.Model):
    """One of the plan's numbered key tasks (四、重点任务 1–19)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="key_tasks", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    text = models.TextField(_("text of the plan"))
    units = models.ManyToManyField(MemberUnit, related_name="tasks", blank=True, verbose_name=_("responsible units"))
    indicators = models.ManyToManyField(
        Indicator, related_name="tasks", blank=True, verbose_name=_("indicators served")
    )

    objects = KeyTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("key task")
        verbose_name_plural = _("key tasks")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="key_task_number_per_plan")]

    def __str__(self) -> str:
        return f"{self.number}. {self.display_title}"

    def get_absolute_url(self) -> str:
        return reverse("targets:task-detail", args=[self.number])

    @property
    def display_title(self) -> str:
        return self.title_en if (get_language() or "").startswith("en") and self.title_en else self.title


class UnitSubmission(models.Model):
    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, verbose_name=_("key task"))
    unit = models.ForeignKey(MemberUnit, on_delete=models.CASCADE, verbose_name=_("member unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("content"))
    attachment = models.FileField(_("attachment"), upload_to=GeneratedName("supervision"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        abstract = True


class WorkPlan(UnitSubmission):
    """A member unit's work plan on a task for a year, due by 31 December of the year before."""

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "task"]
        constraints = [models.UniqueConstraint(fields=["task", "unit", "year"], name="work_plan_once")]

    def __str__(self) -> str:
        return _("%(unit)s: work plan for %(year)s, key task %(task)s") % {
            "unit": self.unit,
            "year": self.year,
            "task": self.task.number,
        }


class ProgressReport(UnitSubmission):
    """A member unit's report on its progress with a task."""

    class Period(models.TextChoices):
        FIRST_HALF = "h1", _("first half")
        YEAR = "year", _("whole year")

    period = models.CharField(_("period"), max_length=8, choices=Period.choices, default=Period.YEAR)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-year", "task"]
        constraints = [models.UniqueConstraint(fields=["task", "unit", "year", "period"], name="progress_report_once")]

    def __str__(self) -> str:
        return _("%(unit)s: progress report for %(year)s (%(period)s), key task %(task)s") % {
            "unit": self.unit,
            "year": self.year,
            "period": self.get_period_display(),
            "task": self.task.number,
        }
