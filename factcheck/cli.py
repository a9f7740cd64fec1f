"""flask commands. Thin: they call services and commit."""

import click
from flask import Flask

from factcheck.extensions import db
from factcheck.models import Role


def init_app(app: Flask) -> None:
    from factcheck import backup
    from factcheck.jobs import commands as job_commands

    backup.init_app(app)  # backup PATH, restore PATH
    job_commands.init_app(app)  # worker, scheduler
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user)
    app.cli.add_command(send_reminders)
    app.cli.add_command(send_digests)
    app.cli.add_command(suggest_claims_command)
    app.cli.add_command(import_article_command)
    app.cli.add_command(bench_seed)
    app.cli.add_command(sweep_uploads)


@click.command("seed-demo")
def seed_demo() -> None:
    """Load the demo newsroom unless the database already has users."""
    from factcheck import demo

    if demo.demo_exists():
        click.echo("Demo data already present; nothing changed.")
        return
    demo.load_demo()
    db.session.commit()
    click.echo(f"Demo newsroom loaded. Log in with any of (password '{demo.DEMO_PASSWORD}'):")
    for email, name, roles in demo.DEMO_USERS:
        click.echo(f"  {email:<22} {name} ({', '.join(r.value for r in roles)})")


@click.command("create-user")
@click.argument("email")
@click.argument("name")
@click.option(
    "--role", "roles", multiple=True, type=click.Choice([r.value for r in Role]), required=True
)
@click.password_option()
def create_user(email: str, name: str, roles: tuple[str, ...], password: str) -> None:
    """Create an account."""
    from factcheck.services import users
    from factcheck.services.errors import ValidationFailed

    try:
        users.create_user(email, name, password, [Role(r) for r in roles])
    except ValidationFailed as err:
        raise click.ClickException(str(err)) from None
    db.session.commit()
    click.echo(f"Created {email}.")


@click.command("sweep-uploads")
def sweep_uploads() -> None:
    """Remove uploaded files no evidence names, older than an hour."""
    from factcheck.services import evidence

    removed = evidence.sweep_orphan_files()
    for name in removed:
        click.echo(f"removed {name}")
    click.echo(f"{len(removed)} orphan file(s) removed.")


def _read_article_file(path: str):
    """The file through the import's one cleaning path; a file that is not
    text is refused with the reason."""
    from factcheck.services import importing
    from factcheck.services.errors import ValidationFailed

    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return importing.extract(importing.read_text(data))
    except ValidationFailed as err:
        raise click.ClickException(f"{path}: {err}") from None


def _known_sources():
    """The registry, or the finder's built-in list of sources when there is
    no database yet (said on stderr, with what to run)."""
    import sqlalchemy as sa

    from factcheck.services.suggestions import registry

    try:
        return registry()
    except (sa.exc.OperationalError, sa.exc.ProgrammingError) as err:
        db.session.rollback()
        reason = str(getattr(err, "orig", err)).splitlines()[0]
        click.echo(
            f"No source registry ({reason}): using the finder's built-in list of sources. "
            "Run `flask --app factcheck db upgrade` (or `make run`) to use the registry.",
            err=True,
        )
        return None


@click.command("suggest-claims")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json")
def suggest_claims_command(path: str, fmt: str) -> None:
    """Print the claims suggested for a text or HTML file (works before the
    database exists, with the finder's built-in list of sources)."""
    import json

    from factcheck.extraction import suggest_claims

    article = _read_article_file(path)
    suggestions = suggest_claims(article.body, _known_sources())
    if fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in suggestions], ensure_ascii=False, indent=2))
        return
    for s in suggestions:
        chain = " → ".join(src.name for src in s.sources)
        click.echo(f"[{s.kind}/{s.priority}] {s.text}" + (f"  ({chain})" if chain else ""))


@click.command("import-article")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--editor", "editor_email", help="Email of the importing editor (to save it).")
@click.option("--desk", default="")
@click.option("--preview", is_flag=True, help="Print what the import finds; save nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def import_article_command(
    path: str, editor_email: str | None, desk: str, preview: bool, fmt: str
) -> None:
    """Import a text or HTML file as a new article, or --preview it."""
    import json

    from factcheck.services import articles, importing, users

    imported = _read_article_file(path)
    if preview:
        found = importing.preview(imported)
        if fmt == "json":
            click.echo(json.dumps(found, ensure_ascii=False, indent=2))
            return
        click.echo(f"Title:    {found['title']}\nByline:   {found['byline']}")
        click.echo(f"Dateline: {found['dateline']}\n")
        click.echo("\n\n".join(found["paragraphs"]))
        click.echo(f"\nSet aside ({len(found['set_aside'])}):")
        for line in found["set_aside"]:
            click.echo(f"  - {line}")
        return
    if not editor_email:
        raise click.UsageError("Give --editor EMAIL to save the article, or --preview.")
    editor = users.get_by_email(editor_email)
    if editor is None:
        raise click.ClickException(f"No user {editor_email}.")
    article = articles.create_article(
        editor,
        title=imported.title,
        byline=imported.byline,
        dateline=imported.dateline,
        body=imported.body,
        desk=desk,
    )
    db.session.commit()
    click.echo(
        f"Imported article {article.id}: {article.title} "
        f"({len(article.paragraphs)} paragraphs, {len(imported.removed)} lines left out)"
    )


@click.command("send-reminders")
def send_reminders() -> None:
    """Due-within-24-hours and overdue reminders, each sent once (for cron)."""
    from factcheck.services import notifications

    sent = notifications.send_reminders()
    db.session.commit()
    click.echo(f"Reminders sent: {sent['due_soon']} due soon, {sent['overdue']} overdue.")


@click.command("send-digests")
def send_digests() -> None:
    """The daily email digest, to those who chose it (run once a day)."""
    from factcheck.services import notifications

    sent = notifications.send_digests()
    db.session.commit()
    click.echo(f"Digests sent: {sent}.")


@click.command("bench-seed")
@click.option("--articles", default=1000, show_default=True, type=click.IntRange(1))
@click.option("--claims-per-article", default=100, show_default=True, type=click.IntRange(1))
@click.option("--password", default="bench-password", show_default=True)
def bench_seed(articles: int, claims_per_article: int, password: str) -> None:
    """Add a synthetic year of newsroom work, written in bulk (for benchmarks).

    Accounts bench-checkerN, bench-editorN, bench-managerN @example.org, all
    with PASSWORD.
    """
    import time

    from factcheck.demo import scale
    from factcheck.services import users

    started = time.perf_counter()
    written = scale.seed(articles, claims_per_article, users.hash_password(password))
    db.session.commit()
    rows = ", ".join(f"{n:,} {table}" for table, n in written.items())
    click.echo(f"Wrote {rows} in {time.perf_counter() - started:.0f} s.")
