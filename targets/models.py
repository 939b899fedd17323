from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ipportal.roles import is_official
from ipportal.uploads import GeneratedName

MONEY = {"max_digits": 18, "decimal_places": 2, "null": True, "blank": True}
EXACT = {"max_digits": 40, "decimal_places": 16, "null": True, "blank": True}


class YearlyFigure(models.Model):
    """The reference figures of one year that per-capita and ratio indicators divide by."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    population = models.PositiveIntegerField(_("resident population"), null=True, blank=True)
    public_budget = models.DecimalField(_("public budget expenditure (yuan)"), **MONEY)
    ip_funding = models.DecimalField(_("IP work funding (yuan)"), **MONEY)
    rd_expenditure = models.DecimalField(_("R&D expenditure (yuan)"), **MONEY)
    special_fund = models.DecimalField(_("special IP fund (yuan)"), **MONEY)
    note = models.TextField(_("source note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("updated by")
    )

    class Meta:
        verbose_name = _("yearly reference figures")
        verbose_name_plural = _("yearly reference figures")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    def get_absolute_url(self) -> str:
        return reverse("targets:yearly-edit", args=[self.year])


class Area(models.TextChoices):
    CREATION = "creation", _("Creation")
    UTILIZATION = "utilization", _("Utilization")
    PROTECTION = "protection", _("Protection")
    MANAGEMENT = "management", _("Management")
    PUBLICITY = "publicity", _("Publicity & training")


class PlanQuerySet(models.QuerySet):
    def for_year(self, year: int) -> "Plan | None":
        """The latest plan whose years (base year included) cover the year, else the current one."""
        return self.filter(base_year__lte=year, last_year__gte=year).order_by("-last_year").first() or self.current()

    def current(self) -> "Plan | None":
        """The plan covering this year, else the latest one."""
        year = timezone.localdate().year
        return self.filter(first_year__lte=year, last_year__gte=year).first() or self.order_by("-last_year").first()


class Plan(models.Model):
    """A work plan with quantified goals; 2023–2025 now, the next period later."""

    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    base_year = models.PositiveSmallIntegerField(_("base year"), help_text=_("The year before the plan starts."))
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year (target year)"))

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-first_year"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh

    @property
    def years(self) -> list[int]:
        """Every year with a value: the base year, then the plan's years."""
        return list(range(self.base_year, self.last_year + 1))


class Unit(models.TextChoices):
    COUNT = "count", _("count")
    PERCENT = "percent", _("%")
    PER_10K = "per_10k", _("per 10,000 residents")
    PER_MILLION_CNY = "per_million_cny", _("per 1,000,000 yuan")
    CNY = "cny", _("yuan")


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")


class Aggregation(models.TextChoices):
    ANNUAL_COUNT = "annual_count", _("annual count")
    ANNUAL_SUM = "annual_sum", _("annual sum")
    STOCK = "stock", _("stock at year end")
    PER_10K = "per_10k", _("per 10,000 residents")
    RATIO = "ratio", _("ratio")
    GROWTH = "growth", _("growth")
    CUMULATIVE = "cumulative", _("cumulative over the plan")
    REPORTED = "reported", _("reported by an official")


class Indicator(models.Model):
    """One quantified goal of a plan, with its target and how it is computed."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=16)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices, default=Direction.AT_LEAST)
    aggregation = models.CharField(_("aggregation"), max_length=16, choices=Aggregation.choices)
    target = models.DecimalField(_("target"), max_digits=20, decimal_places=4)
    target_upper = models.DecimalField(
        _("upper end of a target range"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    target_every_year = models.BooleanField(
        _("target applies to every year"),
        default=False,
        help_text=_("Yearly rates and counts the plan asks for each year, rather than by the target year."),
    )
    calculator = models.CharField(
        _("calculation"), max_length=16, blank=True, help_text=_("Empty for indicators entered by officials.")
    )
    definition_zh = models.TextField(_("definition (Chinese)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["plan", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_per_plan")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("targets:indicator-detail", args=[self.code])

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh

    @property
    def definition(self) -> str:
        return self.definition_en if (get_language() or "").startswith("en") else self.definition_zh

    @property
    def is_reported(self) -> bool:
        return self.aggregation == Aggregation.REPORTED


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("achieved")
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    BEHIND = "behind", _("behind")
    NO_DATA = "no_data", _("no data")


class IndicatorValue(models.Model):
    """The value of an indicator for a year, with the inputs it was computed from."""

    class Method(models.TextChoices):
        COMPUTED = "computed", _("computed from records")
        REPORTED = "reported", _("reported by an official")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), **EXACT)
    reason = models.CharField(_("why there is no value"), max_length=300, blank=True)
    numerator = models.DecimalField(_("numerator"), **EXACT)
    denominator = models.DecimalField(_("denominator"), **EXACT)
    base_value = models.DecimalField(_("previous-year value"), **EXACT)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NO_DATA)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices, default=Method.COMPUTED)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class ReportedValue(models.Model):
    """An official's entry for an indicator that is reported rather than computed."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reported_values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=30, decimal_places=6)
    note = models.TextField(_("source note"))
    attachment = models.FileField(_("attachment"), upload_to=GeneratedName("reported"), blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("entered by"))
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="reported_value_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class RecomputeRun(models.Model):
    """One recomputation of indicator values; failures are shown to officials."""

    class State(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    trigger = models.CharField(_("trigger"), max_length=32)
    years = models.JSONField(_("years"), default=list)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.RUNNING)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    values_written = models.PositiveIntegerField(_("values written"), default=0)
    queries = models.PositiveIntegerField(_("queries"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("recomputation")
        verbose_name_plural = _("recomputations")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.trigger} {self.started_at:%Y-%m-%d %H:%M} {self.state}"


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
        return f"{self.unit} · {self.task.number} · {self.year}"


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
        return f"{self.unit} · {self.task.number} · {self.year} {self.period}"


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
