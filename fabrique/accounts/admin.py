"""Accounts in the Django admin, for the network coordination.

Tokens are read here, never written: their raw values exist only once, outside the database (invitations: network).
"""

from axes.models import AccessAttempt
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import CoordinatorOnlyAdmin, VersionedAdmin, VersionedModelForm

from .forms import AdminLoginForm
from .models import ApiToken, User

# The admin's login page is throttled like the site's (django-axes), and says when to retry.
admin.site.login_form = AdminLoginForm


class EmailUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà pour cette adresse e-mail."), code="unique")
        return email


class EmailUserChangeForm(VersionedModelForm, UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Un compte existe déjà pour cette adresse e-mail."), code="unique")
        return email


@admin.register(User)
class UserAdmin(VersionedAdmin, SimpleHistoryAdmin, DjangoUserAdmin):
    form = EmailUserChangeForm
    add_form = EmailUserCreationForm
    list_display = ("email", "first_name", "last_name", "is_coordinator", "is_active", "last_login")
    list_filter = ("is_coordinator", "is_active", "is_staff")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ("partner_departements", "groups", "user_permissions")
    fieldsets = (
        (None, {"fields": ("email", "password", "expected_version")}),
        (_("Identité"), {"fields": ("first_name", "last_name")}),
        (_("Rôles"), {"fields": ("is_active", "is_coordinator", "is_staff")}),
        (
            _("Partenaire ou financeur"),
            {
                "fields": ("partner_departements",),
                "description": _("Lecture de l'avancement des projets sur ces départements."),
            },
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    superuser_fieldsets = (
        (_("Droits techniques (super-utilisateur·rice)"), {"fields": ("is_superuser", "groups", "user_permissions")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "first_name", "last_name", "usable_password", "password1", "password2"),
                "description": _(
                    "Pour donner accès à une personne, préférez l'invitation depuis « Mon espace » : elle choisit "
                    "elle-même son mot de passe."
                ),
            },
        ),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and request.user.is_superuser:
            return (*fieldsets, *self.superuser_fieldsets)
        return fieldsets

    def has_change_permission(self, request, obj=None):
        # Only a superuser changes a superuser: no one raises their own rights through another account.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(ApiToken)
class ApiTokenAdmin(CoordinatorOnlyAdmin, admin.ModelAdmin):
    list_display = ("name", "user", "hint", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    list_select_related = ("user",)
    search_fields = ("name", "user__email", "hint")
    readonly_fields = ("user", "name", "hint", "token_hash", "created_at", "last_used_at", "revoked_at")
    fields = readonly_fields
    actions = ["revoke"]

    @admin.action(description=_("Révoquer les jetons sélectionnés"))
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, ngettext("%(n)d jeton révoqué.", "%(n)d jetons révoqués.", count) % {"n": count})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class LoginAttemptAdmin(CoordinatorOnlyAdmin, admin.ModelAdmin):
    """Failed logins counted by django-axes (fabrique/accounts/lockout.py); deleting a row lifts what it blocks."""

    list_display = ("username", "ip_address", "failures_since_start", "attempt_time")
    search_fields = ("username", "ip_address")
    date_hierarchy = "attempt_time"
    readonly_fields = ("username", "ip_address", "user_agent", "path_info", "failures_since_start", "attempt_time")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
