"""The registry's API: structures, collectives and the map (reads), structure writes, partners and partnerships.

Each module adds its operations to the one router; importing them here registers them, reads first."""

from . import reads, write, partners  # noqa: F401, I001 (registration order is the OpenAPI order)
from .router import router

__all__ = ["router"]
