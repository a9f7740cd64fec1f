"""Evidence and contact attempts, with safe storage of uploaded files.

An uploaded file and its evidence row succeed or fail together: the file is
written inside the transaction, after the row is flushed (see
``factcheck.storage``: in the database, or in a folder and removed again when
the transaction ends without a commit). A committed row therefore always has
its file, and a failed request leaves no file behind.
"""

import os
import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import filetype
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm.attributes import set_committed_value
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from factcheck import storage, workflow
from factcheck.extensions import db
from factcheck.models import (
    Claim,
    ClaimStatus,
    ContactAttempt,
    ContactOutcome,
    Evidence,
    Stance,
    User,
)
from factcheck.models.base import utcnow
from factcheck.services import audit
from factcheck.services.common import shorten, web_link
from factcheck.services.errors import StaleEdit, ValidationFailed

TEXT_TYPES = {
    "txt": "text/plain",
    "htm": "text/html",
    "html": "text/html",
    "csv": "text/plain",
    "md": "text/plain",
}


def sniff_type(head: bytes, filename: str) -> str | None:
    """The file's type from its content, never from its name alone."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        # A multibyte character cut at the end of the sample is still text.
        if err.start < len(head) - 4:
            return None
    suffix = Path(filename).suffix.lower().lstrip(".")
    if suffix and suffix not in TEXT_TYPES:
        return None  # text named as something else (a "PDF" that is HTML): refused
    return TEXT_TYPES.get(suffix, "text/plain")


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{max(size // 1024, 1)} KB" if size >= 1024 else f"{size} bytes"


def _unsafe_name(name: str) -> bool:
    """A browser sends a bare file name; folders or '..' mean a crafted request."""
    return any(c in name for c in "/\\\x00") or name.strip(". ") == ""


def read_upload(upload: FileStorage) -> tuple[str, str, bytes]:
    """Check an upload and read it. Returns (original name, mime type, data);
    nothing is written."""
    if _unsafe_name(upload.filename or ""):
        raise ValidationFailed(
            "The file name may not contain folders or '..'. Nothing was saved.", field="upload"
        )
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise ValidationFailed(
            f"The file is larger than {human_size(limit)}. Nothing was saved.", field="upload"
        )
    if not data:
        raise ValidationFailed("The file is empty.", field="upload")
    mime = sniff_type(data[:8192], upload.filename or "")
    if mime not in current_app.config["UPLOAD_ALLOWED_TYPES"]:
        allowed = "PDF, PNG, JPEG, GIF, plain text or HTML"
        raise ValidationFailed(f"This type of file is not accepted ({allowed}).", field="upload")
    original = secure_filename(upload.filename or "") or "upload"
    return original, mime, data


# A file younger than this may belong to a transaction still under way.
ORPHAN_MIN_AGE = timedelta(hours=1)


def sweep_orphan_files(now: datetime | None = None) -> list[str]:
    """Remove the files in UPLOAD_FOLDER that no evidence row names and that
    are older than ORPHAN_MIN_AGE (left by a process killed between writing
    a file and committing its row); returns their names. Only names the app
    writes (random letters and digits) are considered; symlinks, folders and
    anything else in the folder are left alone."""
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    if not folder.is_dir():
        return []
    cutoff = (now or datetime.now(UTC)).timestamp() - ORPHAN_MIN_AGE.total_seconds()
    candidates = [
        entry.name
        for entry in os.scandir(folder)
        if entry.name.isascii()
        and entry.name.isalnum()
        and entry.is_file(follow_symlinks=False)
        and entry.stat(follow_symlinks=False).st_mtime < cutoff
    ]
    if not candidates:
        return []
    named = set(
        db.session.scalars(sa.select(Evidence.stored_name).where(Evidence.stored_name != ""))
    )
    removed = sorted(name for name in candidates if name not in named)
    for name in removed:
        (folder / name).unlink(missing_ok=True)
    return removed


def stored_file_path(evidence: Evidence) -> Path:
    """Where a folder store keeps the evidence's file."""
    return storage.FolderStore(current_app.config["UPLOAD_FOLDER"]).path(evidence.stored_name)


def read_stored_file(evidence: Evidence) -> bytes:
    """The evidence's uploaded file, from whichever store holds it."""
    return storage.file_store().read(evidence.stored_name)


