"""Reads from a PostgreSQL read replica for the API and the dashboards, when there is one.

With `DATABASE_REPLICA_URL` set, settings add a `replica` database alias and name it in
`REPLICA_DATABASE`. `ReplicaReadsMiddleware` then marks a request that only reads (GET, HEAD,
OPTIONS) and is one of `REPLICA_READ_VIEWS` (or under `REPLICA_READ_PATH_PREFIXES`, the API); the
router sends that request's reads to the replica. Everything else reads and writes the primary:
writes always, tasks always, and the tables that must be fresh for the request to work at all
(sessions, users and tokens, the login lockout), and any read inside a transaction on the
primary. Without a replica nothing changes.

A replica lags its primary by a moment: after a request that wrote, the same browser reads from
the primary for `REPLICA_PIN_SECONDS`, so an official sees the approval or recomputation they
just asked for.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# Set for the duration of a request whose reads may go to the replica.
reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)

PIN_COOKIE = "ipportal_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReplicaRouter:
    """Sends the reads of a marked request to `settings.REPLICA_DATABASE`; everything else to the primary."""

    def db_for_read(self, model, **hints):
        replica = settings.REPLICA_DATABASE
        if not replica or not reading_from_replica.get():
            return None
        if model._meta.app_label in settings.REPLICA_PRIMARY_ONLY_APPS or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            # Inside a transaction on the primary, a read must see what the transaction wrote.
            return DEFAULT_DB_ALIAS
        return replica

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS if settings.REPLICA_DATABASE else None

    def allow_relation(self, obj1, obj2, **hints):
        replica = settings.REPLICA_DATABASE
        if replica and {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, replica}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica copies the primary's schema; it is never migrated itself.
        if settings.REPLICA_DATABASE and db == settings.REPLICA_DATABASE:
            return False
        return None


class ReplicaReadsMiddleware:
    """Marks the read-only requests of the API and the dashboards for the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = reading_from_replica.set(False)
        try:
            response = self.get_response(request)
        finally:
            reading_from_replica.reset(token)
        if settings.REPLICA_DATABASE and request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            settings.REPLICA_DATABASE
            and request.method in SAFE_METHODS
            and PIN_COOKIE not in request.COOKIES
            and (
                request.resolver_match.view_name in settings.REPLICA_READ_VIEWS
                or request.path_info.startswith(tuple(settings.REPLICA_READ_PATH_PREFIXES))
            )
        ):
            reading_from_replica.set(True)
        return None
