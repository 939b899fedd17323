from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import OwnRequestQuerySet, ReviewState
from core.records.models import ParkRecordQuerySet, reconciliation_fields
from enterprises.models.held import HeldRecordQuerySet

POSITIVE = MinValueValidator(Decimal("0.01"))
NOT_NEGATIVE = MinValueValidator(Decimal(0))


class PledgedIPType(models.TextChoices):
    PATENT = "patent", _("patent")
    TRADEMARK = "trademark", _("trademark")
    COPYRIGHT = "copyright", _("copyright")


class Pledge(models.Model):
    """An IP pledge registration: a loan secured on patents, trademarks or copyrights."""

    registration_number = models.CharField(_("pledge registration number"), max_length=64, unique=True)
    pledgor_name = models.CharField(_("pledgor"), max_length=200)
    pledgor_credit_code = models.CharField(_("pledgor's credit code"), max_length=18, blank=True, db_index=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("park enterprise"),
    )
    pledgee_name = models.CharField(_("pledgee (bank or lender)"), max_length=200)
    ip_type = models.CharField(_("pledged IP type"), max_length=16, choices=PledgedIPType.choices)
    amount = models.DecimalField(_("financing amount (yuan)"), max_digits=18, decimal_places=2)
    registration_date = models.DateField(_("registration date"), db_index=True)
    end_date = models.DateField(_("pledge end date"), null=True, blank=True)
    reconciled, reconciled_by, reconciled_at = reconciliation_fields()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = HeldRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-registration_date", "registration_number"]

    def __str__(self) -> str:
        return self.registration_number

    def get_absolute_url(self) -> str:
        return reverse("finance:pledge-detail", args=[self.pk])

    @property
    def in_park(self) -> bool:
        return self.enterprise_id is not None


