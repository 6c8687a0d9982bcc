"""Accounts in the Django admin, for the network coordination.

Tokens and invitations are read here, never written: their raw values exist only once, outside the database.
"""

from axes.models import AccessAttempt
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from fabrique.core.admin_base import CoordinatorOnlyAdmin, VersionedAdmin, VersionedModelForm
from fabrique.core.exceptions import DomainError

from . import services
from .enums import MembershipRole
from .forms import AdminLoginForm
from .models import ApiToken, Invitation, Membership, User

# The admin's login page is throttled like the site's (django-axes), and says when to retry.
admin.site.login_form = AdminLoginForm


class MembershipAdminForm(VersionedModelForm):
    class Meta:
        model = Membership
        fields = ("user", "structure", "role")

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if self.instance.pk and role and role != MembershipRole.ADMIN and services.leaves_without_admin(self.instance):
            raise forms.ValidationError(services.last_admin_message(self.instance), code="last_admin")
        return cleaned


class MembershipInline(CoordinatorOnlyAdmin, admin.TabularInline):
    """Roles are changed here; a member is removed from the structure's members page or the membership list."""

    model = Membership
    form = MembershipAdminForm
    fk_name = "user"
    fields = ("structure", "role", "created_at", "expected_version")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("structure",)
    extra = 0
    can_delete = False


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
    list_filter = ("is_coordinator", "is_active", "is_staff", "memberships__role", "memberships__structure")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ("partner_departements", "groups", "user_permissions")
    inlines = (MembershipInline,)
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

    def get_inline_instances(self, request, obj=None):
        # Memberships are added once the account exists, as with Django's own two-step user creation.
        return super().get_inline_instances(request, obj) if obj is not None else []

    def has_change_permission(self, request, obj=None):
        # Only a superuser changes a superuser: no one raises their own rights through another account.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Membership)
class MembershipAdmin(VersionedAdmin, SimpleHistoryAdmin):
    form = MembershipAdminForm
    list_display = ("user", "structure", "role", "created_at")
    list_filter = ("role", "structure")
    list_select_related = ("user", "structure")
    search_fields = ("user__email", "user__first_name", "user__last_name", "structure__name")
    autocomplete_fields = ("user", "structure")
    fields = ("user", "structure", "role", "expected_version")

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # one at a time, so the last-admin rule is checked each time
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        membership = self.get_object(request, object_id)
        if membership is not None and request.method == "POST" and services.leaves_without_admin(membership):
            self.message_user(request, services.last_admin_message(membership), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:accounts_membership_change", args=[membership.pk]))
        return super().delete_view(request, object_id, extra_context)


@admin.register(Invitation)
class InvitationAdmin(CoordinatorOnlyAdmin, admin.ModelAdmin):
    list_display = ("email", "structure", "role", "as_coordinator", "invited_by", "created_at", "state")
    list_filter = ("as_coordinator", "role", "structure")
    list_select_related = ("structure", "invited_by")
    search_fields = ("email", "structure__name", "invited_by__email")
    readonly_fields = (
        "email",
        "structure",
        "role",
        "as_coordinator",
        "token_hash",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    )
    fields = readonly_fields
    actions = ["revoke"]

    @admin.display(description=_("état"))
    def state(self, obj):
        if obj.accepted_at:
            return _("acceptée")
        if obj.revoked_at:
            return _("annulée")
        if obj.is_expired:
            return _("expirée")
        return _("en attente")

    @admin.action(description=_("Annuler les invitations sélectionnées"))
    def revoke(self, request, queryset):
        done = 0
        for invitation in queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True):
            try:
                services.revoke_invitation(invitation, by=request.user)
            except DomainError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                done += 1
        self.message_user(
            request, ngettext("%(n)d invitation annulée.", "%(n)d invitations annulées.", done) % {"n": done}
        )

    def has_add_permission(self, request):
        # An invitation is sent from « Mon espace »: the e-mail carries the only copy of its link.
        return False

    def has_change_permission(self, request, obj=None):
        return False


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
