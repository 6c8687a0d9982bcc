"""Log in and out, profile and passwords ("Mon espace" is fabrique.home's)."""

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fabrique.core.exceptions import VersionConflict

from .. import services
from ..forms import LoginForm, ProfileForm, StyledPasswordChangeForm, StyledPasswordResetForm, StyledSetPasswordForm


class LoginView(auth_views.LoginView):
    """E-mail and password; `next` is followed only when it stays on this site (Django's check)."""

    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django refuses GET with 405)."""

    next_page = "home"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Vous êtes déconnecté·e."))
        return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user, initial={"version": user.version})
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.PROFILE_FIELDS}
        try:
            services.update_profile(user, data=data, expected_version=form.cleaned_data["version"])
        except VersionConflict as conflict:
            user.refresh_from_db()
            form.add_error(None, str(conflict))
        else:
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("dashboard")
    return render(request, "accounts/profile.html", {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = StyledPasswordChangeForm
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Votre mot de passe est changé."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Same answer whether or not an account exists for the address: nothing to learn about who has one."""

    template_name = "accounts/password_reset_form.html"
    form_class = StyledPasswordResetForm
    email_template_name = "accounts/emails/password_reset_body.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {"site_url": settings.SITE_URL, "network_name": settings.NETWORK_NAME}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "valid_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = StyledSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever reads the mailbox owns the account: its failed logins, from every address, are forgotten.
        reset_login_failures(username=form.user.email.lower())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
