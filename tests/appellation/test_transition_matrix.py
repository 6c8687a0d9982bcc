"""Every transition of a request tried from every status: allowed exactly from the statuses the procedure
allows, refused otherwise with its exact French message, and a refusal writes nothing (status, log)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fabrique.appellation import services
from fabrique.appellation.enums import RequestStatus as R
from fabrique.appellation.exceptions import RequestLocked
from fabrique.appellation.models import AppellationRequest, CommitteeSession, RequestLog
from fabrique.appellation.transitions import REQUEST_TABLE
from fabrique.core.exceptions import TransitionError

from .conftest import NARRATIVES

LABEL = {
    R.DRAFT: "brouillon",
    R.SUBMITTED: "déposée",
    R.DEFERRED: "reportée à la prochaine séance",
    R.GRANTED: "appellation accordée",
    R.REFUSED: "refusée",
    R.WITHDRAWN: "retirée",
}
# Written out here, not read from the table: the procedure as the glossary states it.
ALLOWED = {
    "create": set(),  # only from no request at all
    "submit": {R.DRAFT},
    "withdraw": {R.DRAFT, R.SUBMITTED, R.DEFERRED},
    "schedule": {R.SUBMITTED},
    "reschedule": {R.DEFERRED},
    "grant": {R.SUBMITTED, R.DEFERRED},
    "refuse": {R.SUBMITTED, R.DEFERRED},
    "defer": {R.SUBMITTED, R.DEFERRED},
}
REFUSAL = {
    "create": "La demande est « %s » : elle existe déjà.",
    "submit": "La demande est « %s » : elle ne peut plus être déposée.",
    "withdraw": "La demande est « %s » : elle ne peut plus être retirée.",
    "schedule": "La demande est « %s » : elle ne peut pas être inscrite à l'ordre du jour.",
    "reschedule": "La demande est « %s » : elle ne peut pas être inscrite à l'ordre du jour.",
    "grant": "La demande est « %s » : le comité ne peut pas en décider.",
    "refuse": "La demande est « %s » : le comité ne peut pas en décider.",
    "defer": "La demande est « %s » : le comité ne peut pas en décider.",
}
ALREADY_SUBMITTED = "La demande a déjà été déposée."
PAIRS = [(name, status) for name in ALLOWED for status in R]


def _expected_refusal(name: str, status: str) -> str:
    if name == "submit" and status != R.WITHDRAWN:
        return ALREADY_SUBMITTED
    return REFUSAL[name] % LABEL[status]


def test_the_table_has_exactly_the_transitions_of_the_procedure():
    assert [t.name for t in REQUEST_TABLE] == list(ALLOWED)
    assert REQUEST_TABLE.allowed("create", "")


@pytest.mark.parametrize(("name", "status"), PAIRS, ids=[f"{n}-from-{s.value}" for n, s in PAIRS])
def test_each_transition_is_allowed_exactly_from_its_statuses_or_refused_in_french(name, status):
    assert REQUEST_TABLE.allowed(name, status) == (status in ALLOWED[name])
    if status not in ALLOWED[name]:
        error = RequestLocked if name == "submit" else TransitionError
        with pytest.raises(error, match=f"^{re.escape(_expected_refusal(name, status))}$"):
            REQUEST_TABLE.check(name, status)


def _request_in(applicant, member, status) -> AppellationRequest:
    request = AppellationRequest.objects.create(structure=applicant, created_by=member, status=status, **NARRATIVES)
    return request


def _snapshot(request):
    return AppellationRequest.objects.get(pk=request.pk).status, RequestLog.objects.filter(request=request).count()


def _open(coordinator, request):
    return services.open_session(
        by=coordinator,
        held_on=timezone.localdate(),
        deadline=timezone.now() + datetime.timedelta(days=10),
        requests=[request],
    )


VERBS = {
    "submit": lambda request, member, coordinator: services.submit_request(request, by=member),
    "withdraw": lambda request, member, coordinator: services.withdraw_request(request, by=member, reason="Motif"),
    "schedule": lambda request, member, coordinator: _open(coordinator, request),
}
TARGET = {"submit": R.SUBMITTED, "withdraw": R.WITHDRAWN}
# open_session puts a submitted request on the agenda, and a deferred one again.
VERB_ALLOWED = {"submit": ALLOWED["submit"], "withdraw": ALLOWED["withdraw"], "schedule": {R.SUBMITTED, R.DEFERRED}}
VERB_PAIRS = [(name, status) for name in VERBS for status in R]


@pytest.mark.parametrize(("verb", "status"), VERB_PAIRS, ids=[f"{v}-from-{s.value}" for v, s in VERB_PAIRS])
def test_each_verb_moves_from_its_statuses_and_refuses_the_others_writing_nothing(
    verb, status, applicant, member, coordinator, voters
):
    request = _request_in(applicant, member, status)
    if status in VERB_ALLOWED[verb]:
        VERBS[verb](request, member, coordinator)
        entry = RequestLog.objects.get(request=request)
        expected_name = "reschedule" if verb == "schedule" and status == R.DEFERRED else verb
        assert (entry.from_status, entry.to_status, entry.transition, entry.via) == (
            status,
            TARGET.get(verb, status),
            expected_name,
            "service",
        )
        assert _snapshot(request) == (TARGET.get(verb, status), 1)
        return
    if verb == "schedule":
        with pytest.raises(ValidationError, match="Ces demandes ne peuvent pas être inscrites") as refusal:
            VERBS[verb](request, member, coordinator)
        assert refusal.value.message_dict["requests"] == [
            "Ces demandes ne peuvent pas être inscrites à l'ordre du jour.",
            f"TAg Test — {_expected_refusal('schedule', status)}",
        ]
        assert not CommitteeSession.objects.exists()
    else:
        with pytest.raises(TransitionError, match=f"^{re.escape(_expected_refusal(verb, status))}$"):
            VERBS[verb](request, member, coordinator)
    assert _snapshot(request) == (status, 0)


def test_a_request_on_an_open_agenda_cannot_be_put_on_a_second_one(session, submitted, coordinator):
    with pytest.raises(ValidationError, match="Ces demandes ne peuvent pas être inscrites") as refusal:
        _open(coordinator, submitted)
    assert refusal.value.message_dict["requests"][1:] == [
        "TAg Test — La demande est déjà à l'ordre du jour d'une séance ouverte."
    ]
    assert CommitteeSession.objects.count() == 1


def test_the_guards_come_after_the_status_the_right_before_the_request_s_conditions(applicant, member, staff_member):
    """A staff member (no right) is refused for the right, not for the empty criteria it should not read."""
    from django.core.exceptions import PermissionDenied

    request = services.create_request(applicant, by=member, data={})
    with pytest.raises(PermissionDenied, match="^Seule une personne administratrice de la structure dépose"):
        services.submit_request(request, by=staff_member)
    with pytest.raises(ValidationError, match="Ce critère doit être argumenté avant le dépôt"):
        services.submit_request(request, by=member)
    assert _snapshot(request) == (R.DRAFT, 1)
