"""A cache generation is bumped at the change and again once its transaction commits."""

from django.core.cache import cache
from django.db import transaction

from fabrique.core import generations


def test_bumped_now_and_after_the_commit(db, django_capture_on_commit_callbacks):
    cache.delete("test:generation")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        generations.bump("test:generation")
        assert cache.get("test:generation") == 2  # a value built now from the old data is stored under 2 …
    assert cache.get("test:generation") == 3  # … and left behind once the change is visible
