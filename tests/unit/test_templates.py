"""Templates ask the workflow and the routes; they do not decide. No Jinja
expression in a template names a claim or article status or checks a role."""

import re
from pathlib import Path

import pytest

from factcheck.models import ArticleStatus, ClaimStatus

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
STATUSES = sorted({s.value for s in ClaimStatus} | {s.value for s in ArticleStatus})
DECIDING = {
    "a status literal": re.compile("['\"](" + "|".join(STATUSES) + ")['\"]"),
    "a status comparison": re.compile(r"status(\.value)?\s*(==|!=|\bis\b|\bin\b)"),
    "a role check": re.compile(
        r"""has_role|\bRole\.|['"](checker|editor|manager)['"]|\bin\s+[\w.]*\broles\b"""
    ),
}


def deciding(source: str) -> list[str]:
    """What in the Jinja of ``source`` decides instead of asking."""
    found = []
    for expression in JINJA.findall(source):
        found += [
            f"{what}: {expression.strip()}"
            for what, pattern in DECIDING.items()
            if pattern.search(expression)
        ]
    return found


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_ask_rather_than_decide(template):
    assert deciding(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "{% if claim.status.value == 'returned' %}",
        "{% if article.status.value in ('ready', 'signed_off') %}",
        "{{ 'x' if a.status is published }}",
        "{% if current_user.has_role('editor') %}",
        "{% if 'manager' in current_user.roles %}",
    ],
)
def test_the_check_catches_what_it_looks_for(source):
    assert deciding(source)


def test_plain_markup_and_form_fields_are_not_mistaken_for_decisions():
    assert deciding('<select name="checker">{{ field(form.roles) }}{{ status(c.status) }}') == []
