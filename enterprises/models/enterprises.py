from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipportal.roles import enterprise_of, sees_all_park_data

from ..codes import normalize_credit_code, normalize_credit_code_format, validate_credit_code_format


class Industry(models.TextChoices):
    GREEN_CHEMICALS = "green_chemicals", _("Green chemicals")
    NEW_ENERGY_MATERIALS = "new_energy_materials", _("New energy & new materials")
    HIGH_END_EQUIPMENT = "high_end_equipment", _("High-end equipment")
    BIOMEDICINE = "biomedicine", _("Biomedicine")
    OTHER = "other", _("Other")


class EnterpriseQuerySet(models.QuerySet):
    def for_user(self, user) -> "EnterpriseQuerySet":
        """What a user may see: officials and API clients all, an enterprise user its own."""
        if sees_all_park_data(user):
            return self
        enterprise = enterprise_of(user)
        if enterprise is None:
            return self.none()
        return self.filter(pk=enterprise.pk)


# The year that goes with each title flag (import columns and form fields of the same names).
TITLE_YEARS = {
    "high_tech": "high_tech_year",
    "specialised": "specialised_year",
    "little_giant": "little_giant_year",
    "listing_reserve": "listing_reserve_year",
}
HIGH_TECH_VALIDITY = 3  # years a high-tech enterprise certificate is valid, its own year included


class Enterprise(models.Model):
    """A park enterprise, identified by its Unified Social Credit Code."""

    FLAGS = ("high_tech", "specialised", "little_giant", "listing_reserve", "tech_sme")

    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(
        _("Unified Social Credit Code"), max_length=18, unique=True, validators=[validate_credit_code_format]
    )
    credit_code_override_reason = models.TextField(
        _("why the credit code is accepted despite its checksum"), blank=True
    )
    credit_code_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("credit code accepted by"),
    )
    credit_code_override_at = models.DateTimeField(_("credit code accepted at"), null=True, blank=True)
    former_names = models.TextField(
        _("former names (曾用名)"),
        blank=True,
        help_text=_("One per line. Records naming the enterprise by a former name are matched to it."),
    )
    industry = models.CharField(_("industry"), max_length=32, choices=Industry.choices, blank=True)
    high_tech = models.BooleanField(_("high-tech enterprise"), default=False)
    specialised = models.BooleanField(_("specialised (provincial 专精特新)"), default=False)
    little_giant = models.BooleanField(_("national little giant"), default=False)
    listing_reserve = models.BooleanField(_("listing reserve"), default=False)
    tech_sme = models.BooleanField(_("tech SME"), default=False)
    high_tech_year = models.PositiveSmallIntegerField(
        _("high-tech certificate year"),
        null=True,
        blank=True,
        help_text=_("The certificate is valid that year and the two after (three years)."),
    )
    specialised_year = models.PositiveSmallIntegerField(_("专精特新 recognised in"), null=True, blank=True)
    little_giant_year = models.PositiveSmallIntegerField(_("little giant recognised in"), null=True, blank=True)
    listing_reserve_year = models.PositiveSmallIntegerField(_("in the listing reserve since"), null=True, blank=True)
    ip_staff_count = models.PositiveIntegerField(
        _("IP staff"), null=True, blank=True, help_text=_("Empty means unknown.")
    )
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]
        indexes = [models.Index(fields=["industry"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enterprises:detail", args=[self.pk])

    def clean(self) -> None:
        """A code failing its checksum stands only when an official has accepted it, with a reason."""
        super().clean()
        if self.credit_code and not self.credit_code_overridden:
            try:
                normalize_credit_code(self.credit_code)
            except ValidationError as error:
                raise ValidationError({"credit_code": error.messages}) from None

    @property
    def credit_code_overridden(self) -> bool:
        return self.credit_code_override_at is not None

    @property
    def flag_labels(self) -> list[str]:
        """Each title held, with its year when known ("high-tech enterprise (2023)")."""
        labels = []
        for flag in self.FLAGS:
            if getattr(self, flag):
                label, year = (
                    str(self._meta.get_field(flag).verbose_name),
                    getattr(self, TITLE_YEARS.get(flag, ""), None),
                )
                labels.append(f"{label} ({year})" if year else label)
        return labels

    @classmethod
    def flag_filter(cls, flag: str) -> Q:
        assert flag in cls.FLAGS
        return Q(**{flag: True})

    @classmethod
    def title_held_in(cls, flag: str, year: int, prefix: str = "") -> Q:
        """The enterprise held the title (a FLAG) in year Y, as its year tells (indicators use the
        facts as they stood then, not today's flags).

        A high-tech certificate is valid in its year and the two after, whatever today's flag says
        (a renewal brings a new year). 专精特新, little giant and listing reserve hold from their
        year on while flagged. A flag without a year holds in every year (the list did not say
        since when); tech SMEs have no year."""
        assert flag in cls.FLAGS
        flagged = Q(**{f"{prefix}{flag}": True})
        year_field = TITLE_YEARS.get(flag)
        if year_field is None:
            return flagged
        unknown = Q(**{f"{prefix}{year_field}__isnull": True})
        if flag == "high_tech":
            valid = Q(**{f"{prefix}{year_field}__lte": year, f"{prefix}{year_field}__gt": year - HIGH_TECH_VALIDITY})
            return (flagged & unknown) | valid
        return flagged & (unknown | Q(**{f"{prefix}{year_field}__lte": year}))

    @classmethod
    def any_title_held_in(cls, flags, year: int, prefix: str = "") -> Q:
        held = Q(pk__in=[])
        for flag in flags:
            held |= cls.title_held_in(flag, year, prefix)
        return held


class HolderAlias(models.Model):
    """A holder name an official linked to a park enterprise once (the unmatched-holders
    worklist): later imports and the records already stored match it (enterprises.matching)."""

    name = models.CharField(_("holder name"), max_length=200)
    normalized = models.CharField(_("normalised name"), max_length=200, unique=True, editable=False)
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="holder_aliases", verbose_name=_("enterprise")
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
        verbose_name = _("holder alias")
        verbose_name_plural = _("holder aliases")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} → {self.enterprise}"


class Membership(models.Model):
    """Links a user account to the one enterprise it acts for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("enterprise")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("enterprise member")
        verbose_name_plural = _("enterprise members")

    def __str__(self) -> str:
        return f"{self.user} → {self.enterprise}"


def accepted_credit_code(value: str) -> str:
    """The canonical code, or a code failing only its checksum that an official has accepted for a
    park enterprise (Enterprise.credit_code_override_at); otherwise the ValidationError."""
    try:
        return normalize_credit_code(value)
    except ValidationError as error:
        if error.code != "checksum":
            raise
        code = normalize_credit_code_format(value)
        if Enterprise.objects.filter(credit_code=code, credit_code_override_at__isnull=False).exists():
            return code
        raise


PATENT_WEIGHTS_12 = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_WEIGHTS_8 = (2, 3, 4, 5, 6, 7, 8, 9)
PATENT_TYPE_DIGITS = {"1": "invention", "2": "utility_model", "3": "design", "8": "invention", "9": "utility_model"}
