"""Settings, read from the environment.

With nothing set, the portal runs on a SQLite file in the project with Celery tasks executed
eagerly and a local-memory cache (the embedded default). Production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS, DATABASE_URL (PostgreSQL) and REDIS_URL (Celery broker, results and cache).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "django_celery_beat",
    "csp",
    "axes",
    "auditlog",
    "ipportal",
    "core",
    "enterprises",
    "targets",
    "finance",
    "training",
    "enforcement",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body: refuses an oversized body or a burst of writes first.
    "ipportal.security.RequestLimitsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ipportal.security.WebSessionRolesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "ipportal.security.PortalAuditlogMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ipportal.urls"
WSGI_APPLICATION = "ipportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ipportal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web, eager tasks, tests) may write; wait rather than fail at once.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# A PostgreSQL read replica, when there is one, serves the reads of the API and the dashboards
# (ipportal/db_routers.py); tests run it as a mirror of the test database. Without one, there
# is no router and every query goes to DATABASE_URL.
REPLICA_DATABASE = ""
if os.environ.get("DATABASE_REPLICA_URL"):
    REPLICA_DATABASE = "replica"
    DATABASES[REPLICA_DATABASE] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES[REPLICA_DATABASE]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["ipportal.db_routers.ReplicaRouter"]
    MIDDLEWARE.insert(MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "ipportal.db_routers.ReplicaReadsMiddleware")
# Read-only requests to these views, and to these paths, read from the replica.
REPLICA_READ_VIEWS = frozenset(
    {"home", "targets:indicator-list", "targets:indicator-detail", "targets:charts", "targets:forecast"}
)
REPLICA_READ_PATH_PREFIXES = ("/api/",)
# Read from the primary always: a session, user or token just written must be found.
REPLICA_PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "authtoken", "axes", "ipportal"})
# After a request that wrote, the same browser reads from the primary this long (replication lag).
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "10"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ipportal"),
            "OPTIONS": {
                # A Redis outage must not take the pages down: cache misses instead of errors.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://localhost/"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
# API tokens → users are cached only in a cache every process shares: a per-process cache could
# not be told that another process revoked a token (ipportal.authentication).
TOKEN_CACHE_SECONDS = 60 if REDIS_URL else 0
# How long answers made from the stored indicator values (the API's list, the dashboard's tiles)
# are kept under their values generation (targets.cache); 0 turns the keeping off. Without Redis
# the cache is the process's own: right for the embedded single process, not for several.
VALUES_CACHE_SECONDS = int(os.environ.get("VALUES_CACHE_SECONDS", "300"))
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it ends, not when it starts: a worker killed mid-task (even by
# SIGKILL) leaves its message unacknowledged, and another worker runs it again. Every task is
# idempotent (an import run moves on from its state once; a recomputation rewrites all values).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis redelivers a message nobody acknowledged after this many seconds. It must be longer
    # than the longest task (a 1,000,000-row import takes about a minute), and short enough that
    # a task lost with its worker runs again soon.
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "900")),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# With the broker down, a request that queues a task learns it within about a second, and
# falls back (runs it in the request, or keeps it waiting for the queue) instead of hanging.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Sending a task first subscribes to its result in the result store (Redis too): without these,
# an unreachable store is retried 20 times (~19 s) before Celery gives up. The portal sends its
# tasks without results (ipportal.queueing), and gives the store the same short timeouts.
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_REDIS_SOCKET_TIMEOUT = 5
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
}
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Shanghai"
# One queue per kind of work, so each can be given workers of its own when one machine is not
# enough (a long import then never waits behind a recomputation). A worker started without -Q,
# as the Procfile's and the systemd unit's are, consumes every queue named here.
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_QUEUES = {name: {} for name in ("default", "imports", "recompute", "reports")}
CELERY_TASK_ROUTES = {
    "enterprises.tasks.run_import_task": {"queue": "imports"},
    "enterprises.tasks.requeue_waiting_imports": {"queue": "imports"},
    "targets.tasks.recompute_indicators": {"queue": "recompute"},
    "targets.tasks.make_annual_report": {"queue": "reports"},
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["ipportal.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: uploads go through views that check access

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ip-office@jmgxq.example")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ipportal.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["ipportal.permissions.ReadOnlyAPIAccess"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "ipportal.pagination.APIPagination",  # page_size up to 500
    # Decimals (money, rates) are JSON numbers, as indicator values are: one representation.
    "COERCE_DECIMAL_TO_STRING": False,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Counted in the default cache (Redis when REDIS_URL is set, so shared by every web process).
    "DEFAULT_THROTTLE_CLASSES": [
        "ipportal.throttling.AnonWindowThrottle",
        "ipportal.throttling.UserWindowThrottle",
        "ipportal.throttling.WriteWindowThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "30/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "600/minute"),
        "write": os.environ.get("API_THROTTLE_WRITE", "120/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": _("Park IP administration portal API"),
    # Translated like every description of the schema: ?lang=en or zh-hans, else the reader's language.
    "DESCRIPTION": _(
        "The park's enterprises, IP records and indicator values, for API clients (a token: "
        "`Authorization: Token …`), officials and enterprise users (their own enterprise only).\n\n"
        "Most endpoints (under `/api/v1/`) only read. Four operations write: an enterprise files a record "
        "(`POST /filings/`) and claims support from the special IP fund (`POST /claims/`, then "
        "`POST /claims/{id}/transition/`); officials review filings (`POST /filings/{id}/review/`) and claims "
        "(`POST /claims/{id}/transition/`).\n\n"
        "The same conventions on every endpoint:\n\n"
        "- **Yes/no parameters** take `true`/`false`, `1`/`0`, `yes`/`no` or `是`/`否`, in any case; any other "
        "value is a 400 naming the parameter.\n"
        "- **Lists** come in pages: `page`, and `page_size` (50 unless asked, at most 500; a larger number "
        "gives 500).\n"
        "- **Years** run from 1900 to 2100 and **dates** (`YYYY-MM-DD`) fall in those years; anything else is "
        "a 400 naming the parameter.\n"
        "- **Numbers** are JSON numbers, decimals included: money is in yuan (CNY) with at most two decimals; "
        "an indicator's value is in the indicator's `unit`.\n"
        "- **Timestamps** are ISO 8601 in China Standard Time, Asia/Shanghai (`+08:00`); dates have no time zone."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ReviewStateEnum": "core.models.ReviewState",
        "PledgedIPTypeEnum": "finance.models.PledgedIPType",
        "CaseIPTypeEnum": "enforcement.models.Case.IPType",
    },
}

# Off: it only drops a leading "=" (and turns empty cells into "None"); the admin's resources
# derive from ipportal.exports.FormulaSafeResource, which neutralises every formula start.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Imports: uploads larger than this many bytes are refused before they are read.
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", str(200 * 1024 * 1024)))
# XLSX imports are checked as zip archives before they are unpacked, and every import's shape.
IMPORT_XLSX_MAX_MEMBERS = 1000
# An XLSX's worksheets are streamed row by row (python-calamine-plus); what is held in memory is
# the rest of the workbook (its shared strings, styles), and the whole of an ODS or XLSB
# (python-calamine). 128 MiB held peaks near 330 MB; a 1,000,000-patent XLSX holds about 50 MiB
# of shared strings (bench/xlsx_memory.py, README). The worksheets cost time, not memory: 2 GiB
# takes IMPORT_MAX_ROWS rows of a dozen columns.
IMPORT_XLSX_MAX_UNPACKED_BYTES = int(os.environ.get("IMPORT_XLSX_MAX_UNPACKED_BYTES", str(128 * 1024 * 1024)))
IMPORT_XLSX_MAX_SHEET_BYTES = int(os.environ.get("IMPORT_XLSX_MAX_SHEET_BYTES", str(2 * 1024 * 1024 * 1024)))
IMPORT_XLSX_MAX_RATIO = 200
# An import run or annual report is leased to the process working on it: for this long after it
# is sent to the queue (the queue may be busy; a lost message is redelivered after the
# visibility timeout), then for this long after each sign of life while it runs. Past its lease,
# with no process holding it, it has lost its worker: it fails and may be retried.
TASK_QUEUED_LEASE_SECONDS = int(
    os.environ.get("TASK_QUEUED_LEASE_SECONDS", str(2 * int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "900"))))
)
TASK_RUNNING_LEASE_SECONDS = int(os.environ.get("TASK_RUNNING_LEASE_SECONDS", "120"))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "2000000"))
IMPORT_MAX_COLUMNS = 200
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Request bodies (ipportal.security.RequestLimitsMiddleware, 413 beyond): anonymous requests are
# forms of a few fields (login, password reset, the complaint form); signed-in users send
# documents of 10 MB each; the import upload takes IMPORT_MAX_UPLOAD_BYTES.
REQUEST_MAX_BYTES_ANONYMOUS = int(os.environ.get("REQUEST_MAX_BYTES_ANONYMOUS", str(64 * 1024)))
REQUEST_MAX_BYTES = int(os.environ.get("REQUEST_MAX_BYTES", str(32 * 1024 * 1024)))

# Sessions last a working day; officials' end when the browser closes (ipportal/signals.py).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The header a TLS-terminating proxy sets to say the request came over HTTPS, as "Header-Name,value".
# Only trusted when the portal is reachable through that proxy alone.
_proxy_ssl_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "" if DEBUG else "X-Forwarded-Proto,https")
if _proxy_ssl_header:
    _header, _comma, _value = _proxy_ssl_header.partition(",")
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _header.strip().upper().replace("-", "_"), _value.strip() or "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from the portal itself
# only, no inline script or style; vendored libraries (static/vendor/echarts) are 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login lockout (django-axes) on every password login: the login page and the admin's.
# Locked per user name and address pair, so a guessed name cannot lock its owner out from elsewhere.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind TRUSTED_PROXY_COUNT proxies the client address is read from X-Forwarded-For; with none
# (the default) only REMOTE_ADDR counts, so the header cannot be forged to dodge the lockout.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "ipportal.security.client_ip"
# Failed logins for one user name from any addresses within AXES_COOLOFF_TIME after which a
# password alone no longer signs it in: the owner gets an unlock link by e-mail (ipportal.lockout).
LOGIN_USER_FAILURE_LIMIT = int(os.environ.get("LOGIN_USER_FAILURE_LIMIT", "20"))

# Rate limits outside the API, counted in a store every web process shares (ipportal.ratelimit:
# Redis with REDIS_URL, else the database; never a per-process cache). Every write (POST, PUT,
# PATCH, DELETE) per minute, per address for anonymous clients and per user otherwise:
WRITES_PER_MINUTE_ANONYMOUS = int(os.environ.get("WRITES_PER_MINUTE_ANONYMOUS", "20"))
WRITES_PER_MINUTE_USER = int(os.environ.get("WRITES_PER_MINUTE_USER", "120"))
# and the views that send e-mail to an address typed in by anyone, or take anonymous reports:
PASSWORD_RESETS_PER_HOUR_ADDRESS = int(os.environ.get("PASSWORD_RESETS_PER_HOUR_ADDRESS", "5"))
PASSWORD_RESETS_PER_HOUR_EMAIL = int(os.environ.get("PASSWORD_RESETS_PER_HOUR_EMAIL", "3"))
COMPLAINTS_PER_HOUR_ADDRESS = int(os.environ.get("COMPLAINTS_PER_HOUR_ADDRESS", "5"))

# Audit trail (django-auditlog): who changed which field of a record, from what to what.
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_STORE_JSON_CHANGES = True

# Every record is written once, by the root's handler: Django's own "django" logger would print
# it a second time (its handler, in DEBUG). Refusals (4xx) are one line, without a traceback.
# Configuring "django" resets its children, so runserver's access log ("django.server") is set
# again as Django sets it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_without_traceback": {"()": "ipportal.log.RefusalsWithoutTraceback"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["refusals_without_traceback"]},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Names of the groups that make the roles (created by a data migration).
OFFICIALS_GROUP = "officials"
API_CLIENTS_GROUP = "api_clients"

PORTAL_NAME = _("Jingmen High-tech Zone IP Portal")
