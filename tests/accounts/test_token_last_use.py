"""Authenticating with a token writes its last use at most once a minute, not on every request."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fabrique.accounts.models import ApiToken
from tests.factories import UserFactory


def test_a_token_records_its_last_use_at_most_once_a_minute(db):
    user = UserFactory()
    token, raw = ApiToken.issue(user, "script")
    assert ApiToken.authenticate(raw) == user
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    with CaptureQueriesContext(connection) as captured:
        assert ApiToken.authenticate(raw) == user
    assert [q for q in captured.captured_queries if q["sql"].startswith("UPDATE")] == []
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    ApiToken.authenticate(raw)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first - timedelta(seconds=1)
    assert ApiToken.objects.get(pk=token.pk).last_used_at <= timezone.now()
