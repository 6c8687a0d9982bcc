from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("administrateur·rice")
    STAFF = "staff", _("chargé·e de mission")
