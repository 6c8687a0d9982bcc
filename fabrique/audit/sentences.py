"""One French sentence per entry of the activity feed (« Camille Martin a passé le projet à l'étape Étude
d'opportunité »). A sentence reads the entry of kinds.py (its action, subject and row) and the name of who did it.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fabrique.workspace.enums import DocumentVisibility

from .kinds import Entry

VERBS = {
    "+": _("%(who)s a ajouté %(what)s"),
    "~": _("%(who)s a modifié %(what)s"),
    "-": _("%(who)s a supprimé %(what)s"),
}


def capitalised(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


def name_of(user) -> str:
    """Who did it: the person's name (« personne effacée » once erased), or the import or script that did."""
    return str(user) if user is not None else gettext("Un import ou un script")


def person_of(user) -> str:
    """The person a row is about (gone from the platform: their row was deleted)."""
    return str(user) if user is not None else gettext("une personne qui n'est plus sur la plateforme")


def quoted(subject: str) -> str:
    return f"« {subject} »" if subject else ""


def element(verbose_name):
    """What the generic sentence names for a model no line of the feed's sources declares."""
    return lazy(lambda: gettext("un élément « %s »") % verbose_name, str)()


def generic(noun):
    """« X a ajouté | modifié | supprimé <noun> « <subject> » »: for any model of a project or a structure."""

    def say(entry: Entry, who: str) -> str:
        what = " ".join(part for part in (str(noun), quoted(entry.subject)) if part)
        return VERBS[entry.action] % {"who": who, "what": what}

    return say


def by_action(created, changed, deleted):
    """Three sentences of their own, with `%(who)s` and the fields `fields(entry)` gives."""

    def wrap(fields=lambda entry: {}):
        def say(entry: Entry, who: str) -> str:
            sentence = {"+": created, "~": changed, "-": deleted}[entry.action]
            return sentence % {"who": who, **fields(entry)}

        return say

    return wrap


# --- the project ------------------------------------------------------------------------------------------


def project_sheet(entry: Entry, who: str) -> str:
    return gettext("%(who)s a modifié la fiche du projet") % {"who": who}


STAGE_SENTENCES = {
    "open": _("%(who)s a ouvert le projet"),
    "pause": _("%(who)s a mis le projet en pause"),
    "abandon": _("%(who)s a abandonné le projet"),
    "resume": _("%(who)s a repris le projet à l'étape %(stage)s"),
    "reopen": _("%(who)s a rouvert le projet à l'étape %(stage)s"),
}


def stage_move(entry: Entry, who: str) -> str:
    row = entry.record
    transition = row.transition or ""
    sentence = STAGE_SENTENCES.get(transition)
    if sentence is None:
        back = transition.startswith("back_to_")
        sentence = _("%(who)s a ramené le projet à l'étape %(stage)s") if back else None
    sentence = sentence or _("%(who)s a passé le projet à l'étape %(stage)s")
    return sentence % {"who": who, "stage": capitalised(row.get_to_status_display())}


def project_person(entry: Entry, who: str) -> str:
    """Someone added to the project, their place changed, their leaving or removal."""
    row = entry.record
    person, role = person_of(row.user), row.get_role_display()
    himself = entry.author is not None and entry.author.pk == row.user_id
    if entry.action == "+":
        if himself:
            return gettext("%(person)s a rejoint le projet comme %(role)s") % {"person": person, "role": role}
        return gettext("%(who)s a ajouté %(person)s au projet comme %(role)s") % {
            "who": who,
            "person": person,
            "role": role,
        }
    if entry.action == "-":
        if himself:
            return gettext("%(person)s a quitté le projet") % {"person": person}
        return gettext("%(who)s a retiré %(person)s du projet") % {"who": who, "person": person}
    return gettext("%(who)s a changé la place de %(person)s sur le projet (%(role)s)") % {
        "who": who,
        "person": person,
        "role": role,
    }


project_partner = by_action(
    _("%(who)s a associé %(partner)s au projet (%(role)s)"),
    _("%(who)s a modifié le rôle de %(partner)s dans le projet (%(role)s)"),
    _("%(who)s a retiré %(partner)s des partenaires du projet (%(role)s)"),
)(lambda entry: {"partner": entry.record.partner, "role": entry.record.get_role_display()})

steering_decision = by_action(
    _("%(who)s a consigné une décision du comité de pilotage : %(subject)s, %(choice)s"),
    _("%(who)s a modifié une décision du comité de pilotage : %(subject)s, %(choice)s"),
    _("%(who)s a supprimé une décision du comité de pilotage : %(subject)s, %(choice)s"),
)(lambda entry: {"subject": entry.record.get_subject_display(), "choice": entry.record.get_choice_display()})


