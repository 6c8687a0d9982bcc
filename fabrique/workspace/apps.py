from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "fabrique.workspace"
    verbose_name = _("Espace projet")

    def ready(self):
        # Local import: the board's extras read the models, loaded once the registry is ready.
        from fabrique.method.board_extras import register_board_link, register_card_extra

        from .board import steps_link, steps_on_cards

        register_card_extra(steps_on_cards)
        register_board_link(steps_link)
