"""The request log: each row names its transition and its way (verbs: service, the closing: committee); the
bulk path writes the same rows and refuses a chain the table refuses, writing nothing; the migration names the
rows written before."""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.utils import timezone

from fabrique.appellation import services
from fabrique.appellation.enums import RequestStatus as R
from fabrique.appellation.models import AppellationRequest, RequestLog
from fabrique.core.exceptions import TransitionError

from .conftest import NARRATIVES, open_session_with


def _log(request):
    return list(
        RequestLog.objects.filter(request=request)
        .order_by("changed_at", "pk")
        .values_list("from_status", "to_status", "transition", "via", "session")
    )


def test_each_verb_writes_its_row_with_its_transition_and_way(session, submitted, voters, coordinator):
    services.cast_vote(submitted, by=voters[0], choice="for")
    services.close_session(session, by=coordinator)  # no quorum: deferred
    following = open_session_with(coordinator, [submitted])
    for user in voters:
        services.cast_vote(submitted, by=user, choice="against")
    services.close_session(following, by=coordinator)
    assert _log(submitted) == [
        ("", R.DRAFT, "create", "service", None),
        (R.DRAFT, R.SUBMITTED, "submit", "service", None),
        (R.SUBMITTED, R.SUBMITTED, "schedule", "service", session.pk),
        (R.SUBMITTED, R.DEFERRED, "defer", "committee", session.pk),
        (R.DEFERRED, R.DEFERRED, "reschedule", "service", following.pk),
        (R.DEFERRED, R.REFUSED, "refuse", "committee", following.pk),
    ]


def test_a_withdrawal_is_logged_with_its_reason_and_author(draft, member):
    services.withdraw_request(draft, by=member, reason="Trop tôt")
    entry = RequestLog.objects.filter(request=draft).latest("pk")
    assert (entry.transition, entry.note, entry.changed_by, entry.via) == ("withdraw", "Trop tôt", member, "service")


def _at(day: int):
    return timezone.make_aware(datetime.datetime(2024, 3, day, 12))


def _request(applicant, member, status):
    return AppellationRequest.objects.create(structure=applicant, created_by=member, status=status, **NARRATIVES)


def test_the_bulk_path_writes_the_rows_of_a_request_s_past_named_and_dated(applicant, member, coordinator):
    request = _request(applicant, member, R.GRANTED)
    rows = [
        {"from_status": "", "to_status": R.DRAFT, "changed_at": _at(1), "changed_by": member, "via": "demo"},
        {"from_status": R.DRAFT, "to_status": R.SUBMITTED, "changed_at": _at(2), "changed_by": member, "via": "demo"},
        {"from_status": R.SUBMITTED, "to_status": R.DEFERRED, "changed_at": _at(3), "via": "demo"},
        {"from_status": R.DEFERRED, "to_status": R.DEFERRED, "changed_at": _at(4), "via": "demo"},
        {
            "from_status": R.DEFERRED,
            "to_status": R.DEFERRED,
            "changed_at": _at(5),
            "via": "demo",
            "transition": "defer",
        },
        {"from_status": R.DEFERRED, "to_status": R.GRANTED, "changed_at": _at(6), "changed_by": coordinator},
    ]
    services.request_history(request, rows, start="")
    written = RequestLog.objects.filter(request=request).order_by("changed_at")
    assert [(r.transition, r.via, r.changed_at.day) for r in written] == [
        ("create", "demo", 1),
        ("submit", "demo", 2),
        ("defer", "demo", 3),
        ("reschedule", "demo", 4),
        ("defer", "demo", 5),
        ("grant", "service", 6),
    ]