class PledgedItem(models.Model):
    """One number named by a pledge, linked to its patent or trademark record once that exists."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="items", verbose_name=_("pledge"))
    number = models.CharField(_("pledged number"), max_length=64)
    position = models.PositiveSmallIntegerField(default=0)
    patent = models.ForeignKey(
        "enterprises.Patent", on_delete=models.SET_NULL, null=True, blank=True, related_name="pledge_items"
    )

    class Meta:
        verbose_name = _("pledged right")
        verbose_name_plural = _("pledged rights")
        ordering = ["pledge", "position"]
        constraints = [models.UniqueConstraint(fields=["pledge", "number"], name="pledged_item_once")]
        indexes = [models.Index(fields=["number"])]

    def __str__(self) -> str:
        return self.number


class IPTransaction(models.Model):
    """A transfer or licence of patents or trademarks (U9 sums their amounts by contract date)."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("transfer")
        LICENCE = "licence", _("licence")

    contract_number = models.CharField(_("contract number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    ip_type = models.CharField(_("IP type"), max_length=16, choices=PledgedIPType.choices)
    numbers = models.CharField(_("patent or trademark numbers"), max_length=500, blank=True)
    seller = models.CharField(_("transferor / licensor"), max_length=200)
    buyer = models.CharField(_("transferee / licensee"), max_length=200)
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
    """A registered technology contract (U10 sums the turnover by registration date)."""

    registration_number = models.CharField(_("registration number"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300)
    seller = models.CharField(_("seller"), max_length=200)
    buyer = models.CharField(_("buyer"), max_length=200, blank=True)
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


class InsurancePolicy(models.Model):
    """An IP insurance policy taken out by a park enterprise (task 9: 开展知识产权保险工作)."""

    class Kind(models.TextChoices):
        ENFORCEMENT = "enforcement", _("enforcement cost insurance")
        LIABILITY = "liability", _("infringement liability insurance")
        PLEDGE = "pledge", _("pledge financing guarantee insurance")
        OTHER = "other", _("other")

    policy_number = models.CharField(_("policy number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    insurer = models.CharField(_("insurer"), max_length=200)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("insured park enterprise"),
    )
    coverage = models.DecimalField(_("coverage (yuan)"), max_digits=18, decimal_places=2, validators=[POSITIVE])
    premium = models.DecimalField(_("premium (yuan)"), max_digits=18, decimal_places=2, validators=[POSITIVE])
    subsidy = models.DecimalField(
        _("premium subsidy (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP insurance policy")
        verbose_name_plural = _("IP insurance policies")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return self.policy_number

    def get_absolute_url(self) -> str:
        return reverse("finance:insurance-detail", args=[self.pk])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})
        if self.subsidy is not None and self.premium is not None and self.subsidy > self.premium:
            raise ValidationError({"subsidy": _("The subsidy cannot exceed the premium.")})


class RiskFundEntry(models.Model):
    """A movement of the pledge-financing risk-compensation fund (质押融资风险补偿基金):
    money put in by the government, banks or institutions, or a compensation paid for a pledge."""

    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", _("contribution")
        COMPENSATION = "compensation", _("compensation paid")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    party = models.CharField(_("contributor or recipient"), max_length=200)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2, validators=[POSITIVE])
    entry_date = models.DateField(_("date"))
    pledge = models.ForeignKey(
        Pledge, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pledge")
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk-compensation fund entry")
        verbose_name_plural = _("risk-compensation fund entries")
        ordering = ["-entry_date"]

    def __str__(self) -> str:
        return f"{self.entry_date:%Y-%m-%d} {self.get_kind_display()} {self.amount}"

    def get_absolute_url(self) -> str:
        return reverse("finance:riskfund-detail", args=[self.pk])


# -- The special IP fund: support items and enterprises' claims (专项资金) -------------------------


class SupportItem(models.Model):
    """A support item of the year's special IP fund, with its rule, evidence, budget and open period."""

    class Target(models.TextChoices):
        INVENTION_GRANT = "invention_grant", _("invention patents granted in the year")
        PCT = "pct", _("PCT applications filed in the year")
        TRADEMARK = "trademark", _("trademarks registered in the year")
        PLEDGE = "pledge", _("pledge loans registered in the year (interest subsidy)")
        AWARD = "award", _("awards won in the year")
        NAVIGATION = "navigation", _("enterprise patent navigation projects started in the year")
        CERTIFICATION = "certification", _("IP management certifications obtained in the year")

    class Rule(models.TextChoices):
        FIXED = "fixed", _("a fixed amount per record")
        SHARE = "share", _("a share of the stated cost, with a cap per record")

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    name = models.CharField(_("name"), max_length=200)
    target = models.CharField(_("records it supports"), max_length=20, choices=Target.choices)
    rule = models.CharField(_("rule"), max_length=8, choices=Rule.choices)
    fixed_amount = models.DecimalField(
        _("amount per record (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[POSITIVE]
    )
    rate = models.DecimalField(
        _("share of the cost (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[POSITIVE, MaxValueValidator(Decimal(100))],
    )
    cap = models.DecimalField(
        _("cap per record (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[POSITIVE]
    )
    evidence = models.TextField(_("evidence required"), blank=True)
    budget = models.DecimalField(_("budget (yuan)"), max_digits=18, decimal_places=2, validators=[NOT_NEGATIVE])
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("support item")
        verbose_name_plural = _("support items")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["year", "name"], name="support_item_once_a_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("finance:item-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.rule == self.Rule.FIXED and self.fixed_amount is None:
            errors["fixed_amount"] = _("A fixed-amount item needs the amount per record.")
        if self.rule == self.Rule.SHARE and self.rate is None:
            errors["rate"] = _("A cost-share item needs the share of the cost.")
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("The end date is before the start date.")
        if errors:
            raise ValidationError(errors)

    def amount_for(self, cost: Decimal | None) -> Decimal:
        """What one record earns: the fixed amount, or the share of its cost up to the cap."""
        if self.rule == self.Rule.FIXED:
            return self.fixed_amount
        share = (Decimal(cost or 0) * self.rate / Decimal(100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return min(share, self.cap) if self.cap is not None else share

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class ClaimQuerySet(OwnRequestQuerySet):
    def committed(self):
        """Claims that hold budget: approved or paid."""
        return self.filter(state__in=("approved", "paid"))


class Claim(models.Model):
    """An enterprise's claim on a support item for specific records of its own."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="claims", verbose_name=_("enterprise")
    )
    item = models.ForeignKey(
        SupportItem, on_delete=models.PROTECT, related_name="claims", verbose_name=_("support item")
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.DRAFT, db_index=True
    )
    amount = models.DecimalField(_("amount claimed (yuan)"), max_digits=18, decimal_places=2, default=Decimal(0))
    approved_amount = models.DecimalField(
        _("amount approved (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("statement"), blank=True)
    payment_date = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    events = GenericRelation("core.ReviewEvent")
    attachments = GenericRelation("core.Attachment")

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("claim %(number)s · %(item)s") % {"number": self.pk, "item": self.item.name}

    def get_absolute_url(self) -> str:
        return reverse("finance:claim-detail", args=[self.pk])


class ClaimLine(models.Model):
    """One record a claim is for, with its stated cost and the amount it earns."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(SupportItem, on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey()
    label = models.CharField(_("record"), max_length=300)
    cost = models.DecimalField(_("stated cost (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2)
    active = models.BooleanField(
        default=True, help_text="False once the claim is rejected: the record may be claimed again."
    )

    class Meta:
        verbose_name = _("claimed record")
        verbose_name_plural = _("claimed records")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"],
                condition=models.Q(active=True),
                name="record_claimed_once_per_item",
            )
        ]

    def __str__(self) -> str:
        return self.label
