"""Community in the Django admin: network life (`network_life.py`) and testimonials (`testimonials.py`)."""

from . import network_life, testimonials  # noqa: F401 - each module registers its models
