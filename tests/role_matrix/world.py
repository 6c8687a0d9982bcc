"""The world of the platform's role matrix, built once per test module: eight personas and one object of each
kind every route needs, so that each URL of the URL conf and each path of the OpenAPI document can be filled.

The owning structure ("Fabrique du Léon", experimenting, in the Finistère) holds the confidential objects (need,
creativity session, project and its links, resource, event, partnership…); its admin and staff member are two
personas. A second structure of theirs holds an appellation draft (a structure has one request in progress at a
time); the owning structure's own request is submitted and on the agenda of an open committee session whose
voters are the labelled structures, among them the voter persona's. A closed session left an announcement draft.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from fabrique.accounts.models import ApiToken
from fabrique.appellation import services as appellation
from fabrique.appellation.models import AnnouncementDraft
from fabrique.community.enums import GroupRole
from fabrique.community.models import Registration
from fabrique.library import services as library
from fabrique.method import services as method
from fabrique.method.enums import CarrierKind, LegalForm, Stage
from fabrique.method.models import ProjectPartner
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Invitation
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.notifications.tokens import unsubscribe_token
from fabrique.search.visibility import Visibility
from fabrique.territories.models import Departement
from fabrique.workspace.enums import DocumentKind, DocumentVisibility, ProjectRole
from fabrique.workspace.models import NextStep, ProjectInvitation, ProjectMember
from fabrique.workspace.services import documents as workspace_documents
from fabrique.workspace.services import messages as conversation
from tests.community.factories import EventFactory, GroupMembershipFactory, NewsPostFactory, WorkingGroupFactory
from tests.factories import (
    CollectiveFactory,
    MembershipFactory,
    PartnershipFactory,
    StructureFactory,
    TestimonialFactory,
    UserFactory,
)
from tests.library.factories import ResourceFactory
from tests.method.factories import CreativitySessionFactory, NeedFactory, OutcomeFactory, ProjectFactory

# Words found only in the owning structure's confidential objects: no one else may ever read them.
CONFIDENTIAL = (
    "Lesneven",
    "Kerlouan",
    "j@example.org",
    "06 11 22 33 44",
    "Plouescat",
    "Landeda",
    "Brignogan",
    "Goulven",
)
# What the project's people (carrier, expert, observer) may read of those: the title of the project they are on.
PROJECT_WORDS = ("Lesneven",)
PROJECT_PEOPLE = ("carrier", "expert", "observer")
PERSONAS = (
    "coordinator",
    "admin",
    "staff",
    "other_member",
    "voter",
    "partner",
    "nobody",
    "anonymous",
    "carrier",
    "expert",
    "observer",
)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"
NARRATIVES = {
    "usefulness": "Trois années d'expérimentation réussies sur notre territoire.",
    "partnerships": "Collectivités, financeurs et associations à nos côtés depuis 2023.",
    "know_how": "La détection et les études d'opportunité sont devenues notre métier.",
}


@dataclass
class World:
    users: dict = field(default_factory=dict)  # persona -> User (None for the anonymous visitor)
    sessions: dict = field(default_factory=dict)  # persona -> session key
    targets: dict = field(default_factory=dict)  # target name -> URL keyword arguments
    files: object = None  # the directory of the files the world stored (uploads, private attachments)
    objects: dict = field(default_factory=dict)  # name -> model instance, for the bodies that name one

    def version(self, name: str) -> int:
        """The version an edit form would carry now (read from the database: the world's writes bump it)."""
        obj = self.objects[name]
        return type(obj).objects.values_list("version", flat=True).get(pk=obj.pk)

    def pk(self, name: str) -> int:
        return self.objects[name].pk

    def client(self, persona: str) -> Client:
        """A fresh client carrying the persona's session (a logout in one test cannot leak into the next)."""
        from django.conf import settings

        client = Client()
        if persona != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[persona]
        return client


def _user(email: str, **kwargs):
    return UserFactory(email=email, password=None, **kwargs)


def _member(structure, email: str, role=MembershipRole.ADMIN):
    return MembershipFactory(structure=structure, user=_user(email), role=role).user


def build() -> World:
    world = World()
    users = world.users
    today = timezone.localdate()

    # Structures: the owning one and a second of theirs (29), another structure (21), three labelled voters.
    owning = StructureFactory(name="Fabrique du Léon", slug="fabrique-du-leon", departements=["29"])
    second = StructureFactory(name="Fabrique du Trégor", slug="fabrique-du-tregor", departements=["29"])
    other = StructureFactory(name="Autre Fabrique", slug="autre-fabrique", departements=["21"])
    labelled = [
        StructureFactory(name=f"Fabrique labellisée {n}", slug=f"labellisee-{n}", labelled=True, departements=["35"])
        for n in "abc"
    ]
    candidate = StructureFactory(name="Fabrique candidate", slug="fabrique-candidate", candidate=True)

    users["coordinator"] = _user("coordination@example.org", coordinator=True)
    users["admin"] = _member(owning, "admin@example.org")
    users["staff"] = _member(owning, "charge@example.org", MembershipRole.STAFF)
    MembershipFactory(structure=second, user=users["admin"], role=MembershipRole.ADMIN)
    MembershipFactory(structure=second, user=users["staff"], role=MembershipRole.STAFF)
    users["other_member"] = _member(other, "autre@example.org")
    voters = [_member(s, f"admin-{s.slug}@example.org") for s in labelled]
    users["voter"] = voters[0]
    users["partner"] = _user("partenaire@example.org")
    users["partner"].partner_departements.set(Departement.objects.filter(code="29"))
    users["nobody"] = _user("personne@example.org")
    users["anonymous"] = None
    users["carrier"] = _user("porteur@example.org")
    users["expert"] = _user("expert@example.org")
    users["observer"] = _user("observatrice@example.org")
    colleague = _member(owning, "collegue@example.org", MembershipRole.STAFF)
    for persona, user in users.items():
        if user is not None:
            client = Client()
            client.force_login(user)
            world.sessions[persona] = client.session.session_key

    _method(world, owning, users["admin"])
    _project_people(world, users)
    _conversation(world, users["admin"])
    _network(world, owning, other)
    _accounts(world, owning, users["admin"], colleague)
    _appellation(world, owning, second, users, voters, today)
    _library(world, owning, users["admin"])
    _community(world, owning, users["admin"], colleague)
    _reporting(world, owning)
    _notifications(world, users["admin"])
    _workspace(world, users["admin"])
    _workspace_people(world, users["admin"])
    _documents(world, users["admin"])
    world.targets["candidate"] = {"slug": candidate.slug}
    world.objects |= {"owning": owning, "other": other, "labelled": labelled[0]}
    return world


def _method(world: World, owning, admin) -> None:
    need = NeedFactory(
        structure=owning,
        title="Garde d'enfants à Kerlouan",
        brought_by_name="Josiane",
        brought_by_contact="j@example.org",
    )
    session = CreativitySessionFactory(structure=owning, title="Séance mobilité à Plouescat")
    project = ProjectFactory(
        structure=owning,
        title="Garage solidaire de Lesneven",
        carrier_name="Yann",
        carrier_kind=CarrierKind.NEW_ENTREPRENEUR,
        carrier_contact="06 11 22 33 44",
    )
    project.needs.add(need)
    partner = PartnershipFactory(structure=owning, partner__name="Conseil départemental du Finistère").partner
    link = ProjectPartner.objects.create(project=project, partner=partner, role="Financeur")
    method.add_note(project, by=admin, text="Appel du maire de Landeda")
    public = ProjectFactory(structure=owning, title="Épicerie solidaire", slug="epicerie", stage=Stage.CREATED)
    public.is_public = True
    public.save(update_fields=["is_public"])
    OutcomeFactory(project=public, created_on=datetime.date(2025, 1, 15), legal_form=LegalForm.SCIC)
    world.objects |= {"need": need, "session": session, "project": project, "partner": partner, "activity": public}
    world.targets |= {
        "structure": {"slug": owning.slug},
        "need": {"pk": need.pk},
        "session": {"pk": session.pk},
        "project": {"pk": project.pk},
        "project_partner": {"pk": project.pk, "link_pk": link.pk},
        "activity": {"slug": public.slug},
        "api_need": {"need_id": need.pk},
        "api_session": {"session_id": session.pk},
        "api_project": {"project_id": project.pk},
        "api_activity": {"project_id": public.pk},
        "partner": {"partner_id": partner.pk},
    }


def _project_people(world: World, users: dict) -> None:
    """The three project personas on the owning structure's confidential project, and on nothing else."""
    project = world.objects["project"]
    for persona, role, observer in (
        ("carrier", ProjectRole.CARRIER, False),
        ("expert", ProjectRole.EXPERT, False),
        ("observer", ProjectRole.EXPERT, True),
    ):
        ProjectMember.objects.create(project=project, user=users[persona], role=role, observer=observer)


def _conversation(world: World, admin) -> None:
    project = world.objects["project"]
    upload = SimpleUploadedFile("devis.pdf", PDF)
    message = conversation.post_message(project, by=admin, body="Devis du garage de Lesneven", upload=upload)
    # Kept to the team: the project's people never read it.
    conversation.post_message(project, by=admin, body="Marge négociée avec Goulven", internal=True)
    world.objects |= {"message": message}
    world.targets |= {
        "message": {"pk": project.pk, "message_pk": message.pk},
        "message_attachment": {"pk": project.pk, "attachment_pk": message.attachments.get().pk},
        "api_message": {"project_id": project.pk, "message_id": message.pk},
    }


def _network(world: World, owning, other) -> None:
    partnership = owning.partnerships.select_related("partner").get()
    collective = CollectiveFactory(name="Le Générateur", slug="le-generateur")
    collective.structures.add(owning, other)
    world.objects |= {"partnership": partnership, "collective": collective}
    world.targets |= {
        "partnership": {"slug": owning.slug, "pk": partnership.pk},
        "partner_org": {"slug": owning.slug, "pk": partnership.pk},  # its organisation, reached through the partnership
        "api_partnership": {"partnership_id": partnership.pk},
        "collective": {"slug": collective.slug},
        "other_structure": {"slug": other.slug},
    }


def _accounts(world: World, owning, admin, colleague) -> None:
    token, _raw = ApiToken.issue(admin, "script de l'admin")
    invitation = Invitation(email="nouvelle@example.org", structure=owning, invited_by=admin)
    raw = invitation.issue_token()
    invitation.save()
    membership = colleague.memberships.get()
    world.objects |= {"membership": membership}
    world.targets |= {
        "token": {"pk": token.pk},
        "api_token": {"token_id": token.pk},
        "invitation": {"pk": invitation.pk},
        "api_invitation": {"invitation_id": invitation.pk},
        "invitation_token": {"token": raw},
        "membership": {"slug": owning.slug, "pk": membership.pk},
        "person": {"pk": colleague.pk},
        "api_membership": {"membership_id": membership.pk},
        "reset": {"uidb64": urlsafe_base64_encode(force_bytes(admin.pk)), "token": "mauvais-jeton"},
    }
    world.targets["reset_valid"] = {
        "uidb64": world.targets["reset"]["uidb64"],
        "token": default_token_generator.make_token(admin),
    }


def _workspace(world: World, admin) -> None:
    project = world.objects["project"]
    step = NextStep.objects.create(
        project=project,
        title="Rappeler Yann",
        owner=admin,
        due_on=timezone.localdate() + datetime.timedelta(days=9),
        stage=project.stage,
    )
    world.objects |= {"next_step": step, "step_owner": admin}
    world.targets |= {"next_step": {"pk": project.pk, "step_pk": step.pk}, "api_next_step": {"step_id": step.pk}}


def _workspace_people(world: World, admin) -> None:
    """An expert on the owning structure's project; a pending invitation to another of its projects, whose title
    the link's holder reads (the invitee is told which project they are invited to)."""
    project = world.objects["project"]
    expert = ProjectMember.objects.create(project=project, user=_user("experte@example.org"), role=ProjectRole.EXPERT)
    invited_to = ProjectFactory(structure=project.structure, title="Tiers-lieu du Léon")
    invitation = ProjectInvitation(
        project=invited_to, email="invite-projet@example.org", role=ProjectRole.CARRIER, invited_by=admin
    )
    raw = invitation.issue_token()
    invitation.save()
    world.objects |= {"project_person": expert, "project_invitation": invitation}
    world.targets |= {
        "project_person": {"pk": project.pk, "member_pk": expert.pk},
        "project_invitation": {"pk": invited_to.pk, "invitation_pk": invitation.pk},
        "project_invitation_token": {"token": raw},
        "api_project_person": {"project_id": project.pk, "member_id": expert.pk},
        "api_project_invitation": {"project_id": invited_to.pk, "invitation_id": invitation.pk},
    }


def _notifications(world: World, admin) -> None:
    notification = Notification.objects.create(
        recipient=admin, kind=NotificationKind.PROJECT_MOVED, subject="Projet : étude", body="Le projet a avancé."
    )
    world.targets |= {
        "notification": {"pk": notification.pk},
        "api_notification": {"notification_id": notification.pk},
        "unsubscribe": {"token": unsubscribe_token(admin, [NotificationKind.PROJECT_MOVED])},
    }


def _documents(world: World, admin) -> None:
    """A document kept to the team on the created activity's project (a document is published once it is created)."""
    project = world.objects["activity"]
    document = workspace_documents.upload_document(
        project,
        admin,
        title="Étude de Plouescat",
        kind=DocumentKind.OPPORTUNITY_STUDY,
        visibility=DocumentVisibility.TEAM,
        upload=SimpleUploadedFile("etude.pdf", PDF),
    )
    version = document.versions.get()
    world.objects |= {"document": document}
    world.targets |= {
        "documents": {"pk": project.pk},
        "document": {"pk": project.pk, "document_pk": document.pk},
        "document_version": {"pk": project.pk, "document_pk": document.pk, "version_pk": version.pk},
        "api_documents": {"project_id": project.pk},
        "api_document": {"document_id": document.pk},
        "api_doc_version": {"document_id": document.pk, "version_id": version.pk},
    }


def _appellation(world: World, owning, second, users, voters, today) -> None:
    coordinator, admin = users["coordinator"], users["admin"]
    deadline = timezone.now() + datetime.timedelta(days=10)
    # A closed session that granted the appellation to a former applicant: it left an announcement draft.
    former = StructureFactory(name="Fabrique lauréate", slug="fabrique-laureate", departements=["56"])
    former_admin = _member(former, "laureate@example.org")
    earlier = appellation.submit_request(
        appellation.create_request(former, by=former_admin, data=NARRATIVES), by=former_admin
    )
    closed = appellation.open_session(by=coordinator, held_on=today, deadline=deadline, requests=[earlier])
    for voter in voters:
        appellation.cast_vote(earlier, by=voter, choice="for")
    appellation.close_session(closed, by=coordinator)
    announcement = AnnouncementDraft.objects.get()
    # The owning structure's request, on an open session; a draft of the second structure.
    submitted = appellation.create_request(owning, by=admin, data=NARRATIVES)
    attachment = appellation.add_attachment(
        submitted, by=admin, title="Bilan", upload=SimpleUploadedFile("bilan.pdf", PDF)
    )
    submitted = appellation.submit_request(submitted, by=admin)
    session = appellation.open_session(by=coordinator, held_on=today, deadline=deadline, requests=[submitted])
    draft = appellation.create_request(second, by=admin, data=NARRATIVES)
    draft_attachment = appellation.add_attachment(
        draft, by=admin, title="Annexe", upload=SimpleUploadedFile("annexe.pdf", PDF)
    )
    charter = appellation.current_charter()  # created on first reading otherwise, by whoever reads it first
    world.objects |= {
        "request": submitted,
        "draft": draft,
        "announcement": announcement,
        "charter": charter,
        "voter_structure": labelled_structure(users["voter"]),
        "second_voter": labelled_structure(voters[1]),
    }
    world.targets |= {
        "request": {"pk": submitted.pk},
        "attachment": {"pk": submitted.pk, "attachment_pk": attachment.pk},
        "draft": {"pk": draft.pk},
        "draft_attachment": {"pk": draft.pk, "attachment_pk": draft_attachment.pk},
        "committee": {"pk": session.pk},
        "closed_committee": {"pk": closed.pk},
        "announcement": {"pk": announcement.pk},
    }


def labelled_structure(voter):
    return voter.memberships.select_related("structure").get().structure


def _library(world: World, owning, admin) -> None:
    resource = ResourceFactory(author_structure=owning, visibility=Visibility.STRUCTURE, title="Note de Brignogan")
    stored = library.add_file(resource, by=admin, upload=SimpleUploadedFile("note.pdf", PDF))
    network = ResourceFactory(author_structure=owning, visibility=Visibility.NETWORK, title="Fiche réseau")
    world.objects |= {"resource": resource}
    world.targets |= {
        "resource": {"slug": resource.slug},
        "resource_file": {"slug": resource.slug, "pk": stored.pk},
        "network_resource": {"slug": network.slug},
    }


def _community(world: World, owning, admin, colleague) -> None:
    event = EventFactory(organiser=owning, slug="rencontre", title="Rencontre", capacity=5)
    Registration.objects.create(event=event, user=colleague, structure=owning, status="confirmed")
    past = EventFactory(organiser=owning, slug="formation-passee", past=True)
    Registration.objects.create(event=past, user=admin, structure=owning, status="confirmed")
    group = WorkingGroupFactory(name="Alimentation", slug="alimentation")
    GroupMembershipFactory(group=group, user=admin, role=GroupRole.LEAD)
    joined = GroupMembershipFactory(group=group, user=colleague)
    post = NewsPostFactory(slug="rencontre-nationale")
    draft_post = NewsPostFactory(slug="brouillon", published_on=None)
    testimonial = TestimonialFactory(structure=owning, is_public=True)
    world.objects |= {"event": event, "group": group, "group_member": joined, "news": post}
    world.targets |= {
        "event": {"slug": event.slug},
        "past_event": {"slug": past.slug},
        "group": {"slug": group.slug},
        "group_member": {"slug": group.slug, "pk": joined.pk},
        "news": {"slug": post.slug},
        "news_draft": {"slug": draft_post.slug},
        "testimonial": {"testimonial_id": testimonial.pk},
    }


def _reporting(world: World, owning) -> None:
    world.targets |= {
        "import_template": {"kind": "needs", "fmt": "csv"},
        "opendata_file": {"name": "structures", "fmt": "csv"},
        "export": {"kind": "projects", "fmt": "csv"},
        "export_indicators": {"fmt": "csv"},
    }
