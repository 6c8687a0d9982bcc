"""Running working groups: the coordination creates and edits them (version checked, history kept); the group's
leads and the coordination manage its members; a group always keeps a lead."""

import html

import pytest

from fabrique.community.enums import GroupRole
from fabrique.community.models import GroupMembership, WorkingGroup
from fabrique.community.services import groups
from fabrique.core.exceptions import DomainError
from fabrique.search.visibility import Visibility
from tests.conftest import ROLES
from tests.factories import UserFactory
from tests.snapshots import assert_unchanged, models_of

from .factories import GroupMembershipFactory, WorkingGroupFactory


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _form(lead, **overrides) -> dict:
    data = {
        "name": "Mobilité rurale",
        "theme": "mobility",
        "description": "Se déplacer **sans voiture**.",
        "visibility": Visibility.NETWORK,
        "lead": lead.pk,
    }
    return data | overrides


@pytest.fixture
def group(member):
    group = WorkingGroupFactory(name="Alimentation", slug="alimentation", theme="food")
    GroupMembershipFactory(group=group, user=member, role=GroupRole.LEAD)
    return group


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_creates_and_edits_a_group(persona, group, member, client_for):
    name, user = persona
    client = client_for(user)
    expected = {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 302}[name]
    assert client.get("/groupes-de-travail/nouveau/").status_code == expected
    assert client.get(f"/groupes-de-travail/{group.slug}/modifier/").status_code == expected
    with assert_unchanged(*models_of("community"), unless=name == "coordinator"):
        response = client.post("/groupes-de-travail/nouveau/", _form(member))
    assert response.status_code == (302 if name == "coordinator" else expected)
    assert WorkingGroup.objects.count() == (2 if name == "coordinator" else 1)
    assert ("Créer un groupe de travail" in _text(client.get("/groupes-de-travail/"))) == (name == "coordinator")


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_the_lead_and_the_coordinator_manage_the_members(persona, group, other_member, client_for):
    name, user = persona
    client = client_for(user)
    expected = {"coordinator": 200, "member": 200, "other_member": 403, "anonymous": 302}[name]
    assert client.get(f"/groupes-de-travail/{group.slug}/membres/").status_code == expected
    with assert_unchanged(*models_of("community"), unless=name in {"coordinator", "member"}):
        client.post(f"/groupes-de-travail/{group.slug}/membres/", {"user": other_member.pk})
    added = group.memberships.filter(user=other_member).exists()
    assert added == (name in {"coordinator", "member"})
    page = _text(client.get(f"/groupes-de-travail/{group.slug}/"))
    assert ("Gérer les membres" in page) == (name in {"coordinator", "member"})
    assert ("Modifier le groupe" in page) == (name == "coordinator")


def test_creating_a_group_makes_its_lead_the_first_member(coordinator, member, client_for):
    response = client_for(coordinator).post("/groupes-de-travail/nouveau/", _form(member))
    group = WorkingGroup.objects.get(slug="mobilite-rurale")
    assert response["Location"] == "/groupes-de-travail/mobilite-rurale/"
    assert list(group.memberships.values_list("user", "role")) == [(member.pk, GroupRole.LEAD)]
    assert group.history.get().history_user == coordinator


def test_the_lead_must_be_a_person_of_the_network(coordinator, client_for):
    outsider = UserFactory(email="partenaire@example.org")
    response = client_for(coordinator).post("/groupes-de-travail/nouveau/", _form(outsider))
    assert response.status_code == 200
    assert 'href="#id_lead">Animateur·rice</a>' in _text(response)
    assert not WorkingGroup.objects.exists()


def test_a_missing_name_is_refused_naming_the_field(coordinator, member, client_for):
    response = client_for(coordinator).post("/groupes-de-travail/nouveau/", _form(member, name=""))
    assert 'href="#id_name">Nom</a>' in _text(response)


