"""`fabrique demo`: network life — the four testimonials quoted in the Avise article, the article as a public
news post with them, a working group, past and upcoming events with registrations and attendance.

Rows are found by slug (registrations by event and person) and written only when something differs; event dates
are placed relative to the day of the run, so a second run the same day changes nothing.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fabrique.accounts.models import User
from fabrique.core.demo_support import LoadReport, member_email, sync_m2m, upsert
from fabrique.network import demo_data as network_data
from fabrique.network.models import Structure
from fabrique.search.visibility import Visibility

from . import demo_data as D
from .enums import GroupRole
from .enums import RegistrationStatus as S
from .models import Event, EventSpeaker, GroupMembership, NewsPost, Registration, Testimonial, WorkingGroup

# The day the article is shown as published (fictitious: the week after the committee of the demo).
ARTICLE_DAY = network_data.COMMITTEE_DAY + timedelta(days=7)
PLACES = {"Dijon": "21", "Morlaix": "29", "Besançon": "25", "Paris": "75"}


def _member(slug: str) -> User:
    return User.objects.get(email=member_email(slug))


def load_testimonials(report: LoadReport) -> None:
    """The four testimonials quoted in the seed text, with their authors and roles."""
    testimonials = network_data.TESTIMONIALS
    structures = Structure.objects.in_bulk([item["structure"] for item in testimonials], field_name="slug")
    for item in testimonials:
        upsert(
            report,
            Testimonial,
            {"structure_id": structures[item["structure"]].pk, "person": item["person"]},
            {
                "role": item["role"],
                "quote": item["quote"],
                "source": network_data.SOURCE,
                "is_public": True,
                "featured": True,
            },
        )


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def load_news(report: LoadReport) -> None:
    """The article itself, public, citing the four testimonials the network's loader created (not copies)."""
    post = upsert(
        report,
        NewsPost,
        {"slug": D.ARTICLE_SLUG},
        {
            "title": D.ARTICLE_TITLE,
            "summary": D.ARTICLE_SUMMARY,
            "body": f"{D.ARTICLE_BODY}\n{D.ARTICLE_NOTE}\n",
            "visibility": Visibility.PUBLIC,
            "published_on": ARTICLE_DAY,
            "source_url": "",
        },
    )
    people = [item["person"] for item in network_data.TESTIMONIALS]
    quoted = list(Testimonial.objects.filter(person__in=people, source=network_data.SOURCE).order_by("pk"))
    sync_m2m(report, post, "testimonials", quoted)
    upsert(
        report,
        NewsPost,
        {"slug": D.NETWORK_POST["slug"]},
        {
            "title": D.NETWORK_POST["title"],
            "summary": D.NETWORK_POST["summary"],
            "body": D.NETWORK_POST["body"],
            "visibility": Visibility.NETWORK,
            "published_on": timezone.localdate() - timedelta(days=D.NETWORK_POST["days_ago"]),
            "source_url": "",
        },
    )


def load_working_group(report: LoadReport) -> WorkingGroup:
    spec = D.WORKING_GROUP
    group = upsert(
        report,
        WorkingGroup,
        {"slug": spec["slug"]},
        {"name": spec["name"], "theme": spec["theme"], "description": spec["description"], "visibility": "network"},
    )
    roles = {spec["lead"]: GroupRole.LEAD, **{slug: GroupRole.MEMBER for slug in spec["members"]}}
    for slug, role in roles.items():
        upsert(report, GroupMembership, {"group_id": group.pk, "user_id": _member(slug).pk}, {"role": role})
    return group


def _event_values(spec, today: date, structures: dict, groups: dict) -> dict:
    slug, title, kind, days, (start, end), place, online, organiser, capacity, public, group = spec
    day = today + timedelta(days=days)
    city = place.split(",")[0]
    return {
        "title": title,
        "kind": kind,
        "summary": f"{title.replace(f' {D.FICTITIOUS}', '')} : événement fictif, pour la démonstration.",
        "description": (
            "## Déroulé\n\n- Accueil et tour de table\n- Retours d'expérience des structures\n- Questions et "
            "suites à donner\n\n_Événement fictif, pour la démonstration._"
        ),
        "starts_at": _at(day, start),
        "ends_at": _at(day, end),
        "place": place,
        "departement_id": PLACES.get(city),
        "online_url": "https://visio.example.org/reseau" if online else "",
        "organiser_id": structures[organiser].pk if organiser else None,
        "working_group_id": groups[group].pk if group else None,
        "capacity": capacity,
        "registration_closes_at": None,
        "visibility": Visibility.PUBLIC if public else Visibility.NETWORK,
    }


def load_events(report: LoadReport) -> None:
    today = timezone.localdate()
    structures = Structure.objects.in_bulk(field_name="slug")
    groups = WorkingGroup.objects.in_bulk(field_name="slug")
    for spec in D.EVENTS:
        event = upsert(report, Event, {"slug": spec[0]}, _event_values(spec, today, structures, groups))
        for order, (name, role, organisation, external) in enumerate(D.SPEAKERS.get(event.slug, ())):
            upsert(
                report,
                EventSpeaker,
                {"event_id": event.pk, "name": name},
                {"role": role, "organisation": organisation, "is_external": external, "order": order},
            )
        _load_registrations(report, event, structures)


def _load_registrations(report: LoadReport, event: Event, structures: dict) -> None:
    """In order of the list: confirmed while places remain, then on the waiting list; attendance if past."""
    confirmed = 0
    for position, (slug, attended) in enumerate(D.REGISTRATIONS.get(event.slug, ())):
        full = event.capacity is not None and confirmed >= event.capacity
        status = S.WAITLISTED if full else S.CONFIRMED
        confirmed += status == S.CONFIRMED
        registered_at = _at(timezone.localdate(event.starts_at) - timedelta(days=20), 9 + position)
        upsert(
            report,
            Registration,
            {"event_id": event.pk, "user_id": _member(slug).pk},
            {
                "structure_id": structures[slug].pk,
                "status": status,
                "attended": attended if status == S.CONFIRMED else None,
                "registered_at": registered_at,
                "status_changed_at": registered_at,
            },
        )


def load_network_life_demo(report: LoadReport) -> None:
    load_news(report)
    load_working_group(report)
    load_events(report)
