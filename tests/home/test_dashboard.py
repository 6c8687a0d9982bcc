import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.accounts.models import User
from tests.accounts.helpers import text
from tests.conftest import ROLES
from tests.factories import PASSWORD, MembershipFactory, UserFactory

DASHBOARD = reverse("dashboard")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("url_name", ["dashboard", "accounts:profile", "accounts:password_change", "accounts:tokens"])
def test_personal_pages_are_for_logged_in_people_only(persona, client_for, url_name):
    name, user = persona
    response = client_for(user).get(reverse(url_name))
    if name == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("url_name", ["accounts:login", "accounts:password_reset", "accounts:password_reset_done"])
def test_public_account_pages(persona, client_for, url_name):
    name, user = persona
    response = client_for(user).get(reverse(url_name))
    expected = 302 if (url_name == "accounts:login" and user is not None) else 200
    assert response.status_code == expected


def test_my_space_lists_my_structures_with_my_role_and_their_links(client_for, member, structure):
    page = text(client_for(member).get(DASHBOARD))
    assert "TAg Test" in page
    assert "administrateur·rice" in page
    assert f'href="/structures/{structure.slug}/modifier/"' in page
    assert reverse("network:members", args=[structure.slug]) in page
    assert f"{reverse('network:invite')}?structure={structure.slug}" in page
    assert reverse("accounts:tokens") in page
    assert reverse("accounts:password_change") in page
    assert reverse("accounts:profile") in page


def test_a_staff_member_is_not_offered_to_invite(client_for, staff_member):
    page = text(client_for(staff_member).get(DASHBOARD))
    assert "chargé·e de mission" in page
    assert reverse("network:invite") not in page


def test_the_coordinator_is_offered_to_invite_without_a_structure(client_for, coordinator):
    page = text(client_for(coordinator).get(DASHBOARD))
    assert "Coordination du réseau" in page
    assert reverse("network:invite") in page


def test_my_space_costs_the_same_queries_for_3_and_30_structures(client_for, db):
    few, many = UserFactory(), UserFactory()
    MembershipFactory.create_batch(3, user=few)
    MembershipFactory.create_batch(30, user=many)
    counts = []
    for user in (few, many):
        client = client_for(user)
        client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DASHBOARD).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_i_change_my_name(client_for, member):
    client = client_for(member)
    response = client.post(
        reverse("accounts:profile"), {"first_name": " Maëlle ", "last_name": "Le Goff", "version": member.version}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Maëlle", "Le Goff")
    assert member.history.first().history_user == member
    assert "Votre profil est enregistré." in text(client.get(DASHBOARD))


def test_a_stale_profile_form_is_refused_and_changes_nothing(client_for, member):
    client = client_for(member)
    stale = member.version
    client.post(reverse("accounts:profile"), {"first_name": "Un", "last_name": "Deux", "version": stale})
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Trois", "last_name": "Quatre", "version": stale}
    )
    assert response.status_code == 200
    assert "modifiée par quelqu'un d'autre" in text(response)
    member.refresh_from_db()
    assert member.first_name == "Un"


def test_i_change_my_password_and_stay_logged_in(client_for, member):
    client = client_for(member)
    new = "Un-nouveau-mot-de-passe-2025"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert "Votre mot de passe est changé." in text(response)
    assert User.objects.get(pk=member.pk).check_password(new)
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_current_password_is_refused_with_the_field_named(client_for, member):
    response = client_for(member).post(
        reverse("accounts:password_change"),
        {"old_password": "faux", "new_password1": "Abcdefgh-12345", "new_password2": "Abcdefgh-12345"},
    )
    assert 'href="#id_old_password">' in text(response)
    assert User.objects.get(pk=member.pk).check_password(PASSWORD)


def test_a_partner_sees_the_departements_they_follow(client_for, db):
    from fabrique.territories.models import Departement

    partner = UserFactory(email="financeur@example.org")
    partner.partner_departements.set(Departement.objects.filter(code__in=["29", "22"]))
    page = text(client_for(partner).get(DASHBOARD))
    assert "Territoires suivis" in page
    assert "(22)" in page and "(29)" in page
