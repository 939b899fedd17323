"""The park-level records of IP utilisation behind U1–U3, U7–U11 and M6: transactions, technology contracts, awards, platforms, service institutions, major and navigation projects."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.records.models import ParkRecordQuerySet

from .pledges import PledgedIPType


def park_party_code_field() -> models.CharField:
    """The park party's credit code as the list gives it (enterprises.matching re-links by it)."""
    return models.CharField(
        _("park party's credit code"),
        max_length=18,
        blank=True,
        db_index=True,
        help_text=_("As the list gives it; the park enterprise is matched by it, also when it arrives later."),
    )


class IPTransaction(models.Model):
    """A transfer or licence of patents or trademarks (U9 sums the amounts of those with a park party by contract date)."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("transfer")
        LICENCE = "licence", _("licence")

    contract_number = models.CharField(_("contract number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    ip_type = models.CharField(_("IP type"), max_length=16, choices=PledgedIPType.choices)
    numbers = models.CharField(_("patent or trademark numbers"), max_length=500, blank=True)
    seller = models.CharField(_("transferor / licensor"), max_length=200)
    buyer = models.CharField(_("transferee / licensee"), max_length=200)
    party_credit_code = park_party_code_field()
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("park enterprise"),
    )
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2)
    contract_date = models.DateField(_("contract date"), db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP transaction")
        verbose_name_plural = _("IP transactions")
        ordering = ["-contract_date"]

    def __str__(self) -> str:
        return f"{self.contract_number} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("finance:transaction-detail", args=[self.pk])


class TechContract(models.Model):
    """A registered technology contract (U10 sums the turnover of those with a park party by registration date)."""

    registration_number = models.CharField(_("registration number"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300)
    seller = models.CharField(_("seller"), max_length=200)
    buyer = models.CharField(_("buyer"), max_length=200, blank=True)
    party_credit_code = park_party_code_field()
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("park enterprise"),
    )
    turnover = models.DecimalField(_("registered turnover (yuan)"), max_digits=18, decimal_places=2)
    registration_date = models.DateField(_("registration date"), db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("technology contract")
        verbose_name_plural = _("technology contracts")
        ordering = ["-registration_date"]

    def __str__(self) -> str:
        return f"{self.registration_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("finance:contract-detail", args=[self.pk])


class Award(models.Model):
    """A patent or science-and-technology award won by a park enterprise."""

    class Kind(models.TextChoices):
        CHINA_GOLD = "china_gold", _("China Patent Award, gold")
        CHINA_SILVER = "china_silver", _("China Patent Award, silver")
        CHINA_EXCELLENCE = "china_excellence", _("China Patent Award, excellence")
        HUBEI = "hubei", _("Hubei Patent Award")
        NATIONAL_ST = "national_st", _("national science and technology award")

    CHINA_PATENT_AWARDS = (Kind.CHINA_GOLD, Kind.CHINA_SILVER, Kind.CHINA_EXCELLENCE)

    kind = models.CharField(_("award"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("awarded work"), max_length=300)
    award_date = models.DateField(_("date awarded"), db_index=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("park enterprise"),
    )
    patent = models.ForeignKey(
        "enterprises.Patent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("patent"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-award_date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("finance:award-detail", args=[self.pk])


class OperationPlatform(models.Model):
    """An IP operation platform in the park (U2 counts those open at the year end)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    opened_date = models.DateField(_("opened on"))
    closed_date = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP operation platform")
        verbose_name_plural = _("IP operation platforms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("finance:platform-detail", args=[self.pk])


class ServiceInstitution(models.Model):
    """An IP service institution working in the park.

    U3 counts those with an office in the park at the year end; M6 those introduced (high level)
    from the plan's first year on."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    services = models.CharField(_("services"), max_length=300, blank=True)
    office_opened = models.DateField(_("office in the park since"), null=True, blank=True)
    office_closed = models.DateField(_("office closed on"), null=True, blank=True)
    introduced_date = models.DateField(
        _("introduced into the park on"),
        null=True,
        blank=True,
        help_text=_("Fill in for high-level institutions brought in by the park (M6)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP service institution")
        verbose_name_plural = _("IP service institutions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("finance:institution-detail", args=[self.pk])


class MajorProject(models.Model):
    """A major project of the year and whether it had an IP review, navigation or early warning (U1)."""

    class Category(models.TextChoices):
        INDUSTRIAL_PLAN = "industrial_plan", _("industrial plan")
        INVESTMENT = "investment", _("investment attraction")
        RESEARCH = "research", _("research and industrial investment")
        TALENT = "talent", _("talent introduction")

    name = models.CharField(_("name"), max_length=300)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    project_date = models.DateField(_("project date"), db_index=True)
    ip_review = models.BooleanField(_("IP review, navigation or early warning done"), default=False)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("major project")
        verbose_name_plural = _("major projects")
        ordering = ["-project_date"]
        constraints = [models.UniqueConstraint(fields=["name", "project_date"], name="major_project_once")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("finance:project-detail", args=[self.pk])


class NavigationProject(models.Model):
    """A patent navigation project (专利导航): U11 counts those of type enterprise by start date."""

    class Kind(models.TextChoices):
        INDUSTRY = "industry", _("industry")
        ENTERPRISE = "enterprise", _("enterprise")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    start_date = models.DateField(_("start date"), db_index=True)
    report_date = models.DateField(_("report published on"), null=True, blank=True)
    funding = models.DecimalField(_("park funding (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("patent navigation project")
        verbose_name_plural = _("patent navigation projects")
        ordering = ["-start_date"]
        constraints = [models.UniqueConstraint(fields=["name", "start_date"], name="navigation_project_once")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("finance:navigation-detail", args=[self.pk])
