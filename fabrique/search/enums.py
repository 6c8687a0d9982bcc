from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    """What the search box finds, in the order its facet lists them."""

    STRUCTURE = "structure", _("structure")
    PROJECT = "project", _("projet")
    NEED = "need", _("besoin ou idée")
    RESOURCE = "resource", _("ressource")
    EVENT = "event", _("événement")
    NEWS = "news", _("actualité")


class FacetName(models.TextChoices):
    TYPE = "type", _("type")  # one row per document: all facets are counted in one grouped query
    THEME = "theme", _("thème")
    REGION = "region", _("région")
