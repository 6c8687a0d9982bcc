"""Shared pieces of the Django admin: coordinator-only access and version-checked edits."""

from django import forms
from django.contrib import messages
from django.db import models
from django.http import HttpResponseRedirect

from .exceptions import VersionConflict
from .hooks import Hook

# user -> bool: the network coordination (provided by fabrique.network, which knows the roles)
coordinator = Hook("fabrique.core.admin_base.coordinator")


def is_coordinator(request) -> bool:
    return coordinator(request.user)


class CoordinatorOnlyAdmin:
    """Only the network coordination reads and changes these models in the admin (staff alone is not enough)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_module_permission(self, request):
        return is_coordinator(request)

    def has_view_permission(self, request, obj=None):
        return is_coordinator(request)

    def has_add_permission(self, request, *args):
        return is_coordinator(request)

    def has_change_permission(self, request, obj=None):
        return is_coordinator(request)

    def has_delete_permission(self, request, obj=None):
        return is_coordinator(request)


class ReadOnlyAdmin(CoordinatorOnlyAdmin):
    """Reference data or logs: the coordination reads them, nobody edits them here."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def bump_version(instance, expected: int | None) -> None:
    """Move the stored version from `expected` to the next one in one UPDATE, or refuse a stale edit."""
    model = type(instance)
    current = instance.version if expected is None else expected
    if model.objects.filter(pk=instance.pk, version=current).update(version=current + 1) == 0:
        raise VersionConflict()
    instance.version = current + 1


class VersionedModelForm(forms.ModelForm):
    """Carries the version the editor read; saving over someone else's newer edit is refused."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_version")
        if self.instance.pk and expected is not None:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if stored != expected:
                raise forms.ValidationError(str(VersionConflict()), code="version_conflict")
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.pk and self.has_changed():
            bump_version(instance, self.cleaned_data.get("expected_version"))
        if commit:
            instance.save()
            self._save_m2m()
        return instance


class VersionedAdmin(CoordinatorOnlyAdmin):
    """A ModelAdmin whose change form refuses stale edits with a French message instead of an error page."""

    form = VersionedModelForm

    def has_change_history_permission(self, request, obj=None):
        # History is read here; reverting would skip the version check and the status services.
        return False

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except VersionConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
