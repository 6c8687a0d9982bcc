"""Writing the network's news: the coordination drafts, publishes (now or on a later day), edits and withdraws
a post. A withdrawn post goes back to draft: nothing is deleted, the history keeps every version."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.core.slugs import unique_slug
from fabrique.core.versioning import save_with_version

from ..models import NewsPost
from ..perms import can_write_news, news_abilities
from .events import RESERVED_SLUGS

NEWS_FIELDS = ("title", "summary", "body", "visibility", "published_on", "source_url")


def _check_publication_date(new: datetime.date | None, old: datetime.date | None) -> None:
    """A post is published today or scheduled for later; a date already given is kept as it is."""
    if new is not None and new != old and new < timezone.localdate():
        raise ValidationError(
            {"published_on": _("La date de publication est aujourd'hui ou plus tard (vide : brouillon).")}
        )


def _clean(post: NewsPost) -> None:
    post.title = post.title.strip()
    post.body = post.body.strip()
    post.full_clean(exclude=["slug", "testimonials"], validate_unique=False)


def create_news(by, data: dict) -> NewsPost:
    """Write a post; with a publication date it is published that day (today, or scheduled), else a draft."""
    if not can_write_news(by):
        raise PermissionDenied(_("Seule la coordination du réseau rédige les actualités."))
    post = NewsPost(**{name: data[name] for name in NEWS_FIELDS if name in data}, author=by)
    _check_publication_date(post.published_on, None)
    _clean(post)
    with transaction.atomic():
        post.slug = unique_slug(NewsPost, post.title, "actualite", RESERVED_SLUGS)
        post._history_user = by
        post.save()
    return post


def update_news(post: NewsPost, by, data: dict, expected_version: int | None) -> NewsPost:
    """Edit a post; its identifier (slug) never changes, so its address stays the same."""
    if not news_abilities(by, post)["change"]:
        raise PermissionDenied(_("Seule la coordination du réseau modifie les actualités."))
    _check_publication_date(data.get("published_on", post.published_on), post.published_on)
    fields = [name for name in NEWS_FIELDS if name in data]
    for name in fields:
        setattr(post, name, data[name])
    _clean(post)
    with transaction.atomic():
        save_with_version(post, expected_version, fields, by=by)
    return post


def unpublish_news(post: NewsPost, by, expected_version: int | None) -> NewsPost:
    """Withdraw a published or scheduled post: it becomes a draft again, read by the coordination only."""
    if not news_abilities(by, post)["change"]:
        raise PermissionDenied(_("Seule la coordination du réseau retire les actualités."))
    with transaction.atomic():
        post = NewsPost.objects.select_for_update().get(pk=post.pk)
        if post.published_on is None:
            raise DomainError(_("Cette actualité est déjà un brouillon : elle n'est pas publiée."))
        post.published_on = None
        save_with_version(post, expected_version, ["published_on"], by=by)
    return post