def move_to_research(claim: Claim, action: str, actor: User) -> tuple[ClaimStatus, ClaimStatus]:
    """Check ``action`` and take the claim to the state the workflow names
    (researching, for the first evidence or contact); (before, after).

    Evidence and contacts are all kept, never refused as stale: the move is
    one conditional UPDATE that leaves the claim's version alone (nothing an
    open form shows has changed), so the checker's parallel first pieces of
    evidence do not conflict. When another request moved the claim first,
    the rule is checked again against the state it left."""
    for _ in range(3):
        rule = workflow.check(claim, action, actor)
        before, after = claim.status, rule.target(claim)
        if after == before:
            return before, after
        moved = db.session.execute(
            sa.update(Claim)
            .where(Claim.id == claim.id, Claim.status == before)
            .values(status=after)
            .execution_options(synchronize_session=False)
        ).rowcount
        if moved:
            set_committed_value(claim, "status", after)
            return before, after
        db.session.refresh(claim)
    raise StaleEdit("claim")


def add_evidence(
    claim: Claim,
    actor: User,
    *,
    title: str,
    stance: Stance,
    url: str = "",
    excerpt: str = "",
    note: str = "",
    accessed_on: date | None = None,
    upload: FileStorage | None = None,
) -> Evidence:
    if not (url.strip() or note.strip() or excerpt.strip() or (upload and upload.filename)):
        raise ValidationFailed("Give a link, a file, an excerpt or a note.", field="url")
    before, after = move_to_research(claim, "add_evidence", actor)
    url = web_link(url, "url")
    evidence = Evidence(
        claim=claim,
        added_by=actor,
        title=title.strip(),
        stance=stance,
        url=url.strip(),
        excerpt=excerpt.strip(),
        note=note.strip(),
        accessed_on=accessed_on,
    )
    data = None
    if upload and upload.filename:
        evidence.file_name, evidence.mime_type, data = read_upload(upload)
        evidence.stored_name = secrets.token_hex(16)
        evidence.file_size = len(data)
    db.session.add(evidence)
    db.session.flush()
    if data is not None:
        storage.file_store().save(evidence.stored_name, data)
    audit.record(
        actor,
        "evidence.add",
        evidence,
        f"{actor.name} added evidence ({stance.value}): {evidence.title}",
        before={"status": before},
        after={"status": after, "url": evidence.url, "file": evidence.file_name},
    )
    return evidence


def log_contact(
    claim: Claim,
    actor: User,
    *,
    contact: str,
    method: str,
    contacted_at: datetime,
    answer: str = "",
) -> ContactAttempt:
    before, after = move_to_research(claim, "log_contact", actor)
    attempt = ContactAttempt(
        claim=claim,
        logged_by=actor,
        contact=contact.strip(),
        method=method,
        contacted_at=contacted_at,
        answer=answer.strip(),
        outcome=ContactOutcome.ANSWERED if answer.strip() else ContactOutcome.AWAITING,
        answered_at=utcnow() if answer.strip() else None,
    )
    db.session.add(attempt)
    db.session.flush()
    audit.record(
        actor,
        "contact.log",
        attempt,
        f"{actor.name} contacted {attempt.contact} by {method}"
        + (f": {attempt.answer}" if attempt.answer else " (no answer yet)"),
        before={"status": before},
        after={"status": after},
    )
    return attempt


def record_contact_answer(
    attempt: ContactAttempt, actor: User, outcome: ContactOutcome, answer: str = ""
) -> None:
    """The answer came in (or did not): answered, declined or no reply, with
    what they said."""
    workflow.check(attempt.claim, "record_answer", actor)
    answer = answer.strip()
    if outcome is ContactOutcome.AWAITING:
        raise ValidationFailed("Say how it ended: answered, declined or no reply.", field="outcome")
    if outcome is ContactOutcome.ANSWERED and not answer:
        raise ValidationFailed("Write down what they said.", field="answer")
    before = audit.snapshot(attempt, "outcome", "answer")
    attempt.outcome, attempt.answer, attempt.answered_at = outcome, answer, utcnow()
    said = f": {shorten(answer, 120)}" if answer else ""
    audit.record(
        actor,
        "contact.answer",
        attempt,
        f"{actor.name} recorded {attempt.contact}'s answer ({outcome.label}){said}",
        before=before,
        after=audit.snapshot(attempt, "outcome", "answer"),
    )
    db.session.flush()
