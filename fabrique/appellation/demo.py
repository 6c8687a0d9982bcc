"""`fabrique demo`: the appellation's demo data, after the network's.

- three fictitious structures labelled before the platform, the peers of the 2020 committee;
- the closed 2020 session that granted the appellation to the nine structures of the article (voters: France
  Active Franche-Comté and the three fictitious peers), with its announcement draft and the charter
  commitments;
- a fictitious structure in experimentation whose request is on the agenda of an open session, so that a
  visitor can vote with a demo login (any labelled structure's), or be refused (Initiatives Littoral shares a
  collective with it).
Rows are found by natural key; a second run changes nothing.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from fabrique.accounts.models import User
from fabrique.core.demo_support import CHANGE_REASON, COORDINATOR_EMAIL, DEMO_PASSWORD, LoadReport, sync_m2m, upsert
from fabrique.core.french import de
from fabrique.network.demo_data import COMMITTEE_DAY
from fabrique.network.enums import MembershipRole, StructureStatus
from fabrique.network.models import Collective, Membership, Partner, Partnership, Structure
from fabrique.network.services import status_history, write_status_history
from fabrique.territories.models import Departement

from . import demo_data as D
from .enums import Outcome, RequestStatus, SessionStatus
from .evidence import compute_evidence
from .models import (
    AgendaItem,
    AnnouncementDraft,
    AppellationRequest,
    CharterAcceptance,
    CommitteeSession,
    Vote,
)
from .selectors import item_states
from .services import request_history
from .services.announcement import compose
from .services.charter import current_charter

DEMO_VIA = "demo"


def demo_logins() -> list[tuple[str, str]]:
    """The logins this loader adds to the network's, for `fabrique demo` to print."""
    peers = [(f"{p['slug']}@example.org", f"administrateur·rice {de(p['name'])}") for p in D.EARLIER_PEERS]
    return [*peers, (f"{D.APPLICANT['slug']}@example.org", f"administrateur·rice {de(D.APPLICANT['name'])}")]


def _at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _backdate(model, pk, **values) -> None:
    """auto_now_add fields (not the logs: they take their date) are the day of the load: put the fictitious
    dates back."""
    model.objects.filter(pk=pk).update(**values)


def _admin(report: LoadReport, structure: Structure, name: str) -> User:
    email = f"{structure.slug}@example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name="Démo", last_name=name, password=make_password(DEMO_PASSWORD))
        user._change_reason = CHANGE_REASON
        user.save()
        report.note(user, created=True)
    upsert(report, Membership, {"user_id": user.pk, "structure_id": structure.pk}, {"role": MembershipRole.ADMIN})
    return user


def _structure(report: LoadReport, spec: dict, description: str) -> tuple[Structure, bool]:
    """A fictitious structure in experimentation, or labelled before the platform when its spec says when; its
    status path goes through the registry's bulk path."""
    existing = Structure.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing, False
    labelled_on = spec.get("labelled_on")
    structure = upsert(
        report,
        Structure,
        {"slug": spec["slug"]},
        {
            "name": spec["name"],
            "city": spec["city"],
            "area_label": spec.get("area_label", ""),
            "description": description,
            "status": StructureStatus.LABELLED if labelled_on else StructureStatus.EXPERIMENTING,
            "joined_on": spec["experimenting_since"],
            "experimenting_since": spec["experimenting_since"],
            "labelled_on": labelled_on,
        },
    )
    sync_m2m(report, structure, "departements", list(Departement.objects.filter(code__in=spec["departements"])))
    steps = [
        (
            StructureStatus.CANDIDATE,
            StructureStatus.EXPERIMENTING,
            spec["experimenting_since"],
            "Admission et début de l'expérimentation (date fictive, démonstration)",
        )
    ]
    if labelled_on:
        steps.append(
            (
                StructureStatus.EXPERIMENTING,
                StructureStatus.LABELLED,
                labelled_on,
                "Appellation antérieure à la plateforme (démonstration, fictif)",
            )
        )
    rows = status_history(
        structure.pk,
        [
            {"from_status": f, "to_status": t, "changed_at": _at(day), "note": note, "via": DEMO_VIA}
            for f, t, day, note in steps
        ],
    )
    write_status_history(rows)
    return structure, True


def load_peers(report: LoadReport) -> list[Structure]:
    peers = []
    for spec in D.EARLIER_PEERS:
        structure, _created = _structure(
            report,
            spec,
            "Structure fictive, pour la démonstration : elle avait l'appellation avant la plateforme et siège au "
            "comité de pairs.",
        )
        _admin(report, structure, spec["name"])
        peers.append(structure)
    return peers


