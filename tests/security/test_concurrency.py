"""Parallel requests at a real server: gunicorn on loopback against the test
PostgreSQL, several logged-in sessions, one claim. Nothing is lost, exactly
one approval wins, and the audit log matches the data."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import AuditEvent, Claim, ClaimStatus, Evidence, Role, Verdict
from tests.conftest import PG_URL
from tests.factories import Factory

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="a real multi-process server needs PostgreSQL (TEST_DATABASE_URL)"
)
TIMEOUT = 30  # seconds, per request and for the server to come up
BURST = 20


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """One browser: a cookie jar, the CSRF token of its session."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )
        self.token = ""

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrf_token": self.token}).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=TIMEOUT) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def _token(self, path: str) -> str:
        status, page = self.request(path)
        assert status == 200, (path, status)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    def login(self, email: str) -> "Session":
        self.token = self._token("/login")
        status, _ = self.request("/login", {"email": email, "password": Factory.PASSWORD})
        assert status == 302
        self.token = self._token("/account/password")  # the session was renewed
        return self


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(app, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "concurrency-test",
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "LOGIN_RATE_LIMIT": "1000 per minute",
        "ARGON2_TIME_COST": "1",
        "ARGON2_MEMORY_COST": "8",
        "ARGON2_PARALLELISM": "1",
        "FACTCHECK_CONFIG": "development",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(
        [
            str(gunicorn),
            "--workers",
            "4",
            "--threads",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            str(TIMEOUT),
            "factcheck:create_app()",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("gunicorn did not start: " + process.stderr.read().decode()[-2000:])
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def fire(jobs: list) -> list[tuple[str, int]]:
    """Run (label, session, path, data) jobs all at once; (label, status) back."""
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = [
            (label, pool.submit(session.request, path, data)) for label, session, path, data in jobs
        ]
        return [(label, future.result(timeout=TIMEOUT * 2)[0]) for label, future in futures]


def claim_events(claim_id: int, action: str) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.claim_id == claim_id, AuditEvent.action == action)
    )


def test_parallel_approve_edit_and_evidence_on_one_claim(app, make, server):
    editors = [make.user(f"Editor {i}", [Role.EDITOR]) for i in range(7)]
    checker = make.user("Parallel Checker", [Role.CHECKER])
    claim = make.claim(make.article(editors[0]), status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()
    claim_id = claim.id
    desk = [Session(server).login(e.email) for e in editors]
    research = Session(server).login(checker.email)
    edit_form = {
        "quote": claim.exact,
        "kind": "statistic",
        "priority": "high",
        "new_source_kind": "monitor",
        "sources": "",
    }

    # Burst 1, while researching: evidence from the checker, edits of one version.
    version = claim.version
    jobs = [
        (
            "evidence",
            research,
            f"/claims/{claim_id}/evidence",
            {"title": f"Source {i}", "stance": "supports", "url": f"https://example.org/{i}"},
        )
        for i in range(14)
    ] + [
        (
            "edit",
            desk[i],
            f"/claims/{claim_id}/edit",
            {**edit_form, "note": f"edit {i}", "version": version},
        )
        for i in range(6)
    ]
    first = fire(jobs)
    assert [s for label, s in first if label == "evidence"] == [302] * 14
    edits = sorted(s for label, s in first if label == "edit")
    assert edits == [302] + [409] * 5

    db.session.expire_all()
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(Evidence).where(Evidence.claim_id == claim_id)
        )
        == 14
    )

    # The checker proposes; then approvals by everyone, edits and evidence at once.
    from factcheck.services import verdicts

    claim = db.session.get(Claim, claim_id)
    verdicts.propose_verdict(claim, checker, None, rating="accurate", rationale="Checked.")
    db.session.commit()
    version = claim.version
    jobs = (
        [
            ("approve", desk[i % 7], f"/claims/{claim_id}/review", {"version": version})
            for i in range(12)
        ]
        + [
            (
                "evidence",
                research,
                f"/claims/{claim_id}/evidence",
                {"title": "Late", "stance": "context", "note": "after the proposal"},
            )
            for _ in range(4)
        ]
        + [
            (
                "edit",
                desk[i],
                f"/claims/{claim_id}/edit",
                {**edit_form, "note": f"late edit {i}", "version": version - 1},
            )  # an old form
            for i in range(4)
        ]
    )
    second = fire(jobs)
    approvals = sorted(s for label, s in second if label == "approve")
    assert approvals == [302] + [409] * 11
    assert {s for label, s in second if label != "approve"} == {409}

    db.session.expire_all()
    claim = db.session.get(Claim, claim_id)
    assert claim.status is ClaimStatus.APPROVED
    verdict = db.session.scalar(sa.select(Verdict).where(Verdict.claim_id == claim_id))
    assert verdict.reviewer_id in {e.id for e in editors}
    # the audit log matches the data
    evidence_rows = db.session.scalar(
        sa.select(sa.func.count()).select_from(Evidence).where(Evidence.claim_id == claim_id)
    )
    assert evidence_rows == 14 == claim_events(claim_id, "evidence.add")
    assert claim_events(claim_id, "verdict.approve") == 1
    assert claim_events(claim_id, "claim.edit") == 1
    assert claim.note.startswith("edit ")
    total = len(first) + len(second)
    print(
        f"\nconcurrency: {total} parallel requests in 2 bursts, "
        f"{len(jobs)} at once; 14/14 evidence kept, 1 of 12 approvals won"
    )


