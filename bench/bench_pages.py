"""Every busy page at a year of newsroom data, under gunicorn on PostgreSQL.

Creates its own database (BENCH_DATABASE, default fc_bench) on the server
named by BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
fills it with ``flask bench-seed`` (BENCH_ARTICLES x BENCH_CLAIMS, default
1,000 x 100), serves it with gunicorn (gunicorn.conf.py, two workers) and a
job worker on loopback, and measures each page as the ratio of its median
time to the median of a trivial route (anonymous GET /login) in the same
run; then requests/s on the board under concurrent load (wrk when
installed, else a bounded Python loop), a worker's memory, and how long the
activity CSV of the whole trail takes to prepare (a job) and whether it
arrives whole. Writes
bench/RESULTS.md, prints it, and drops the database.

The servers use Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379/12,
keys under a prefix of the run's own, removed after) as in production, so
busy pages are kept between changes (factcheck/caching.py). Each page is
timed twice: viewed again with nothing changed (a kept page), and right
after a change (the newsroom's data version bumped before every request,
so the page is built from the database every time).

Targets (issue 11): every page <= 4x, board >= 300 requests/s, worker < 150 MB.
"""

import concurrent.futures
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DATABASE = os.environ.get("BENCH_DATABASE", "fc_bench")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "1000"))
CLAIMS = int(os.environ.get("BENCH_CLAIMS", "100"))
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
PAGE_BUDGET = float(os.environ.get("BENCH_PAGE_SECONDS", "20"))  # per page, at most
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
CACHE_PREFIX = f"bench-{os.getpid()}-{int(time.time())}:"
PASSWORD = "bench-password"
TARGET_RATIO, TARGET_RPS, TARGET_MB = 4.0, 300, 150
RESULTS = ROOT / "bench" / "RESULTS.md"


def database_url(name: str) -> str:
    parts = urllib.parse.urlsplit(PG_URL)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def admin(sql: str) -> None:
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(sql)


def query(sql: str) -> list[tuple]:
    with psycopg.connect(database_url(DATABASE)) as conn:
        return conn.execute(sql).fetchall()


