"""What the rate limits and single-use tokens keep when there is no Redis (ipportal.ratelimit)."""

from django.db import models


class RateCounter(models.Model):
    """Requests counted in one fixed window of one limit for one client: the shared count every web
    process increments with one atomic UPDATE when the portal runs without Redis."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}={self.count}"


class UsedToken(models.Model):
    """A single-use token (a complaint form's start token, a login unlock link) that has been used;
    kept until the token would have expired anyway."""

    key = models.CharField(max_length=80, unique=True)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key
