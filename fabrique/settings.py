"""Every knob comes from the environment, with safe defaults for a laptop.

Documented in docs/configuration.md. A value that cannot be understood stops the start-up.
"""

import os
import re
import secrets
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool) -> bool:
    """True/False from the environment; anything else is a configuration error."""
    raw = os.environ.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} n'est ni vrai (true/1/yes/on) ni faux (false/0/no/off).")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} n'est pas un nombre entier.") from None


def envratio(name: str, default: float) -> float:
    """A share from 0 (included) to 1 (excluded), written as a decimal (0.5) or a fraction (2/3)."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    try:
        value = Fraction(raw)
    except (ValueError, ZeroDivisionError):
        raise ImproperlyConfigured(f"{name}={raw!r} n'est ni un nombre décimal (0.5) ni une fraction (2/3).") from None
    if not 0 <= value < 1:
        raise ImproperlyConfigured(f"{name}={raw!r} doit être compris entre 0 (inclus) et 1 (exclu).")
    return float(value)


def envrate(name: str, default: str) -> str:
    """A rate as django-ninja writes it: a number of requests, a slash, a period (`30/h`, `20/10m`, `5/s`)."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    if not re.fullmatch(r"\d+/\d*(s|sec|m|min|h|hour|d|day)", raw):
        raise ImproperlyConfigured(f"{name}={raw!r} n'est pas un débit (nombre/période : 30/h, 20/10m, 5/s, 100/d).")
    return raw


def envcache(name: str) -> dict:
    """Django's default cache: empty = in each process's memory; `db://` = a table of the database, shared by
    every process (`fabrique createcachetable`); `redis://host:6379/0` = a Redis server (needs the redis package)."""
    raw = os.environ.get(name, "").strip()
    scheme = raw.partition("://")[0]
    if raw == "":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "fabrique_cache"}
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}
    raise ImproperlyConfigured(f"{name}={raw!r} : cache inconnu (vide, db:// ou redis://hote:6379/0).")


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)
DATA_DIR = Path(os.environ.get("FABRIQUE_DATA_DIR") or Path.cwd() / "var").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY est obligatoire quand DEBUG est faux.")
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
NETWORK_NAME = os.environ.get("NETWORK_NAME", "").strip() or "Fabrique à initiatives"
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
DEMO_MODE = envbool("FABRIQUE_DEMO", False)
# `fabrique demo`: each app's demo loader (`<app>/demo.py`), run in this order in one transaction.
FABRIQUE_DEMO_LOADERS = [
    "fabrique.territories.demo.load_territories",
    "fabrique.network.demo.load_network",
    "fabrique.network.demo.load_accounts",
    "fabrique.community.demo.load_testimonials",
    "fabrique.method.demo.load_method_demo",  # needs, creativity sessions and projects of the method
    "fabrique.community.demo.load_network_life_demo",  # the article as a news post, a working group, events
    "fabrique.library.demo.load_library_demo",  # resources of every kind, some with a file
    "fabrique.appellation.demo.load_appellation_demo",  # fictitious peers, the 2020 committee, an open session
    "fabrique.workspace.demo.load_workspace_demo",  # people, conversation and next steps of two projects
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "axes",  # login throttling (fabrique/accounts/lockout.py)
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "csp",  # its system checks (settings format, excluded prefixes)
    "ninja",  # its templates and static files: the API docs are served locally, without a CDN
    "django_tasks",
    "django_tasks_db",  # the queue's table, whichever backend runs: the migrations do not depend on it
    "fabrique.core",
    "fabrique.jobs",
    "fabrique.territories",
    "fabrique.accounts",
    "fabrique.network",
    "fabrique.notifications",
    "fabrique.community",
    "fabrique.method",
    "fabrique.appellation",
    "fabrique.library",
    "fabrique.workspace",
    "fabrique.search",
    "fabrique.reporting",
    "fabrique.privacy",
    "fabrique.audit",
    "fabrique.ops",
    "fabrique.home",
    "fabrique.demo",
]


def envchoice(name: str, default: str, choices: list[str]) -> str:
    raw = os.environ.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r} : valeur inconnue ({', '.join(choices)}).")
    return raw