def flask(*args: str, env: dict) -> str:
    done = subprocess.run(
        [str(BIN / "flask"), "--app", "factcheck", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode:
        raise SystemExit(f"flask {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One HTTP connection per request (gunicorn's sync workers close them)."""

    def __init__(self, port: int):
        self.port = port
        self.cookie = ""
        self.location = ""

    def request(self, method: str, path: str, body: str = "", headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        all_headers = {"Cookie": self.cookie} if self.cookie else {}
        all_headers.update(headers or {})
        if body:
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conn.request(method, path, body=body or None, headers=all_headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                self.cookie = value.split(";", 1)[0]
            if name.lower() == "location":
                self.location = urllib.parse.urlsplit(value).path
        return response.status, data

    def login(self, email: str) -> None:
        _, page = self.request("GET", "/login")
        token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": PASSWORD})
        status, _ = self.request("POST", "/login", form)
        if status != 302:
            raise SystemExit(f"login as {email} answered {status}")


def timed(
    client: Client, path: str, headers: dict | None = None, after_change: bool = False
) -> tuple[list[float], int, int]:
    """Median-ready timings of ``path``: two warm-ups, then up to RUNS runs
    within PAGE_BUDGET seconds. ``after_change``: the data version goes up
    before each request, as a change anywhere in the newsroom makes it."""
    times: list[float] = []
    status, size = 0, 0
    started = time.perf_counter()
    cache = redis.Redis.from_url(REDIS_URL)
    for n in range(RUNS + 2):
        if after_change:
            cache.incr(CACHE_PREFIX + "version")
        t = time.perf_counter()
        status, data = client.request("GET", path, headers=headers)
        if n >= 2:
            times.append(time.perf_counter() - t)
        size = len(data)
        if time.perf_counter() - started > PAGE_BUDGET and len(times) >= 3:
            break
    return times, status, size


def load(port: int, path: str, cookie: str) -> float:
    """Requests per second on ``path`` with 2 threads x 8 connections."""
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{LOAD_SECONDS}s", "-H", f"Cookie: {cookie}",
             f"http://127.0.0.1:{port}{path}"],
            capture_output=True, text=True, timeout=LOAD_SECONDS + 30,
        ).stdout  # fmt: skip
        found = re.search(r"Requests/sec:\s+([\d.]+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if errors:
            print(f"  wrk {path}: {errors.group(1)} error responses", file=sys.stderr)
        return float(found.group(1)) if found else 0.0
    deadline = time.perf_counter() + LOAD_SECONDS

    def worker() -> int:
        client, count = Client(port), 0
        client.cookie = cookie
        while time.perf_counter() < deadline:
            client.request("GET", path)
            count += 1
        return count

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        total = sum(pool.map(lambda _: worker(), range(8)))
    return total / LOAD_SECONDS


def worker_rss_mb(master: int) -> float:
    """The largest resident set of the master's worker processes, in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return max(sizes, default=0.0)


def pages(client: Client, token: str) -> list[tuple[str, str, dict | None]]:
    (article,) = query(
        "SELECT a.id FROM articles a JOIN claims c ON c.article_id = a.id "
        "WHERE a.status <> 'published' GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
    )[0]
    claims = query(f"SELECT count(*) FROM claims WHERE article_id = {article}")[0][0]
    (published,) = query(
        "SELECT a.id FROM articles a JOIN claims c ON c.article_id = a.id "
        "WHERE a.status = 'published' GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
    )[0]
    source, cited = query(
        "SELECT source_id, count(*) FROM claim_sources GROUP BY source_id "
        "ORDER BY count(*) DESC LIMIT 1"
    )[0]
    bearer = {"Authorization": f"Bearer {token}"}
    return [
        ("board", "/board", None),
        ("Waiting for me", "/waiting", None),
        ("articles list", "/articles/", None),
        (f"article with {claims} claims", f"/articles/{article}", None),
        (f"source cited by {cited:,} claims", f"/sources/{source}", None),
        ('search "reservoir"', "/search?q=reservoir", None),
        ("activity", "/activity", None),
        ("API GET /articles", "/api/v1/articles", bearer),
        ("report", f"/articles/{published}/report", None),
        ("claims.csv", f"/articles/{published}/claims.csv", None),
        ("ClaimReview", f"/articles/{published}/claimreview.json", None),
    ]


def activity_csv(client: Client) -> str:
    """Prepare the whole trail as a job, wait for it, download it; say how
    long each step took and whether every event arrived."""
    events = query("SELECT count(*) FROM audit_events")[0][0]
    _, page = client.request("GET", "/activity")
    csrf = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page).group(1).decode()
    started = time.perf_counter()
    try:
        status, _ = client.request("POST", "/exports/activity", f"csrf_token={csrf}")
        asked = time.perf_counter() - started
        location = client.location
        deadline = time.perf_counter() + 600
        while True:  # the progress page, as a browser refreshes it
            status, page = client.request("GET", location)
            if b"Export ready" in page or status != 200 or b"Export failed" in page:
                break
            if time.perf_counter() > deadline:
                return "not ready after 600 s (is a job worker running?)"
            time.sleep(1)
        ready = time.perf_counter() - started
        fetched = time.perf_counter()
        status, data = client.request("GET", location + "/download")
    except (OSError, http.client.HTTPException) as err:
        return f"failed after {time.perf_counter() - started:.1f} s ({type(err).__name__})"
    took = time.perf_counter() - fetched
    rows = data.count(b"\n") - 1  # the header
    whole = "complete" if rows >= events else f"CUT OFF at {rows:,} of {events:,} events"
    return (
        f"{status}, {rows:,} rows of {events:,}: asked in {asked:.1f} s (a job worker), "
        f"ready after {ready:.1f} s, downloaded in {took:.1f} s, {len(data) >> 20} MB: {whole}"
    )


def main() -> None:
    try:
        admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    except psycopg.OperationalError as err:
        print(f"bench_pages: skipped, no PostgreSQL at {PG_URL} ({err})")
        return
    admin(f"CREATE DATABASE {DATABASE}")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(DATABASE),
        "SECRET_KEY": "bench-not-secret",
        "FACTCHECK_CONFIG": "development",
        "LOGIN_RATE_LIMIT": "1000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_PREFIX": CACHE_PREFIX,
        # Timing pages "after a change" bumps the version before each of a
        # few hundred requests a minute, all one person's: past the allowance
        # of kept pages per person, the later pages would not be kept at all.
        "PAGE_CACHE_BYTES_PER_PERSON": str(10**12),
        "JOB_QUEUE": CACHE_PREFIX + "jobs",
    }
    server = worker = None
    try:
        flask("db", "upgrade", env=env)
        started = time.perf_counter()
        seeded = flask(
            "bench-seed", "--articles", str(ARTICLES), "--claims-per-article", str(CLAIMS),
            env=env,
        )  # fmt: skip
        seed_seconds = time.perf_counter() - started
        admin_db = psycopg.connect(database_url(DATABASE), autocommit=True)
        admin_db.execute("VACUUM ANALYZE")
        admin_db.close()
        # The server's own log (a line a request) would drown the table.
        # The production settings (gunicorn.conf.py, as `make serve`), two
        # sync workers: the figures of issue 11 were taken with `-w 2`.
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
            env={**env, "PORT": str(port), "WEB_CONCURRENCY": "2", "GUNICORN_THREADS": "1"},
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # A job worker, as `make serve` starts: the activity export runs there.
        worker = subprocess.Popen(
            [str(BIN / "flask"), "--app", "factcheck", "worker"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = Client(port)
        for _ in range(100):
            try:
                client.request("GET", "/login")
                break
            except OSError:
                time.sleep(0.2)
        trivial_before, *_ = timed(Client(port), "/login")
        (manager,) = query(
            "SELECT email FROM users JOIN user_roles ON user_roles.user_id = users.id "
            "WHERE role = 'manager' ORDER BY users.id LIMIT 1"
        )[0]
        client.login(manager)
        status, body = client.request(
            "POST", "/api/v1/token",
            json.dumps({"email": manager, "password": PASSWORD}),
            {"Content-Type": "application/json"},
        )  # fmt: skip
        token = json.loads(body)["token"]
        measured = []
        for name, path, headers in pages(client, token):
            times, status, size = timed(client, path, headers)
            built, *_ = timed(client, path, headers, after_change=True)
            measured.append((name, path, times, built, status, size))
            print(
                f"  {name}: {status}, p50 {statistics.median(times) * 1000:.0f} ms kept, "
                f"{statistics.median(built) * 1000:.0f} ms after a change",
                flush=True,
            )
        trivial_after, *_ = timed(Client(port), "/login")
        trivial = statistics.median(trivial_before + trivial_after)
        board_rps = load(port, "/board", client.cookie)
        login_rps = load(port, "/login", "")
        rss = worker_rss_mb(server.pid)
        export = activity_csv(client)
    finally:
        for process in (server, worker):
            if process:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        cache = redis.Redis.from_url(REDIS_URL)
        for key in cache.scan_iter(f"*{CACHE_PREFIX}*"):
            cache.delete(key)

    lines = [
        "# Page benchmark (`make bench`, bench/bench_pages.py)",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; gunicorn.conf.py, 2 sync workers, "
        "PostgreSQL; "
        f"`flask bench-seed --articles {ARTICLES} --claims-per-article {CLAIMS}` "
        f"took {seed_seconds:.0f} s: {seeded.removeprefix('Wrote ')}",
        "",
        f"Trivial route (anonymous GET /login) p50: {trivial * 1000:.1f} ms. "
        f'Target: every page at most {TARGET_RATIO:.0f}x. "Viewed again": nothing changed '
        'since the page was last built (it is kept in Redis); "after a change": the '
        "newsroom's data version went up before every request, so the page is built "
        "from the database each time (the first view after any change).",
        "",
        "| page | status | size | viewed again p50 | ratio | within target "
        "| after a change p50 | ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, _path, times, built, status, size in measured:
        p50, built_p50 = statistics.median(times), statistics.median(built)
        ratio = p50 / trivial
        ok = "yes" if ratio <= TARGET_RATIO and status == 200 else "**no**"
        lines.append(
            f"| {name} | {status} | {size >> 10} KiB | {p50 * 1000:.0f} ms | {ratio:.1f}x | {ok} "
            f"| {built_p50 * 1000:.0f} ms | {built_p50 / trivial:.1f}x |"
        )
    lines += [
        "",
        f"Board under load (wrk or Python loop, 2 threads x 8 connections, {LOAD_SECONDS} s): "
        f"**{board_rps:.0f} requests/s** (target {TARGET_RPS}); trivial route {login_rps:.0f}/s.",
        "",
        f"Largest worker resident set after the run: **{rss:.0f} MB** (target < {TARGET_MB} MB).",
        "",
        f"Activity CSV, whole trail: {export}.",
        "",
    ]
    report = "\n".join(lines)
    RESULTS.write_text(report)
    print(report)


if __name__ == "__main__":
    main()
