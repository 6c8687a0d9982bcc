"""Members and invitations in the admin, and the memberships of an account on its page (the account's admin is
fabrique.accounts'; network adds the memberships inline to it)."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from fabrique.accounts import admin as accounts_admin
from fabrique.accounts.models import User
from fabrique.core.admin_base import CoordinatorOnlyAdmin, VersionedAdmin, VersionedModelForm
from fabrique.core.exceptions import DomainError

from ..enums import MembershipRole
from ..models import Invitation, Membership
from ..services import members as services


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


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(accounts_admin.UserAdmin):
    """The account's page with its memberships; the list filters by role and structure."""

    list_filter = (*accounts_admin.UserAdmin.list_filter, "memberships__role", "memberships__structure")
    inlines = (MembershipInline,)

    def get_inline_instances(self, request, obj=None):
        # Memberships are added once the account exists, as with Django's own two-step user creation.
        return super().get_inline_instances(request, obj) if obj is not None else []


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
            return HttpResponseRedirect(reverse("admin:network_membership_change", args=[membership.pk]))
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
