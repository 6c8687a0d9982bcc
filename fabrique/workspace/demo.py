"""`fabrique demo`: the workspace's demo data, last (it needs the method's projects and the structures' logins).

On one project of TAg29 and one of France Active Alsace (chosen by title, at the transmission or feasibility
stage): a carrier, a partner (linked to a registry partner of the project) and an outside expert (an observer in
Alsace), each with a demo login and a fictitious name; a conversation (messages, an internal note, a mention);
next steps (one overdue, one done, one given to the carrier); two documents (one kept to the team).

Messages and steps go through the services (history author, mentions, in-app notifications) inside
`notifications.services.in_app_only()`: the load mails nobody. The people are written directly, as an accepted
invitation would (the invitation's service sends its e-mail). Rows are found by natural key (an e-mail, a
project and a title or a body): a second run changes nothing; a person removed during a demonstration is put back.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from fabrique.accounts.demo import DemoPassword, demo_user
from fabrique.accounts.models import User
from fabrique.core.demo_support import CHANGE_REASON, LoadReport, member_email, upsert
from fabrique.core.french import de
from fabrique.library import demo_files
from fabrique.method.demo_data import FICTITIOUS
from fabrique.method.models import Project, ProjectPartner
from fabrique.notifications.services import in_app_only

from .enums import DocumentKind, DocumentVisibility, NextStepStatus, ProjectRole
from .models import Message, NextStep, ProjectDocument, ProjectMember
from .services.documents import upload_document
from .services.messages import post_message
from .services.steps import create_step, set_step_status


@dataclass(frozen=True)
class Guest:
    role: str
    login: str  # before "." + the structure's slug + "@example.org"
    first_name: str
    last_name: str
    observer: bool = False


@dataclass(frozen=True)
class DemoWorkspace:
    structure: str  # its slug
    structure_name: str
    project: str
    guests: tuple[Guest, ...]


WORKSPACES = (
    DemoWorkspace(
        "tag29",
        "TAg29",
        f"Service de visites et de petits travaux {FICTITIOUS}",
        (
            Guest(ProjectRole.CARRIER, "porteuse", "Maëlle", f"Kerbrat {FICTITIOUS}"),
            Guest(ProjectRole.PARTNER, "partenaire", "Yann", f"Le Roux {FICTITIOUS}"),
            Guest(ProjectRole.EXPERT, "expert", "Claire", f"Guivarc’h {FICTITIOUS}"),
        ),
    ),
    DemoWorkspace(
        "france-active-alsace",
        "France Active Alsace",
        f"Cuisine solidaire de transformation {FICTITIOUS}",
        (
            Guest(ProjectRole.CARRIER, "porteur", "Lucas", f"Muller {FICTITIOUS}"),
            Guest(ProjectRole.PARTNER, "partenaire", "Sophie", f"Schmitt {FICTITIOUS}"),
            Guest(ProjectRole.EXPERT, "expert", "Thomas", f"Meyer {FICTITIOUS}", observer=True),
        ),
    ),
)
ROLE_LOGIN = {
    ProjectRole.CARRIER: "porteur ou porteuse",
    ProjectRole.PARTNER: "partenaire",
    ProjectRole.EXPERT: "expert·e extérieur·e",
}


def guest_email(workspace: DemoWorkspace, guest: Guest) -> str:
    return f"{guest.login}.{workspace.structure}@example.org"


def demo_logins() -> list[tuple[str, str]]:
    """The people invited on a demo project, for `fabrique demo` to print."""
    return [
        (
            guest_email(workspace, guest),
            f"{ROLE_LOGIN[guest.role]}{' observateur' if guest.observer else ''} sur le projet "
            f"« {workspace.project} » {de(workspace.structure_name)}",
        )
        for workspace in WORKSPACES
        for guest in workspace.guests
    ]


def _member(report: LoadReport, project: Project, user: User, guest: Guest, *, partner_id, by: User) -> None:
    values = {"role": guest.role, "observer": guest.observer, "partner_id": partner_id}
    if ProjectMember.objects.filter(project=project, user=user).exists():
        upsert(report, ProjectMember, {"project_id": project.pk, "user_id": user.pk}, values)
        return
    member = ProjectMember(project=project, user=user, added_by=by, **values)
    member._history_user = by
    member._change_reason = CHANGE_REASON
    member.full_clean(validate_unique=False, validate_constraints=False)
    member.save()
    report.note(member, created=True)


def _people(report: LoadReport, workspace: DemoWorkspace, project: Project, admin: User) -> dict[str, User]:
    password = DemoPassword()
    registry_partner = ProjectPartner.objects.filter(project=project).order_by("partner__name", "pk").first()
    people = {}
    for guest in workspace.guests:
        values = {"first_name": guest.first_name, "last_name": guest.last_name, "is_active": True}
        user = demo_user(report, password, guest_email(workspace, guest), values)
        partner_id = registry_partner.partner_id if guest.role == ProjectRole.PARTNER and registry_partner else None
        _member(report, project, user, guest, partner_id=partner_id, by=admin)
        people[guest.role] = user
    return people


def _post(report: LoadReport, project: Project, author: User, body: str, **options) -> None:
    if Message.objects.filter(project=project, author=author, body=body).exists():
        return
    report.note(post_message(project, by=author, body=body, **options), created=True)


def _conversation(report: LoadReport, project: Project, admin: User, people: dict[str, User]) -> None:
    carrier, partner = people[ProjectRole.CARRIER], people[ProjectRole.PARTNER]
    _post(
        report,
        project,
        carrier,
        "Bonjour à toutes et à tous ! Je reprends le projet avec plaisir : je partage le budget prévisionnel et "
        "le calendrier d’ici quinze jours. (Message fictif, pour la démonstration.)",
    )
    _post(
        report,
        project,
        partner,
        "Notre comité d’engagement se réunit le mois prochain : envoyez-nous le dossier une semaine avant. "
        "(Message fictif.)",
    )
    _post(
        report,
        project,
        admin,
        "Point d’équipe : le loyer du local reste à négocier avant le comité de pilotage. (Note interne fictive.)",
        internal=True,
    )
    _post(
        report,
        project,
        admin,
        f"@{carrier.email} pouvez-vous ajouter au budget les premiers devis d’équipement ? Merci ! (Message fictif.)",
        mentions=[carrier.pk],
    )


def _steps(report: LoadReport, project: Project, admin: User, people: dict[str, User]) -> None:
    today = timezone.localdate()
    carrier = people[ProjectRole.CARRIER]
    known = set(NextStep.objects.filter(project=project).values_list("title", flat=True))
    budget = f"Envoyer le budget prévisionnel {FICTITIOUS}"
    if budget not in known:
        data = {"title": budget, "owner": carrier, "due_on": today + timedelta(days=14)}
        report.note(create_step(project, by=admin, data=data), created=True)
    committee = f"Réunir le comité de pilotage {FICTITIOUS}"
    if committee not in known:
        data = {"title": committee, "owner": admin, "due_on": today + timedelta(days=7)}
        step = create_step(project, by=admin, data=data)
        set_step_status(step, NextStepStatus.DONE, by=admin, expected_version=step.version)
        report.note(step, created=True)
    late = f"Relancer la banque pour le prêt d’honneur {FICTITIOUS}"
    if late not in known:
        # The service refuses a past due date (rightly): a step already late is written as if made weeks ago.
        step = NextStep(project=project, title=late, owner=admin, created_by=admin, due_on=today - timedelta(days=10))
        step.stage = project.stage
        step._history_user = admin
        step._change_reason = CHANGE_REASON
        step.full_clean()
        step.save()
        report.note(step, created=True)


def _document(report: LoadReport, project: Project, by: User, title: str, kind: str, visibility: str) -> None:
    if ProjectDocument.objects.filter(project=project, title=title).exists():
        return
    lines = [f"Projet « {project.title} ».", "Document fictif, pour la démonstration."]
    upload = ContentFile(demo_files.pdf(title, lines), name="document-de-demonstration.pdf")
    report.note(
        upload_document(project, by, title=title, kind=kind, visibility=visibility, upload=upload), created=True
    )


def _documents(report: LoadReport, project: Project, admin: User, people: dict[str, User]) -> None:
    plan = f"Business plan, version de travail {FICTITIOUS}"
    _document(
        report, project, people[ProjectRole.CARRIER], plan, DocumentKind.BUSINESS_PLAN, DocumentVisibility.PROJECT
    )
    minutes = f"Compte rendu de l’équipe avant le comité {FICTITIOUS}"
    _document(report, project, admin, minutes, DocumentKind.MINUTES, DocumentVisibility.TEAM)


def load_workspace_demo(report: LoadReport | None = None) -> LoadReport:
    """Load the workspaces' demo data; assumes the method's demo is loaded. Idempotent."""
    report = report if report is not None else LoadReport()
    for workspace in WORKSPACES:
        project = Project.objects.filter(structure__slug=workspace.structure, title=workspace.project).first()
        admin = User.objects.filter(email=member_email(workspace.structure)).first()
        if project is None or admin is None:
            raise LookupError(
                f"Le projet « {workspace.project} » ou le compte {member_email(workspace.structure)} manque : "
                "chargez d'abord la démonstration de la méthode."
            )
        people = _people(report, workspace, project, admin)
        with in_app_only():
            _conversation(report, project, admin, people)
            _steps(report, project, admin, people)
            _documents(report, project, admin, people)
    return report
