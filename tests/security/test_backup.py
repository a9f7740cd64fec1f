"""flask backup / restore: a round trip into a fresh, migrated database and
an empty upload folder gives back every row of every table and every byte of
every uploaded file, on SQLite and on PostgreSQL; a backup with a file
missing or changed is refused before anything is written."""

import hashlib
import io
import json
import shutil
import stat
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from werkzeug.datastructures import FileStorage

from factcheck import backup, create_app, storage
from factcheck.extensions import db
from factcheck.models import (
    ClaimKind,
    ClaimStatus,
    Evidence,
    ResolutionKind,
    Role,
    SourceKind,
    Stance,
)
from factcheck.services import (
    articles,
    claims,
    evidence,
    exports,
    sources,
    suggestions,
    tokens,
    users,
    verdicts,
)
from tests.conftest import PG_URL, _migrate, login, make_config

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
    b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXPORT = "e" * 32  # a prepared export's token
NOTES = "Notes from the call, in Arabic too: عربي\n".encode()


def table_rows(engine: sa.Engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {
            t.name: [
                tuple(row) for row in conn.execute(sa.select(t).order_by(*t.primary_key.columns))
            ]
            for t in db.metadata.sorted_tables
        }


@pytest.fixture
def fresh_database(migrated_database, tmp_path):
    """A second database, migrated and empty."""
    if not PG_URL:
        copy = tmp_path / "restored.sqlite"
        shutil.copyfile(migrated_database, copy)
        yield f"sqlite:///{copy}"
        return
    name = f"factcheck_restore_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(migrated_database, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = make_url(migrated_database).set(database=name).render_as_string(hide_password=False)
    try:
        _migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def newsroom(app, make, editor, manager, checker):
    """Some of everything: claims in every state, verdicts, a resolution,
    evidence (two uploaded files among it), a contact attempt, sources with
    aliases, sourcing outside the registry, comments, a dismissed suggestion,
    a deactivated account, odd text."""
    article = make.article(editor, title="Ḥamā — “quotes”, عربي, emoji 📰")
    ap = make.source("The Associated Press", SourceKind.AGENCY, aliases=["AP"])
    misleading = make.claim(
        article,
        status=ClaimStatus.APPROVED,
        kind=ClaimKind.STATISTIC,
        rating="misleading",
        sources=[ap],
    )
    verdicts.resolve_claim(misleading, editor, ResolutionKind.CORRECTED, "Distance fixed.")
    make.claim(article, quote="The army said", status=ClaimStatus.RETURNED)
    claim = make.claim(article, quote="Salaries rose by 50%", status=ClaimStatus.OPEN)
    claims.add_comment(claim, editor, "Null-free, but <b>markup</b> & “quotes”")
    gone = make.user("Gone Person", [Role.CHECKER])
    users.set_active(gone, False, manager)
    articles.create_article(editor, title="Second", body="Another text.\n\nTwo paragraphs.")
    researching = make.claim(
        article, quote="officials said", status=ClaimStatus.RESEARCHING, assignee=checker
    )
    sources.note_mentions(
        researching,
        editor,
        [
            sources.Mentioned(0, "officials", SourceKind.OFFICIAL, True),
            sources.Mentioned(1, "Glocer", SourceKind.PERSON, False),
        ],
    )
    evidence.log_contact(
        researching,
        checker,
        contact="Ministry press office",
        method="phone",
        contacted_at=researching.created_at,
        answer="No reply",
    )
    suggestion = suggestions.pending_suggestions(article)[0]
    suggestions.dismiss(article, editor, suggestions.suggestion_key(suggestion))
    tokens.issue_token(editor, "newsroom bot")
    db.session.commit()
    # a prepared export in the database store: a copy of the data, kept a
    # day, which stays out of backups
    app.config["UPLOAD_STORAGE"] = "database"
    exports.prepare("activity", {}, manager.id, 10, "2026-01-02T03:04:00+00:00", EXPORT)
    db.session.commit()
    app.config["UPLOAD_STORAGE"] = "folder"
    # one upload the way a checker sends it, one through the service
    response = login(app, checker).post(
        f"/claims/{researching.id}/evidence",
        data={"title": "Map", "stance": "supports", "upload": (io.BytesIO(PNG), "map.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    evidence.add_evidence(
        researching,
        checker,
        title="Ministry report",
        stance=Stance.CONTEXT,
        upload=FileStorage(io.BytesIO(PDF), "report.pdf"),
    )
    db.session.commit()
    assert len(uploaded_files(app)) == 2
    # and one kept in the database (the store on PostgreSQL): it travels
    # inside the database copy, not in uploads/
    app.config["UPLOAD_STORAGE"] = "database"
    evidence.add_evidence(
        researching,
        checker,
        title="Field notes",
        stance=Stance.CONTEXT,
        upload=FileStorage(io.BytesIO(NOTES), "notes.txt"),
    )
    db.session.commit()
    app.config["UPLOAD_STORAGE"] = "folder"


def uploaded_files(app) -> dict[str, bytes]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return {f.name: f.read_bytes() for f in folder.iterdir()} if folder.exists() else {}


def write_backup(runner, tmp_path) -> Path:
    path = tmp_path / "desk-backup"
    result = runner.invoke(args=["backup", str(path)])
    assert result.exit_code == 0, (result.output, result.exception)
    return path


def test_backup_and_restore_round_trip(app, runner, newsroom, fresh_database, tmp_path):
    path = write_backup(runner, tmp_path)
    database_file = "database.json" if PG_URL else "database.sqlite"
    manifest = json.loads((path / "manifest.json").read_text())
    files = uploaded_files(app)
    assert sorted(p.name for p in path.iterdir()) == sorted(
        [database_file, "manifest.json", "uploads"]
    )
    assert sorted(manifest["uploads"]) == sorted(files)
    assert {n: (path / "uploads" / n).read_bytes() for n in files} == files
    original = table_rows(db.engine)
    # every table holds something to compare: a new table must join the sample
    assert [table for table, rows in original.items() if not rows] == []

    target = create_app(make_config(fresh_database, UPLOAD_FOLDER=str(tmp_path / "up")))
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 0, (result.output, result.exception)
        restored = table_rows(db.engine)
        assert restored.pop("data_exports") == []
        for table in ("stored_files", "stored_file_parts"):
            assert [r for r in restored[table] if r[0] == EXPORT] == [], table
            original[table] = [r for r in original[table] if r[0] != EXPORT]
        for table, rows in restored.items():
            assert rows == original[table], table
        assert uploaded_files(target) == files  # every file, byte for byte
        stored = db.session.scalars(sa.select(Evidence.stored_name).where(Evidence.file_size > 0))
        in_database = storage.DatabaseStore().names()
        assert len(in_database) == 1
        assert sorted(stored) == sorted([*files, *in_database])
        # the restored desk keeps working: new rows get new ids, files are served
        editor = users.users_with_role(Role.EDITOR)[0]
        article = articles.create_article(editor, title="After restore", body="New text.")
        db.session.commit()
        assert article.id > max(row[0] for row in original["articles"])
        item = db.session.scalar(sa.select(Evidence).where(Evidence.file_name == "map.png"))
        assert evidence.stored_file_path(item).read_bytes() == PNG
        notes = db.session.scalar(sa.select(Evidence).where(Evidence.file_name == "notes.txt"))
        assert storage.DatabaseStore().read(notes.stored_name) == NOTES
        # a second restore into a database with data is refused, nothing changed
        again = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert again.exit_code != 0 and "fresh, migrated database" in again.output
        assert again.exception is None or isinstance(again.exception, SystemExit)
        assert uploaded_files(target) == files
        db.session.remove()
        db.engine.dispose()


def _change_a_file(path: Path) -> str:
    victim = sorted((path / "uploads").iterdir())[0]
    victim.write_bytes(victim.read_bytes()[:-1] + b"!")
    return f"uploads/{victim.name} has changed"


def _delete_a_file(path: Path) -> str:
    victim = sorted((path / "uploads").iterdir())[0]
    victim.unlink()
    return f"uploads/{victim.name} is missing"


def _rewrite_manifest(path: Path, change, sign: bool = True) -> None:
    """Edit a backup's manifest; re-signed with the test key unless told not
    to (as someone holding BACKUP_KEY could)."""
    manifest = json.loads((path / "manifest.json").read_text())
    change(manifest)
    if sign:
        manifest = backup.sign_manifest(manifest)
    (path / "manifest.json").write_text(json.dumps(manifest))


def _drop_a_file_and_its_manifest_entry(path: Path) -> str:
    name = sorted((path / "uploads").iterdir())[0].name
    _rewrite_manifest(path, lambda manifest: manifest["uploads"].pop(name))
    (path / "uploads" / name).unlink()
    return "no file in uploads/ for evidence"


def _swap_a_file_and_its_checksum_unsigned(path: Path) -> str:
    victim = sorted((path / "uploads").iterdir())[0]
    victim.write_bytes(b"%PDF-1.7 something else entirely")
    checksum = hashlib.sha256(victim.read_bytes()).hexdigest()
    size = victim.stat().st_size

    def change(manifest):
        manifest["uploads"][victim.name] = {"sha256": checksum, "size": size}

    _rewrite_manifest(path, change, sign=False)
    return "does not carry a valid signature for this BACKUP_KEY"


def _strip_the_signature(path: Path) -> str:
    _rewrite_manifest(path, lambda manifest: manifest.pop("signature"), sign=False)
    return "does not carry a valid signature"


def _link_a_file_to_a_copy(path: Path) -> str:
    """A symlink whose target holds the right bytes: still refused."""
    victim = sorted((path / "uploads").iterdir())[0]
    copy = path.parent / "elsewhere"
    shutil.copyfile(victim, copy)
    victim.unlink()
    victim.symlink_to(copy)
    return f"uploads/{victim.name} is missing or a symlink"


def _link_the_uploads_folder(path: Path) -> str:
    elsewhere = path.parent / "uploads-elsewhere"
    (path / "uploads").rename(elsewhere)
    (path / "uploads").symlink_to(elsewhere, target_is_directory=True)
    return "uploads/ is a symlink"


def _link_the_manifest(path: Path) -> str:
    elsewhere = path.parent / "manifest-elsewhere.json"
    (path / "manifest.json").rename(elsewhere)
    (path / "manifest.json").symlink_to(elsewhere)
    return "has no manifest.json"


def _change_the_database(path: Path) -> str:
    database = next(path.glob("database.*"))
    with database.open("ab") as out:
        out.write(b" ")
    return f"the database file {database.name} has changed"


def _drop_the_manifest(path: Path) -> str:
    (path / "manifest.json").unlink()
    return "not a Factcheck desk backup"


@pytest.mark.parametrize(
    "damage",
    [
        _change_a_file,
        _delete_a_file,
        _drop_a_file_and_its_manifest_entry,
        _change_the_database,
        _drop_the_manifest,
        _swap_a_file_and_its_checksum_unsigned,
        _strip_the_signature,
        _link_a_file_to_a_copy,
        _link_the_uploads_folder,
        _link_the_manifest,
    ],
)
def test_restore_refuses_a_damaged_backup_and_writes_nothing(
    app, runner, newsroom, fresh_database, tmp_path, damage
):
    path = write_backup(runner, tmp_path)
    message = damage(path)
    target = create_app(make_config(fresh_database, UPLOAD_FOLDER=str(tmp_path / "up")))
    with target.app_context():
        fresh = table_rows(db.engine)
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 1, (result.output, result.exception)
        assert isinstance(result.exception, SystemExit)  # a click error, no traceback
        assert "Error:" in result.output and message in result.output
        assert "Traceback" not in result.output
        assert table_rows(db.engine) == fresh
        assert uploaded_files(target) == {}
        db.session.remove()
        db.engine.dispose()


def test_restore_refuses_an_upload_folder_that_holds_files(
    app, runner, newsroom, fresh_database, tmp_path
):
    path = write_backup(runner, tmp_path)
    folder = tmp_path / "up"
    folder.mkdir()
    (folder / "leftover").write_bytes(b"someone's file")
    target = create_app(make_config(fresh_database, UPLOAD_FOLDER=str(folder)))
    with target.app_context():
        fresh = table_rows(db.engine)
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 1 and "is not empty" in result.output
        assert table_rows(db.engine) == fresh
        assert uploaded_files(target) == {"leftover": b"someone's file"}
        db.session.remove()
        db.engine.dispose()


def test_a_restore_that_fails_loading_the_database_takes_its_files_back(
    app, runner, newsroom, fresh_database, tmp_path, monkeypatch
):
    path = write_backup(runner, tmp_path)

    def disk_full(*args):
        raise OSError("disk full")

    monkeypatch.setattr("factcheck.backup._sqlite_restore", disk_full)
    monkeypatch.setattr("factcheck.backup._json_restore", disk_full)
    target = create_app(make_config(fresh_database, UPLOAD_FOLDER=str(tmp_path / "up")))
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert isinstance(result.exception, OSError)
        assert uploaded_files(target) == {}
        db.session.remove()
        db.engine.dispose()


def test_backup_refuses_when_an_uploaded_file_is_missing(app, runner, newsroom, tmp_path):
    victim = sorted(Path(app.config["UPLOAD_FOLDER"]).iterdir())[0]
    victim.unlink()
    path = tmp_path / "desk-backup"
    result = runner.invoke(args=["backup", str(path)])
    assert result.exit_code == 1 and "missing from" in result.output
    assert victim.name in result.output
    assert list(tmp_path.glob("*desk-backup*")) == []  # no partial backup left


def test_backup_refuses_to_overwrite_and_restore_refuses_junk(app, runner, tmp_path):
    existing = tmp_path / "exists"
    existing.write_text("keep me")
    result = runner.invoke(args=["backup", str(existing)])
    assert result.exit_code != 0 and "exists" in result.output
    assert existing.read_text() == "keep me"
    junk = tmp_path / "junk"
    junk.write_bytes(b"\x00not a backup\xff")
    result = runner.invoke(args=["restore", str(junk)])
    assert result.exit_code != 0 and "not a Factcheck desk" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(args=["restore", str(empty)])
    assert result.exit_code != 0 and "not a Factcheck desk" in result.output
    result = runner.invoke(args=["restore", str(tmp_path / "missing")])
    assert result.exit_code != 0 and "No backup at" in result.output


def test_a_backup_is_readable_by_its_owner_only(app, runner, newsroom, tmp_path):
    path = write_backup(runner, tmp_path)
    modes = {
        str(item.relative_to(tmp_path)): stat.S_IMODE(item.lstat().st_mode)
        for item in [path, *path.rglob("*")]
    }
    assert len(modes) == 6  # the folder, manifest, database, uploads/ and two files
    assert modes == {name: 0o700 if (tmp_path / name).is_dir() else 0o600 for name in modes}, modes


def test_a_backup_written_with_another_key_is_refused(
    app, runner, newsroom, fresh_database, tmp_path
):
    path = write_backup(runner, tmp_path)
    other_key = "another-newsroom-key-0123456789abcdef0123"
    target = create_app(
        make_config(fresh_database, UPLOAD_FOLDER=str(tmp_path / "up"), BACKUP_KEY=other_key)
    )
    with target.app_context():
        fresh = table_rows(db.engine)
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 1
        assert "does not carry a valid signature for this BACKUP_KEY" in result.output
        assert table_rows(db.engine) == fresh
        assert uploaded_files(target) == {}
        db.session.remove()
        db.engine.dispose()


@pytest.mark.parametrize("key", ["", "short"])
def test_backup_and_restore_need_a_backup_key(app, runner, tmp_path, key):
    made = write_backup(runner, tmp_path)
    app.config["BACKUP_KEY"] = key
    result = runner.invoke(args=["backup", str(tmp_path / "another")])
    assert result.exit_code == 1 and "Set BACKUP_KEY" in result.output
    assert sorted(
        p.name for p in tmp_path.iterdir() if "backup" in p.name or "another" in p.name
    ) == [made.name]
    result = runner.invoke(args=["restore", str(made)])
    assert result.exit_code == 1 and "Set BACKUP_KEY" in result.output


def test_a_backup_taken_while_claims_are_written_restores_without_orphans(
    app, runner, make, editor, fresh_database, tmp_path
):
    """Another thread writes an article and a claim on it after the backup
    has read the articles and before it reads the claims (on PostgreSQL,
    where the backup reads table by table; SQLite copies the file in one
    step), and goes on writing claims until the backup is done. Everything
    the backup holds is from one moment: every claim with its article."""
    make.claim(make.article(editor))
    db.session.commit()
    editor_id, done, written = editor.id, threading.Event(), []

    def write_claims(rounds: int | None = None):
        with app.app_context():
            factory, n = type(make)(), 0
            writer = db.session.get(type(editor), editor_id)
            while not done.is_set() and (rounds is None or n < rounds):
                claim = factory.claim(factory.article(writer, title=f"Written during {n}"))
                db.session.commit()
                written.append(claim.id)
                n += 1
            db.session.remove()

    backup_thread, fired = threading.current_thread(), []

    def before_reading_claims(conn, cursor, statement, *args):
        if threading.current_thread() is not backup_thread or fired:
            return
        if statement.lstrip().upper().startswith("SELECT") and "FROM claims" in statement:
            fired.append(statement)
            between = threading.Thread(target=write_claims, kwargs={"rounds": 1})
            between.start()
            between.join()

    sa.event.listen(db.engine, "before_cursor_execute", before_reading_claims)
    background = threading.Thread(target=write_claims)
    background.start()
    try:
        path = write_backup(runner, tmp_path)
    finally:
        done.set()
        background.join()
        sa.event.remove(db.engine, "before_cursor_execute", before_reading_claims)
    assert written  # claims were written while the backup ran
    assert bool(fired) == (db.engine.dialect.name == "postgresql")

    target = create_app(make_config(fresh_database, UPLOAD_FOLDER=str(tmp_path / "up")))
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 0, (result.output, result.exception)
        rows = table_rows(db.engine)
        article_ids = {row[0] for row in rows["articles"]}
        claims_table = db.metadata.tables["claims"]
        article_column = list(claims_table.columns.keys()).index("article_id")
        assert rows["claims"]
        assert {row[article_column] for row in rows["claims"]} <= article_ids
        db.session.remove()
        db.engine.dispose()


def test_a_restore_makes_kept_pages_out_of_date(
    app, runner, make, editor, fresh_database, tmp_path
):
    """Servers may already show the empty database's pages: the restore
    (written past the ORM) bumps the page cache's version."""
    import redis

    from factcheck import caching
    from tests.conftest import service_missing
    from tests.functional.test_page_cache import REDIS_URL

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as err:
        service_missing(f"this test needs Redis at {REDIS_URL}: {err}")
    make.article(editor, title="Dam levels")
    db.session.commit()
    path = write_backup(runner, tmp_path)
    prefix = f"test-pages-{uuid.uuid4().hex}:"
    target = create_app(
        make_config(
            fresh_database,
            UPLOAD_FOLDER=str(tmp_path / "up"),
            REDIS_URL=REDIS_URL,
            PAGE_CACHE_PREFIX=prefix,
        )
    )
    try:
        with target.app_context():
            before = caching.data_version()
            result = target.test_cli_runner().invoke(args=["restore", str(path)])
            assert result.exit_code == 0, (result.output, result.exception)
            assert caching.data_version() > before
            db.engine.dispose()
    finally:
        redis.Redis.from_url(REDIS_URL).delete(prefix + caching.VERSION_KEY)
