"""Settings for the external-relations portal.

One module, driven by environment variables (and an optional ``.env`` file in the
repository root), so that development, CI and production differ only in their
environment. A missing or malformed variable stops start-up with one line that
names it, instead of a traceback from deep inside Django.
"""

import warnings
from email.utils import parseaddr
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def _setting(name, reader, **kwargs):
    """Read one variable, turning any parse error into a one-line exit naming it."""
    try:
        return reader(name, **kwargs)
    except Exception as error:  # noqa: BLE001 - any parse error is a configuration error
        raise SystemExit(f"Configuration error: {name} is not valid ({error}).") from None


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _strict_bool(name, default):
    """A boolean that refuses anything but the usual spellings (``DEBUG=perhaps`` is an error)."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw not in _TRUE | _FALSE:
        raise ValueError(f"expected one of 1, 0, true, false, yes, no, on, off; got {raw!r}")
    return raw in _TRUE


def _database_url(name, default):
    with warnings.catch_warnings():
        # django-environ warns before returning an unusable config; the error below says more.
        warnings.simplefilter("ignore")
        config = env.db_url(name, default=default)
    if not config.get("ENGINE"):
        raise ValueError("expected a URL such as postgres://user@host:5432/name or sqlite:///path")
    return config


def _site_url(name, default):
    url = env.url(name, default=default)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ValueError("expected an absolute http(s) URL such as https://example.se")
    return url.geturl().rstrip("/")


DEBUG = _setting("DEBUG", _strict_bool, default=False)

SECRET_KEY = _setting("SECRET_KEY", env.str, default="")
if not SECRET_KEY:
    if not DEBUG:
        raise SystemExit("Configuration error: SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = _setting(
    "ALLOWED_HOSTS", env.list, default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = _setting("CSRF_TRUSTED_ORIGINS", env.list, default=[])
SITE_URL = _setting("SITE_URL", _site_url, default="http://127.0.0.1:8000")
# Unless set, the development server puts the address it serves here (portal's runserver).
SITE_URL_IS_SET = bool(env.str("SITE_URL", default=""))

INSTALLED_APPS = [
    "portal.apps.PortalConfig",
    "relations",
    "visits",
    "newsroom",
    "internships",
    "events",
    "portal.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "auditlog",
    "reversion",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public pages for anonymous visitors (portal/page_cache.py); a hit skips what follows.
    "portal.page_cache.PageCacheMiddleware",
    # Compressed before storing, so a cached page is read, sent and stored at a fraction of
    # its size. (Django adds random padding against BREACH.)
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF middleware, which reads the body: an upload over its view's limits is
    # refused before it is read (portal/uploads.py).
    "portal.uploads.UploadLimitMiddleware",
    # A page not found that moved answers 301, one that was removed 410 (portal/redirects/).
    "portal.redirects.middleware.RedirectFallbackMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication, the second factor and messages: staff sessions end on time.
    "portal.staff_sessions.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks, so that it sees the outcome of every login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "portal.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": _setting(
        "DATABASE_URL", _database_url, default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = _setting("CONN_MAX_AGE", env.int, default=60)
    # A connection broken by a database restart is replaced instead of failing a request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: PostgreSQL compiles a query it expects to be costly, which takes
    # 50-100 ms, more than any query of the site then runs (a site search at the huge scale
    # took 388 ms with it, 28 ms without).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": _setting("CACHE_URL", env.cache_url, default="locmemcache://portal")}
# The cache is an optimisation: a Redis that does not answer within CACHE_TIMEOUT_SECONDS is
# treated as absent, and the page is rendered without it (portal/page_cache.py).
CACHE_TIMEOUT_SECONDS = _setting("CACHE_TIMEOUT_SECONDS", env.float, default=0.5)
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=CACHE_TIMEOUT_SECONDS, socket_timeout=CACHE_TIMEOUT_SECONDS
    )

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The audit trail (portal/audit.py): changes to these models are logged with who and when;
# personal data is hidden in the log. Kept AUDIT_RETENTION_DAYS days.
AUDIT_RETENTION_DAYS = _setting("AUDIT_RETENTION_DAYS", env.int, default=2 * 365)
AUDITLOG_MASK_CALLABLE = "portal.audit.hide_value"
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "relations.Organisation",
    "relations.Membership",
    "relations.Programme",
    "relations.Project",
    "relations.Contact",
    "relations.Agreement",
    "relations.DevelopmentArea",
    "relations.Forum",
    {"model": "relations.ForumMember", "mask_fields": ["name", "title", "organisation", "email"]},
    {
        "model": "relations.AgreementContact",
        "mask_fields": ["name", "title", "organisation", "email", "phone"],
    },
    "relations.AgreementFollowUp",
    "relations.AreaResult",
    "relations.Position",
    {
        "model": "visits.Visit",
        "mask_fields": ["requester_name", "requester_email", "requester_phone"],
    },
    {
        "model": "visits.Participant",
        "mask_fields": [
            "name", "title", "organisation", "email", "phone", "dietary_needs",
            "accessibility_needs",
        ],
    },
    "newsroom.NewsItem",
    {"model": "newsroom.Subscriber", "mask_fields": ["email", "email_hash"]},
    "newsroom.NewsletterIssue",
    "internships.InternshipCall",
    {
        "model": "internships.Application",
        "mask_fields": [
            "first_name", "last_name", "email", "phone", "university", "programme",
            "expected_graduation", "languages", "cover_letter", "cv", "transcript",
            "reviewer_notes",
        ],
    },
    "events.Event",
    {
        "model": "events.Registration",
        "mask_fields": [
            "name", "email", "organisation", "role", "dietary_needs", "accessibility_needs",
        ],
    },
)

# Editorial review (portal/editorial): drafts wait for a member of "Publicerare" to publish
# them; off, everyone who may edit an item may also publish it.
EDITORIAL_REVIEW = _setting("EDITORIAL_REVIEW", _strict_bool, default=True)

# Staff must pass a TOTP second factor before the admin opens; always in production.
STAFF_2FA_REQUIRED = not DEBUG or _setting("STAFF_2FA_REQUIRED", _strict_bool, default=False)
OTP_TOTP_ISSUER = "Externa relationer VGR"
LOGIN_URL = "staff-login"
STAFF_BACKUP_CODES = 10
# A staff login ends this long after it began, and after this long without a request
# (portal/staff_sessions.py); personal data asks for a code younger than the last.
STAFF_SESSION_HOURS = _setting("STAFF_SESSION_HOURS", env.int, default=8)
STAFF_IDLE_MINUTES = _setting("STAFF_IDLE_MINUTES", env.int, default=30)
STAFF_CODE_FRESH_MINUTES = _setting("STAFF_CODE_FRESH_MINUTES", env.int, default=15)

# Admin login throttling: five failures for one user from one address lock that pair out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The same client address as the form limits, so one client behind the proxy locks out only itself.
AXES_CLIENT_IP_CALLABLE = "portal.form_protection.client_address"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("svenska")), ("en", _("engelska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(_setting("MEDIA_ROOT", env.str, default=str(BASE_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(
    _setting("PRIVATE_MEDIA_ROOT", env.str, default=str(BASE_DIR / "private_media"))
)
# The largest document editors may publish (portal.media.documents).
DOCUMENT_MAX_BYTES = _setting("DOCUMENT_MAX_BYTES", env.int, default=10 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Applicants' files, the sources of uploaded images and the documents (served by a view
    # only while public): outside MEDIA_ROOT, never served by a public URL.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": PRIVATE_MEDIA_ROOT,
            "base_url": None,
            "file_permissions_mode": 0o600,
        },
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0
# Files browsers look for at the site's root: /favicon.ico, /apple-touch-icon.png.
WHITENOISE_ROOT = BASE_DIR / "static" / "site-root"

vars().update(_setting("EMAIL_URL", env.email_url, default="consolemail://"))
DEFAULT_FROM_EMAIL = _setting(
    "DEFAULT_FROM_EMAIL", env.str, default="Externa relationer <externa.relationer@example.se>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: immediately in development and tests, so that a confirmation mail
# shows at once; in production through the database queue and `make worker`.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if _setting("TASKS_IMMEDIATE", _strict_bool, default=DEBUG)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Failed tasks (mails) are retried this many times in all, waiting 1, 2, 4 … times the delay.
TASK_MAX_ATTEMPTS = 6
TASK_RETRY_DELAY_SECONDS = 60
# A task "running" for longer than this belongs to a worker that died: run_periodic queues it
# again, or marks a mail caught in its SMTP exchange uncertain (portal/mail.py). Far above
# any task's running time; `make chaos` shortens it so that its run need not wait 15 minutes.
TASK_ABANDONED_AFTER_SECONDS = _setting("TASK_ABANDONED_AFTER_SECONDS", env.int, default=15 * 60)

# Security. Production (DEBUG off) runs behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _setting("SECURE_SSL_REDIRECT", _strict_bool, default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a commitment made on the domain's behalf by its owner, not by the app.
    "security.W021",
]

PERMISSIONS_POLICY_OFF = [
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "usb", "xr-spatial-tracking",
]
SECURITY_CONTACT = _setting(
    "SECURITY_CONTACT", env.str, default="mailto:informationssakerhet@example.se"
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"portal": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# The unit, as named in the layout, mails and structured data.
PORTAL_NAME = _("Externa relationer")
PORTAL_ORGANISATION = _("Västra Götalandsregionen")

# How many proxies in front add themselves to X-Forwarded-For: the client's address is the entry
# the outermost one added. Unset means none (a system check warns about that when DEBUG is off).
TRUSTED_PROXY_COUNT = _setting("TRUSTED_PROXY_COUNT", env.int, default=None)

# Public forms (portal/form_protection.py): how long a form may stay open, and the rate limits
# per scope as (attempts, seconds) per client address and per e-mail address.
FORM_TOKEN_MAX_AGE = 60 * 60 * 24
# A file kept across a failed submit waits this long for the next one, then is swept away.
FORM_KEPT_FILE_MAX_AGE = 60 * 60 * 2
FORM_RATE_LIMITS = {
    "default": {"address": (30, 60 * 60), "email": (5, 60 * 60)},
}

# visits: where visit requests are announced, and how long visit personal data is kept.
VISIT_COORDINATORS_EMAIL = _setting(
    "VISIT_COORDINATORS_EMAIL", env.str, default="besokssamordnare@example.se"
)
VISIT_PERSONAL_DATA_MONTHS = _setting("VISIT_PERSONAL_DATA_MONTHS", env.int, default=12)
# A staff member's personal calendar address works this long, then is renewed or lapses.
CALENDAR_FEED_DAYS = _setting("CALENDAR_FEED_DAYS", env.int, default=180)

# internships: months after a call closes until the data of applicants not chosen is purged
# (24 matches the time within which a discrimination claim can be brought).
INTERNSHIP_RETENTION_MONTHS = _setting("INTERNSHIP_RETENTION_MONTHS", env.int, default=24)

# events: months after an event until its registrations are erased (anonymous counts stay)
EVENT_RETENTION_MONTHS = _setting("EVENT_RETENTION_MONTHS", env.int, default=12)

# newsroom: newsletter deliveries per SMTP connection, and the mailbox named in the
# List-Unsubscribe mailto (defaults to SERVER_EMAIL).
NEWSLETTER_BATCH_SIZE = _setting("NEWSLETTER_BATCH_SIZE", env.int, default=100)
# How many chains of batches send one issue, for as many task workers to share it.
NEWSLETTER_SENDERS = _setting("NEWSLETTER_SENDERS", env.int, default=2)
NEWSLETTER_UNSUBSCRIBE_EMAIL = _setting("NEWSLETTER_UNSUBSCRIBE_EMAIL", env.str, default="")
# Each newsletter mail's envelope sender is this address tagged per delivery
# (bounces+<delivery>-<signature>@domain, VERP): the mail server must deliver such addresses
# to BOUNCE_MAILBOX (Postfix: recipient_delimiter = +), an imaps://user:password@host/INBOX
# URL or a Maildir path that `manage.py process_bounces` reads.
NEWSLETTER_BOUNCE_ADDRESS = _setting(
    "NEWSLETTER_BOUNCE_ADDRESS",
    env.str,
    default="bounces@" + parseaddr(DEFAULT_FROM_EMAIL)[1].rpartition("@")[2],
)
BOUNCE_MAILBOX = _setting("BOUNCE_MAILBOX", env.str, default="")

# bench (make bench): a trivial view at /bench/baseline, the framework's own ceiling, only when
# asked for; and how long an anonymous page may be served from the cache (portal/page_cache.py).
BENCH_BASELINE = _setting("BENCH_BASELINE", _strict_bool, default=False)
PAGE_CACHE_SECONDS = _setting("PAGE_CACHE_SECONDS", env.int, default=0 if DEBUG else 300)
