"""Two gunicorn app servers and a job worker against one PostgreSQL database
and one Redis, as in production (gunicorn.conf.py, `flask worker`).

A file uploaded through one server downloads byte for byte through the
other; twelve wrong passwords for one account spread over both servers are
cut off at the limit; an assignment made on one notifies once (one inbox
entry, one email); a job enqueued from one runs exactly once and its result
shows on the other; a worker killed mid-job leaves the job to be retried,
with no result before the retry.

Runs whenever PostgreSQL and Redis are reachable (its own database, its own
queue and key names in Redis). Without them it is skipped on a laptop and
fails in CI (CI=true). Every wait has a deadline.
"""

import contextlib
import functools
import http.client
import http.cookiejar
import http.server
import os
import re
import secrets
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from config import normalise_database_url
from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import (
    Article,
    AuditEvent,
    ClaimStatus,
    Evidence,
    Notification,
    NotificationKind,
    Role,
)
from tests.conftest import _migrate, make_config, service_missing
from tests.factories import Factory

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
DEADLINE = 40  # seconds for any one thing to happen


def _unavailable(reason: str):
    service_missing(f"the two-server test needs {reason}")


def wait_for(what: str, check, deadline: float = DEADLINE):
    end = time.monotonic() + deadline
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- services the servers talk to: a web page to import, a mail server -------------


class PageServer(http.server.ThreadingHTTPServer):
    """Article pages to import by link; counts every request per path. A
    path under /hold/ is answered only once ``release`` is set."""

    daemon_threads = True

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.release = threading.Event()
        super().__init__(("127.0.0.1", 0), PageHandler)


class PageHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        server: PageServer = self.server
        server.hits[self.path] = server.hits.get(self.path, 0) + 1
        if self.path.startswith("/hold/"):
            server.release.wait(DEADLINE * 2)
        slug = self.path.rsplit("/", 1)[-1]
        body = (
            f"<html><head><title>Report {slug}</title></head><body><article>"
            f"<h1>Report {slug}</h1><p>By Test Writer</p>"
            f"<p>The council said on Tuesday that {slug} buses would run again from May.</p>"
            "<p>Officials said the repairs cost 4 million euros, twice the estimate.</p>"
            "</article></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class MailSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP to take messages: each one's recipients and text."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], str]] = []
        super().__init__(("127.0.0.1", 0), MailHandler)


class MailHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                text = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    text.append(data.decode(errors="replace"))
                self.server.messages.append((recipients, "".join(text)))
                recipients = []
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RSET, NOOP
                self.reply("250 ok")


