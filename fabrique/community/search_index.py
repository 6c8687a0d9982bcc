"""What the search index says about events and news: public or network, as their pages; a cancelled event
stays findable and its summary says it is cancelled."""

from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.search.enums import DocumentType
from fabrique.search.registry import IndexedDocument, SearchAdapter, Watch, soft_url

from .enums import EventKind
from .models import Event, EventSpeaker, NewsPost


class EventAdapter(SearchAdapter):
    type = DocumentType.EVENT
    model = Event
    category_choices = tuple(EventKind.choices)
    watches = (Watch(EventSpeaker, lambda speaker: [speaker.event]),)

    def queryset(self):
        return Event.objects.select_related("organiser", "departement")

    def document(self, event: Event) -> IndexedDocument:
        speakers = [f"{s.name} {s.organisation}" for s in event.speakers.all()] if event.pk else []
        place = [event.place, event.departement.name if event.departement else ""]
        keywords = [str(EventKind(event.kind).label), event.organiser.name if event.organiser else "", *place]
        summary = event.summary
        if event.is_cancelled:  # still found, but the result says so first
            notice = _("Événement annulé (motif : %(reason)s).") % {"reason": event.cancel_reason}
            summary = f"{notice} {summary}".strip()
            keywords.append(_("annulé"))
        return IndexedDocument(
            title=event.title,
            summary=summary,
            body=event.description,
            keywords=" ".join(part for part in [*keywords, *speakers] if part),
            url=soft_url(event),
            visibility=event.visibility,
            structure_id=event.organiser_id,
            category=event.kind,
            date=timezone.localdate(event.starts_at),
            themes=[event.theme] if event.theme else [],
            regions=[event.departement.region_id] if event.departement else [],
        )


class NewsAdapter(SearchAdapter):
    """Drafts are not in the index; a post scheduled for later is found from its publication day."""

    type = DocumentType.NEWS
    model = NewsPost

    def document(self, post: NewsPost) -> IndexedDocument | None:
        if post.published_on is None:
            return None
        return IndexedDocument(
            title=post.title,
            summary=post.summary,
            body=post.body,
            url=soft_url(post),
            visibility=post.visibility,
            date=post.published_on,
            not_before=post.published_on,
        )
