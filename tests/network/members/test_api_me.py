import pytest

from fabrique.territories.models import Departement
from tests.conftest import CALLERS

ME = "/api/v1/accounts/me"


@pytest.mark.parametrize("caller", CALLERS, indirect=True)
def test_me_describes_the_caller_and_refuses_anonymous(caller, structure):
    name, user, client = caller
    response = client.get(ME)
    if name == "anonymous":
        assert response.status_code == 401
        assert response.json() == {"detail": "Authentification requise."}
        return
    assert response.status_code == 200
    data = response.json()
    assert data["email"] == user.email
    assert data["first_name"] == user.first_name and data["last_name"] == user.last_name
    assert data["is_coordinator"] is (name == "coordinator")
    slugs = {(m["structure"]["slug"], m["role"]) for m in data["memberships"]}
    if name in ("member", "bearer"):
        assert slugs == {("tag-test", "admin")}
    elif name == "other_member":
        assert slugs == {("autre-fabrique", "admin")}
    else:
        assert slugs == set()


def test_me_lists_the_partner_departements(client_for, other_member):
    other_member.partner_departements.set(Departement.objects.filter(code__in=["29", "2A"]))
    data = client_for(other_member).get(ME).json()
    assert data["partner_departements"] == ["29", "2A"]


def test_an_unknown_or_malformed_bearer_token_is_refused(db, client):
    assert client.get(ME, HTTP_AUTHORIZATION="Bearer fab_inconnu").status_code == 401
    assert client.get(ME, HTTP_AUTHORIZATION="Basic abc").status_code == 401
