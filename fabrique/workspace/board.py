"""What the workspace adds to the method's board (registered from apps.py through method/board_extras.py): each
card shows its project's next open step and whether it is late; a link leads to the structure's open steps."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.reversing import reverse_one

from .models import NextStep
from .perms import can_follow_steps_of
from .selectors import first_open_steps


@dataclass(frozen=True)
class StepOnCard:
    step: NextStep
    late: bool
    url: str
    template: str = "workspace/_board_step.html"


def steps_on_cards(user, projects) -> dict[int, StepOnCard]:
    """Project id → its next open step, for all the board's cards in one query."""
    today = timezone.localdate()
    return {
        pk: StepOnCard(step, step.due_on < today, reverse_one("workspace:steps", pk))
        for pk, step in first_open_steps(project.pk for project in projects).items()
    }


def steps_link(user, structure) -> tuple[str, str] | None:
    if not can_follow_steps_of(user, structure):
        return None
    return _("Prochaines étapes de la structure"), reverse("workspace:structure_steps", args=[structure.slug])
