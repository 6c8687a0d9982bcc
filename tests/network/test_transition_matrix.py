"""Every status transition of a structure tried from every status: allowed exactly from its sources, refused
otherwise with its French message, and a refusal writes nothing (no status change, no log row)."""

import re

import pytest
from django.core.exceptions import PermissionDenied

from fabrique.core.exceptions import TransitionError
from fabrique.network import services
from fabrique.network.enums import StructureStatus as S
from fabrique.network.models import Structure, StructureStatusLog
from tests.factories import StructureFactory

STATUS_LABEL = {
    S.CANDIDATE: "candidate",
    S.EXPERIMENTING: "en expérimentation",
    S.LABELLED: "avec appellation",
    S.WITHDRAWN: "retirée",
}

# verb, arguments that satisfy every other rule, the statuses it starts from, its target, its refusal's start.
VERBS = {
    "admit": (
        services.admit,
        {},
        {S.CANDIDATE},
        S.EXPERIMENTING,
        "Impossible d'admettre la candidature et ouvrir l'expérimentation",
    ),
    "withdraw": (
        services.withdraw,
        {"reason": "Fin du projet"},
        {S.CANDIDATE, S.EXPERIMENTING, S.LABELLED},
        S.WITHDRAWN,
        "Impossible d'enregistrer le retrait",
    ),
    "readmit": (
        services.readmit,
        {"reason": "Retour"},
        {S.WITHDRAWN},
        S.EXPERIMENTING,
        "Impossible de réadmettre en expérimentation",
    ),
    "grant_committee": (
        services.grant_appellation,
        {"via": "committee"},
        {S.EXPERIMENTING},
        S.LABELLED,
        "Impossible d'accorder l'appellation",
    ),
    "grant_admin": (
        services.grant_appellation,
        {"via": "admin", "reason": "Décision hors comité"},
        {S.EXPERIMENTING},
        S.LABELLED,
        "Impossible d'accorder l'appellation",
    ),
}

CASES = [(name, status) for name in VERBS for status in S]


def _snapshot(structure):
    return Structure.objects.get(pk=structure.pk).status, StructureStatusLog.objects.filter(structure=structure).count()


@pytest.mark.parametrize(("verb_name", "status"), CASES, ids=[f"{v}-from-{s.value}" for v, s in CASES])
def test_each_transition_is_allowed_exactly_from_its_source_statuses(verb_name, status, coordinator):
    verb, kwargs, sources, target, refusal_start = VERBS[verb_name]
    structure = StructureFactory(status=status)
    logs_before = StructureStatusLog.objects.filter(structure=structure).count()
    if status in sources:
        verb(structure, by=coordinator, **kwargs)
        structure.refresh_from_db()
        assert structure.status == target
        log = StructureStatusLog.objects.filter(structure=structure).latest("pk")
        assert (log.from_status, log.to_status, log.changed_by) == (status, target, coordinator)
        assert log.via == kwargs.get("via", "service")
    else:
        message = f"{refusal_start} : la structure est « {STATUS_LABEL[status]} »."
        with pytest.raises(TransitionError, match=f"^{re.escape(message)}$"):
            verb(structure, by=coordinator, **kwargs)
        assert _snapshot(structure) == (status, logs_before)


@pytest.mark.parametrize("reason", ["", "   "])
def test_readmission_without_a_reason_is_refused_and_writes_nothing(reason, coordinator):
    structure = StructureFactory(withdrawn=True)
    with pytest.raises(TransitionError, match=r"^Indiquez le motif de la réadmission\.$"):
        services.readmit(structure, by=coordinator, reason=reason)
    assert _snapshot(structure) == (S.WITHDRAWN, 0)


@pytest.mark.parametrize("reason", ["", "   "])
def test_withdrawal_without_a_reason_is_refused_and_writes_nothing(reason, coordinator):
    structure = StructureFactory(experimenting=True)
    with pytest.raises(TransitionError, match=r"^Indiquez le motif du retrait\.$"):
        services.withdraw(structure, by=coordinator, reason=reason)
    assert _snapshot(structure) == (S.EXPERIMENTING, 0)


@pytest.mark.parametrize("via", ["service", "import", "demo", "api", "", "Committee", "admin "])
def test_the_appellation_is_granted_only_by_the_committee_or_the_admin(via, coordinator):
    structure = StructureFactory(experimenting=True)
    with pytest.raises(TransitionError, match=r"^L'appellation est accordée par le comité de pairs\.$"):
        services.grant_appellation(structure, by=coordinator, via=via, reason="Motif donné")
    assert _snapshot(structure) == (S.EXPERIMENTING, 0)


def test_the_admin_way_to_the_appellation_requires_a_reason(coordinator):
    structure = StructureFactory(experimenting=True)
    with pytest.raises(TransitionError, match=r"^Sans décision du comité de pairs, un motif est obligatoire\.$"):
        services.grant_appellation(structure, by=coordinator, via="admin", reason=" ")
    assert _snapshot(structure) == (S.EXPERIMENTING, 0)


def test_the_admin_way_to_the_appellation_is_refused_to_a_member(structure, member):
    with pytest.raises(PermissionDenied, match=r"^Seule la coordination du réseau change le statut d'une structure\.$"):
        services.grant_appellation(structure, by=member, via="admin", reason="Motif")
    assert _snapshot(structure) == (S.EXPERIMENTING, 0)
