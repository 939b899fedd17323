"""API fair-use throttling with one atomic counter per client and window.

DRF's SimpleRateThrottle keeps a list of every request's time in the cache and rewrites it on
each request: with a few hundred requests a minute that is a large value read, unpickled,
pickled and written per call, and two processes can overwrite each other's list. These count
requests per fixed window with the cache's atomic increment instead (Redis INCR when REDIS_URL
is set, so every web process shares the count): one round trip, nothing lost between processes.
This is fair use, not the brute-force defence (django-axes guards the logins).
"""

import time

from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class FixedWindowMixin:
    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        window = int(time.time() // self.duration)
        key = f"{self.key}:{window}"
        try:
            count = cache.incr(key)  # the usual case: one round trip
        except ValueError:  # the window's first request
            count = 1 if cache.add(key, 1, timeout=self.duration + 1) else cache.incr(key)
        self.window_ends = (window + 1) * self.duration
        # With the cache unreachable (django-redis ignores the error and answers None) the count
        # is unknown: serve the request. This is fair use; the logins have their own defence.
        return count is None or count <= self.num_requests

    def wait(self):
        return max(0.0, self.window_ends - time.time())


class AnonWindowThrottle(FixedWindowMixin, AnonRateThrottle):
    pass


class UserWindowThrottle(FixedWindowMixin, UserRateThrottle):
    pass
