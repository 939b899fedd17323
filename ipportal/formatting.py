"""How numbers, money and units are shown to people: one rule, used by every template (through the
`portal` template filters), view, chart and export that shows a figure with its unit.

Money (amounts are stored in CNY, 元, as `Decimal`):

- **Figures that sum or summarise** — indicator values and targets in CNY (U6), totals, the
  enterprise home's pledge figures, what an enterprise contributes to an indicator, chart axes —
  in 万元 with two decimals and thousands separators: ``1,234.57 万元`` (``wan_yuan``).
- **One record's amount** — a pledge, a transaction, a claim and its lines, a support item's
  rule and budget — in 元 with two decimals and thousands separators: ``1,234,567.50 元``
  (``yuan``).

Indicator values carry their unit (``targets.models.Unit``): counts whole (two decimals when
fractional), percentages with ``%``, per-10,000-resident and per-million-yuan figures with two
decimals, CNY in 万元. A unit is never shown by its code (``count``, ``percent``, ``per_10k``):
``unit_label`` gives the words in the reader's language, ``chart_unit`` the scale and axis name
of a chart. The API keeps exact numbers in yuan and the unit codes (see README, "Numbers").
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TEN_THOUSAND = Decimal(10000)

UNIT_LABELS = {
    "count": gettext_lazy("quantity"),
    "percent": gettext_lazy("%"),
    "per_10k": gettext_lazy("per 10,000 residents"),
    "per_million_cny": gettext_lazy("per 1,000,000 yuan"),
    "cny": gettext_lazy("10k yuan"),  # money indicators are shown in 万元
}


def grouped(value: Decimal, places: int) -> str:
    """A number rounded half up to `places` decimals with comma thousands separators: 1234.5 -> '1,234.50'."""
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"


def yuan(value) -> str:
    """One record's amount in 元: 1234567.5 -> '1,234,567.50 元' ('—' when empty)."""
    if value is None or value == "":
        return "—"
    return _("%(amount)s yuan") % {"amount": grouped(Decimal(value), 2)}


def wan_yuan(value) -> str:
    """A summary amount (CNY) in 万元: 12345678 -> '1,234.57 万元' ('—' when empty)."""
    if value is None or value == "":
        return "—"
    return _("%(amount)s 10k yuan") % {"amount": grouped(Decimal(value) / TEN_THOUSAND, 2)}


def indicator_value(value, unit: str) -> str:
    """An indicator's value (or target) in its unit, rounded for display only ('—' when empty)."""
    if value is None or value == "":
        return "—"
    value = Decimal(value)
    if unit == "count":
        return grouped(value, 0) if value == value.to_integral_value() else grouped(value, 2)
    if unit == "percent":
        return f"{grouped(value, 2)} %"
    if unit == "cny":
        return wan_yuan(value)
    return grouped(value, 2)


def difference_value(value, unit: str) -> str:
    """A difference between two values of an indicator (e.g. the current computation minus the
    approved value) in the unit, signed, with as many decimals as it takes not to show a non-zero
    difference as zero: two at least, else up to the second significant digit (at most eight):
    0.00278 -> '+0.0028', 1.5 -> '+1.50', 2 (count) -> '+2'; 1 元 -> '+0.0001 万元'; exactly zero -> '0'; '—' when empty."""
    if value is None or value == "":
        return "—"
    value = Decimal(value)
    if not value:
        return "0"
    if unit == "cny":
        value /= TEN_THOUSAND
    whole = unit == "count" and value == value.to_integral_value()  # counts whole, as indicator_value
    places = 0 if whole else min(max(2, 1 - value.adjusted()), 8)
    number = ("+" if value > 0 else "") + grouped(value, places)
    if unit == "percent":
        return f"{number} %"
    if unit == "cny":
        return _("%(amount)s 10k yuan") % {"amount": number}
    return number


def unit_label(unit: str) -> str:
    """The words for an indicator unit code in the reader's language ('per_10k' -> '每万人')."""
    label = UNIT_LABELS.get(str(unit))
    return str(label) if label is not None else str(unit)


def chart_unit(unit: str) -> tuple[Decimal, str]:
    """(divisor, axis name) for charting values of a unit: CNY values are divided into 万元."""
    return (TEN_THOUSAND if unit == "cny" else Decimal(1)), unit_label(unit)
