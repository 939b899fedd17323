"""The yearly assessment of the member units (考核): the office's rubric for a year (items with
weights) and the officials' score of each unit on each of its key tasks for each item."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .plan import Plan
from .supervision import KeyTask, MemberUnit

MAX_SCORE = Decimal(100)


class AssessmentItem(models.Model):
    """One line of a year's rubric; a unit's total is the weighted mean of its item scores (0–100)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assessment_items", verbose_name=_("plan"))
    year = models.PositiveSmallIntegerField(_("year"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )

    class Meta:
        verbose_name = _("assessment item")
        verbose_name_plural = _("assessment items")
        ordering = ["year", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "year", "name"], name="assessment_item_once")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name_en if (get_language() or "").startswith("en") and self.name_en else self.name


class AssessmentScore(models.Model):
    item = models.ForeignKey(AssessmentItem, on_delete=models.CASCADE, related_name="scores", verbose_name=_("item"))
    unit = models.ForeignKey(MemberUnit, on_delete=models.CASCADE, related_name="+", verbose_name=_("member unit"))
    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, related_name="+", verbose_name=_("key task"))
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_SCORE)],
    )
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    scored_at = models.DateTimeField(_("scored at"), auto_now=True)

    class Meta:
        verbose_name = _("assessment score")
        verbose_name_plural = _("assessment scores")
        constraints = [models.UniqueConstraint(fields=["item", "unit", "task"], name="assessment_score_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.task.number} · {self.item}: {self.score}"
