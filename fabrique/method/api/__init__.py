"""The method's API: needs, creativity sessions, activities similar to them, projects (stages, partners, decisions).

Each module adds its operations to the one router of `common`; importing them here registers them, in this order."""

from . import needs, sessions, similar, projects  # noqa: F401, I001 (registration order is the OpenAPI order)
from .common import router

__all__ = ["router"]
