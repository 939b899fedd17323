"""The leading group's member units, their users, the plan's key tasks, the units' work plans and
progress reports (reviewed by officials), their deadlines and the reminders sent, and the leading
group's meetings with the follow-ups (督办) they assign."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.changes import ChangeSignallingQuerySet
from core.models import ReviewState
from ipportal.roles import is_official, unit_of
from ipportal.uploads import GeneratedName

from .plan import Area, Indicator, Plan


class MemberUnitQuerySet(ChangeSignallingQuerySet):
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


class KeyTaskQuerySet(ChangeSignallingQuerySet):
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


class UnitSubmissionQuerySet(ChangeSignallingQuerySet):
    def for_user(self, user):
        """Officials see every plan and report; a member unit its own only."""
        if is_official(user):
            return self
        unit = unit_of(user)
        return self.filter(unit=unit) if unit is not None else self.none()


class UnitSubmission(models.Model):
    """What a member unit hands in; officials accept it or return it with a comment (core.review)."""

    KIND = ""

    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, verbose_name=_("key task"))
    unit = models.ForeignKey(MemberUnit, on_delete=models.CASCADE, verbose_name=_("member unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("content"))
    attachment = models.FileField(_("attachment"), upload_to=GeneratedName("supervision"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.SUBMITTED)
    events = GenericRelation("core.ReviewEvent")

    objects = UnitSubmissionQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse("targets:submission-detail", args=[self.KIND, self.pk])

    def review_recipients(self, users):
        """The other side of an official's review step: the unit's accounts (core.review.notify)."""
        return users.filter(unit_membership__unit=self.unit_id)


class WorkPlan(UnitSubmission):
    """A member unit's work plan on a task for a year, due by its deadline (31 January unless set)."""

    KIND = "plan"

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
    """A member unit's report on its progress with a task (half-year by 15 July, year by 15 December unless set)."""

    KIND = "report"

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


class Deadline(models.Model):
    """When something is due in a year: for every task and unit, or for one task, one unit or both
    (the most specific applies). Without a row the defaults in DEFAULT_DUE apply."""

    class Kind(models.TextChoices):
        WORK_PLAN = "plan", _("work plan")
        HALF_YEAR = "h1", _("half-year report")
        YEAR = "year", _("year report")

    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("what"), max_length=8, choices=Kind.choices)
    due = models.DateField(_("due"))
    task = models.ForeignKey(
        KeyTask,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("key task"),
        help_text=_("empty: every task"),
    )
    unit = models.ForeignKey(
        MemberUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("member unit"),
        help_text=_("empty: every unit"),
    )

    objects = ChangeSignallingQuerySet.as_manager()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["-year", "kind", "task", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "kind"], condition=Q(task__isnull=True, unit__isnull=True), name="deadline_general_once"
            ),
            models.UniqueConstraint(
                fields=["year", "kind", "task"], condition=Q(unit__isnull=True), name="deadline_task_once"
            ),
            models.UniqueConstraint(
                fields=["year", "kind", "unit"], condition=Q(task__isnull=True), name="deadline_unit_once"
            ),
            models.UniqueConstraint(fields=["year", "kind", "task", "unit"], name="deadline_task_unit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()}: {self.due:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("targets:deadline-edit", args=[self.pk])

    @property
    def specificity(self) -> int:
        return (2 if self.task_id else 0) + (1 if self.unit_id else 0)


DEFAULT_DUE = {
    Deadline.Kind.WORK_PLAN: (1, 31),
    Deadline.Kind.HALF_YEAR: (7, 15),
    Deadline.Kind.YEAR: (12, 15),
}


def default_due(kind: str, year: int) -> dt.date:
    month, day = DEFAULT_DUE[kind]
    return dt.date(year, month, day)


class Reminder(models.Model):
    """A reminder or digest that was sent; its key makes each one go out once, however often the job runs."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("7 days before the deadline")
        ON_DAY = "on_day", _("on the day of the deadline")
        DIGEST = "digest", _("weekly digest of what is overdue")

    key = models.CharField(_("key"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    unit = models.ForeignKey(
        MemberUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("member unit"),
        help_text=_("empty: the office"),
    )
    day = models.DateField(_("day"))
    items = models.PositiveIntegerField(_("items"), default=0)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-day", "kind"]

    def __str__(self) -> str:
        return self.key


class Meeting(models.Model):
    """A meeting of the leading group (领导小组会议): who attended and what it decided."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("plan"))
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    attendees = models.TextField(_("attendees"))
    minutes = models.TextField(_("minutes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = ChangeSignallingQuerySet.as_manager()

    class Meta:
        verbose_name = _("leading-group meeting")
        verbose_name_plural = _("leading-group meetings")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("targets:meeting-detail", args=[self.pk])


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting"))
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("decision"))

    objects = ChangeSignallingQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="decision_number_per_meeting")]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.number}"


class FollowUpQuerySet(ChangeSignallingQuerySet):
    def for_user(self, user) -> "FollowUpQuerySet":
        """Officials see every follow-up; a member unit those assigned to it."""
        if is_official(user):
            return self
        unit = unit_of(user)
        return self.filter(unit=unit) if unit is not None else self.none()

    def open(self) -> "FollowUpQuerySet":
        return self.filter(done_at__isnull=True)

    def overdue(self, today: dt.date) -> "FollowUpQuerySet":
        return self.open().filter(due__lt=today)


class FollowUp(models.Model):
    """A decision turned into work for a unit by a date (督办事项)."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("decision")
    )
    unit = models.ForeignKey(
        MemberUnit, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("member unit")
    )
    task = models.ForeignKey(
        KeyTask, on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups", verbose_name=_("key task")
    )
    action = models.TextField(_("what is to be done"))
    due = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_note = models.TextField(_("how it was done"), blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.unit} · {self.due:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("targets:meeting-detail", args=[self.decision.meeting_id])