def serve_in_thread(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


# --- a browser: cookies, CSRF token, a chosen source address ------------------------


class SourceAddressHandler(urllib.request.HTTPHandler):
    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address

    def http_open(self, req):
        return self.do_open(
            functools.partial(http.client.HTTPConnection, source_address=(self.address, 0)), req
        )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base: str, address: str = "127.0.0.1") -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            SourceAddressHandler(address),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )
        self.token = ""

    def request(self, path: str, data=None, headers=None) -> tuple[int, bytes, dict]:
        body = data
        if isinstance(data, dict):
            body = urllib.parse.urlencode({**data, "csrf_token": self.token}).encode()
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(req, timeout=DEADLINE) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as err:
            return err.code, err.read(), dict(err.headers)

    def page(self, path: str) -> str:
        status, body, _ = self.request(path)
        assert status == 200, (path, status, body[-500:])
        return body.decode()

    def refresh_token(self, path: str = "/account/password") -> None:
        found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', self.page(path))
        self.token = found.group(1)

    def login(self, email: str, password: str = Factory.PASSWORD) -> int:
        self.refresh_token("/login")
        status, _, _ = self.request("/login", {"email": email, "password": password})
        if status == 302:
            self.refresh_token()  # the session was renewed
        return status

    def upload(self, path: str, fields: dict, name: str, content: bytes) -> int:
        boundary = uuid.uuid4().hex
        head = f"--{boundary}\r\nContent-Disposition: form-data; name="
        parts = [
            f'{head}"{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in {**fields, "csrf_token": self.token}.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; '
            f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.request(path, body, headers)[0]


# --- the stack ------------------------------------------------------------------------


class Stack:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.prefix = f"twoservers-{uuid.uuid4().hex[:10]}"
        self.processes: list[subprocess.Popen] = []
        self.worker: subprocess.Popen | None = None
        self.pages = serve_in_thread(PageServer())
        self.mail = serve_in_thread(MailSink())
        self.database_url = ""
        self.bases: list[str] = []

    def env(self, **extra) -> dict[str, str]:
        return {
            **os.environ,
            "FLASK_APP": "factcheck",
            "FACTCHECK_CONFIG": "development",  # plain http on loopback: no Secure cookies
            "FACTCHECK_INSTANCE": str(self.tmp / "instance"),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": REDIS_URL,
            "SECRET_KEY": "two-servers-" + self.prefix,
            "JOB_QUEUE": self.prefix,
            "PAGE_CACHE_PREFIX": f"{self.prefix}:pages:",
            "RATELIMIT_KEY_PREFIX": self.prefix,
            "RATELIMIT_STORAGE_URI": REDIS_URL,
            "LOGIN_RATE_LIMIT": "10 per minute",
            "JOB_RETRIES": "2",
            "JOB_RETRY_INTERVALS": "0",
            "JOB_TIMEOUT": "120",
            "MAIL_BACKEND": "smtp",
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(self.mail.server_address[1]),
            "SMTP_STARTTLS": "0",
            "IMPORT_ALLOW_PRIVATE_URLS": "1",
            "IMPORT_TIMEOUT": "30",
            "ARGON2_TIME_COST": "1",
            "ARGON2_MEMORY_COST": "8",
            "ARGON2_PARALLELISM": "1",
            "LOG_FORMAT": "json",
            **extra,
        }

    def spawn(self, args: list[str], log_name: str, **extra) -> subprocess.Popen:
        log = (self.tmp / log_name).open("ab")
        process = subprocess.Popen(
            args,
            cwd=ROOT,
            env=self.env(**extra),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed as one
        )
        log.close()
        self.processes.append(process)
        return process

    def start_server(self, n: int) -> str:
        port = free_port()
        metrics = self.tmp / f"metrics-{n}"
        metrics.mkdir()
        process = self.spawn(
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
            f"server-{n}.log",
            PORT=str(port),
            HOST="127.0.0.1",
            WEB_CONCURRENCY="2",
            PROMETHEUS_MULTIPROC_DIR=str(metrics),
        )
        base = f"http://127.0.0.1:{port}"

        def ready():
            if process.poll() is not None:
                pytest.fail(f"server {n} stopped: {self.log(f'server-{n}.log')}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(base + "/readyz", timeout=2) as response,
            ):
                return response.status == 200
            return False

        wait_for(f"server {n}", ready)
        return base

    def start_worker(self) -> subprocess.Popen:
        self.worker = self.spawn([str(BIN / "flask"), "worker"], "worker.log")
        return self.worker

    def log(self, name: str) -> str:
        path = self.tmp / name
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        for server in (self.pages, self.mail):
            server.shutdown()
            server.server_close()


def _redis():
    from redis import Redis
    from redis.exceptions import RedisError

    connection = Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=10)
    try:
        connection.ping()
    except RedisError:
        _unavailable(f"Redis at {REDIS_URL}")
    return connection


@contextlib.contextmanager
def scratch_database():
    """A database of its own on the PostgreSQL server, dropped afterwards."""
    admin_url = normalise_database_url(PG_ADMIN_URL)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"factcheck_two_servers_{secrets.token_hex(4)}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError:
        admin.dispose()
        _unavailable(f"PostgreSQL at {make_url(admin_url).host}")
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    redis = _redis()
    tmp = tmp_path_factory.mktemp("two-servers")
    with scratch_database() as url:
        _migrate(url)
        stack = Stack(tmp)
        stack.database_url = url
        stack.redis = redis
        stack.app = create_app(
            make_config(
                url,
                REDIS_URL=REDIS_URL,
                JOB_QUEUE=stack.prefix,
                PAGE_CACHE_PREFIX=f"{stack.prefix}:pages:",
            )
        )
        try:
            stack.bases = [stack.start_server(1), stack.start_server(2)]
            stack.start_worker()
            yield stack
        finally:
            stack.stop()
            with stack.app.app_context():
                db.engine.dispose()
            for key in redis.scan_iter(f"*{stack.prefix}*", count=500):
                redis.delete(key)
            redis.close()


