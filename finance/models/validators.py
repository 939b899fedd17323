"""Amount validators shared by the fund's and the insurance's records."""

from decimal import Decimal

from django.core.validators import MinValueValidator

POSITIVE = MinValueValidator(Decimal("0.01"))


NOT_NEGATIVE = MinValueValidator(Decimal(0))