# Background jobs (fabrique/jobs, docs/jobs.md): every e-mail, reminder and digest runs in `fabrique worker`.
# `database`: a table of the database, no other server; `rq`: Redis (TASKS_REDIS_URL), for production;
# `immediate`: run at once in the process that commits (no worker; what the tests use).
FABRIQUE_TASKS_BACKEND = envchoice("FABRIQUE_TASKS_BACKEND", "database", ["database", "rq", "immediate"])
TASKS_REDIS_URL = os.environ.get("TASKS_REDIS_URL", "").strip() or "redis://127.0.0.1:6379/0"
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "rq": "django_tasks_rq.RQBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[FABRIQUE_TASKS_BACKEND],
    }
}
RQ_QUEUES = {"default": {"URL": TASKS_REDIS_URL}}
if FABRIQUE_TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")  # its `rqworker` command, run by `fabrique worker`
# A failed job is tried again after FABRIQUE_JOB_RETRY_SECONDS, then four times longer, up to FABRIQUE_JOB_ATTEMPTS
# tries in all; then it stays failed, with its error, in the coordination's list (admin « Tâches de fond »).
FABRIQUE_JOB_ATTEMPTS = envint("FABRIQUE_JOB_ATTEMPTS", 3)
FABRIQUE_JOB_RETRY_SECONDS = envint("FABRIQUE_JOB_RETRY_SECONDS", 60)
# Periodic jobs, the only place they are declared: name -> (function, period: hourly, daily or weekly), enqueued once
# per period by `fabrique scheduler` (fabrique/jobs/periodic.py).
FABRIQUE_PERIODIC_JOBS = {
    "appellation_reminders": ("fabrique.appellation.services.send_deadline_reminders", "daily"),
    "purge_personal_data": ("fabrique.privacy.retention.purge", "daily"),
    "prune_jobs": ("fabrique.jobs.queue.prune", "daily"),
    "notification_daily_digest": ("fabrique.notifications.services.send_daily_digests", "daily"),
    "notification_weekly_digest": ("fabrique.notifications.services.send_weekly_digests", "weekly"),
    "next_step_reminders": ("fabrique.workspace.reminders.send_next_step_reminders", "daily"),
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "fabrique.core.replica.ReplicaMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "fabrique.core.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "fabrique.core.middleware.ApiJsonErrorsMiddleware",
    "fabrique.core.middleware.ApiNulGuardMiddleware",
    "fabrique.core.error_pages.MethodNotAllowedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a refused login into its 429 page
]

ROOT_URLCONF = "fabrique.urls"
# fields in error styled and marked the same way on every form (fabrique/core/forms.py)
FORM_RENDERER = "fabrique.core.forms.FormRenderer"
WSGI_APPLICATION = "fabrique.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fabrique.core.context_processors.network",
                "fabrique.core.context_processors.site_abilities",
                "fabrique.notifications.context_processors.unread_notifications",  # the header's badge
            ],
        },
    },
]
# What templates ask of the person (`site_abilities.<name>`, core/context_processors.py): the perms function
# (user -> bool) answering each name. Templates never test `user.is_coordinator` or `user.is_staff`.
SITE_ABILITIES = {
    "coordinate": "fabrique.network.perms.can_access_coordination",
    "edit_announcements": "fabrique.appellation.perms.can_edit_announcement",
}

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{DATA_DIR / 'fabrique.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
# A PostgreSQL streaming replica for the reads of safe requests (fabrique/core/replica.py); empty: none.
DATABASE_REPLICA_PIN_SECONDS = envint("DATABASE_REPLICA_PIN_SECONDS", 5)
if os.environ.get("DATABASE_REPLICA_URL", "").strip():
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"].strip(), conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60)
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["fabrique.core.replica.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a throttled login before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "fabrique.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"  # « Mon espace »; a `next` on this site still wins
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes, rule in fabrique/accounts/lockout.py): failures counted per (e-mail, address)
# and per address alone, so that nobody can lock an account from elsewhere than its owner's address.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
LOGIN_IP_FAILURE_LIMIT = envint("LOGIN_IP_FAILURE_LIMIT", 30)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "fabrique.accounts.lockout.LoginThrottleHandler"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "fabrique.accounts.lockout.tried_email"
AXES_CLIENT_IP_CALLABLE = "fabrique.core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "fabrique.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True  # only the pair that logged in (LoginThrottleHandler.reset_user_attempts)
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not kept: User.last_login is enough
AXES_ENABLE_ADMIN = False  # the attempts are shown by accounts/admin.py, to the coordination only
# Reverse proxies in front of the site that append to X-Forwarded-For (fabrique/core/client_ip.py); 0: none.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
if min(AXES_FAILURE_LIMIT, LOGIN_IP_FAILURE_LIMIT, AXES_COOLOFF_TIME.total_seconds()) < 1:
    raise ImproperlyConfigured("AXES_FAILURE_LIMIT, LOGIN_IP_FAILURE_LIMIT et AXES_COOLOFF_MINUTES valent au moins 1.")
INVITATION_VALID_DAYS = 7
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_HTTPS_PROXY", False) else None
# Production profile: with DEBUG off, HTTPS only (redirect, HSTS for a year with sub-domains); see docs/operations.md.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
CSRF_FAILURE_VIEW = "fabrique.core.error_pages.csrf_failure"
# Seconds a client is asked to wait (Retry-After) when the database cannot be reached (core/unavailable.py).
DATABASE_UNAVAILABLE_RETRY_AFTER = envint("DATABASE_UNAVAILABLE_RETRY_AFTER", 30)

# Content-Security-Policy (django-csp): only our own files, no inline script or style, no framing.
# Read into private names: django-csp reports any CSP_* setting as its outdated format (csp.E001).
_csp_directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Bootstrap draws its icons as data: images in its CSS
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
_csp_report_uri = os.environ.get("CSP_REPORT_URI", "").strip()
if _csp_report_uri:
    _csp_directives["report-uri"] = [_csp_report_uri]
if envbool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _csp_directives}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_directives}
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing directory before collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "").strip() or "console://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "ne-pas-repondre@example.org"


