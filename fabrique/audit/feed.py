"""The activity feed (« Fil d'activité ») of a project and of a structure: who did what and when, one French
sentence per entry, read from the logs the platform already keeps (the history tables and the transition logs,
through the journal's kinds), never from a copy.

What each reader sees (docs/apps/audit.md, « Ce que chacun voit ») :
- a project's feed, to whoever views its workspace. The team and the coordination (`see_internal`) read every
  source in full, with the details (fields changed, note of a stage move). The project's people (carrier,
  partners, experts) read only the sources declared `shared`, and of those only the rows `shared` lets through
  (a message or a document kept to the team stays out), without details;
- a structure's feed, to its team and the coordination: every project of the structure, and the structure's own
  records (its sheet, status, partnerships, team, needs, creativity sessions, appellation request).

A model that belongs to a project joins the feed with one line in PROJECT_SOURCES. A history table with a `project`
that no line declares is read anyway, for the team only, with the generic sentence.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from django.apps import apps
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fabrique.core.history import history_models
from fabrique.workspace.enums import DocumentVisibility
from fabrique.workspace.models import ProjectDocument

from . import journal, sentences
from .kinds import TRANSITION, Entry, RecordKind

EVERY_ROW = Q()
SHARED_DOCUMENTS = ProjectDocument.objects.filter(visibility=DocumentVisibility.PROJECT).values("pk")


@dataclass(frozen=True)
class Source:
    """One table the feed reads: a model with a history table (by its label), or a transition log of
    kinds.TRANSITIONS."""

    model: str
    say: Callable[[Entry, str], str]
    shared: Q | None = None  # the rows the project's people read (fields of the history or log row); None: none
    only: Q = EVERY_ROW  # the rows the feed reads at all
    related: tuple[str, ...] = ()  # what the sentence reads beyond the row and its author
    # A sheet whose field `logged` a transition log follows: the feed reads its edits only (a row that bumped the
    # version without changing that field), not the row of a transition (the log tells it) nor the rows of its
    # many-to-many links saved with the same version.
    logged: str = ""
    # A table without history whose rows record an event themselves: (its date field, its author field).
    recorded: tuple[str, str] | None = None


PROJECT_SOURCES = (
    Source("method.ProjectStageLog", sentences.stage_move, shared=EVERY_ROW),
    Source("workspace.ProjectMember", sentences.project_person, shared=EVERY_ROW, related=("user",)),
    Source("method.Project", sentences.project_sheet, only=Q(history_type="~"), logged="stage"),
    Source("workspace.NextStep", sentences.next_step, shared=EVERY_ROW),
    # An internal note of the conversation: the team and the coordination only, as on the « Conversation » tab.
    Source("workspace.Message", sentences.message, shared=Q(internal=False)),
    # A document the team keeps to itself stays out, and so do the earlier rows of one no longer open to everyone.
    Source(
        "workspace.ProjectDocument",
        sentences.document,
        shared=Q(visibility=DocumentVisibility.PROJECT, id__in=SHARED_DOCUMENTS),
    ),
    # Who was invited, by e-mail, as the « Personnes » tab shows the team only.
    Source("workspace.ProjectInvitation", sentences.project_invitation, recorded=("created_at", "invited_by")),
    Source("method.ProjectPartner", sentences.project_partner, related=("partner",)),
    Source("method.ProjectNote", sentences.generic(_("une note de suivi"))),
    Source("method.SteeringDecision", sentences.steering_decision),
    Source("method.EconomicModel", sentences.generic(_("le modèle économique"))),
    Source("method.Outcome", sentences.generic(_("le résultat (l'activité créée)"))),
)

STRUCTURE_SOURCES = (
    Source("network.Structure", sentences.structure_sheet, logged="status"),
    Source("network.StructureStatusLog", sentences.structure_status),
    Source("network.Partnership", sentences.partnership, related=("partner",)),
    Source("network.Membership", sentences.team_member, related=("user",)),
    Source("method.Need", sentences.generic(_("le besoin ou l'idée"))),
    Source("method.CreativitySession", sentences.generic(_("la séance de créativité"))),
    Source("appellation.RequestLog", sentences.request_state),
    Source("network.Invitation", sentences.team_invitation, recorded=("created_at", "invited_by")),
)


@dataclass
class Item:
    """One entry of a feed, as pages and the API show it."""

    date: datetime
    text: str
    action: str  # created, changed, deleted, moved
    kind: str
    kind_label: str
    author: object
    project_id: int | None = None
    project_title: str = ""
    details: list[str] = field(default_factory=list)


ACTIONS = {"+": "created", "~": "changed", "-": "deleted", TRANSITION: "moved"}


def _belongs_to_a_project(model) -> bool:
    project = next((f for f in model._meta.concrete_fields if f.name == "project"), None)
    return project is not None and project.related_model is apps.get_model("method", "Project")


@cache
def project_sources() -> tuple[Source, ...]:
    """PROJECT_SOURCES, then every other history table of a model with a `project` (the team's only)."""
    declared = {source.model for source in PROJECT_SOURCES}
    found = [
        history.instance_type
        for history in history_models()
        if history.instance_type._meta.label not in declared and _belongs_to_a_project(history.instance_type)
    ]
    return PROJECT_SOURCES + tuple(
        Source(model._meta.label, sentences.generic(sentences.element(model._meta.verbose_name))) for model in found
    )


@cache
def _sources() -> dict[str, Source]:
    return {source.model: source for source in project_sources() + STRUCTURE_SOURCES}


@cache
def _kinds() -> dict:
    """The kind that reads each source: the journal's (a history table, a transition log), or a RecordKind."""
    every = journal.kinds()
    return {
        label: RecordKind(label, *source.recorded) if source.recorded else every[label]
        for label, source in _sources().items()
    }


def _condition(source: Source, scope: Q) -> Q:
    """`scope` and the rows `source` reads."""
    condition = scope & source.only
    if source.logged:
        history = _kinds()[source.model].history
        before = history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))

        def previous(name):
            return Subquery(before.order_by("-history_id").values(name)[:1])

        edit = Q(**{source.logged: previous(source.logged)}) & ~Q(version=previous("version"))
        condition &= Q(history_type="+") | edit
    return condition


