"""Next steps of a project (« prochaines étapes »): create, edit, change status.

Rules: whoever may write in the workspace creates one (the team, the carrier, partners and experts, not an
observer, not the coordination); its team or its owner edits it and changes its status. Its owner is a person of
the project (its structure's team or invited on it). A due date in the past is refused when the step is created
or its date moved. The owner is notified (NEXT_STEP_ASSIGNED) when given a step by someone else. Each change is
one transaction, validated first, and refused if the version read is stale.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.versioning import save_with_version
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.services import notify

from ..enums import NextStepStatus
from ..models import NextStep
from ..perms import step_abilities, workspace_abilities
from ..selectors import possible_owners

STEP_FIELDS = ["title", "owner", "due_on", "stage"]


def _author(by):
    return by if getattr(by, "is_authenticated", False) else None


def _assign(step: NextStep, data: dict) -> list[str]:
    unknown = set(data) - set(STEP_FIELDS)
    if unknown:
        raise ValueError(f"Champs non modifiables : {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(step, name, value)
    return list(data)


def _check(step: NextStep, *, date_moved: bool) -> None:
    """The whole step is valid, its owner is on the project, its due date not past when set: else nothing saved."""
    errors = {}
    try:
        step.full_clean()
    except ValidationError as exc:
        errors = exc.message_dict
    if step.owner_id and not possible_owners(step.project).filter(pk=step.owner_id).exists():
        errors.setdefault("owner", []).append(_("Choisissez une personne du projet : de l'équipe ou invitée."))
    if date_moved and step.due_on and step.due_on < timezone.localdate():
        errors.setdefault("due_on", []).append(_("L'échéance ne peut pas être dans le passé."))
    if errors:
        raise ValidationError(errors)


def _tell_owner(step: NextStep, by) -> None:
    """The owner hears of a step given to them by someone else (not of one they took themselves)."""
    if step.owner is None or step.owner_id == getattr(by, "pk", None):
        return
    giver = by.get_full_name() or by.email if _author(by) else _("Quelqu'un")
    due = step.due_on.strftime("%d/%m/%Y")
    notify(
        [step.owner],
        kind=NotificationKind.NEXT_STEP_ASSIGNED,
        subject=_("Prochaine étape confiée : %(title)s") % {"title": step.title},
        body=_("%(giver)s vous confie « %(title)s » sur le projet « %(project)s », pour le %(due)s.")
        % {"giver": giver, "title": step.title, "project": step.project.title, "due": due},
        url=reverse("workspace:steps", args=[step.project_id]),
        key=f"next-step-assigned:{step.pk}:{step.owner_id}:{step.version}",
    )


def create_step(project, *, by, data: dict) -> NextStep:
    """Add a next step to the project; its stage is the project's current one unless given."""
    if not workspace_abilities(by, project)["write"]:
        raise PermissionDenied(_("Votre place sur ce projet ne permet pas d'y ajouter une prochaine étape."))
    step = NextStep(project=project, created_by=_author(by), status=NextStepStatus.TODO)
    _assign(step, data)
    step.stage = step.stage or project.stage
    _check(step, date_moved=True)
    with transaction.atomic():
        if _author(by) is not None:
            step._history_user = by
        step.save()
        _tell_owner(step, by)
    return step


def update_step(step: NextStep, *, by, data: dict, expected_version: int | None) -> NextStep:
    """Edit a step's title, owner, due date or stage (its team or its owner)."""
    if not step_abilities(by, step)["change"]:
        raise PermissionDenied(_("Seuls l'équipe et la personne responsable modifient cette prochaine étape."))
    before_owner, before_due = step.owner_id, step.due_on
    fields = _assign(step, data)
    _check(step, date_moved=step.due_on != before_due)
    with transaction.atomic():
        save_with_version(step, expected_version, fields, by=_author(by))
        if step.owner_id != before_owner:
            _tell_owner(step, by)
    return step


def set_step_status(step: NextStep, status: str, *, by, expected_version: int | None) -> NextStep:
    """Move a step to `status` (its team or its owner); `done_at` is set when it is done, cleared otherwise."""
    if not step_abilities(by, step)["change"]:
        raise PermissionDenied(_("Seuls l'équipe et la personne responsable changent le statut de cette étape."))
    if status not in NextStepStatus.values:
        raise ValidationError({"status": _("Choisissez un des statuts proposés.")})
    if status == NextStepStatus.DONE and step.status != NextStepStatus.DONE:
        step.done_at = timezone.now()
    elif status != NextStepStatus.DONE:
        step.done_at = None
    step.status = status
    with transaction.atomic():
        save_with_version(step, expected_version, ["status", "done_at"], by=_author(by))
    return step
