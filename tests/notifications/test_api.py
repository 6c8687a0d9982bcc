"""The notifications API: the caller's own notifications and preferences, with abilities."""

import json

from fabrique.notifications.enums import Delivery, NotificationKind
from fabrique.notifications.services import deliveries

BASE = "/api/v1/notifications"


def test_the_list_gives_my_notifications_with_their_abilities(member, other_member, client_for, notifications_of):
    notifications_of(member, 2)
    notifications_of(other_member, 1)
    body = client_for(member).get(BASE).json()
    assert body["count"] == 2
    assert body["results"][0]["abilities"] == {"view": True, "mark_read": True}
    assert body["results"][0]["kind_label"] == "projet passé à une autre étape"


def test_mark_read_one_and_all(member, client_for, notifications_of):
    first, *_ = notifications_of(member, 3)
    client = client_for(member)
    answer = client.post(f"{BASE}/{first.pk}/read", "{}", content_type="application/json").json()
    assert answer["read_at"] is not None and answer["abilities"]["mark_read"] is False
    assert client.post(f"{BASE}/read", content_type="application/json").json() == {"marked": 2}
    assert client.get(BASE, {"unread": True}).json()["count"] == 0


def test_another_persons_notification_is_not_found(member, other_member, client_for, notifications_of):
    (theirs,) = notifications_of(other_member, 1)
    response = client_for(member).post(f"{BASE}/{theirs.pk}/read", content_type="application/json")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_preferences_are_read_and_changed(member, client_for):
    client = client_for(member)
    body = client.get(f"{BASE}/preferences").json()
    assert {row["delivery"] for row in body["preferences"]} == {"now"}
    assert body["abilities"] == {"view": True, "change": True}
    changed = client.patch(
        f"{BASE}/preferences", json.dumps({"preferences": {"decision": "daily"}}), content_type="application/json"
    ).json()
    assert {row["kind"]: row["delivery"] for row in changed["preferences"]}["decision"] == "daily"
    assert deliveries(member)[NotificationKind.DECISION] == Delivery.DAILY


def test_an_unknown_delivery_is_a_422_and_saves_nothing(member, client_for):
    response = client_for(member).patch(
        f"{BASE}/preferences",
        json.dumps({"preferences": {"decision": "daily", "event_changed": "jamais"}}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert deliveries(member)[NotificationKind.DECISION] == Delivery.NOW


def test_anonymous_callers_are_refused(client, db):
    assert client.get(BASE).status_code == 401
