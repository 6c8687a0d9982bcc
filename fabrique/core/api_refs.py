"""Shapes of the API naming an object of another app: here, below the apps, so that any of them can answer with
one (search names the structure of a result without importing the network)."""

from .pagination import Out


class StructureRef(Out):
    """A structure named in another object (a vote, a resource, a membership…): one shape for every app."""

    slug: str
    name: str
