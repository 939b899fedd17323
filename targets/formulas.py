"""Each computed indicator's formula in words, with the inputs actually used for a year."""

from decimal import Decimal

from django.utils.translation import gettext as _

from ipportal.formatting import TEN_THOUSAND, grouped


def n(value, places: int = 0) -> str:
    """A number with thousands separators (ipportal.formatting.grouped); '—' when empty."""
    if value is None or value == "":
        return "—"
    return grouped(Decimal(str(value)), places)


def wan(value) -> str:
    """An amount in CNY as the number of 万元 the sentence names (the money rule of ipportal.formatting)."""
    return n(Decimal(str(value)) / TEN_THOUSAND, 2) if value not in (None, "") else "—"


def average_growth_text(amounts: str, inputs: dict, year: int) -> str:
    """The amounts compared, then the formula of the average annual growth with its exponent."""
    base_year = inputs.get("base_year")
    text = amounts % {
        "current": wan(inputs.get("current")),
        "base": wan(inputs.get("base")),
        "year": year,
        "base_year": base_year,
    }
    formula = _(
        "average annual growth = (value %(year)s ÷ value %(base_year)s)^(1/%(years)s) − 1 (base year %(base_year)s)"
    ) % {"year": year, "base_year": base_year, "years": year - base_year if base_year else "—"}
    return f"{text}; {formula}"


def describe(row: dict) -> str:
    """A sentence like "2,513 patents granted in 2025 by park enterprises" for a stored value."""
    year, inputs = row["year"], row["inputs"] or {}
    value, numerator, denominator = row["value"], row["numerator"], row["denominator"]
    if row["method"] == "reported":
        return _("Reported by an official: %(note)s") % {"note": inputs.get("note", "")} if value is not None else ""
    count = inputs.get("count", numerator)
    texts = {
        "C1": lambda: (
            _("%(value)s patents granted in %(year)s by park enterprises") % {"value": n(value), "year": year}
        ),
        "C2": lambda: (
            _("%(value)s distinct PCT applications filed in %(year)s by park enterprises")
            % {"value": n(value), "year": year}
        ),
        "C3": lambda: (
            _(
                "%(count)s valid invention patents of park enterprises on 31 December %(year)s ÷ %(population)s residents × 10,000"
            )
            % {"count": n(count), "year": year, "population": n(denominator)}
        ),
        "C4": lambda: (
            _(
                "%(count)s high-value invention patents of park enterprises on 31 December %(year)s ÷ %(population)s residents × 10,000"
            )
            % {"count": n(count), "year": year, "population": n(denominator)}
        ),
        "C5": lambda: (
            _("IP work funding %(funding)s 10k yuan ÷ public budget expenditure %(budget)s 10k yuan × 100%%")
            % {"funding": wan(numerator), "budget": wan(denominator)}
        ),
        "C6": lambda: (
            _("%(count)s invention patents granted in %(year)s ÷ R&D expenditure of %(rd)s million yuan")
            % {"count": n(numerator), "year": year, "rd": n(denominator, 2)}
        ),
        "C7": lambda: (
            _("%(value)s trademarks registered in %(year)s by park enterprises") % {"value": n(value), "year": year}
        ),
        "C8": lambda: (
            _("%(value)s trademarks of park enterprises in force on 31 December %(year)s")
            % {"value": n(value), "year": year}
        ),
        "C9": lambda: (
            _("%(marks)s geographical-indication trademarks + %(products)s GI protected products")
            % {"marks": n(inputs.get("gi_trademarks")), "products": n(inputs.get("gi_products"))}
        ),
        "U4": lambda: (
            _("%(current)s patent pledges in %(year)s against %(previous)s in %(previous_year)s")
            % {
                "current": n(inputs.get("current")),
                "previous": n(inputs.get("previous")),
                "year": year,
                "previous_year": inputs.get("previous_year"),
            }
        ),
        "U5": lambda: (
            _("%(current)s 10k yuan of patent pledges in %(year)s against %(previous)s 10k yuan in %(previous_year)s")
            % {
                "current": wan(inputs.get("current")),
                "previous": wan(inputs.get("previous")),
                "year": year,
                "previous_year": inputs.get("previous_year"),
            }
        ),
        "U9": lambda: average_growth_text(
            _(
                "IP transactions of park enterprises: %(current)s 10k yuan in %(year)s against %(base)s 10k yuan in %(base_year)s"
            ),
            inputs,
            year,
        ),
        "U10": lambda: average_growth_text(
            _(
                "Technology contracts of park enterprises: %(current)s 10k yuan in %(year)s against %(base)s 10k yuan in %(base_year)s"
            ),
            inputs,
            year,
        ),
        "U6": lambda: (
            _("%(amount)s 10k yuan of IP pledges registered in %(year)s by park enterprises")
            % {"amount": wan(value), "year": year}
        ),
    }
    text = texts.get(row["indicator"].calculator)
    return text() if text and (value is not None or numerator is not None) else ""
