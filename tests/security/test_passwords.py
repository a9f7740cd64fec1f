"""The password rule: at least 10 characters, and not a common or breached
password, an easy pattern, or the person's own name or email; the forms say
so before anyone has to guess."""

import pytest

from factcheck.models import Role
from factcheck.services import users
from factcheck.services.errors import ValidationFailed
from tests.conftest import login
from tests.factories import Factory

REFUSED = [
    "aaaaaaaaaa",  # long enough, and accepted before this rule
    "1234567890",
    "qwertyuiop",
    "password123",
    "P@ssw0rd!!",
    "iloveyou12",
    "sunshine2024",
    "abcdefghij",
    "baseball1234",
]
ACCEPTED = [Factory.PASSWORD, "Hama-city-falls", "tin kettle orbit sunrise"]


@pytest.mark.parametrize("password", REFUSED)
def test_common_breached_and_patterned_passwords_are_refused(app, password):
    with pytest.raises(ValidationFailed) as refused:
        users.create_user("new.person@example.org", "New Person", password, [Role.CHECKER])
    assert refused.value.field == "password"
    assert "must not be a common or breached password" in str(refused.value)


@pytest.mark.parametrize("password", ACCEPTED)
def test_passwords_hard_to_guess_are_taken(app, password):
    user = users.create_user("new.person@example.org", "New Person", password, [Role.CHECKER])
    assert users.authenticate(user.email, password) == user


def test_a_password_built_on_the_persons_own_email_is_refused(app):
    with pytest.raises(ValidationFailed, match="name or email"):
        users.create_user("morgan.lee@example.org", "Morgan Lee", "morgan.lee2024", [Role.EDITOR])
    # The same words are fine for someone else.
    users.create_user("sam.jones@example.org", "Sam Jones", "morgan.lee2024", [Role.EDITOR])


def test_short_passwords_are_refused_with_the_rule(app):
    with pytest.raises(ValidationFailed, match="at least 10 characters"):
        users.create_user("new.person@example.org", "New Person", "kT9#qz!", [Role.CHECKER])


def test_the_password_form_explains_the_rule_and_refuses_a_common_password(app, checker):
    client = login(app, checker)
    page = client.get("/account/password").get_data(as_text=True)
    assert "must not be a common or breached password" in page
    response = client.post(
        "/account/password", data={"current": Factory.PASSWORD, "password": "aaaaaaaaaa"}
    )
    assert response.status_code == 400
    assert "Repeats like" in response.get_data(as_text=True)
    # Nothing changed: the old password still opens the account.
    assert users.authenticate(checker.email, Factory.PASSWORD) is not None
    assert users.authenticate(checker.email, "aaaaaaaaaa") is None


def test_a_manager_cannot_give_a_new_account_a_common_password(app, manager):
    client = login(app, manager)
    assert "must not be a common or breached password" in client.get("/admin/users/new").get_data(
        as_text=True
    )
    response = client.post(
        "/admin/users/new",
        data={
            "email": "new.person@example.org",
            "name": "New Person",
            "roles": ["checker"],
            "password": "password123",
        },
    )
    assert response.status_code == 400
    assert "common" in response.get_data(as_text=True)
    assert users.get_by_email("new.person@example.org") is None


def test_create_user_on_the_command_line_says_why_a_password_is_refused(app, runner):
    command = "create-user new@example.org New --role checker --password aaaaaaaaaa"
    result = runner.invoke(args=command.split())
    assert result.exit_code == 1
    assert "Error: Choose another password." in result.output
    assert "Traceback" not in result.output
    assert users.get_by_email("new@example.org") is None