@pytest.fixture(scope="module")
def people(stack):
    make = Factory()
    with stack.app.app_context():
        editor = make.user("Two Server Editor", [Role.EDITOR])
        target = make.user("Guessed At", [Role.EDITOR])
        checker = make.user("Two Server Checker", [Role.CHECKER])
        manager = make.user("Two Server Manager", [Role.MANAGER, Role.EDITOR])
        article = make.article(editor, title="Two servers")
        researching = make.claim(article, status=ClaimStatus.RESEARCHING, assignee=checker)
        open_claim = make.claim(article, quote="Salaries rose by 50%", status=ClaimStatus.OPEN)
        db.session.commit()
        found = {
            "editor": editor.email,
            "target": target.email,
            "checker": checker.email,
            "manager": manager.email,
            "checker_id": checker.id,
            "researching": researching.id,
            "open": open_claim.id,
            "open_version": open_claim.version,
        }
        db.session.remove()
    return found


def query(stack, statement):
    with stack.app.app_context():
        try:
            return db.session.execute(statement).all()
        finally:
            db.session.remove()


def queue_idle(stack) -> bool:
    with stack.app.app_context():
        from factcheck import jobs

        figures = jobs.queue_figures()
    return figures["queued"] == figures["started"] == figures["scheduled"] == 0


def test_a_file_uploaded_through_one_downloads_through_the_other(stack, people):
    one, two = Browser(stack.bases[0]), Browser(stack.bases[1])
    assert one.login(people["checker"]) == two.login(people["checker"]) == 302
    content = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + secrets.token_bytes(200_000)
    one.refresh_token(f"/claims/{people['researching']}")
    status = one.upload(
        f"/claims/{people['researching']}/evidence",
        {"title": "Chart", "stance": "supports"},
        "chart.png",
        content,
    )
    assert status == 302
    [(evidence_id,)] = query(stack, sa.select(Evidence.id).where(Evidence.file_name == "chart.png"))
    status, body, headers = two.request(f"/claims/evidence/{evidence_id}/file")
    assert status == 200
    assert body == content
    assert "attachment" in headers["Content-Disposition"]


def test_wrong_passwords_spread_over_both_servers_are_cut_off_at_the_limit(stack, people):
    """Two servers, two client addresses (6 guesses each, under the
    per-address limit): the account's count is shared, so guesses 11 and 12
    are refused, on whichever server they land."""
    answers = []
    for n in range(12):
        browser = Browser(stack.bases[n % 2], address=f"127.0.0.{2 + (n // 2) % 2}")
        browser.refresh_token("/login")
        status, _, _ = browser.request(
            "/login", {"email": people["target"], "password": f"wrong guess {n}"}
        )
        answers.append(status)
    assert answers[:10] == [400] * 10
    assert answers[10:] == [429, 429]
    # the right password is refused too while the account is limited
    late = Browser(stack.bases[0], address="127.0.0.4")
    assert late.login(people["target"]) == 429


def test_an_assignment_made_on_one_server_notifies_once(stack, people):
    editor = Browser(stack.bases[0], address="127.0.0.5")
    assert editor.login(people["editor"]) == 302
    editor.refresh_token(f"/claims/{people['open']}")
    status, _, _ = editor.request(
        f"/claims/{people['open']}/assign",
        {"assignee": str(people["checker_id"]), "version": str(people["open_version"])},
    )
    assert status == 302
    # the request enqueued every email before it answered: once one has come
    # and the queue is idle, a second would have come too
    wait_for("the email job", lambda: stack.mail.messages and queue_idle(stack))
    to_checker = [text for to, text in stack.mail.messages if people["checker"] in to]
    assert len(to_checker) == 1 and "assigned you" in to_checker[0]
    rows = query(
        stack,
        sa.select(Notification.id, Notification.emailed_at).where(
            Notification.recipient_id == people["checker_id"],
            Notification.kind == NotificationKind.ASSIGNED,
            Notification.claim_id == people["open"],
        ),
    )
    assert len(rows) == 1 and rows[0].emailed_at is not None
    checker = Browser(stack.bases[1], address="127.0.0.5")
    assert checker.login(people["checker"]) == 302
    assert checker.page("/inbox/").count("Salaries rose by 50%") == 1


def import_link(browser: Browser, url: str) -> str:
    browser.refresh_token("/articles/import")
    status, _, headers = browser.request("/articles/import", {"url": url})
    assert status == 302, status
    return headers["Location"]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def preview_shown(browser: Browser, job_page: str) -> str:
    page = browser.page(job_page)
    return page if "Check the import" in page else ""