def _request(report, structure, *, status, submitted_on, decided_on=None, by=None) -> AppellationRequest:
    """A request in its final status; its log is written by the caller (`_history`), once its sessions exist."""
    submitted = _at(submitted_on, 10)
    request = AppellationRequest(
        structure=structure,
        status=status,
        created_by=by,
        evidence=compute_evidence(structure, today=submitted_on),
        submitted_at=submitted,
        decided_at=_at(decided_on, 18) if decided_on else None,
        **{name: f"{text}\n\n{D.FICTITIOUS_TEXT}" for name, text in D.NARRATIVES.items()},
    )
    request._change_reason = CHANGE_REASON
    request.save()
    report.note(request, created=True)
    _backdate(AppellationRequest, request.pk, created_at=submitted - timedelta(days=20))
    request.refresh_from_db()
    return request


def _row(from_status, to_status, moment, by, note="", session=None) -> dict:
    return {
        "from_status": from_status,
        "to_status": to_status,
        "changed_at": moment,
        "changed_by": by,
        "note": note,
        "session": session,
        "via": DEMO_VIA,
    }


def _history(report, request, *, by, later=()) -> None:
    """The request's log through the appellation's bulk path (checked against its table): created as a draft
    twenty days before its submission, submitted, then the `later` rows (agenda, decision)."""
    submitted = request.submitted_at
    rows = [
        _row("", RequestStatus.DRAFT, submitted - timedelta(days=20), by, "Brouillon créé"),
        _row(RequestStatus.DRAFT, RequestStatus.SUBMITTED, submitted, by),
        *later,
    ]
    for entry in request_history(request, rows, start=""):
        report.note(entry, created=True)


def _vote(item, structure, choice, comment, user, moment) -> None:
    vote = Vote(item=item, structure=structure, choice=choice, comment=comment, cast_by=user)
    vote._history_user = user
    vote.save()
    _backdate(Vote, vote.pk, created_at=moment, updated_at=moment)


def _session(report, *, held_on, deadline, voters, requests, notes) -> CommitteeSession:
    session = CommitteeSession(held_on=held_on, deadline=deadline, notes=notes, status=SessionStatus.OPEN)
    session._change_reason = CHANGE_REASON
    session.save()
    report.note(session, created=True)
    session.voters.set(voters)
    for request in requests:
        AgendaItem.objects.create(session=session, request=request)
    return session


def load_closed_session(report: LoadReport, coordinator: User, peers: list[Structure]) -> None:
    if CommitteeSession.objects.filter(notes=D.CLOSED_SESSION_NOTES).exists():
        return
    nine = [Structure.objects.get(slug=slug) for slug in D.NINE]
    voters = [Structure.objects.get(slug=D.EARLIER_LABELLED), *peers]
    requests = [
        _request(
            report,
            s,
            status=RequestStatus.GRANTED,
            submitted_on=COMMITTEE_DAY - timedelta(days=60),
            decided_on=COMMITTEE_DAY,
            by=User.objects.filter(email=f"{s.slug}@example.org").first(),
        )
        for s in nine
    ]
    session = _session(
        report,
        held_on=COMMITTEE_DAY,
        deadline=_at(COMMITTEE_DAY - timedelta(days=1), 18),
        voters=voters,
        requests=requests,
        notes=D.CLOSED_SESSION_NOTES,
    )
    items = list(session.items.select_related("session", "request__structure"))
    conflicts = item_states(items)
    admins = {s.slug: User.objects.get(email=f"{s.slug}@example.org") for s in voters}
    by_slug = {s.slug: s for s in voters}
    for item in items:
        for slug, choice, comment in D.CLOSED_VOTES:
            if by_slug[slug].pk not in conflicts[item.pk].conflicts:
                _vote(item, by_slug[slug], choice, comment, admins[slug], _at(COMMITTEE_DAY - timedelta(days=5)))
    decided = _at(COMMITTEE_DAY, 18)
    opened = _at(COMMITTEE_DAY - timedelta(days=30))
    for item, state in zip(items, [s for s in item_states(items).values()], strict=True):
        tally = state.tally
        AgendaItem.objects.filter(pk=item.pk).update(
            outcome=Outcome.GRANTED,
            votes_for=tally.votes_for,
            votes_against=tally.votes_against,
            votes_abstain=tally.votes_abstain,
            eligible_count=tally.eligible,
            conflicted_count=tally.conflicted,
            quorum_reached=tally.quorum_reached,
            decided_at=decided,
        )
        submitted, granted = RequestStatus.SUBMITTED, RequestStatus.GRANTED
        agenda = _row(submitted, submitted, opened, coordinator, f"Inscrite à l'ordre du jour du {session}", session)
        note = "Décision du comité de pairs (démonstration, fictif)"
        _history(
            report,
            item.request,
            by=item.request.created_by,
            later=[agenda, _row(submitted, granted, decided, coordinator, note, session)],
        )
    CommitteeSession.objects.filter(pk=session.pk).update(
        status=SessionStatus.CLOSED,
        closed_by=coordinator,
        closed_at=decided,
        opened_by=coordinator,
        opened_at=opened,
    )
    title, body = compose(session, nine)
    draft = AnnouncementDraft.objects.create(session=session, title=title, body=body, updated_by=coordinator)
    report.note(draft, created=True)
    charter = current_charter()
    for structure in [*nine, voters[0]]:
        user = User.objects.filter(email=f"{structure.slug}@example.org").first()
        acceptance = CharterAcceptance.objects.create(
            structure=structure,
            charter_version=charter.version,
            title=charter.title,
            text=charter.text,
            accepted_by=user,
        )
        _backdate(CharterAcceptance, acceptance.pk, accepted_at=_at(COMMITTEE_DAY + timedelta(days=10)))
        report.note(acceptance, created=True)


