"""A project's conversation through the API, under /api/v1/projects/{project_id}/messages: the same rights and
rules as the « Conversation » tab (fabrique/workspace/services/messages.py). Internal notes are listed to the team
and the coordination only. Attachments are added on the page; the API lists them with their download address.

The answers' shapes are declared here, beside the only module that fills them."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Status

from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_types import Id, Input, Text, Version
from fabrique.core.pagination import Out, Page, PageParams, paginate

from ..models import Message
from ..perms import message_abilities, readable_messages
from ..selectors import conversation_of
from ..services import messages as services
from ..views.common import workspace_for

router = Router(tags=["Espace projet"], auth=IDENTIFIED)

CONFLICT = {409: {"description": "Refusé : la raison est donnée en français dans `detail`."}}


class MessagePersonOut(Out):
    id: int
    name: str


class MessageAttachmentOut(Out):
    id: int
    filename: str
    content_type: str
    size: int
    url: str = Field(description="Adresse de téléchargement, sur le site (droits vérifiés à chaque lecture).")


class MessageOut(Out):
    id: int
    project: int
    author: MessagePersonOut | None = Field(description="Null quand le compte a été effacé.")
    body: str = Field(description="Markdown ; vide quand le message est supprimé.")
    internal: bool = Field(description="Note interne : lue par l'équipe de la structure et la coordination seulement.")
    created_at: datetime
    edited_at: datetime | None
    deleted: bool
    mentions: list[MessagePersonOut]
    attachments: list[MessageAttachmentOut]
    version: int
    abilities: dict[str, bool]


class MessageIn(Input):
    body: Text = Field(description=f"Markdown, {Message.MAX_LENGTH} caractères au plus.")
    internal: bool = Field(False, description="Note interne (équipe de la structure seulement).")
    mentions: list[Id] = Field(default_factory=list, description="Identifiants des personnes du projet mentionnées.")


class MessagePatch(Input):
    body: Text
    version: Version = Field(description="La version lue : une version dépassée est refusée (409).")


class MessageDelete(Input):
    version: Version | None = Field(None, description="La version lue, si l'on veut la vérifier.")


def _person(user) -> dict | None:
    if user is None:
        return None
    return answer(MessagePersonOut, id=user.pk, name=user.get_full_name() or user.email)


def _item(request, message: Message, abilities: dict) -> dict:
    deleted = message.deleted_at is not None
    attachments = [] if deleted else list(message.attachments.all())
    return answer(
        MessageOut,
        message,
        project=message.project_id,
        author=_person(message.author),
        deleted=deleted,
        mentions=[_person(mention.user) for mention in message.mentions.all()],
        attachments=[
            answer(
                MessageAttachmentOut,
                attachment,
                id=attachment.pk,
                url=reverse("workspace:message_attachment", args=[message.project_id, attachment.pk]),
            )
            for attachment in attachments
        ],
        abilities=message_abilities(request.user, message, abilities),
        id=message.pk,
    )


def _message(request, project_id: int, message_id: int) -> tuple[Message, dict]:
    """The message if the caller reads it (else 404), with the caller's abilities on its project."""
    project, _place, abilities = workspace_for(request.user, project_id)
    message = get_object_or_404(conversation_of(project), pk=message_id)
    if not message_abilities(request.user, message, abilities)["view"]:
        raise Http404(_("Message introuvable."))
    return message, abilities


def _fresh(request, message: Message, abilities: dict) -> dict:
    return _item(request, conversation_of(message.project).get(pk=message.pk), abilities)


@router.get("/projects/{project_id}/messages", response=Page[MessageOut], summary="Lire la conversation d'un projet")
def list_messages(request, project_id: Id, params: Query[PageParams]):
    """Les messages du projet, du plus récent au plus ancien ; les notes internes seulement pour l'équipe de la
    structure et la coordination. 404 pour qui n'est pas sur le projet."""
    project, _place, abilities = workspace_for(request.user, project_id)
    envelope, rows = paginate(request, readable_messages(conversation_of(project), abilities), params)
    envelope["results"] = [_item(request, message, abilities) for message in rows]
    return envelope


@router.post("/projects/{project_id}/messages", response={201: MessageOut}, summary="Écrire dans la conversation")
def post_message(request, project_id: Id, payload: MessageIn):
    """Un message à toutes les personnes du projet, ou une note interne (`internal`, équipe seulement). Les
    observateurs et la coordination n'écrivent pas (403). Les personnes mentionnées reçoivent une notification de
    mention, les autres lecteurs une notification de message."""
    project, _place, abilities = workspace_for(request.user, project_id)
    if not abilities["write"]:
        raise PermissionDenied(_("Votre place sur ce projet ne permet pas d'y écrire."))
    message = services.post_message(
        project, by=request.user, body=payload.body, internal=payload.internal, mentions=payload.mentions
    )
    return Status(201, _fresh(request, message, abilities))


@router.patch(
    "/projects/{project_id}/messages/{message_id}",
    response=MessageOut,
    summary="Modifier son message",
    openapi_extra={"responses": CONFLICT},
)
def edit_message(request, project_id: Id, message_id: Id, payload: MessagePatch):
    """Seul l'auteur ou l'autrice modifie son message (403 sinon) ; une version dépassée est refusée (409)."""
    message, abilities = _message(request, project_id, message_id)
    services.edit_message(message, by=request.user, body=payload.body, expected_version=payload.version)
    return _fresh(request, message, abilities)


@router.delete(
    "/projects/{project_id}/messages/{message_id}",
    response={204: None},
    summary="Supprimer son message",
    openapi_extra={"responses": CONFLICT},
)
def delete_message(request, project_id: Id, message_id: Id, payload: MessageDelete | None = None):
    """Seul l'auteur ou l'autrice supprime son message (403 sinon) : il reste dans la conversation comme « Message
    supprimé », son texte et ses pièces jointes gardés dans l'historique seulement."""
    message, _abilities = _message(request, project_id, message_id)
    services.delete_message(message, by=request.user, expected_version=payload.version if payload else None)
    return Status(204, None)
