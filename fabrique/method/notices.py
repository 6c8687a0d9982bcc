"""What the method tells the people of a structure (fabrique.notifications): a project moved to another stage,
a steering committee's decision recorded. The person who did it is not told."""

from django.utils.translation import gettext as _

from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.recipients import members_of
from fabrique.notifications.services import notify

from .enums import Stage


def _others(project, by) -> list:
    return [user for user in members_of([project.structure_id]) if user.pk != getattr(by, "pk", None)]


def project_moved(project, previous: str, to: str, by) -> None:
    """Call inside the transaction of the move: the e-mails leave after its commit."""
    labels = {"from": Stage(previous).label if previous else "—", "to": Stage(to).label, "title": project.title}
    notify(
        _others(project, by),
        kind=NotificationKind.PROJECT_MOVED,
        subject=_("Projet « %(title)s » : %(to)s") % labels,
        body=_("Le projet « %(title)s » est passé de l'étape « %(from)s » à l'étape « %(to)s ».") % labels,
        url=project.get_absolute_url(),
    )


def decision_recorded(decision, by) -> None:
    project = decision.project
    words = {
        "title": project.title,
        "subject": decision.get_subject_display(),
        "choice": decision.get_choice_display(),
        "day": decision.decided_on.strftime("%d/%m/%Y"),
    }
    notify(
        _others(project, by),
        kind=NotificationKind.PROJECT_DECISION,
        subject=_("Projet « %(title)s » : décision du comité de pilotage") % words,
        body=_(
            "Le comité de pilotage du %(day)s a décidé « %(choice)s » sur « %(subject)s » pour le projet « %(title)s »."
        )
        % words,
        url=project.get_absolute_url(),
    )
