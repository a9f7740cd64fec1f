"""Settings for Factcheck desk, read from the environment in one place.

Pick a class with FACTCHECK_CONFIG (development, production); tests pass
TestConfig to create_app directly.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("FACTCHECK_INSTANCE", BASE_DIR / "instance"))


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the usual way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = normalise_database_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'factcheck.sqlite'}")
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", str(INSTANCE_DIR / "uploads"))
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "10")) * 1024 * 1024
    UPLOAD_ALLOWED_TYPES = (
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "text/plain",
        "text/html",
    )

    API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))
    NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "Factcheck desk")
    # The desk's address as readers see it (ClaimReview's url), e.g.
    # https://factcheck.example.org; empty: the address of the request.
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "")
    # Times are stored in UTC and shown (and typed into forms) in this zone.
    NEWSROOM_TIMEZONE = os.environ.get("NEWSROOM_TIMEZONE", "UTC")
    IMPORT_TIMEOUT = float(os.environ.get("IMPORT_TIMEOUT", "10"))
    IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_MB", "5")) * 1024 * 1024
    IMPORT_ALLOW_PRIVATE_URLS = os.environ.get("IMPORT_ALLOW_PRIVATE_URLS") == "1"

    # Signs backup manifests (HMAC-SHA256); `flask backup` and `flask restore`
    # refuse to run without it. Keep it apart from the backups.
    BACKUP_KEY = os.environ.get("BACKUP_KEY", "")

    # Notification email: off unless MAIL_BACKEND is "smtp" ("memory" keeps
    # messages in app.extensions["mail_outbox"], for tests).
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "factcheck@localhost")
    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "1") == "1"

    # argon2id parameters (RFC 9106 "second recommended" profile by default).
    ARGON2_TIME_COST = int(os.environ.get("ARGON2_TIME_COST", "3"))
    ARGON2_MEMORY_COST = int(os.environ.get("ARGON2_MEMORY_COST", str(64 * 1024)))
    ARGON2_PARALLELISM = int(os.environ.get("ARGON2_PARALLELISM", "4"))

    # memory:// counts per process; with several workers or servers use
    # Redis (redis://host:6379/0), which they all share.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "factcheck")
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")

    # How many proxies (TLS terminator, load balancer) stand in front of the
    # app and set X-Forwarded-For/-Proto/-Host; 0 trusts none of them.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

    # Redis: the job queue (and, in production, the rate limits when
    # RATELIMIT_STORAGE_URI is not set). Without it jobs run in-process.
    REDIS_URL = os.environ.get("REDIS_URL", "")
    JOB_QUEUE = os.environ.get("JOB_QUEUE", "factcheck")  # one Redis may serve several desks
    # Busy pages kept ready in Redis between changes (factcheck/caching.py);
    # only with REDIS_URL, which every server shares. "0" turns it off.
    PAGE_CACHE = os.environ.get("PAGE_CACHE", "1") != "0"
    PAGE_CACHE_PREFIX = os.environ.get("PAGE_CACHE_PREFIX", "factcheck:pages:")
    # Bytes of pages one person may have kept each minute: query-string
    # variants are endless, and the job queue shares the Redis.
    PAGE_CACHE_BYTES_PER_PERSON = int(os.environ.get("PAGE_CACHE_BYTES_PER_PERSON", "16000000"))

    # Background jobs: tries after the first, seconds between them, and how
    # long one may run before the worker stops it.
    JOB_RETRIES = int(os.environ.get("JOB_RETRIES", "3"))
    JOB_RETRY_INTERVALS = [
        int(s) for s in os.environ.get("JOB_RETRY_INTERVALS", "10,60,300").split(",") if s
    ]
    JOB_TIMEOUT = int(os.environ.get("JOB_TIMEOUT", "600"))
    REMINDER_INTERVAL = int(os.environ.get("REMINDER_INTERVAL", "300"))
    DIGEST_CRON = os.environ.get("DIGEST_CRON", "0 6 * * *")  # daily digests, 06:00 UTC
    # Prepared exports (the activity CSV, every claim): hours a file is kept
    # for download before the hourly sweep removes it.
    EXPORT_KEEP_HOURS = float(os.environ.get("EXPORT_KEEP_HOURS", "24"))
    # A folder for the daily backup job (`flask backup` into BACKUP_FOLDER/desk-DATE).
    BACKUP_FOLDER = os.environ.get("BACKUP_FOLDER", "")

    # Uploaded evidence: "database" (every app server shares it, backups
    # hold it) or "folder" (UPLOAD_FOLDER). Default: the database on
    # PostgreSQL, the folder on SQLite.
    UPLOAD_STORAGE = os.environ.get("UPLOAD_STORAGE", "")

    # Logs: "json" (one object a line, with the request id) or "text".
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    # /metrics answers only a request bearing this token (404 without one set).
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # a long shift must not lose a half-written form


class DevelopmentConfig(Config):
    DEBUG = False


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")

    def __init__(self) -> None:
        if not os.environ.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in production")
        if not os.environ.get("DATABASE_URL"):
            raise RuntimeError("DATABASE_URL must be set in production")
        self.SECRET_KEY = os.environ["SECRET_KEY"]
        # Several app servers share one count: Redis unless told otherwise.
        self.RATELIMIT_STORAGE_URI = (
            os.environ.get("RATELIMIT_STORAGE_URI") or os.environ.get("REDIS_URL") or "memory://"
        )


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = normalise_database_url(
        os.environ.get("TEST_DATABASE_URL", "sqlite://")
    )
    # Fast hashing in tests; production parameters are tested separately.
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 8
    ARGON2_PARALLELISM = 1
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    REDIS_URL = ""  # jobs run in-process unless a test sets it
    UPLOAD_STORAGE = "folder"  # the database store is tested on its own
    WTF_CSRF_ENABLED = False
    BACKUP_KEY = "test-backup-key-not-secret-0123456789abcdef"


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
}
