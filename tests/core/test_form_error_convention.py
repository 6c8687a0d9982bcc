"""One convention for a refused form on every page (issue 17, RGAA 11.10): the title starts with « Erreur : », the
summary takes the focus on load, each field in error is marked invalid and described by its message, whatever the
app and even when the error is added after validation (a service's refusal, attach_errors)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from fabrique.core.forms import attach_errors
from fabrique.method.forms import NoteForm

NBSP = "\u00a0"


def title_of(response) -> str:
    return title_of_html(response.content.decode())


def test_a_field_in_error_is_marked_invalid_and_described_by_its_styled_message(db):
    form = NoteForm({"text": ""})
    assert not form.is_valid()
    widget, errors = str(form["text"]), str(form["text"].errors)
    assert 'aria-invalid="true"' in widget and 'aria-describedby="id_text_error"' in widget
    assert re.search(r'class="form-control is-invalid"', widget)
    assert re.search(r'<ul class="errorlist invalid-feedback d-block list-unstyled" id="id_text_error">', errors)


def test_an_error_added_after_validation_marks_the_field_too():
    class Plain(forms.Form):
        name = forms.CharField(widget=forms.TextInput(attrs={"class": "form-control"}))

    form = Plain({"name": "Fabrique"})
    assert form.is_valid()
    assert "is-invalid" not in str(form["name"])
    attach_errors(form, ValidationError({"name": "Ce nom est déjà pris."}))
    assert 'class="form-control is-invalid"' in str(form["name"])
    assert "invalid-feedback" in str(form["name"].errors)


def test_a_refused_login_says_erreur_in_its_title_and_focuses_its_summary(client, member):
    url = reverse("accounts:login")
    assert title_of(client.get(url)).startswith("Se connecter")
    response = client.post(url, {"username": member.email, "password": "pas le bon"})
    assert title_of(response).startswith(f"Erreur{NBSP}: Se connecter")
    assert re.search(
        r'<div class="alert alert-danger error-summary" role="alert" tabindex="-1" autofocus', response.content.decode()
    )


def test_an_error_message_after_a_redirect_is_an_alert_that_takes_the_focus_a_success_a_status(client_for, member):
    from tests.community.factories import EventFactory

    event = EventFactory()
    client = client_for(member)
    # cancelling a registration one does not have is refused by a message on the event's page
    client.post(reverse("community:event_cancel", args=[event.slug]))
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<div class="messages" role="alert" tabindex="-1" autofocus>' in html
    assert title_of_html(html).startswith(f"Erreur{NBSP}: ")
    # a success stays a polite status, and the title says nothing of an error
    client.post(reverse("community:event_register", args=[event.slug]))
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<div class="messages" role="status">' in html
    assert not title_of_html(html).startswith("Erreur")


def test_an_empty_note_shows_the_project_page_again_with_the_summary_focused_beside_the_field(
    client_for, member, structure
):
    from fabrique.method.models import ProjectNote
    from tests.method.factories import ProjectFactory
    from tests.snapshots import assert_unchanged

    project = ProjectFactory(structure=structure)
    with assert_unchanged(ProjectNote):
        response = client_for(member).post(reverse("method:note_add", args=[project.pk]), {"text": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert title_of_html(html).startswith(f"Erreur{NBSP}: ")
    summary = html.index('<div class="alert alert-danger error-summary" role="alert" tabindex="-1" autofocus')
    # the summary sits in the note's form, just before the field it names (not at the top of the page)
    assert html.index('id="suivi"') < summary < html.index('name="text"')
    assert '<a href="#id_text">' in html[summary:]
    assert 'aria-invalid="true"' in html


def title_of_html(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)
