from django.db import models
from django.utils.translation import gettext_lazy as _


class StructureStatus(models.TextChoices):
    CANDIDATE = "candidate", _("candidate")
    EXPERIMENTING = "experimenting", _("en expérimentation")
    LABELLED = "labelled", _("avec appellation")
    WITHDRAWN = "withdrawn", _("retirée")


class PartnerKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", _("collectivité territoriale")
    STATE = "state", _("État et service public")
    FUNDER = "funder", _("financeur")
    ESS_NETWORK = "ess_network", _("réseau de l'ESS")
    COMPANY = "company", _("entreprise")
    ASSOCIATION = "association", _("association")
    OTHER = "other", _("autre")


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("administrateur·rice")
    STAFF = "staff", _("chargé·e de mission")
