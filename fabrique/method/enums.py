"""The fixed lists of the method: sources, statuses, stages, roles, decisions, legal forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NeedSource(models.TextChoices):
    ELECTED = "elected", _("élu·e")
    ASSOCIATION = "association", _("association")
    INHABITANT = "inhabitant", _("habitant·e")
    COMPANY = "company", _("entreprise")
    INSTITUTION = "institution", _("institution")
    TERRITORIAL_DIAGNOSIS = "territorial_diagnosis", _("diagnostic territorial")
    CREATIVITY_SESSION = "creativity_session", _("séance de créativité")


class NeedStatus(models.TextChoices):
    NEW = "new", _("nouveau")
    QUALIFIED = "qualified", _("qualifié")
    MERGED = "merged", _("fusionné")
    DISMISSED = "dismissed", _("écarté")


class Stage(models.TextChoices):
    DETECTION = "detection", _("détection")
    OPPORTUNITY = "opportunity", _("étude d'opportunité")
    TRANSMISSION = "transmission", _("transmission à un porteur")
    FEASIBILITY = "feasibility", _("étude de faisabilité")
    LAUNCH = "launch", _("accompagnement au lancement")
    CREATED = "created", _("activité créée")
    ABANDONED = "abandoned", _("abandonné")
    PAUSED = "paused", _("en pause")


# The method's path, in order; `abandoned` and `paused` stand beside it.
STAGE_ORDER: tuple[str, ...] = (
    Stage.DETECTION,
    Stage.OPPORTUNITY,
    Stage.TRANSMISSION,
    Stage.FEASIBILITY,
    Stage.LAUNCH,
    Stage.CREATED,
)
STOPPED_STAGES: tuple[str, ...] = (Stage.ABANDONED, Stage.PAUSED)


class CarrierKind(models.TextChoices):
    NEW_ENTREPRENEUR = "new_entrepreneur", _("nouvel·le entrepreneur·e")
    ESS_ORGANISATION = "ess_organisation", _("structure de l'ESS existante")
    INHABITANTS_COLLECTIVE = "inhabitants_collective", _("collectif d'habitant·es")


class PartnerRole(models.TextChoices):
    FUNDER = "funder", _("financeur")
    PRESCRIBER = "prescriber", _("prescripteur")
    EXPERT = "expert", _("expert")
    STEERING_COMMITTEE = "steering_committee", _("membre du comité de pilotage")


class DecisionSubject(models.TextChoices):
    LAUNCH_STUDY = "launch_study", _("lancer l'étude d'opportunité")
    HANDOVER = "handover", _("transmettre à un porteur")
    GO_NO_GO = "go_no_go", _("go / no-go")


# The subjects whose latest "go" opens the transmission to a carrier.
HANDOVER_SUBJECTS: tuple[str, ...] = (DecisionSubject.HANDOVER, DecisionSubject.GO_NO_GO)


class DecisionChoice(models.TextChoices):
    GO = "go", _("go")
    NO_GO = "no_go", _("no-go")
    POSTPONED = "postponed", _("ajourné")


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("association")
    SCIC = "scic", _("SCIC")
    SCOP = "scop", _("SCOP")
    ESUS_COMPANY = "esus_company", _("SAS ou SARL agréée ESUS")
    SOLE_TRADER = "sole_trader", _("entreprise individuelle")
    OTHER = "other", _("autre")
