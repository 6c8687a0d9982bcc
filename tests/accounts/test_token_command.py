from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fabrique.accounts.models import ApiToken
from fabrique.cli import main
from tests.factories import UserFactory


def test_the_command_prints_a_new_token_for_that_user(db):
    user = UserFactory(email="ops@example.org")
    out = StringIO()
    call_command("token", "OPS@example.org", "--name", "Sauvegarde nocturne", stdout=out)
    raw = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert (token.user, token.name) == (user, "Sauvegarde nocturne")
    assert ApiToken.authenticate(raw) == user
    assert raw not in token.token_hash


def test_without_a_name_the_token_says_it_came_from_the_command_line(db):
    UserFactory(email="ops@example.org")
    call_command("token", "ops@example.org", stdout=StringIO())
    assert ApiToken.objects.get().name.startswith("Ligne de commande")


def test_an_unknown_address_is_an_error_in_french(db):
    with pytest.raises(CommandError, match="Aucun compte pour l'adresse « personne@example.org »"):
        call_command("token", "personne@example.org", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_an_unknown_address_exits_with_code_1(db, capsys):
    with pytest.raises(SystemExit, match="^1$") as exit_info:
        main(["fabrique", "token", "personne@example.org"])
    assert exit_info.value.code == 1
    assert "Aucun compte" in capsys.readouterr().err


def test_an_inactive_account_gets_no_token(db):
    UserFactory(email="parti@example.org", is_active=False)
    with pytest.raises(CommandError, match="désactivé"):
        call_command("token", "parti@example.org", stdout=StringIO())
