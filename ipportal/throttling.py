"""API fair-use throttling with one atomic counter per client and window.

DRF's SimpleRateThrottle keeps a list of every request's time in the cache and rewrites it on
each request: with a few hundred requests a minute that is a large value read, unpickled,
pickled and written per call, and two processes can overwrite each other's list. These count
requests per fixed window in the portal's shared counter instead (`ipportal.ratelimit`: Redis
INCR when REDIS_URL is set, else one atomic UPDATE in the database, so every web process shares
the count), and tell anonymous clients apart by `ipportal.security.client_ip` (DRF's own
`get_ident` trusts X-Forwarded-For by NUM_PROXIES, a second setting that could disagree).
This is fair use, not the brute-force defence (django-axes guards the logins).

A view whose answer is kept in the cache may name the keys it will read (`throttle_read_along`,
a method of the view taking the request); they are then read in the same Redis round trip as the
count and left in `view.read_along` (a dict), so a polled answer costs one round trip, not two.
"""

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from . import ratelimit
from .security import client_ip


class FixedWindowMixin:
    def get_ident(self, request):
        return client_ip(request)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        read_along = getattr(view, "throttle_read_along", None)
        keys = read_along(request) if read_along is not None and not hasattr(view, "read_along") else []
        if not keys:
            return ratelimit.hit("api", self.key, self.num_requests, self.duration)
        view.read_along = dict.fromkeys(keys)
        allowed = ratelimit.hit("api", self.key, self.num_requests, self.duration, also_read=view.read_along)
        view.read_along = {key: value for key, value in view.read_along.items() if value is not None}
        return allowed

    def wait(self):
        return ratelimit.seconds_left(self.duration)


class AnonWindowThrottle(FixedWindowMixin, AnonRateThrottle):
    pass


class UserWindowThrottle(FixedWindowMixin, UserRateThrottle):
    pass


class WriteWindowThrottle(FixedWindowMixin, UserRateThrottle):
    """Writes (POST, PUT, PATCH, DELETE: filings, claims, reviews, which send e-mail) per user, or
    per address for anonymous clients, at the rate the pages' writes have (WRITES_PER_MINUTE_USER)."""

    scope = "write"

    def allow_request(self, request, view):
        if request.method not in {"POST", "PUT", "PATCH", "DELETE"}:
            return True
        return super().allow_request(request, view)
