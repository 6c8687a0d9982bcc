"""Words every app of the domain shares: the themes of needs, projects, resources and events.

Here, below the apps, so that method, library, community and search name a theme without importing each other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    FOOD = "food", _("alimentation")
    MOBILITY = "mobility", _("mobilité")
    AGEING = "ageing", _("vieillissement et autonomie")
    EARLY_CHILDHOOD = "early_childhood", _("petite enfance et famille")
    EMPLOYMENT = "employment", _("emploi et insertion")
    LOCAL_SERVICES = "local_services", _("services de proximité")
    CULTURE = "culture", _("culture et loisirs")
    ENVIRONMENT = "environment", _("environnement et réemploi")
    HOUSING = "housing", _("habitat")
    HEALTH = "health", _("santé")
    DIGITAL = "digital", _("numérique")
    OTHER = "other", _("autre")
