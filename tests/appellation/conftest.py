"""Personas of the procedure: the coordinator, a member of the applicant, a member of a labelled voter
structure, a member of another structure, and an anonymous visitor."""

import datetime

import pytest
from django.utils import timezone

from fabrique.appellation import services
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Partnership
from tests.factories import MembershipFactory, PartnerFactory, StructureFactory

APPELLATION_ROLES = ["coordinator", "applicant", "voter", "other_member", "anonymous"]

NARRATIVES = {
    "usefulness": "Trois années d'expérimentation réussies sur notre territoire.",
    "partnerships": "Collectivités, financeurs et associations à nos côtés depuis 2023.",
    "know_how": "La détection et les études d'opportunité sont devenues notre métier.",
}


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def voter_structures(db):
    return [
        StructureFactory(name=f"Fabrique labellisée {letter}", slug=f"labellisee-{letter}", labelled=True)
        for letter in "abc"
    ]


@pytest.fixture
def voters(voter_structures):
    """One admin member per labelled structure, in the same order."""
    return [
        MembershipFactory(structure=s, user__email=f"admin-{s.slug}@example.org", role=MembershipRole.ADMIN).user
        for s in voter_structures
    ]


@pytest.fixture
def voter(voters):
    return voters[0]


@pytest.fixture
def applicant(structure):
    """The `structure` fixture (experimenting) is the applicant; `member` is its admin."""
    Partnership.objects.create(structure=structure, partner=PartnerFactory(), since=datetime.date(2023, 3, 1))
    return structure


@pytest.fixture
def draft(applicant, member):
    return services.create_request(applicant, by=member, data=NARRATIVES)


@pytest.fixture
def submitted(draft, member):
    return services.submit_request(draft, by=member)


def open_session_with(coordinator, requests, **kwargs):
    return services.open_session(
        by=coordinator,
        held_on=kwargs.get("held_on", timezone.localdate()),
        deadline=kwargs.get("deadline", timezone.now() + datetime.timedelta(days=10)),
        requests=requests,
    )


@pytest.fixture
def session(submitted, coordinator, voters):
    return open_session_with(coordinator, [submitted])


@pytest.fixture
def appellation_persona(request, coordinator, member, voter, other_member):
    users = {
        "coordinator": coordinator,
        "applicant": member,
        "voter": voter,
        "other_member": other_member,
        "anonymous": None,
    }
    return request.param, users[request.param]
