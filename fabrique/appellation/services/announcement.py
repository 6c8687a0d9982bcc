"""The news draft written when a session grants the appellation, in the spirit of the network's own
announcements (« 9 nouvelles structures rejoignent la Fabrique à initiatives »).

It is kept as an AnnouncementDraft, which the coordinator edits, then publishes once as a community NewsPost."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from fabrique.community.interface import create_news
from fabrique.core.exceptions import DomainError
from fabrique.core.versioning import save_with_version

from ..models import AnnouncementDraft
from ..perms import can_edit_announcement


def announcement_title(count: int) -> str:
    network = settings.NETWORK_NAME
    if count == 1:
        return f"Une nouvelle structure rejoint la {network}"
    return f"{count} nouvelles structures rejoignent la {network}"


def territory_of(structure) -> str:
    """« Pays Lédonien (Jura) », « Doubs, Jura, Haute-Saône et Territoire de Belfort »."""
    names = [d.name for d in sorted(structure.departements.all(), key=lambda d: d.code)]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1] if names else ""
    if structure.area_label and listed:
        return f"{structure.area_label} ({listed})"
    return structure.area_label or listed


def _paragraph(structure) -> str:
    territory = territory_of(structure)
    where = f" sur le territoire : {territory}" if territory else ""
    city = f", basée à {structure.city}," if structure.city else ""
    return (
        f"**{structure.name}**{city} obtient l'appellation « {settings.NETWORK_NAME} » et fait vivre la "
        f"Fabrique{where}."
    )


def compose(session, structures) -> tuple[str, str]:
    structures = sorted(structures, key=lambda s: s.name)
    count = len(structures)
    day = formats.date_format(session.held_on, "j F Y")
    network = settings.NETWORK_NAME
    if count == 1:
        intro = (
            f"Réuni le {day}, le comité de pairs — composé des structures ayant déjà l'appellation — a validé la "
            f"demande d'une structure en expérimentation. Elle rejoint le réseau {network}, s'engage à faire vivre "
            "la Fabrique sur son territoire et à prendre part à la dynamique du réseau."
        )
    else:
        intro = (
            f"Réuni le {day}, le comité de pairs — composé des structures ayant déjà l'appellation — a validé les "
            f"demandes de {count} structures en expérimentation. Elles rejoignent le réseau {network}, s'engagent "
            "à faire vivre la Fabrique sur leur territoire et à prendre part à la dynamique du réseau."
        )
    heading = (
        "## Présentation de la nouvelle structure"
        if count == 1
        else (f"## Présentation des {count} nouvelles structures")
    )
    body = "\n\n".join([intro, heading, *(_paragraph(s) for s in structures)])
    return announcement_title(count), body


def draft_announcement(session, structures, *, by) -> AnnouncementDraft:
    """Written once per session at closing; the coordinator edits it afterwards."""
    structures = list(structures)
    title, body = compose(session, structures)
    draft, created = AnnouncementDraft.objects.get_or_create(
        session=session, defaults={"title": title, "body": body, "updated_by": by}
    )
    return draft


def update_announcement(draft, *, by, title: str, body: str, expected_version: int | None) -> AnnouncementDraft:
    if not can_edit_announcement(by):
        raise PermissionDenied(_("Seule la coordination modifie le projet d'annonce."))
    if draft.news_post_id is not None:
        raise DomainError(ALREADY_PUBLISHED)
    errors = {}
    if not title.strip():
        errors["title"] = "Le titre est obligatoire."
    if not body.strip():
        errors["body"] = "Le texte est obligatoire."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        draft.title, draft.body, draft.updated_by = title.strip(), body.strip(), by
        save_with_version(draft, expected_version, ["title", "body", "updated_by"], by=by)
    return draft


ALREADY_PUBLISHED = "Ce projet d'annonce est déjà publié comme actualité : modifiez l'actualité elle-même."


def publish_announcement(draft, *, by, data: dict, expected_version: int | None):
    """Publish the draft as a news post (through the community service, with the text as finally edited in
    `data`), once: the draft records which post it became, and a second publication is refused."""
    if not can_edit_announcement(by):
        raise PermissionDenied(_("Seule la coordination publie le projet d'annonce."))
    with transaction.atomic():
        locked = AnnouncementDraft.objects.select_for_update().get(pk=draft.pk)
        if locked.news_post_id is not None:
            raise DomainError(ALREADY_PUBLISHED)
        post = create_news(by, data)
        locked.news_post = post
        save_with_version(locked, expected_version, ["news_post"], by=by)
    draft.news_post, draft.version = post, locked.version
    return post
