"""Django settings of the platform. Everything a deployment changes comes from the environment:

GONGKAI_DATA_DIR (default ./var), GONGKAI_DATABASE_URL (default SQLite in the data directory),
GONGKAI_SECRET_KEY (default: a key generated once and kept in the data directory), GONGKAI_DEBUG,
GONGKAI_ALLOWED_HOSTS (comma separated), GONGKAI_HTTPS, GONGKAI_PROXIES (see the security block below).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from .database import create_private_sqlite_file, data_dir, database_config

PLATFORM_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
with contextlib.suppress(OSError):  # read-only: the database error will name the place
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # SQLite cannot make its own directory


def _secret_key() -> str:
    if key := os.environ.get("GONGKAI_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except OSError:
        pass
    key = secrets.token_urlsafe(50)
    try:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(key)
        path.chmod(0o600)
    except OSError:
        pass  # a read-only place: the key lives as long as the process
    return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("GONGKAI_DEBUG", "") in ("1", "true", "yes")

# The platform's own apps, one job each. Issue 6 and later apps append here.
PLATFORM_APPS = [
    "gongkai.platform.agencies",
    "gongkai.platform.accounts",
    "gongkai.platform.audit",
    "gongkai.platform.workdays",
    "gongkai.platform.desk",
    "gongkai.platform.letters",
    "gongkai.platform.appeals",
    "gongkai.platform.annual",
    "gongkai.platform.registry",
    "gongkai.platform.portal",
    "gongkai.platform.oversight",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    *PLATFORM_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.platform.urls"
WSGI_APPLICATION = "gongkai.platform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PLATFORM_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.platform.accounts.context.role",
            ],
        },
    },
]

DATABASES = {"default": database_config(os.environ.get("GONGKAI_DATABASE_URL"))}
create_private_sqlite_file(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"  # never served publicly: files go out through views that check permissions

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

NINJA_PAGINATION_PER_PAGE = 50

# Every server error, with its traceback, to stderr and to errors.log in the data directory, whatever
# DEBUG says (Django's default sends them to mail_admins, which without ADMINS means nowhere). The
# visitor's 500 page stays Django's plain one. The file is opened on the first error (delay), so a
# read-only data directory costs the file, not the start; WatchedFileHandler follows logrotate.
ERROR_LOG = DATA_DIR / "errors.log"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "error_file": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": str(ERROR_LOG),
            "delay": True,
            "encoding": "utf-8",
            "level": "ERROR",
            "formatter": "plain",
        },
    },
    "loggers": {
        "gongkai": {"handlers": ["console", "error_file"], "level": "INFO"},
        # 500s (django-ninja hands its unhandled exceptions to Django, which logs them here)
        "django.request": {"handlers": ["console", "error_file"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console", "error_file"], "level": "ERROR", "propagate": False},
    },
}


# -- Security (issue 10): hosts, HTTPS, passwords, login throttling, rate limits, headers --------------
# Kept in one block; the values a deployment sets come from the environment:
#   GONGKAI_ALLOWED_HOSTS  comma-separated host names (default: this machine only, for the local demo)
#   GONGKAI_HTTPS=1        served over HTTPS: Secure cookies, HSTS, redirect http → https
#   GONGKAI_PROXIES=N      N trusted reverse proxies in front (their X-Forwarded-For / -Proto are believed)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("GONGKAI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()
]
GONGKAI_PROXIES = int(os.environ.get("GONGKAI_PROXIES", "0") or 0)
HTTPS = os.environ.get("GONGKAI_HTTPS", "") in ("1", "true", "yes")
if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000  # one year, as Django's checklist asks
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if GONGKAI_PROXIES:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# staticfiles: our own script (static/gongkai) found and served; ninja: Swagger UI from its own static
# files instead of a CDN; axes: the login lockout below.
INSTALLED_APPS += ["django.contrib.staticfiles", "axes", "ninja"]
STATICFILES_DIRS = [PLATFORM_DIR / "static"]
# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one user name from one address,
# that pair is locked out for AXES_COOLOFF_TIME; site login, admin login and token creation all count.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
MIDDLEWARE += [
    "gongkai.platform.security.OddInputMiddleware",
    "gongkai.platform.security.ApiContentTypeMiddleware",
    "gongkai.platform.security.SecurityHeadersMiddleware",
    "gongkai.platform.audit.middleware.RequestAddressMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes asks
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "gongkai.platform.security.client_ip"
AXES_LOCKOUT_CALLABLE = "gongkai.platform.security.locked_out"
AXES_VERBOSE = False

# Rate limits (django-ninja's throttles, the one mechanism for the API and the pages), kept in Django's
# cache. The default local-memory cache is per process: right for the single-process `gongkai serve`;
# several worker processes need a shared cache (GONGKAI_CACHE_URL=redis://…, with the redis package).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gongkai"}}
if cache_url := os.environ.get("GONGKAI_CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cache_url}}
NINJA_NUM_PROXIES = GONGKAI_PROXIES  # never believe a client's own X-Forwarded-For
GONGKAI_RATES = {
    "public_apply": os.environ.get("GONGKAI_RATE_APPLY", "10/h"),  # public applications, page and API
    "public_read": os.environ.get("GONGKAI_RATE_PUBLIC", "120/m"),  # the public API's reads (track …)
    "signup": os.environ.get("GONGKAI_RATE_SIGNUP", "10/h"),
    "token": os.environ.get("GONGKAI_RATE_TOKEN", "20/h"),  # API tokens made by one user or address
}


# -- Serving, background jobs, notifications (issue 11) ------------------------------------------------
# Kept in one block, after everything else. From the environment:
#   GONGKAI_BROKER_URL       redis://host:6379/0 → jobs go to `gongkai worker` processes (Celery);
#                            unset → the same jobs run in the process that asks (nothing to install)
#   GONGKAI_BROKER_VISIBILITY_TIMEOUT  seconds before a job taken by a worker that died is handed out again
#   GONGKAI_EMAIL_BACKEND    smtp | file (default: .eml files in <data dir>/mail) | console | locmem
#   GONGKAI_SMTP_HOST/_PORT/_USER/_PASSWORD/_TLS, GONGKAI_MAIL_FROM
#   GONGKAI_SMS_BACKEND      dotted path of an SMS backend class (default: the logging backend, no vendor)
#   GONGKAI_SMS_QUIET_HOURS  e.g. 22-8 (no SMS from 22:00 to 08:00; held and sent afterwards)
#   GONGKAI_SITE_URL         the address in messages' links (https://gongkai.example.gov.cn)
for _app in ("django.contrib.staticfiles", "ninja", "gongkai.platform.notifications"):
    if _app not in INSTALLED_APPS:  # the security block may have added the first two already
        INSTALLED_APPS.append(_app)
# WhiteNoise serves /static/ from the app itself (collected by `gongkai serve` into <data dir>/static,
# compressed); right after SecurityMiddleware, as its documentation asks.
if "whitenoise.middleware.WhiteNoiseMiddleware" not in MIDDLEWARE:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
STATIC_URL = "/static/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # also serves what was not collected yet (tests, manage.py runserver)
TEMPLATES[0]["OPTIONS"]["context_processors"].append(  # type: ignore[index]
    "gongkai.platform.notifications.context.unread"
)

BROKER_URL = os.environ.get("GONGKAI_BROKER_URL", "").strip()
CELERY_BROKER_URL = BROKER_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not BROKER_URL  # embedded: a job runs where it is asked for
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True  # a job is taken off the queue only when done: a killed worker loses none
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
# several platforms (or test runs) on one Redis keep apart by their queue's name, and so do the jobs
# taken but not yet acknowledged (kombu's "unacked" keys are otherwise shared by every queue)
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("GONGKAI_QUEUE", "gongkai")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("GONGKAI_BROKER_VISIBILITY_TIMEOUT", "3600")),
    **{f"unacked{part}_key": f"{CELERY_TASK_DEFAULT_QUEUE}.unacked{part}" for part in ("", "_index", "_mutex")},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

_mail = os.environ.get("GONGKAI_EMAIL_BACKEND", "file").strip()
EMAIL_BACKEND = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}.get(_mail, _mail)
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_HOST = os.environ.get("GONGKAI_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("GONGKAI_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("GONGKAI_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GONGKAI_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("GONGKAI_SMTP_TLS", "") in ("1", "true", "yes")
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("GONGKAI_MAIL_FROM", "gongkai@localhost")
SMS_BACKEND = os.environ.get("GONGKAI_SMS_BACKEND", "gongkai.platform.notifications.sms.LoggingBackend")
SMS_QUIET_HOURS = os.environ.get("GONGKAI_SMS_QUIET_HOURS", "22-8")
SITE_URL = os.environ.get("GONGKAI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# `gongkai serve` runs several processes: the rate limits' counts must be shared by them, so without a
# Redis cache they live in files in the data directory rather than in each process's memory.
if not os.environ.get("GONGKAI_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }
with contextlib.suppress(OSError):  # WhiteNoise warns at every start about a missing directory
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
# A job's failure (also in-process, eager) is logged where the platform's errors go.
LOGGING["loggers"]["celery"] = {  # type: ignore[index]
    "handlers": [h for h in ("console", "error_file") if h in LOGGING["handlers"]],  # type: ignore[operator]
    "level": "INFO" if BROKER_URL else "WARNING",
}  # a worker tells what it runs; in-process, only failures
