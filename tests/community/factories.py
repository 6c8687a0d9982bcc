import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from fabrique.community.enums import EventKind, GroupRole
from fabrique.community.models import Event, GroupMembership, NewsPost, WorkingGroup
from fabrique.search.visibility import Visibility


def in_days(days: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Échange de pratiques {n}")
    slug = factory.Sequence(lambda n: f"echange-{n}")
    kind = EventKind.PRACTICE_EXCHANGE
    summary = "Un temps entre pairs."
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    place = "Dijon, Maison de l'ESS"
    visibility = Visibility.NETWORK

    class Params:
        past = factory.Trait(starts_at=factory.LazyFunction(lambda: in_days(-10)))


class WorkingGroupFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Groupe {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    theme = "mobility"
    visibility = Visibility.NETWORK


class GroupMembershipFactory(DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(WorkingGroupFactory)
    role = GroupRole.MEMBER


class NewsPostFactory(DjangoModelFactory):
    class Meta:
        model = NewsPost

    title = factory.Sequence(lambda n: f"Actualité {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    summary = "Le chapô."
    body = "Le texte de l'actualité."
    visibility = Visibility.PUBLIC
    published_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))


def network_life_rows(structure, user) -> None:
    """One row of each network life model, for tests that open every admin page of the community app."""
    from fabrique.community.enums import RegistrationStatus
    from fabrique.community.models import EventSpeaker, Registration

    group = WorkingGroupFactory()
    GroupMembershipFactory(group=group, user=user)
    event = EventFactory(organiser=structure, working_group=group)
    EventSpeaker.objects.create(event=event, name="Intervenante")
    Registration.objects.create(event=event, user=user, structure=structure, status=RegistrationStatus.CONFIRMED)
    NewsPostFactory()
