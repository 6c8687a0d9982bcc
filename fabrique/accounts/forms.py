"""Forms of the accounts pages. Labels and errors in French; every widget styled for Bootstrap."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from fabrique.jobs.mail import send_email

from . import lockout
from .models import ApiToken, User


class StyledFormMixin:
    """Bootstrap classes on widgets (fields in error: fabrique.core.forms.InvalidStateBoundField, for every form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = " ".join(filter(None, [widget.attrs.get("class"), css]))


# --- login -------------------------------------------------------------------------------


class ThrottledLoginMixin:
    """A refused login (fabrique/accounts/lockout.py) says why and until when; a failure, how many tries are left."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            if getattr(error, "code", None) != "invalid_login" or self.request is None:
                raise
            if getattr(self.request, "axes_locked_out", False):
                setattr(self.request, lockout.SHOWN_ON_PAGE, True)
                until = lockout.locked_until(self.request, self.request.axes_credentials)
                raise ValidationError(lockout.lockout_message(until), code="locked") from None
            left = lockout.attempts_left(self.request)
            if left is None:
                raise
            raise ValidationError([error, ValidationError(self._warning(left), code="attempts_left")]) from None

    @staticmethod
    def _warning(left: int) -> str:
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return ngettext(
            "Encore %(left)d essai avant une suspension de %(minutes)d minutes.",
            "Encore %(left)d essais avant une suspension de %(minutes)d minutes.",
            left,
        ) % {"left": left, "minutes": minutes}


class LoginForm(StyledFormMixin, ThrottledLoginMixin, AuthenticationForm):
    username = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Adresse e-mail ou mot de passe incorrect."),
        "inactive": _("Ce compte est désactivé."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _("Adresse e-mail ou mot de passe incorrect, ou compte sans accès à l'administration."),
    }


# --- profile and passwords -----------------------------------------------------------------------


class ProfileForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Prénom"), "last_name": _("Nom")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    pass


class StyledPasswordResetForm(StyledFormMixin, PasswordResetForm):
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """Queued like every e-mail (fabrique/jobs): the answer takes as long whether an account exists or not."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_email(to_email, subject, render_to_string(email_template_name, context))


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    pass


# --- API tokens -------------------------------------------------------------------------------------------------


class ApiTokenForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": _("Nom du jeton")}
        help_texts = {"name": _("Par exemple : « Script d'export des indicateurs ». Pour le reconnaître plus tard.")}
