"""Domain errors raised by services; views and the API turn them into French messages."""


class DomainError(Exception):
    """A refused operation; the message is shown to the user as is."""


class TransitionError(DomainError):
    pass


class VersionConflict(DomainError):
    """Someone else saved the object since it was read."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. "
            "Rechargez la page pour voir la dernière version, puis refaites votre modification."
        )
