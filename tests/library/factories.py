import factory
from factory.django import DjangoModelFactory

from fabrique.library.enums import ResourceKind
from fabrique.library.models import Resource
from fabrique.search.visibility import Visibility
from tests.factories import StructureFactory


class ResourceFactory(DjangoModelFactory):
    class Meta:
        model = Resource

    title = factory.Sequence(lambda n: f"Ressource {n}")
    slug = factory.Sequence(lambda n: f"ressource-{n}")
    kind = ResourceKind.METHOD_SHEET
    summary = "Une fiche pour les chargé·es de mission."
    body = "Le contenu de la fiche."
    themes = factory.LazyFunction(lambda: ["food"])
    author_structure = factory.SubFactory(StructureFactory)
    visibility = Visibility.NETWORK
