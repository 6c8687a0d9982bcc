"""Network life in the admin: the coordination opens every page; a larger capacity serves the waiting list."""

import pytest
from django.contrib import admin
from django.urls import reverse

from fabrique.community.enums import RegistrationStatus
from fabrique.community.models import Event
from fabrique.library.models import Resource
from tests.library.factories import ResourceFactory

from .factories import EventFactory, network_life_rows

MODELS = sorted(
    (
        m
        for m in admin.site._registry
        if m._meta.label
        in {
            "community.Event",
            "community.Registration",
            "community.WorkingGroup",
            "community.NewsPost",
            "library.Resource",
        }
    ),
    key=lambda m: m._meta.label,
)


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_the_coordinator_opens_every_page(model, structure, coordinator, client_for):
    network_life_rows(structure, coordinator)
    ResourceFactory(author_structure=structure)
    client = client_for(coordinator)
    obj = model._default_manager.order_by("pk").first()
    assert client.get(_url(model, "changelist")).status_code == 200
    assert client.get(_url(model, "change", obj.pk)).status_code == 200
    assert client.get(_url(model, "history", obj.pk)).status_code == 200


def test_a_member_does_not_reach_these_admin_pages(structure, member, client_for):
    client = client_for(member)
    assert client.get(_url(Event, "changelist")).status_code == 302
    assert client.get(_url(Resource, "changelist")).status_code == 302


def test_raising_the_capacity_in_the_admin_confirms_people_waiting(
    structure, coordinator, member, other_member, client_for
):
    from fabrique.community.services import registrations

    event = EventFactory(organiser=structure, capacity=1)
    registrations.register(event, member)
    waiting = registrations.register(event, other_member)
    page = client_for(coordinator).get(_url(Event, "change", event.pk))
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "capacity": "2",
            "starts_at_0": event.starts_at.astimezone().strftime("%d/%m/%Y"),
            "starts_at_1": event.starts_at.astimezone().strftime("%H:%M:%S"),
            "ends_at_0": event.ends_at.astimezone().strftime("%d/%m/%Y"),
            "ends_at_1": event.ends_at.astimezone().strftime("%H:%M:%S"),
            "registration_closes_at_0": "",
            "registration_closes_at_1": "",
            "speakers-TOTAL_FORMS": "0",
            "speakers-INITIAL_FORMS": "0",
            "registrations-TOTAL_FORMS": "2",
            "registrations-INITIAL_FORMS": "2",
        }
    )
    response = client_for(coordinator).post(_url(Event, "change", event.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
