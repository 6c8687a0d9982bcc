"""The « Conversation » tab: a project's messages, newest first, and the forms to post, edit and delete them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from fabrique.core.exceptions import DomainError
from fabrique.core.forms import attach_errors

from ..forms import MessageEditForm, MessageForm
from ..models import Message, MessageAttachment
from ..perms import message_abilities, readable_messages
from ..selectors import conversation_of, people_of
from ..services import messages as services
from .common import private_file, workspace_for

PER_PAGE = 20


def _mentionable(people: dict, user) -> list[tuple[int, str]]:
    """(id, « Prénom Nom, rôle ») of the project's people, the writer aside."""
    rows = [(m.user, _("équipe de la structure")) for m in people["team"]]
    rows += [(m.user, m.get_role_display()) for m in people["people"]]
    return [
        (person.pk, f"{person.get_full_name() or person.email}, {role}")
        for person, role in rows
        if person.pk != user.pk and person.is_active
    ]


def _anchor(message: Message) -> str:
    return reverse("workspace:conversation", args=[message.project_id]) + f"#message-{message.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def conversation(request, pk: int):
    project, place, abilities = workspace_for(request.user, pk, "write" if request.method == "POST" else "view")
    people = people_of(project)
    form = None
    if abilities["write"]:
        form = MessageForm(
            request.POST or None,
            request.FILES or None,
            people=_mentionable(people, request.user),
            internal_allowed=abilities["write_internal"],
        )
    if request.method == "POST" and form.is_valid():
        try:
            message = services.post_message(
                project,
                by=request.user,
                body=form.cleaned_data["body"],
                internal=form.internal,
                mentions=form.cleaned_data.get("mentions", []),
                upload=form.cleaned_data["attachment"],
            )
        except (ValidationError, DomainError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Note interne enregistrée.") if message.internal else _("Message envoyé."))
            return redirect(_anchor(message))
    page = Paginator(readable_messages(conversation_of(project), abilities), PER_PAGE).get_page(request.GET.get("page"))
    for message in page.object_list:
        message.abilities = message_abilities(request.user, message, abilities)
    context = {"project": project, "place": place, "abilities": abilities, "form": form, "page": page}
    return render(request, "workspace/conversation.html", {**context, "tab": "conversation"})


def _message_for(request, pk: int, message_pk: int, ability: str):
    """The project, the place's abilities and the message if the caller reads it (else 404); `ability` must be
    allowed on it, else 403."""
    project, place, abilities = workspace_for(request.user, pk)
    message = get_object_or_404(Message.objects.select_related("author"), pk=message_pk, project=project)
    allowed = message_abilities(request.user, message, abilities)
    if not allowed["view"]:
        raise Http404(_("Message introuvable."))
    if not allowed[ability]:
        raise PermissionDenied(_("Seule la personne qui a écrit ce message le modifie ou le supprime."))
    return project, place, abilities, message


@login_required
@require_http_methods(["GET", "POST"])
def message_edit(request, pk: int, message_pk: int):
    project, place, abilities, message = _message_for(request, pk, message_pk, "change")
    form = MessageEditForm(request.POST or None, initial={"body": message.body, "version": message.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_message(
                message, by=request.user, body=form.cleaned_data["body"], expected_version=form.cleaned_data["version"]
            )
        except (ValidationError, DomainError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Message modifié."))
            return redirect(_anchor(message))
    context = {"project": project, "place": place, "abilities": abilities, "form": form, "message": message}
    return render(request, "workspace/message_edit.html", {**context, "tab": "conversation"})


@login_required
@require_POST
def message_delete(request, pk: int, message_pk: int):
    _project, _place, _abilities, message = _message_for(request, pk, message_pk, "delete")
    version = request.POST.get("version", "")
    try:
        services.delete_message(message, by=request.user, expected_version=int(version) if version.isdigit() else None)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Message supprimé."))
    return redirect(_anchor(message))


@login_required
@require_safe
def message_attachment(request, pk: int, attachment_pk: int):
    """The file, to whoever may read its message (an internal note's to the team and the coordination); 404
    otherwise, and once the message is deleted."""
    project, _place, abilities = workspace_for(request.user, pk)
    attachment = get_object_or_404(
        MessageAttachment.objects.select_related("message"), pk=attachment_pk, message__project=project
    )
    if not message_abilities(request.user, attachment.message, abilities)["view"] or attachment.message.is_deleted:
        raise Http404(_("Pièce jointe introuvable."))
    return private_file(attachment.file, filename=attachment.filename, content_type=attachment.content_type)
