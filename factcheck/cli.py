"""flask commands. Thin: they call services and commit."""

import click
from flask import Flask

from factcheck.extensions import db
from factcheck.models import Role


def init_app(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user)


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

    users.create_user(email, name, password, [Role(r) for r in roles])
    db.session.commit()
    click.echo(f"Created {email}.")