def test_parallel_duplicates_make_one_row(app, make, server, example_text):
    """The same suggestion accepted by eight editors at once is one claim; a
    resolution recorded by six at once is one; eight claims naming the same
    new source at once share one source; ten first pieces of evidence on an
    assigned claim are all kept."""
    from factcheck.models import Resolution, Source
    from factcheck.services import importing, suggestions

    editors = [make.user(f"Desk {i}", [Role.EDITOR]) for i in range(8)]
    checker = make.user("Burst Checker", [Role.CHECKER])
    article = make.article(editors[0], body=importing.extract(example_text).body)
    key = suggestions.suggestion_key(suggestions.pending_suggestions(article)[0])
    inaccurate = make.claim(
        make.article(editors[0]), status=ClaimStatus.APPROVED, assignee=checker, rating="inaccurate"
    )
    assigned = make.claim(make.article(editors[0]), status=ClaimStatus.ASSIGNED, assignee=checker)
    words = article.body.split()
    db.session.commit()
    ids = {"article": article.id, "inaccurate": inaccurate.id, "assigned": assigned.id}
    desk = [Session(server).login(e.email) for e in editors]
    research = Session(server).login(checker.email)

    accepts = fire(
        [
            ("accept", s, f"/articles/{ids['article']}/suggestions/accept", {"key": key})
            for s in desk
        ]
    )
    resolutions = fire(
        [
            ("resolve", s, f"/claims/{ids['inaccurate']}/resolution", {"kind": "corrected"})
            for s in desk[:6]
        ]
    )
    new_source = fire(
        [
            (
                "claim",
                s,
                f"/articles/{ids['article']}/claims",
                {
                    "quote": " ".join(words[10 * i : 10 * i + 4]),
                    "kind": "event",
                    "priority": "normal",
                    "sources": "Ministry of Parallel Affairs",
                    "new_source_kind": "government",
                },
            )
            for i, s in enumerate(desk)
        ]
    )
    first_evidence = fire(
        [
            (
                "evidence",
                research,
                f"/claims/{ids['assigned']}/evidence",
                {"title": f"Lead {i}", "stance": "context", "note": f"lead {i}"},
            )
            for i in range(10)
        ]
    )

    assert [status for _, status in accepts] == [302] * 8
    assert sorted(status for _, status in resolutions) == [302] + [409] * 5
    assert [status for _, status in new_source] == [302] * 8
    assert [status for _, status in first_evidence] == [302] * 10
    db.session.expire_all()
    from_suggestion = sa.select(sa.func.count()).select_from(Claim)
    assert db.session.scalar(from_suggestion.where(Claim.suggestion_key == key)) == 1
    assert (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Resolution)
            .where(Resolution.claim_id == ids["inaccurate"])
        )
        == 1
    )
    assert (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Source)
            .where(Source.name_key.like("ministry of p%"))
        )
        == 1
    )
    evidence_rows = sa.select(sa.func.count()).select_from(Evidence)
    assert db.session.scalar(evidence_rows.where(Evidence.claim_id == ids["assigned"])) == 10
    assert claim_events(ids["assigned"], "evidence.add") == 10
    assert db.session.get(Claim, ids["assigned"]).status is ClaimStatus.RESEARCHING
