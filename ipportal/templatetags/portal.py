"""Display helpers: money in 元 / 万元 and indicator units by the one rule of ipportal.formatting."""

from django import template

from ipportal import formatting
from ipportal.coded import render

register = template.Library()


@register.filter
def yuan(value) -> str:
    """One record's amount in 元 (ipportal.formatting.yuan): 1234567.5 -> '1,234,567.50 元'."""
    return formatting.yuan(value)


@register.filter
def wan_yuan(value) -> str:
    """A summary amount in 万元 (ipportal.formatting.wan_yuan): 12345678 -> '1,234.57 万元'."""
    return formatting.wan_yuan(value)


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
    """A value in its unit (ipportal.formatting.indicator_value): counts whole, % , money in 万元."""
    return formatting.indicator_value(value, unit)


@register.filter
def difference_value(value, unit: str) -> str:
    """A signed difference in its unit, never rounded to zero (ipportal.formatting.difference_value)."""
    return formatting.difference_value(value, unit)


@register.filter
def unit_label(unit: str) -> str:
    """An indicator unit's words in the reader's language, never its code (ipportal.formatting.unit_label)."""
    return formatting.unit_label(unit)


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
