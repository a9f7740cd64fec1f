"""A process killed between writing an upload and committing its row leaves
a file no evidence names. `flask sweep-uploads` (and `flask backup`, first)
removes such files once they are an hour old; everything else stays."""

import io
import os
import secrets
import time
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage

from factcheck.extensions import db
from factcheck.models import ClaimStatus, Stance
from factcheck.services import evidence

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TWO_HOURS = 2 * 60 * 60


@pytest.fixture
def folder(app, make, editor, checker) -> Path:
    """An upload folder with one committed upload, made two hours ago."""
    claim = make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)
    kept = evidence.add_evidence(
        claim,
        checker,
        title="Report",
        stance=Stance.CONTEXT,
        upload=FileStorage(io.BytesIO(PDF), "report.pdf"),
    )
    db.session.commit()
    path = Path(app.config["UPLOAD_FOLDER"])
    age(path / kept.stored_name, TWO_HOURS)
    return path


def age(path: Path, seconds: int) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def orphan(folder: Path, seconds_old: int, name: str | None = None) -> Path:
    """A file written as an upload is, whose row never committed."""
    path = folder / (name or secrets.token_hex(16))
    path.write_bytes(PDF)
    age(path, seconds_old)
    return path


def test_sweep_removes_old_orphans_and_nothing_else(app, runner, folder):
    committed = set(os.listdir(folder))
    old = orphan(folder, TWO_HOURS)
    recent = orphan(folder, 10 * 60)  # may be a transaction still under way
    foreign = orphan(folder, TWO_HOURS, name="notes.txt")  # not a name the app writes
    outside = orphan(folder.parent, TWO_HOURS)
    link = folder / secrets.token_hex(16)
    link.symlink_to(outside)
    age(link, TWO_HOURS)

    result = runner.invoke(args=["sweep-uploads"])

    assert result.exit_code == 0, result.output
    assert f"removed {old.name}" in result.output and "1 orphan file(s) removed." in result.output
    assert set(os.listdir(folder)) == committed | {recent.name, foreign.name, link.name}
    assert outside.exists()


def test_backup_sweeps_first_and_keeps_every_named_file(app, runner, folder, tmp_path):
    old = orphan(folder, TWO_HOURS)
    named = set(os.listdir(folder)) - {old.name}
    result = runner.invoke(args=["backup", str(tmp_path / "backup")])
    assert result.exit_code == 0, result.output
    assert f"Removed 1 orphan upload(s) first: {old.name}." in result.output
    assert set(os.listdir(folder)) == named
    assert set(os.listdir(tmp_path / "backup" / "uploads")) == named


def test_sweep_with_no_upload_folder_does_nothing(app, runner):
    result = runner.invoke(args=["sweep-uploads"])
    assert result.exit_code == 0 and "0 orphan file(s) removed." in result.output
