"""Templates read `site_abilities` (core/context_processors.py), answered by the apps' perms: the menu says what
the rights say, for a superuser without the coordination flag too."""

import pytest
from django.urls import reverse

from fabrique.core.context_processors import SiteAbilities, _checks
from fabrique.network.roles import roles_of
from tests.factories import UserFactory

COORDINATION_LINK = ">Coordination</a>"

pytestmark = pytest.mark.django_db


def test_a_superuser_without_the_coordination_flag_sees_the_coordination_in_the_menu_as_the_rights_let_them_in(
    client_for,
):
    superuser = UserFactory(is_superuser=True, is_staff=True, is_coordinator=False)
    assert roles_of(superuser).coordinator
    client = client_for(superuser)
    assert client.get(reverse("network:coordination")).status_code == 200
    page = client.get(reverse("dashboard")).content.decode()
    assert COORDINATION_LINK in page
    assert "Coordination du réseau" in page


def test_the_coordinator_sees_the_coordination_in_the_menu(client_for, coordinator):
    assert COORDINATION_LINK in client_for(coordinator).get("/").content.decode()


def test_a_member_neither_sees_the_coordination_in_the_menu_nor_may_open_it(client_for, member):
    client = client_for(member)
    assert COORDINATION_LINK not in client.get("/").content.decode()
    assert client.get(reverse("network:coordination")).status_code == 403


def test_an_inactive_coordinator_is_no_coordination():
    abilities = SiteAbilities(UserFactory(coordinator=True, is_active=False), _checks())
    assert not abilities["coordinate"] and not abilities["edit_announcements"]


def test_the_menu_costs_no_query_it_reads_the_user_row(django_assert_num_queries, member):
    abilities = SiteAbilities(member, _checks())
    with django_assert_num_queries(0):
        assert not abilities["coordinate"]
        assert not abilities["edit_announcements"]


def test_each_answer_is_computed_once_per_request(member):
    calls = []
    abilities = SiteAbilities(member, {"coordinate": lambda user: calls.append(user) or True})
    assert abilities["coordinate"] and abilities["coordinate"]
    assert calls == [member]
    assert dict(abilities) == {"coordinate": True}