@pytest.mark.parametrize(
    ("status", "chain", "start", "message"),
    [
        (
            R.GRANTED,
            [("", R.DRAFT), (R.DRAFT, R.GRANTED)],
            "",
            "Changement impossible de « brouillon » à « appellation accordée ».",
        ),
        (
            R.SUBMITTED,
            [(R.DRAFT, R.SUBMITTED)],
            "",
            "Le journal ne se suit pas : l'état précédent était « aucune ».",
        ),
        (
            R.SUBMITTED,
            [("", R.DRAFT), (R.SUBMITTED, R.SUBMITTED)],
            None,
            "Le journal ne se suit pas : l'état précédent était « brouillon ».",
        ),
        (
            R.SUBMITTED,
            [("", R.DRAFT)],
            "",
            "Le journal finit à « brouillon » mais la demande est « déposée ».",
        ),
        (
            R.WITHDRAWN,
            [(R.GRANTED, R.WITHDRAWN)],
            None,
            "Changement impossible de « appellation accordée » à « retirée ».",
        ),
    ],
)
def test_the_bulk_path_refuses_a_chain_the_table_refuses_and_writes_nothing(
    applicant, member, status, chain, start, message
):
    request = _request(applicant, member, status)
    rows = [{"from_status": f, "to_status": t, "via": "demo"} for f, t in chain]
    with pytest.raises(TransitionError, match=f"^{re.escape(message)}$"):
        services.request_history(request, rows, start=start)
    assert not RequestLog.objects.filter(request=request).exists()


def test_the_bulk_path_refuses_a_transition_named_for_another_change(applicant, member):
    request = _request(applicant, member, R.DEFERRED)
    rows = [{"from_status": R.DEFERRED, "to_status": R.DEFERRED, "transition": "grant"}]
    deferred = "« reportée à la prochaine séance »"
    message = f"La transition « grant » ne mène pas de {deferred} à {deferred}."
    with pytest.raises(TransitionError, match=f"^{re.escape(message)}$"):
        services.request_history(request, rows)
    assert not RequestLog.objects.filter(request=request).exists()


def test_the_migration_names_the_rows_written_before_from_their_statuses_and_note(applicant, member):
    migration = importlib.import_module("fabrique.appellation.migrations.0004_request_log_transitions")
    request = _request(applicant, member, R.GRANTED)
    pairs = [
        ("", R.DRAFT, ""),
        (R.DRAFT, R.SUBMITTED, ""),
        (R.SUBMITTED, R.SUBMITTED, "Inscrite à l'ordre du jour du comité du 1er mars"),
        (R.SUBMITTED, R.DEFERRED, "Séance : 1 favorable(s)"),
        (R.DEFERRED, R.DEFERRED, "Inscrite à l'ordre du jour du comité du 1er avril"),
        (R.DEFERRED, R.DEFERRED, "Séance : 0 favorable(s)"),
        (R.DEFERRED, R.GRANTED, "Séance : 3 favorable(s)"),
        (R.GRANTED, R.WITHDRAWN, "impossible"),
    ]
    RequestLog.objects.bulk_create(
        RequestLog(request=request, from_status=f, to_status=t, note=note) for f, t, note in pairs
    )
    migration.name_transitions(apps, None)
    assert list(RequestLog.objects.order_by("pk").values_list("transition", "via")) == [
        ("create", "service"),
        ("submit", "service"),
        ("schedule", "service"),
        ("defer", "committee"),
        ("reschedule", "service"),
        ("defer", "committee"),
        ("grant", "committee"),
        ("", "service"),
    ]


def test_the_request_page_tells_a_second_deferral_from_a_second_inscription(
    session, submitted, voters, coordinator, client_for
):
    services.close_session(session, by=coordinator)  # no vote: deferred
    following = open_session_with(coordinator, [submitted])
    services.close_session(following, by=coordinator)  # deferred again
    page = client_for(coordinator).get(submitted.get_absolute_url()).content.decode()
    journal = page[page.index('id="journal"') :]
    assert journal.count("inscrite à l&#x27;ordre du jour") + journal.count("inscrite à l'ordre du jour") == 2
    assert journal.count("reportée à la prochaine séance → reportée à la prochaine séance") == 1
