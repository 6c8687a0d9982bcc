from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "fabrique.notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Local import: models and receivers load once the apps are ready; network sits below and cannot notify.
        from fabrique.network.models import Invitation

        from .receivers import invitation_saved

        post_save.connect(invitation_saved, sender=Invitation, dispatch_uid="notifications.invitation_saved")