def _project_path(source: Source) -> str:
    return "id" if source.model == "method.Project" else "project"


def _structure_path(source: Source) -> str:
    if source.model == "network.Structure":
        return "id"
    if source.model == "appellation.RequestLog":
        return "request__structure"
    if source in STRUCTURE_SOURCES or source.model == "method.Project":
        return "structure"
    return "project__structure"


def _union(parts: list):
    union = parts[0].union(*parts[1:], all=True)
    return union.order_by("-history_date", "-history_id")


def project_rows(project, *, internal: bool):
    """The feed of one project, newest first: {journal_kind, history_id, history_date} rows of one UNION.
    `internal`: the reader sees what is kept to the team (`workspace_abilities(…)["see_internal"]`)."""
    every, parts = _kinds(), []
    for source in project_sources():
        if not internal and source.shared is None:
            continue
        condition = _condition(source, Q(**{_project_path(source): project.pk}))
        if not internal:
            condition &= source.shared
        parts.append(every[source.model].select(condition))
    return _union(parts)


def structure_rows(structure):
    """The feed of one structure, newest first: its projects' and its own (for its team and the coordination)."""
    every = _kinds()
    return _union(
        [
            every[source.model].select(_condition(source, Q(**{_structure_path(source): structure.pk})))
            for source in project_sources() + STRUCTURE_SOURCES
        ]
    )


def _related(source: Source) -> tuple[str, ...]:
    model = apps.get_model(source.model)
    own = ("project",) if source.model != "method.ProjectStageLog" and _belongs_to_a_project(model) else ()
    return tuple(dict.fromkeys(source.related + own))


def _project_of(entry: Entry) -> tuple[int | None, str]:
    record = entry.record
    if entry.kind.key == "method.Project":
        return record.id, record.title
    project = getattr(record, "project", None) if hasattr(record, "project_id") else None
    return (project.pk, project.title) if project is not None else (None, "")


def _details(entry: Entry) -> list[str]:
    """What only the team reads: the fields changed, the note of a stage or status change."""
    if entry.action == TRANSITION:
        return [gettext("Note : %s") % entry.reason] if entry.reason else []
    return [gettext("Champs modifiés : %s") % ", ".join(entry.changes)] if entry.changes else []


def _item(entry: Entry, *, internal: bool) -> Item:
    source = _sources()[entry.kind.key]
    project_id, project_title = _project_of(entry)
    return Item(
        date=entry.date,
        text=source.say(entry, sentences.name_of(entry.author)),
        action=ACTIONS[entry.action],
        kind=entry.kind.key,
        kind_label=entry.kind.label,
        author=entry.author,
        project_id=project_id,
        project_title=project_title,
        details=_details(entry) if internal else [],
    )


def items(page_rows, *, internal: bool) -> list[Item]:
    """The items of one page of `project_rows()` or `structure_rows()`, in the same order: one or two queries per
    kind of row on the page, whatever their number."""
    every, sources = _kinds(), _sources()
    ids_by_kind: dict[str, list[int]] = defaultdict(list)
    for row in page_rows:
        ids_by_kind[row["journal_kind"]].append(row["history_id"])
    found = {key: every[key].load(ids, _related(sources[key])) for key, ids in ids_by_kind.items()}
    return [
        _item(found[row["journal_kind"]][row["history_id"]], internal=internal)
        for row in page_rows
        if row["history_id"] in found[row["journal_kind"]]
    ]