def test_editing_keeps_the_slug_and_hands_the_lead_over(group, coordinator, member, other_member, client_for):
    response = client_for(coordinator).post(
        f"/groupes-de-travail/{group.slug}/modifier/",
        _form(other_member, name="Alimentation durable", version=group.version),
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name, group.slug, group.version) == ("Alimentation durable", "alimentation", 2)
    roles = dict(group.memberships.values_list("user", "role"))
    assert roles == {member.pk: GroupRole.MEMBER, other_member.pk: GroupRole.LEAD}


def test_a_stale_version_is_a_form_error_and_nothing_is_overwritten(group, coordinator, member, client_for):
    groups.update_group(group, coordinator, {"name": "Changé ailleurs"}, expected_version=1)
    response = client_for(coordinator).post(
        f"/groupes-de-travail/{group.slug}/modifier/", _form(member, name="Ma version", version=1)
    )
    assert response.status_code == 200 and "modifiée par quelqu'un d'autre" in _text(response)
    group.refresh_from_db()
    assert group.name == "Changé ailleurs"


def test_the_last_lead_is_neither_demoted_nor_removed(group, member, client_for):
    lead = group.memberships.get(user=member)
    client = client_for(member)
    client.post(f"/groupes-de-travail/{group.slug}/membres/{lead.pk}/role/", {"role": "member", "version": 1})
    client.post(f"/groupes-de-travail/{group.slug}/membres/{lead.pk}/retirer/")
    lead.refresh_from_db()
    assert lead.role == GroupRole.LEAD
    with pytest.raises(DomainError, match="au moins un·e animateur·rice"):
        groups.remove_member(lead, member)


def test_the_lead_passes_the_lead_on_then_leaves(group, member, other_member, client_for):
    client = client_for(member)
    client.post(f"/groupes-de-travail/{group.slug}/membres/", {"user": other_member.pk})
    newcomer = group.memberships.get(user=other_member)
    client.post(f"/groupes-de-travail/{group.slug}/membres/{newcomer.pk}/role/", {"role": "lead", "version": 1})
    newcomer.refresh_from_db()
    assert newcomer.role == GroupRole.LEAD and newcomer.version == 2
    client.post(f"/groupes-de-travail/{group.slug}/quitter/")
    assert list(group.memberships.values_list("user", flat=True)) == [other_member.pk]


def test_a_lead_removes_a_member_and_the_history_keeps_it(group, member, other_member):
    membership = groups.add_member(group, member, other_member)
    groups.remove_member(membership, member)
    assert not group.memberships.filter(user=other_member).exists()
    assert GroupMembership.history.filter(user_id=other_member.pk, history_type="-").count() == 1


def test_someone_already_in_the_group_is_not_added_twice(group, member):
    with pytest.raises(DomainError, match="déjà membre"):
        groups.add_member(group, member, member)


def test_a_lead_of_another_group_cannot_manage_this_one(group, other_member, client_for):
    elsewhere = WorkingGroupFactory()
    GroupMembershipFactory(group=elsewhere, user=other_member, role=GroupRole.LEAD)
    lead = group.memberships.get()
    with assert_unchanged(*models_of("community")):
        response = client_for(other_member).post(f"/groupes-de-travail/{group.slug}/membres/{lead.pk}/retirer/")
    assert response.status_code == 403


def test_two_long_names_alike_get_slugs_that_fit_their_column(db):
    from fabrique.community.models import Event, NewsPost, WorkingGroup
    from fabrique.core.slugs import unique_slug

    name = "Groupe de travail " + "mobilité solidaire " * 12  # 246 characters
    for model in (WorkingGroup, Event, NewsPost):
        limit = model._meta.get_field("slug").max_length
        first = unique_slug(model, name, "x")
        taken = [first, *(f"{first}-{n}" for n in range(2, 12))]
        assert len(first) <= 80 and all(len(slug) <= limit for slug in taken)
    WorkingGroup.objects.create(name=name[:200], slug=unique_slug(WorkingGroup, name, "groupe"))
    second = unique_slug(WorkingGroup, name, "groupe")
    assert second.endswith("-2") and len(second) <= 80
