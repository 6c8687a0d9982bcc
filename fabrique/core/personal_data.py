"""How an application declares its personal data: one list per app, read by docs/privacy.md's test, the
export of a person's data, their erasure and the retention purge (fabrique.privacy).

Each app lists, in `<app>/personal_data.py`, a `PERSONAL_FIELDS` list of `PersonalField` and a `NOT_PERSONAL`
dict of fields that look personal but are not (`"app.Model.field"` → why). A field declared here is listed in
docs/privacy.md; a model field that looks personal and is in neither list fails the consistency test.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# How a row belongs to a person (`PersonalField.owner`): the name of a foreign key (or many-to-many) to their
# account, "=<field>" when that field of the row holds their e-mail address, or one of these.
SELF = "@self"  # the row is the person's account itself
OBJECT = "@object"  # the row names the account through a generic reference (content type, object id)
NO_ACCOUNT = "@no_account"  # a person without an account (an inhabitant, a carrier, a speaker)
HISTORY = "@history"  # every history table of django-simple-history


class Basis(models.TextChoices):
    """The legal basis of the processing (RGPD, article 6.1)."""

    CONTRACT = "contract", _("exécution de l'adhésion au réseau (art. 6.1.b)")
    CONSENT = "consent", _("consentement de la personne (art. 6.1.a)")
    LEGITIMATE_INTEREST = "legitimate_interest", _("intérêt légitime du réseau (art. 6.1.f)")
    LEGAL_OBLIGATION = "legal_obligation", _("obligation légale (art. 6.1.c)")


class Erase(models.TextChoices):
    """What erasing a person does to the field."""

    BLANK = "blank", _("vidé (dans la ligne et dans ses copies de l'historique)")
    KEEP = "keep", _("ligne gardée, l'auteur apparaît comme « personne effacée »")
    DELETE = "delete", _("ligne supprimée")
    RETENTION = "retention", _("supprimé ou vidé à la fin de la durée de conservation (tâche périodique)")
    EDIT = "edit", _("sans compte : corrigé ou vidé par la structure, à la demande de la personne")


@dataclass(frozen=True)
class PersonalField:
    model: str  # "app_label.ModelName"
    field: str
    owner: str  # SELF, EMAIL, OBJECT, NO_ACCOUNT, HISTORY, or the foreign key to the person's account
    basis: str
    purpose: str
    retention: str
    erase: str
    context: tuple[str, ...] = ()  # fields exported with the row, to say what it is (a title, a date)

    @property
    def label(self) -> str:
        return f"{self.model}.{self.field}"

    @property
    def linked_to_account(self) -> bool:
        return self.owner not in {NO_ACCOUNT, HISTORY}
