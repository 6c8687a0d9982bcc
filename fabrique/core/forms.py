"""Helpers for the forms of every app."""

from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.forms.renderers import DjangoTemplates


def attach_errors(form, error: Exception) -> None:
    """Show a service's refusal on the form: a ValidationError's field errors on the form's fields, the rest
    (errors on other names, non-field errors, a VersionConflict or any other DomainError) at the top."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error)
    else:
        form.add_error(None, str(error))


class InvalidStateBoundField(BoundField):
    """A field in error looks it, the same on every form of the site: Bootstrap's `is-invalid` on the widget and
    `invalid-feedback` on its errors (Django already writes `aria-invalid` and links the errors' id in
    `aria-describedby`). Read at rendering, so errors added after validation (attach_errors) count too."""

    ERRORS_CLASS = "invalid-feedback d-block list-unstyled"

    @property
    def errors(self):
        errors = super().errors
        if errors and self.ERRORS_CLASS not in errors.error_class:
            errors.error_class = f"{errors.error_class} {self.ERRORS_CLASS}"
        return errors

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if self.errors and not widget.is_hidden:
            # these attrs override the widget's own: keep its classes
            classes = [widget.attrs.get("class", ""), attrs.get("class", ""), "is-invalid"]
            attrs["class"] = " ".join(name for name in " ".join(classes).split() if name)
        return attrs


class FormRenderer(DjangoTemplates):
    """The site's FORM_RENDERER: Django's templates, with InvalidStateBoundField for every form."""

    bound_field_class = InvalidStateBoundField
