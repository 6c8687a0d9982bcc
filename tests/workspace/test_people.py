"""A project's people through the pages: invited by e-mail (new or existing account), landing on « Mon espace »
with that project only, removed or leaving (access ends at once), the observer flag, and every refusal."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fabrique.accounts.models import User
from fabrique.method.models import ProjectPartner
from fabrique.network.models import Membership
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import ProjectInvitation, ProjectMember
from fabrique.workspace.services import people as services
from tests.accounts.helpers import text
from tests.factories import PartnerFactory, UserFactory
from tests.method.factories import ProjectFactory

from .factories import ProjectMemberFactory, project_invitation
from .helpers import accept_url, invite_through_the_page

PASSWORD = "Un mot de passe solide 2026"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "http://testserver.example"


def people_url(project) -> str:
    return reverse("workspace:people", args=[project.pk])


def test_a_new_person_invited_as_carrier_signs_up_and_lands_on_that_project_only(
    project, other_project, member, client_for, client, django_capture_on_commit_callbacks
):
    response, raw = invite_through_the_page(
        client_for(member), project, django_capture_on_commit_callbacks, email="Yann@Example.org", role="carrier"
    )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["yann@example.org"]
    assert "« Épicerie solidaire de Morlaix »" in mail.outbox[-1].subject
    invitation = ProjectInvitation.objects.get()
    assert invitation.token_hash != raw and invitation.invited_by == member
    assert "Créer mon compte" in text(client.get(accept_url(raw)))
    data = {"first_name": "Yann", "last_name": "Le Bras", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(accept_url(raw), data)
    assert response.status_code == 302 and response.url == reverse("dashboard")
    carrier = User.objects.get(email="yann@example.org")
    assert ProjectMember.objects.filter(user=carrier, project=project, role=ProjectRole.CARRIER).exists()
    assert not Membership.objects.filter(user=carrier).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == carrier and invitation.accepted_at is not None
    page = text(client.get(reverse("dashboard")))
    assert "Mes projets" in page and "Épicerie solidaire de Morlaix" in page
    assert reverse("workspace:overview", args=[project.pk]) in page
    assert "Garage solidaire de Landivisiau" not in page and "Mes structures" not in page
    assert client.get(reverse("workspace:overview", args=[project.pk])).status_code == 200
    assert client.get(reverse("workspace:overview", args=[other_project.pk])).status_code == 404
    assert client.get(reverse("method:project_detail", args=[project.pk])).status_code == 404
    assert client.get(reverse("method:board", args=[project.structure.slug])).status_code == 403


def test_a_person_with_an_account_is_notified_logs_in_and_accepts_as_observer(
    project, member, client_for, django_capture_on_commit_callbacks
):
    expert = UserFactory(email="experte@example.org")
    _response, raw = invite_through_the_page(
        client_for(member),
        project,
        django_capture_on_commit_callbacks,
        email="experte@example.org",
        role="expert",
        observer="on",
    )
    notification = Notification.objects.get(recipient=expert)
    assert notification.kind == NotificationKind.PROJECT_INVITATION
    assert "Épicerie solidaire de Morlaix" in notification.subject
    assert "Se connecter pour accepter" in text(client_for(None).get(accept_url(raw)))
    client = client_for(expert)
    assert "Accepter l'invitation" in text(client.get(accept_url(raw)))
    assert client.post(accept_url(raw)).status_code == 302
    joined = ProjectMember.objects.get(user=expert)
    assert (joined.role, joined.observer, joined.added_by) == (ProjectRole.EXPERT, True, member)
    assert "Mes projets" in text(client.get(reverse("dashboard")))


def test_a_partner_is_linked_to_a_partner_of_the_project_offered_first(
    project, member, client_for, django_capture_on_commit_callbacks
):
    PartnerFactory(name="Association Alpha")
    ours = PartnerFactory(name="Conseil départemental")
    ProjectPartner.objects.create(project=project, partner=ours, role="funder")
    client = client_for(member)
    page = text(client.get(people_url(project)))
    assert page.index("Partenaires du projet") < page.index("Conseil départemental") < page.index("Association Alpha")
    _response, raw = invite_through_the_page(
        client, project, django_capture_on_commit_callbacks, email="cd@example.org", role="partner", partner=ours.pk
    )
    services.accept_invitation(services.find_invitation(raw), user=UserFactory(email="cd@example.org"))
    assert ProjectMember.objects.get(project=project, role=ProjectRole.PARTNER).partner == ours


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "pas-une-adresse", "role": "carrier"}, "Saisissez une adresse e-mail valide"),
        ({"email": "a@example.org", "role": "carrier", "observer": "on"}, "Seul un expert peut être observateur."),
        ({"email": "a@example.org", "role": "expert", "partner": "PARTNER"}, "Seul un partenaire est lié"),
        ({"email": "CARRIER", "role": "expert"}, "est déjà sur ce projet."),
        ({"email": "membre@example.org", "role": "expert"}, "fait partie de l'équipe de la structure"),
        ({"email": "attente@example.org", "role": "expert"}, "Une invitation est déjà en attente"),
        ({"email": "a@example.org", "role": "boss"}, "Sélectionnez un choix valide"),
    ],
)
def test_a_bad_invitation_is_refused_in_french_and_nothing_is_saved(
    project, member, carrier, client_for, django_capture_on_commit_callbacks, data, message
):
    project_invitation(project, email="attente@example.org")
    data = {**data}
    if data["email"] == "CARRIER":
        data["email"] = carrier.email.upper()
    if data.get("partner") == "PARTNER":
        data["partner"] = PartnerFactory().pk
    before = ProjectInvitation.objects.count()
    response, _raw = invite_through_the_page(client_for(member), project, django_capture_on_commit_callbacks, **data)
    assert response.status_code == 200
    assert message in text(response) and "Le formulaire n'a pas été enregistré" in text(response)
    assert ProjectInvitation.objects.count() == before and not mail.outbox


def test_the_service_refuses_each_bad_field_before_writing(project, member):
    with pytest.raises(ValidationError, match="Seul un expert peut être observateur.") as refused:
        services.invite(project, by=member, email="x", role=ProjectRole.PARTNER, observer=True)
    assert set(refused.value.error_dict) == {"email", "observer"}
    assert not ProjectInvitation.objects.exists()


def test_only_the_team_invites(project, carrier, other_member, coordinator, client_for):
    data = {"email": "x@example.org", "role": "expert"}
    assert client_for(carrier).post(people_url(project), data).status_code == 403
    assert client_for(coordinator).post(people_url(project), data).status_code == 403
    assert client_for(other_member).post(people_url(project), data).status_code == 404
    assert not ProjectInvitation.objects.exists()


@pytest.mark.parametrize(
    ("state", "status", "message"),
    [
        ({"accepted_at": timezone.now()}, 410, "Cette invitation a déjà été utilisée."),
        ({"revoked_at": timezone.now()}, 410, "Cette invitation a été annulée"),
        ({"expires_at": timezone.now() - datetime.timedelta(minutes=1)}, 410, "Cette invitation a expiré"),
    ],
)
def test_an_unusable_link_says_why_and_creates_nothing(project, client, state, status, message):
    _invitation, raw = project_invitation(project, **state)
    for method in (client.get, client.post):
        response = method(accept_url(raw), {"first_name": "A", "last_name": "B", "password1": PASSWORD})
        assert response.status_code == status
        assert message in text(response)
    assert not ProjectMember.objects.exists() and not User.objects.filter(email="invitee@example.org").exists()


def test_an_unknown_link_is_a_404(client, db):
    response = client.get(accept_url("inconnu"))
    assert response.status_code == 404 and "Ce lien d'invitation est inconnu." in text(response)


def test_the_link_opened_by_another_logged_in_person_is_refused(project, other_member, client_for):
    invitation, raw = project_invitation(project)
    client = client_for(other_member)
    for method in (client.get, client.post):
        response = method(accept_url(raw))
        assert response.status_code == 403
        assert "Cette invitation a été envoyée à invitee@example.org" in text(response)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None and not ProjectMember.objects.exists()
    with pytest.raises(services.WrongInvitee, match="mais vous êtes connecté·e avec autre@example.org"):
        services.accept_invitation(invitation, user=other_member)


def test_a_revoked_invitation_stops_working_at_once(project, member, client_for, client):
    invitation, raw = project_invitation(project)
    team = client_for(member)
    assert "invitee@example.org" in text(team.get(people_url(project)))
    url = reverse("workspace:invitation_revoke", args=[project.pk, invitation.pk])
    assert team.get(url).status_code == 405
    assert "L'invitation envoyée à invitee@example.org est annulée." in text(team.post(url, follow=True))
    assert client.get(accept_url(raw)).status_code == 410
    assert "invitee@example.org" not in text(team.get(people_url(project)))


def test_the_team_removes_a_person_whose_access_ends_at_once(project, member, carrier, client_for):
    row = ProjectMember.objects.get(user=carrier)
    url = reverse("workspace:person_remove", args=[project.pk, row.pk])
    carrier_client = client_for(carrier)
    assert carrier_client.get(reverse("workspace:overview", args=[project.pk])).status_code == 200
    assert carrier_client.post(url).status_code == 403
    team = client_for(member)
    assert "Retirer" in text(team.get(url))
    assert ProjectMember.objects.filter(pk=row.pk).exists()  # the GET only asks for confirmation
    assert team.post(url).status_code == 302
    assert not ProjectMember.objects.filter(pk=row.pk).exists()
    assert carrier_client.get(reverse("workspace:overview", args=[project.pk])).status_code == 404
    removal = ProjectMember.history.filter(id=row.pk, history_type="-").get()
    assert removal.history_user == member


def test_a_person_leaves_the_project_and_gets_a_404_after(project, expert, member, client_for):
    client = client_for(expert)
    url = reverse("workspace:leave", args=[project.pk])
    assert "Quitter le projet ?" in text(client.get(url))
    response = client.post(url)
    assert response.status_code == 302 and response.url == reverse("dashboard")
    assert client.get(reverse("workspace:overview", args=[project.pk])).status_code == 404
    assert client.get(people_url(project)).status_code == 404
    assert ProjectMember.history.filter(history_type="-").get().history_user == expert
    assert client_for(member).post(url).status_code == 403  # the team is on the project through its structure


def test_the_team_makes_an_expert_an_observer_with_the_version_read(project, expert, member, client_for):
    row = ProjectMember.objects.get(user=expert)
    url = reverse("workspace:person_observer", args=[project.pk, row.pk])
    client = client_for(member)
    assert client.post(url, {"observer": "on", "version": row.version}).status_code == 302
    row.refresh_from_db()
    assert row.observer and row.version == 2
    response = client.post(url, {"version": 1}, follow=True)  # a stale form
    assert "modifiée par quelqu'un d'autre" in text(response)
    row.refresh_from_db()
    assert row.observer and row.version == 2
    assert client_for(expert).post(url, {"version": 2}).status_code == 403


def test_only_an_expert_is_made_an_observer(project, carrier, member):
    row = ProjectMember.objects.get(user=carrier)
    with pytest.raises(ValidationError, match="Seul un expert peut être observateur."):
        services.set_observer(row, by=member, observer=True, expected_version=row.version)
    row.refresh_from_db()
    assert not row.observer and row.version == 1


def test_people_see_who_is_on_the_project_but_not_the_invitations(project, carrier, expert, client_for):
    project_invitation(project, email="attente@example.org")
    page = text(client_for(carrier).get(people_url(project)))
    assert carrier.get_full_name() in page and expert.get_full_name() in page
    assert "attente@example.org" not in page and "Inviter une personne" not in page
    assert "Quitter le projet" in page


def test_the_people_page_is_a_404_for_whoever_is_not_on_the_project(project, other_member, client_for):
    assert client_for(other_member).get(people_url(project)).status_code == 404
    assert client_for(UserFactory()).get(people_url(project)).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_the_people_page_costs_the_same_queries_for_3_and_30_people(project, member, client_for, count):
    for index in range(count):
        ProjectMemberFactory(project=project, role=ProjectRole.EXPERT)
        project_invitation(project, email=f"invite{index}@example.org", role=ProjectRole.PARTNER)
        ProjectPartner.objects.create(project=project, partner=PartnerFactory(), role="funder")
    client = client_for(member)
    client.get(people_url(project))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(people_url(project))
    assert response.status_code == 200
    assert text(response).count("Mettre en observation") == count
    assert len(queries) == PEOPLE_QUERIES


# session, user, roles, project, team, people, pending invitations, registry partners, notifications badge
PEOPLE_QUERIES = 9


def test_a_project_of_another_structure_is_never_offered(project, other_structure, client_for, carrier):
    elsewhere = ProjectFactory(structure=other_structure, title="Ailleurs")
    page = text(client_for(carrier).get(reverse("dashboard")))
    assert "Ailleurs" not in page
    assert client_for(carrier).get(reverse("workspace:overview", args=[elsewhere.pk])).status_code == 404
