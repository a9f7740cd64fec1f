"""Evidence and contact attempts, with safe storage of uploaded files."""

import secrets
from datetime import date, datetime
from pathlib import Path

import filetype
from flask import current_app
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import Claim, ContactAttempt, Evidence, Stance, User
from factcheck.services import audit
from factcheck.services.errors import ValidationFailed

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


def storage_dir() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{max(size // 1024, 1)} KB" if size >= 1024 else f"{size} bytes"


def _unsafe_name(name: str) -> bool:
    """A browser sends a bare file name; folders or '..' mean a crafted request."""
    return any(c in name for c in "/\\\x00") or name.strip(". ") == ""


def store_upload(upload: FileStorage) -> tuple[str, str, str, int]:
    """Save an upload under a random name. Returns (original name, stored
    name, mime type, size)."""
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
    stored_name = secrets.token_hex(16)
    (storage_dir() / stored_name).write_bytes(data)
    original = secure_filename(upload.filename or "") or "upload"
    return original, stored_name, mime, len(data)


def stored_file_path(evidence: Evidence) -> Path:
    if not evidence.stored_name or not evidence.stored_name.isalnum():
        raise FileNotFoundError
    return storage_dir() / evidence.stored_name


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
    workflow.check(claim, "add_evidence", actor)
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
    if upload and upload.filename:
        (evidence.file_name, evidence.stored_name, evidence.mime_type, evidence.file_size) = (
            store_upload(upload)
        )
    before, after = workflow.apply(claim, "add_evidence", actor)
    db.session.add(evidence)
    db.session.flush()
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
    before, after = workflow.apply(claim, "log_contact", actor)
    attempt = ContactAttempt(
        claim=claim,
        logged_by=actor,
        contact=contact.strip(),
        method=method,
        contacted_at=contacted_at,
        answer=answer.strip(),
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