def envemail(name: str, default: str) -> str:
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    try:
        validate_email(raw)
    except ValidationError:
        raise ImproperlyConfigured(f"{name}={raw!r} n'est pas une adresse e-mail (nom@domaine.fr).") from None
    return raw


# Where people write to the team that runs the platform (the accessibility declaration gives it).
CONTACT_EMAIL = envemail("CONTACT_EMAIL", "contact@example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_MAX_LIMIT = 200
# API rate limits per client address (fabrique/core/throttling.py); counted in the default cache below.
API_TOKEN_RATE = envrate("API_TOKEN_RATE", "30/h")
API_BEARER_FAILURE_RATE = envrate("API_BEARER_FAILURE_RATE", "20/h")
# Several processes share the rate limits' counters (and the cached indicators) only through a shared cache.
CACHES = {"default": envcache("CACHE_URL")}


def _csv_delimiter() -> str:
    raw = os.environ.get("EXPORT_CSV_DELIMITER", "")  # not stripped: a tab is a delimiter
    if raw == "":
        return ";"
    if len(raw) != 1:
        raise ImproperlyConfigured(f"EXPORT_CSV_DELIMITER={raw!r} doit être un seul caractère.")
    return raw


EXPORT_CSV_DELIMITER = _csv_delimiter()
REPORTING_CACHE_SECONDS = envint("REPORTING_CACHE_SECONDS", 300)
MAP_CACHE_SECONDS = envint("MAP_CACHE_SECONDS", 60)
LIBRARY_MAX_UPLOAD_MB = envint("LIBRARY_MAX_UPLOAD_MB", 20)
UPLOAD_MAX_EXPANDED_MB = envint("UPLOAD_MAX_EXPANDED_MB", 200)

APPELLATION_QUORUM_RATIO = envratio("APPELLATION_QUORUM_RATIO", 0.5)
APPELLATION_ABSTENTIONS_IN_QUORUM = envbool("APPELLATION_ABSTENTIONS_IN_QUORUM", True)
APPELLATION_COLLECTIVE_CONFLICT = envbool("APPELLATION_COLLECTIVE_CONFLICT", True)
APPELLATION_REMINDER_DAYS = envint("APPELLATION_REMINDER_DAYS", 2)
APPELLATION_ATTACHMENT_MAX_BYTES = envint("APPELLATION_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
APPELLATION_PRIVATE_ROOT = Path(
    os.environ.get("APPELLATION_PRIVATE_ROOT", "").strip() or DATA_DIR / "private"
).resolve()


def envdays(name: str, default: int) -> int:
    """A number of days, at least 1: a retention of 0 would erase everything at the next run."""
    value = envint(name, default)
    if value < 1:
        raise ImproperlyConfigured(f"{name}={value!r} doit être un nombre de jours d'au moins 1.")
    return value


# « Mon espace » lists the projects of one's structures without a stage change, note or decision for this long.
PROJECT_QUIET_DAYS = envdays("PROJECT_QUIET_DAYS", 60)

# A project's next steps: their owner is reminded this many days before the due date (and once overdue).
NEXT_STEP_REMINDER_DAYS = envdays("NEXT_STEP_REMINDER_DAYS", 2)

# Personal data (fabrique/privacy, docs/privacy.md): retention periods, run by `fabrique purge_personal_data`.
NEED_CONTACT_RETENTION_DAYS = envdays("NEED_CONTACT_RETENTION_DAYS", 3 * 365)
INACTIVE_ACCOUNT_DAYS = envdays("INACTIVE_ACCOUNT_DAYS", 2 * 365)
INACTIVE_ACCOUNT_GRACE_DAYS = envdays("INACTIVE_ACCOUNT_GRACE_DAYS", 30)
LOGIN_RECORD_RETENTION_DAYS = envdays("LOGIN_RECORD_RETENTION_DAYS", 30)
