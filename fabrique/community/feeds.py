"""The Atom feed of public news."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from fabrique.search.visibility import Visibility

from .models import NewsPost

ITEMS = 30


class PublicNewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Actualités — %(network)s") % {"network": settings.NETWORK_NAME}

    def subtitle(self):
        return _("Les actualités publiques du réseau %(network)s.") % {"network": settings.NETWORK_NAME}

    def link(self):
        return reverse("community:news_list")

    def items(self):
        return (
            NewsPost.objects.published().filter(visibility=Visibility.PUBLIC).order_by("-published_on", "-pk")[:ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body[:500]

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.published_on, time(9)))

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return settings.NETWORK_NAME
