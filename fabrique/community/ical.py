"""iCalendar (RFC 5545) for network events: one event, or the feed of the events a reader may see."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils.translation import gettext as _

PRODUCT = "-//Fabrique//Vie du reseau//FR"


def _escape(text: str) -> str:
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event, base_url: str) -> list[str]:
    url = f"{base_url}{event.get_absolute_url()}"
    place = event.place or (event.online_url and _("En ligne")) or ""
    title, notice = event.title, ""
    # The same file goes to whoever may read the event: the connection link, given to confirmed registrants
    # on the event's page, is never in it.
    link = _("Lien de connexion donné aux inscrit·es sur la page de l'événement.") if event.online_url else ""
    if event.is_cancelled:
        # STATUS is enough for most clients; the words are for those that ignore it.
        title = _("Annulé : %(title)s") % {"title": event.title}
        notice, link = _("Événement annulé : %(reason)s") % {"reason": event.cancel_reason}, ""
    description = "\n\n".join(part for part in (notice, event.summary, link, url) if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:evenement-{event.pk}@{base_url.split('://', 1)[-1]}",
        f"DTSTAMP:{_utc(event.updated_at)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{_escape(title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"CATEGORIES:{_escape(event.get_kind_display())}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if event.is_cancelled else 'CONFIRMED'}",
        "END:VEVENT",
    ]
    if place:
        lines.insert(-2, f"LOCATION:{_escape(place)}")
    return lines


def calendar(events, name: str) -> str:
    base_url = settings.SITE_URL
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Europe/Paris",
    ]
    for event in events:
        lines += _event_lines(event, base_url)
    lines.append("END:VCALENDAR")
    return "".join(f"{_fold(line)}\r\n" for line in lines)
