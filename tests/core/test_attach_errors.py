"""A service's refusal lands on the form: field errors on their fields, everything else at the top."""

from django import forms
from django.core.exceptions import ValidationError

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors


class TitleForm(forms.Form):
    title = forms.CharField()


def _form() -> TitleForm:
    form = TitleForm({"title": "Atelier"})
    assert form.is_valid()
    return form


def test_a_field_error_goes_on_its_field_and_an_unknown_name_to_the_top():
    form = _form()
    attach_errors(form, ValidationError({"title": "Titre déjà pris.", "slug": "Adresse déjà prise."}))
    assert form.errors["title"] == ["Titre déjà pris."]
    assert form.non_field_errors() == ["Adresse déjà prise."]
    assert "title" not in form.cleaned_data


def test_a_plain_validation_error_goes_to_the_top():
    form = _form()
    attach_errors(form, ValidationError(["Trop tard.", "Déjà fait."]))
    assert form.non_field_errors() == ["Trop tard.", "Déjà fait."]


def test_a_version_conflict_or_another_refusal_goes_to_the_top_as_its_message():
    form = _form()
    attach_errors(form, VersionConflict("Modifiée par Anne à 10 h."))
    attach_errors(form, DomainError("Refusé."))
    assert form.non_field_errors() == ["Modifiée par Anne à 10 h.", "Refusé."]
