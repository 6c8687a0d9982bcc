"""Helpers for the forms of every app."""

from django.core.exceptions import ValidationError


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
