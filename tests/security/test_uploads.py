"""Evidence uploads: a size cap, types allowed by content, random names
outside static/, served as attachments with nosniff."""

import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

import factcheck
from factcheck.extensions import db
from factcheck.models import AuditEvent, ClaimStatus, Evidence
from factcheck.services.evidence import sniff_type
from tests.conftest import login

LIMIT = 4096
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def config_overrides():
    return {"MAX_CONTENT_LENGTH": LIMIT}


@pytest.fixture
def claim(make, editor, checker):
    claim = make.claim(make.article(editor), status=ClaimStatus.RESEARCHING, assignee=checker)
    db.session.commit()
    return claim


def upload(client, claim, content: bytes, name: str):
    return client.post(
        f"/claims/{claim.id}/evidence",
        data={"title": "Document", "stance": "supports", "upload": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def stored_files(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return sorted(folder.iterdir()) if folder.exists() else []


def counts():
    db.session.expire_all()
    return (
        db.session.scalar(sa.select(sa.func.count()).select_from(Evidence)),
        db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)),
    )


@pytest.mark.parametrize(
    ("content", "name"),
    [(PDF, "report.pdf"), (PNG, "chart.png"), (b"Plain notes\n", "notes.txt"), (HTML, "page.html")],
)
def test_allowed_file_is_stored_under_a_random_name_and_served_as_attachment(
    app, claim, checker, content, name
):
    client = login(app, checker)
    static_before = sorted(Path(factcheck.__file__).parent.joinpath("static").rglob("*"))
    response = upload(client, claim, content, name)
    assert response.status_code == 302, response.get_data(as_text=True)
    item = db.session.scalar(sa.select(Evidence).order_by(Evidence.id.desc()))
    assert item.file_name == name and item.file_size == len(content)
    assert re.fullmatch(r"[0-9a-f]{32}", item.stored_name)
    (stored,) = stored_files(app)
    assert stored.name == item.stored_name and stored.read_bytes() == content
    static_dir = Path(factcheck.__file__).parent / "static"
    assert static_dir not in stored.parents
    assert sorted(static_dir.rglob("*")) == static_before
    download = client.get(f"/claims/evidence/{item.id}/file")
    assert download.status_code == 200 and download.data == content
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.mimetype == item.mime_type
    download.close()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (EXE, "report.pdf", "This type of file is not accepted"),
        (HTML, "report.pdf", "This type of file is not accepted"),
        (EXE, "setup.exe", "This type of file is not accepted"),
        (b"\x00\x01\x02binary\x00junk", "data.txt", "This type of file is not accepted"),
        (b"notes", "../../etc/passwd.txt", "may not contain folders"),
        # werkzeug keeps only the last part of a Windows path: refused by type
        (b"notes", "..\\..\\windows\\win.ini", "may not contain folders|not accepted"),
        (b"notes", "..", "may not contain folders"),
        (b"", "empty.txt", "The file is empty"),
    ],
)
def test_refused_uploads_say_why_and_save_nothing(app, claim, checker, content, name, message):
    client = login(app, checker)
    before = counts()
    response = upload(client, claim, content, name)
    assert response.status_code == 400
    assert re.search(message, response.get_data(as_text=True))
    assert counts() == before
    assert stored_files(app) == []


def test_oversized_upload_is_refused_with_a_clear_message(app, claim, checker):
    client = login(app, checker)
    before = counts()
    response = upload(client, claim, b"x" * (LIMIT * 2), "big.txt")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The upload is larger than 4 KB. Nothing was saved." in page
    assert counts() == before
    assert stored_files(app) == []


def test_sniffing_goes_by_content_not_name():
    assert sniff_type(PDF, "innocent.txt") == "application/pdf"
    assert sniff_type(PNG, "photo.pdf") == "image/png"
    assert sniff_type(EXE, "report.pdf") not in {"application/pdf", "text/plain"}
    assert sniff_type(HTML, "report.pdf") is None
    assert sniff_type(HTML, "page.html") == "text/html"
    assert sniff_type("مرحبا".encode()[:-1], "cut.txt") == "text/plain"  # cut mid-character


def test_stored_name_is_never_taken_from_the_request(app, claim, checker):
    """Even a stored_name that is not a bare token is never opened."""
    client = login(app, checker)
    assert upload(client, claim, b"notes", "notes.txt").status_code == 302
    item = db.session.scalar(sa.select(Evidence).order_by(Evidence.id.desc()))
    assert client.get("/claims/evidence/999999/file").status_code == 404
    # a row pointing outside the folder (say, a tampered backup) serves nothing
    db.session.execute(
        sa.update(Evidence).where(Evidence.id == item.id).values(stored_name="../../config.py")
    )
    db.session.commit()
    assert client.get(f"/claims/evidence/{item.id}/file").status_code == 404