def load_open_session(report: LoadReport, coordinator: User) -> None:
    if CommitteeSession.objects.filter(notes=D.OPEN_SESSION_NOTES).exists():
        return
    applicant, created = _structure(
        report,
        D.APPLICANT,
        "Structure fictive, pour la démonstration : en expérimentation depuis 2022, elle a demandé "
        "l'appellation ; sa demande est à l'ordre du jour d'une séance ouverte du comité de pairs.",
    )
    admin = _admin(report, applicant, D.APPLICANT["name"])
    for kind, name, role, since in D.APPLICANT["partners"]:
        partner = upsert(report, Partner, {"name": f"{name} (fictif)"}, {"kind": kind})
        upsert(
            report,
            Partnership,
            {"structure_id": applicant.pk, "partner_id": partner.pk},
            {"role": role, "since": since, "until": None, "note": "Partenaire fictif, pour la démonstration."},
        )
    spec = D.COLLECTIVE
    collective = upsert(
        report,
        Collective,
        {"slug": spec["slug"]},
        {
            "name": spec["name"],
            "description": "Collectif fictif, pour la démonstration du conflit d'intérêts au comité de pairs.",
        },
    )
    sync_m2m(report, collective, "structures", list(Structure.objects.filter(slug__in=spec["members"])))
    today = timezone.localdate()
    request = AppellationRequest.objects.filter(structure=applicant).first()
    created = request is None
    if created:
        request = _request(
            report, applicant, status=RequestStatus.SUBMITTED, submitted_on=today - timedelta(days=21), by=admin
        )
    voters = list(Structure.objects.filter(status=StructureStatus.LABELLED).order_by("pk"))
    session = _session(
        report,
        held_on=today + timedelta(days=14),
        deadline=_at(today + timedelta(days=13), 18),
        voters=voters,
        requests=[request],
        notes=D.OPEN_SESSION_NOTES,
    )
    CommitteeSession.objects.filter(pk=session.pk).update(opened_by=coordinator)
    status = request.status
    agenda = _row(status, status, timezone.now(), coordinator, f"Inscrite à l'ordre du jour du {session}", session)
    if created:
        _history(report, request, by=admin, later=[agenda])
    else:
        report.note(request_history(request, [agenda])[0], created=True)
    item = session.items.get()
    for slug, choice, comment in D.OPEN_VOTES:
        voter = Structure.objects.get(slug=slug)
        _vote(item, voter, choice, comment, User.objects.get(email=f"{slug}@example.org"), timezone.now())


def load_appellation_demo(report: LoadReport | None = None) -> LoadReport:
    """Idempotent and deterministic (dates of the open session follow the day of the first load)."""
    report = report or LoadReport()
    coordinator = User.objects.filter(email=COORDINATOR_EMAIL).first()
    if coordinator is None or not Structure.objects.filter(slug__in=D.NINE).count() == len(D.NINE):
        raise LookupError("Chargez d'abord le réseau de démonstration (structures et comptes).")
    peers = load_peers(report)
    load_closed_session(report, coordinator, peers)
    load_open_session(report, coordinator)
    return report
