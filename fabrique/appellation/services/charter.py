"""The network charter: its text (edited by the coordinator, versioned) and each structure's commitment."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.versioning import save_with_version

from ..models import Charter, CharterAcceptance
from ..perms import can_accept_charter, can_edit_charter


def default_charter() -> tuple[str, str]:
    network = settings.NETWORK_NAME
    text = "\n\n".join(
        [
            f"En obtenant l'appellation « {network} », notre structure s'engage à :",
            f"- faire vivre la {network} sur son territoire, pour répondre aux défis sociétaux par l'innovation "
            "sociale collective ;\n"
            "- détecter les besoins et les idées du territoire avec ses acteurs, et co-construire des réponses "
            "entrepreneuriales de l'économie sociale et solidaire ;\n"
            "- entretenir une diversité de partenaires durablement investis à ses côtés ;\n"
            "- s'impliquer durablement dans la dynamique du réseau : échanges de pratiques entre pairs, "
            "capitalisation des projets et des méthodes, création d'outils partagés ;\n"
            "- partager chaque année les indicateurs de son activité avec la tête de réseau ;\n"
            "- siéger au comité de pairs et examiner les demandes d'appellation des structures en expérimentation.",
        ]
    )
    return f"Charte de la {network}", text


def current_charter() -> Charter:
    charter = Charter.objects.order_by("pk").first()
    if charter is None:
        title, text = default_charter()
        charter = Charter.objects.create(title=title, text=text)
    return charter


def update_charter(charter: Charter, *, by, title: str, text: str, expected_version: int | None) -> Charter:
    """A new text: acceptances already given keep the text that was accepted."""
    if not can_edit_charter(by):
        raise PermissionDenied(_("Seule la coordination modifie la charte."))
    errors = {}
    if not title.strip():
        errors["title"] = "Le titre est obligatoire."
    if not text.strip():
        errors["text"] = "Le texte de la charte est obligatoire."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        charter.title, charter.text, charter.updated_by = title.strip(), text.strip(), by
        save_with_version(charter, expected_version, ["title", "text", "updated_by"], by=by)
    return charter


def accept_charter(structure, *, by, charter: Charter | None = None) -> CharterAcceptance:
    """An admin of a labelled structure commits it to the charter's current text."""
    if not can_accept_charter(by, structure):
        raise PermissionDenied(
            _("Seule une personne administratrice d'une structure avec appellation engage sa structure sur la charte.")
        )
    charter = charter or current_charter()
    try:
        with transaction.atomic():
            return CharterAcceptance.objects.create(
                structure=structure,
                charter_version=charter.version,
                title=charter.title,
                text=charter.text,
                accepted_by=by,
            )
    except IntegrityError:
        raise TransitionError(_("Votre structure a déjà accepté cette version de la charte.")) from None
