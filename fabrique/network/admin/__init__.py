"""The network in the Django admin, for the coordination only: the registry (`registry.py`, its status actions in
`actions.py`), the members and the invitations (`members.py`)."""

from . import members, registry  # noqa: F401 - each module registers its models
