"""Display helpers: money in 元 / 万元 with thousands separators."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.translation import gettext as _

from ipportal.coded import render

register = template.Library()


def _group(value: Decimal, places: int) -> str:
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"


@register.filter
def yuan(value) -> str:
    """1234567.5 -> '1,234,567.50 元'."""
    if value is None or value == "":
        return "—"
    return _("%(amount)s yuan") % {"amount": _group(Decimal(value), 2)}


@register.filter
def wan_yuan(value) -> str:
    """An amount in CNY shown in units of 10,000 CNY: 12345678 -> '1,234.57 万元'."""
    if value is None or value == "":
        return "—"
    return _("%(amount)s 10k yuan") % {"amount": _group(Decimal(value) / Decimal(10000), 2)}


@register.filter
def or_unknown(value):
    return "—" if value is None or value == "" else value


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def indicator_value(value, unit: str) -> str:
    """A value in its unit, rounded for display only: counts whole, percentages with %, money in 万元."""
    if value is None or value == "":
        return "—"
    value = Decimal(value)
    if unit == "count":
        return _group(value, 0) if value == value.to_integral_value() else _group(value, 2)
    if unit == "percent":
        return f"{_group(value, 2)} %"
    if unit == "cny":
        return wan_yuan(value)
    return _group(value, 2)


@register.simple_tag
def history_url(record) -> str:
    """The audit page filtered to one record's changes."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse
    from django.utils.http import urlencode

    content_type = ContentType.objects.get_for_model(record)
    return reverse("audit-log") + "?" + urlencode({"content_type": content_type.pk, "object_pk": record.pk})


@register.filter
def coded_message(value) -> str:
    """A message stored as a code with parameters (ipportal.coded), in the reader's language."""
    return render(value)
