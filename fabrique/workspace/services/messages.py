"""A project's conversation: post, edit and delete a message, its mentions and its attachment, and who is told.

Each verb checks the place of its author (`perms.workspace_abilities`), validates everything before writing (a
French ValidationError naming the field, nothing saved: no message without its attachment), writes in one
transaction with its history author, and refuses a stale version with a VersionConflict.

Mentions: a person of the project (the team or the project's people) is mentioned when chosen in the form's list
(`mentions`, ids) or named in the body as `@` followed by their e-mail address (`@camille@example.org`). A person
who may not read the message (an internal note) cannot be chosen, and an address of theirs in the body is no
mention. Whoever may read the message, its author aside, is told: MENTION when mentioned, else PROJECT_MESSAGE
(each by their preferences). The coordination reads every conversation but is told nothing.
"""

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from fabrique.core import uploads
from fabrique.core.versioning import save_with_version
from fabrique.library.uploads import clean_name
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.services import notify

from ..models import Message, MessageAttachment, MessageMention
from ..perms import message_abilities, workspace_abilities
from ..selectors import people_of

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# "@" then an e-mail address, not inside a word or an address (« a@b.fr » alone is no mention).
MENTION = re.compile(r"(?<![\w.@+-])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
EXCERPT_CHARS = 280


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _figure(number: int) -> str:
    """« 10\u202f000 »: thousands apart by a narrow no-break space, as French typography writes them."""
    return f"{number:,}".replace(",", "\u202f")


def check_body(body: str) -> str:
    """The body without its surrounding blanks; refused when empty or longer than Message.MAX_LENGTH."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Écrivez votre message.")}, code="required")
    if len(body) > Message.MAX_LENGTH:
        raise ValidationError(
            {
                "body": _(
                    "Le message compte %(count)s\u00a0caractères\u00a0: la limite est de %(limit)s\u00a0caractères."
                )
                % {"count": _figure(len(body)), "limit": _figure(Message.MAX_LENGTH)}
            },
            code="max_length",
        )
    return body


def people_on(project) -> tuple[dict, dict]:
    """({user id: user} of the team, {user id: user} of the project's people), in two queries."""
    people = people_of(project)
    team = {row.user_id: row.user for row in people["team"] if row.user.is_active}
    guests = {row.user_id: row.user for row in people["people"] if row.user.is_active}
    return team, guests


def readers_of(project, internal: bool) -> dict:
    """{user id: user} of the project's people who may read a message (the team only for an internal note)."""
    team, guests = people_on(project)
    return team if internal else {**guests, **team}


def _mentioned(body: str, chosen: Iterable[int], project, internal: bool) -> tuple[dict, list]:
    """(readers, the mentioned readers): those chosen (each must be a person of the project who may read the
    message) and those whose address follows an « @ » in the body."""
    team, guests = people_on(project)
    readers = team if internal else {**guests, **team}
    chosen = list(dict.fromkeys(int(pk) for pk in chosen))
    strangers = [pk for pk in chosen if pk not in team and pk not in guests]
    if strangers:
        raise ValidationError({"mentions": _("On ne mentionne que les personnes du projet.")}, code="stranger")
    hidden = [guests[pk] for pk in chosen if pk not in readers]
    if hidden:
        names = ", ".join(user.get_full_name() or user.email for user in hidden)
        raise ValidationError(
            {
                "mentions": _(
                    "Une note interne n'est lue que par l'équipe de la structure\u00a0: %(names)s ne la lirait pas."
                )
                % {"names": names}
            },
            code="hidden",
        )
    by_email = {user.email.lower(): user for user in readers.values()}
    named = [by_email[email.lower()] for email in MENTION.findall(body) if email.lower() in by_email]
    mentioned = {pk: readers[pk] for pk in chosen} | {user.pk: user for user in named}
    return readers, list(mentioned.values())


def check_attachment(upload) -> tuple[str, uploads.FileFormat]:
    """(the stored name, the detected format); the shared upload checks' French message when refused."""
    stem = clean_name(uploads.upload_name(upload))
    found = uploads.check_file(upload, max_bytes=MAX_ATTACHMENT_BYTES)
    return f"{stem}.{found.extension}", found


def post_message(
    project, *, by, body: str, internal: bool = False, mentions: Iterable[int] = (), upload=None
) -> Message:
    """Post a message to all the project's people (`write`) or an internal note to the team (`write_internal`)."""
    abilities = workspace_abilities(by, project)
    if internal:
        _require(abilities["write_internal"], _("Seule l'équipe de la structure écrit des notes internes."))
    else:
        _require(abilities["write"], _("Votre place sur ce projet ne permet pas d'y écrire."))
    errors = {}
    try:
        body = check_body(body)
    except ValidationError as exc:
        errors |= exc.error_dict
    try:
        readers, mentioned = _mentioned(body, mentions, project, internal)
    except ValidationError as exc:
        errors |= exc.error_dict
    try:
        checked = check_attachment(upload) if upload is not None else None
    except ValidationError as exc:
        errors["attachment"] = exc.error_list
    if errors:
        raise ValidationError(errors)
    stored = []
    try:
        with transaction.atomic():
            message = Message(project=project, author=by, body=body, internal=internal)
            message._history_user = by
            message.save()
            MessageMention.objects.bulk_create([MessageMention(message=message, user=user) for user in mentioned])
            if checked is not None:
                stored.append(_attach(message, upload, *checked, by=by))
            _tell(message, readers, mentioned, by=by)
    except BaseException:
        for attachment in stored:  # the row was rolled back: its file goes too
            attachment.file.storage.delete(attachment.file.name)
        raise
    return message


def _attach(message: Message, upload, name: str, found: uploads.FileFormat, *, by) -> MessageAttachment:
    attachment = MessageAttachment(message=message, filename=name, content_type=found.content_type, size=upload.size)
    attachment._history_user = by
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment


def _tell(message: Message, readers: dict, mentioned: list, *, by) -> None:
    project = message.project
    url = reverse("workspace:conversation", args=[project.pk]) + f"#message-{message.pk}"
    author = by.get_full_name() or by.email
    excerpt = Truncator(message.body).chars(EXCERPT_CHARS)
    named = {user.pk for user in mentioned} - {by.pk}
    values = {"author": author, "title": project.title}
    notify(
        [user for pk, user in readers.items() if pk in named],
        kind=NotificationKind.MENTION,
        subject=_("%(author)s vous mentionne sur le projet «\u00a0%(title)s\u00a0»") % values,
        body=excerpt,
        url=url,
        key=f"message:{message.pk}",
    )
    subject = (
        _("Note interne sur le projet «\u00a0%(title)s\u00a0»")
        if message.internal
        else _("Nouveau message sur le projet «\u00a0%(title)s\u00a0»")
    )
    notify(
        [user for pk, user in readers.items() if pk not in named and pk != by.pk],
        kind=NotificationKind.PROJECT_MESSAGE,
        subject=subject % values,
        body=_("%(author)s\u00a0: %(excerpt)s") % {"author": author, "excerpt": excerpt},
        url=url,
        key=f"message:{message.pk}",
    )


def edit_message(message: Message, *, by, body: str, expected_version: int | None) -> Message:
    """Its author alone edits a message not deleted; the history keeps each earlier body."""
    abilities = message_abilities(by, message, workspace_abilities(by, message.project))
    _require(abilities["change"], _("Seule la personne qui a écrit ce message le modifie."))
    message.body = check_body(body)
    message.edited_at = timezone.now()
    with transaction.atomic():
        save_with_version(message, expected_version, ["body", "edited_at"], by=by)
    return message


def delete_message(message: Message, *, by, expected_version: int | None = None) -> Message:
    """Its author alone deletes a message: it stays in the conversation as « Message supprimé », its body and
    attachments gone from the pages (kept in the history)."""
    abilities = message_abilities(by, message, workspace_abilities(by, message.project))
    _require(abilities["delete"], _("Seule la personne qui a écrit ce message le supprime."))
    message.body = ""
    message.deleted_at = timezone.now()
    with transaction.atomic():
        save_with_version(message, expected_version, ["body", "deleted_at"], by=by)
    return message