def next_step(entry: Entry, who: str) -> str:
    """A next step added, edited, deleted, or moved to another status (its page shows its status)."""
    row = entry.record
    status_label = str(row._meta.get_field("status").verbose_name)
    if entry.action == "~" and status_label in entry.changes:
        return gettext("%(who)s a passé la prochaine étape %(title)s au statut « %(status)s »") % {
            "who": who,
            "title": quoted(row.title),
            "status": row.get_status_display(),
        }
    return generic(_("la prochaine étape"))(entry, who)


MESSAGE_SENTENCES = {
    # (action, internal): the sentence; a message deleted by its author is kept, marked deleted (a change)
    ("+", False): _("%(who)s a écrit un message"),
    ("+", True): _("%(who)s a écrit une note interne"),
    ("~", False): _("%(who)s a modifié un message"),
    ("~", True): _("%(who)s a modifié une note interne"),
    ("-", False): _("%(who)s a supprimé un message"),
    ("-", True): _("%(who)s a supprimé une note interne"),
}


def message(entry: Entry, who: str) -> str:
    row = entry.record
    action = "-" if entry.action == "~" and getattr(row, "deleted_at", None) else entry.action
    return MESSAGE_SENTENCES[action, bool(row.internal)] % {"who": who}


DOCUMENT_SENTENCES = {
    "+": _("%(who)s a ajouté le document %(title)s"),
    "~": _("%(who)s a modifié le document %(title)s"),
    "-": _("%(who)s a supprimé le document %(title)s"),
    "version": _("%(who)s a déposé une nouvelle version du document %(title)s"),
    "opened": _("%(who)s a ouvert le document %(title)s à toutes les personnes du projet"),
    "closed": _("%(who)s a réservé le document %(title)s à l'équipe"),
}


def document(entry: Entry, who: str) -> str:
    """A document added, given a new version (its row saved with no field changed), opened to everyone on the
    project or kept to the team, or deleted (hidden: its row stays, marked deleted)."""
    row, action = entry.record, entry.action
    if action == "~":
        visibility = str(row._meta.get_field("visibility").verbose_name)
        if getattr(row, "deleted_at", None):
            action = "-"
        elif visibility in entry.changes:
            action = "opened" if row.visibility == DocumentVisibility.PROJECT else "closed"
        elif not entry.changes:
            action = "version"
    return DOCUMENT_SENTENCES[action] % {"who": who, "title": quoted(row.title)}


def project_invitation(entry: Entry, who: str) -> str:
    return gettext("%(who)s a invité %(email)s sur le projet comme %(role)s") % {
        "who": who,
        "email": entry.subject,
        "role": entry.record.get_role_display(),
    }


# --- the structure ----------------------------------------------------------------------------------------

structure_sheet = by_action(
    _("%(who)s a créé la fiche de la structure"),
    _("%(who)s a modifié la fiche de la structure"),
    _("%(who)s a supprimé la fiche de la structure"),
)()


def structure_status(entry: Entry, who: str) -> str:
    return gettext("%(who)s a fait passer la structure au statut « %(status)s »") % {
        "who": who,
        "status": entry.record.get_to_status_display(),
    }


def request_state(entry: Entry, who: str) -> str:
    return gettext("%(who)s a fait passer la demande d'appellation à l'état « %(status)s »") % {
        "who": who,
        "status": entry.record.get_to_status_display(),
    }


partnership = by_action(
    _("%(who)s a ajouté le partenariat avec %(partner)s"),
    _("%(who)s a modifié le partenariat avec %(partner)s"),
    _("%(who)s a supprimé le partenariat avec %(partner)s"),
)(lambda entry: {"partner": entry.record.partner})

team_member = by_action(
    _("%(who)s a ajouté %(person)s à l'équipe (%(role)s)"),
    _("%(who)s a changé le rôle de %(person)s dans l'équipe (%(role)s)"),
    _("%(who)s a retiré %(person)s de l'équipe"),
)(lambda entry: {"person": person_of(entry.record.user), "role": entry.record.get_role_display()})


def team_invitation(entry: Entry, who: str) -> str:
    return gettext("%(who)s a invité %(email)s à rejoindre l'équipe (%(role)s)") % {
        "who": who,
        "email": entry.subject,
        "role": entry.record.get_role_display(),
    }
