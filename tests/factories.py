"""factory_boy factories with traits for the registry."""

import datetime

import factory
from factory.django import DjangoModelFactory

from fabrique.accounts.models import User
from fabrique.community.models import Testimonial
from fabrique.network.enums import MembershipRole, PartnerKind, StructureStatus
from fabrique.network.models import Collective, Membership, Partner, Partnership, Structure
from fabrique.territories.models import Departement

PASSWORD = "mot-de-passe-de-test-42"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        coordinator = factory.Trait(is_coordinator=True, is_staff=True)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class StructureFactory(DjangoModelFactory):
    class Meta:
        model = Structure
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")
    city = "Dijon"
    status = StructureStatus.EXPERIMENTING
    joined_on = datetime.date(2023, 1, 15)
    experimenting_since = datetime.date(2023, 1, 15)

    class Params:
        candidate = factory.Trait(status=StructureStatus.CANDIDATE, joined_on=None, experimenting_since=None)
        experimenting = factory.Trait(status=StructureStatus.EXPERIMENTING)
        labelled = factory.Trait(status=StructureStatus.LABELLED, labelled_on=datetime.date(2025, 6, 1))
        withdrawn = factory.Trait(status=StructureStatus.WITHDRAWN, withdrawn_on=datetime.date(2025, 6, 1))

    @factory.post_generation
    def departements(obj, create, extracted, **kwargs):
        if not create:
            return
        codes = extracted if extracted is not None else ["21"]
        obj.departements.set(Departement.objects.filter(code__in=codes))


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    role = MembershipRole.ADMIN


class CollectiveFactory(DjangoModelFactory):
    class Meta:
        model = Collective

    name = factory.Sequence(lambda n: f"Collectif {n}")
    slug = factory.Sequence(lambda n: f"collectif-{n}")


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partenaire {n}")
    kind = PartnerKind.LOCAL_AUTHORITY


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    structure = factory.SubFactory(StructureFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = "Financeur de l'étude d'opportunité"
    since = datetime.date(2023, 3, 1)


class TestimonialFactory(DjangoModelFactory):
    class Meta:
        model = Testimonial

    quote = "Une citation."
    person = "Une personne"
    structure = factory.SubFactory(StructureFactory)