def test_a_job_enqueued_from_one_runs_once_and_shows_on_the_other(stack, people):
    one, two = Browser(stack.bases[0], "127.0.0.6"), Browser(stack.bases[1], "127.0.0.6")
    assert one.login(people["editor"]) == two.login(people["editor"]) == 302
    page = f"http://127.0.0.1:{stack.pages.server_address[1]}/news/seven"
    job_page = urllib.parse.urlsplit(import_link(one, page)).path
    preview = wait_for("the import job", lambda: preview_shown(two, job_page))
    assert "The council said on Tuesday that seven buses" in preview
    assert stack.pages.hits["/news/seven"] == 1
    # another editor may not see it
    other = Browser(stack.bases[1], "127.0.0.6")
    assert other.login(people["checker"]) == 302
    assert other.request(job_page)[0] in (403, 404)


def test_an_export_prepared_on_one_server_downloads_from_the_other(stack, people):
    """The worker writes the file into the database; its page and the file
    come from whichever server is asked."""
    one, two = Browser(stack.bases[0], "127.0.0.9"), Browser(stack.bases[1], "127.0.0.9")
    assert one.login(people["manager"]) == two.login(people["manager"]) == 302
    one.refresh_token("/activity")
    status, _, headers = one.request("/exports/activity", {"person": "", "action": ""})
    assert status == 303
    page = urllib.parse.urlsplit(headers["Location"]).path
    wait_for("the export", lambda: "Export ready" in two.page(page))
    status, body, headers = two.request(page + "/download")
    events = [row.id for row in query(stack, sa.select(AuditEvent.id).order_by(AuditEvent.id))]
    assert status == 200 and int(headers["Content-Length"]) == len(body)
    ids = [int(line.split(b",", 1)[0]) for line in body.split(b"\r\n")[1:] if line]
    assert ids == events[: len(ids)] and int(headers["X-Row-Count"]) == len(ids) > 0
    # nothing on either server's disk: the file is in the database
    assert not (stack.tmp / "instance" / "uploads" / "exports").exists()
    checker = Browser(stack.bases[1], "127.0.0.9")
    assert checker.login(people["checker"]) == 302
    assert checker.request(page + "/download")[0] == 403


def test_a_worker_killed_mid_job_leaves_it_to_be_retried(stack, people):
    from rq import Queue

    one, two = Browser(stack.bases[0], "127.0.0.7"), Browser(stack.bases[1], "127.0.0.7")
    assert one.login(people["editor"]) == two.login(people["editor"]) == 302
    page = f"http://127.0.0.1:{stack.pages.server_address[1]}/hold/eight"
    job_page = urllib.parse.urlsplit(import_link(one, page)).path
    wait_for("the worker to fetch the page", lambda: stack.pages.hits.get("/hold/eight"))

    horses = children(stack.worker.pid)  # RQ runs each job in a forked process
    assert horses, "the worker runs the job in a process of its own"
    os.killpg(stack.worker.pid, signal.SIGKILL)
    for pid in horses:  # in a process group of its own (RQ's setpgrp)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    stack.worker.wait(timeout=DEADLINE)
    status, body, _ = two.request(job_page)
    assert status == 200 and b"Importing the link" in body  # no result, no preview

    stack.pages.release.set()
    stack.start_worker()
    # What a worker's maintenance does once the dead worker's heartbeat has
    # lapsed, done now instead of minutes later: the job goes back on the queue.
    started = Queue(stack.prefix, connection=stack.redis).started_job_registry
    started.cleanup(timestamp=time.time() + 3600)
    preview = wait_for("the retried job", lambda: preview_shown(two, job_page))
    assert "eight buses would run again" in preview
    assert stack.pages.hits["/hold/eight"] == 2  # the killed try, and the retry
    assert Queue(stack.prefix, connection=stack.redis).failed_job_registry.count == 0


def test_an_edit_on_one_server_is_on_the_others_kept_page_at_once(stack, people):
    """Both servers keep the article page in the Redis they share; an edit
    through one bumps the shared data version, so the other builds the page
    anew on the next view instead of serving what it kept."""
    one, two = Browser(stack.bases[0], "127.0.0.8"), Browser(stack.bases[1], "127.0.0.8")
    assert one.login(people["editor"]) == two.login(people["editor"]) == 302
    [(article_id, body, version)] = query(
        stack,
        sa.select(Article.id, Article.body, Article.version).where(Article.title == "Two servers"),
    )
    path = f"/articles/{article_id}"
    assert "Two servers" in two.page(path)
    kept = [k for k in stack.redis.scan_iter(f"{stack.prefix}:pages:*") if b"version" not in k]
    assert kept, "the page was kept in the shared Redis"

    one.refresh_token(f"{path}/edit")
    status, _, _ = one.request(
        f"{path}/edit", {"title": "Two servers, one desk", "body": body, "version": str(version)}
    )
    assert status == 302
    assert "Two servers, one desk" in two.page(path)
