"""Forms of the accounts pages. Labels and errors in French; every widget styled for Bootstrap."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from fabrique.core.french import de
from fabrique.network.models import Structure

from . import lockout
from .enums import MembershipRole
from .models import ApiToken, Membership, User
from .perms import can_invite_coordinator, invitable_structures


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


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    pass


# --- invitations ---------------------------------------------------------------------------------


class InvitationForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail de la personne invitée"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    structure = forms.ModelChoiceField(
        label=_("Structure"),
        queryset=Structure.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("— aucune structure —"),
    )
    role = forms.ChoiceField(
        label=_("Rôle dans la structure"),
        choices=MembershipRole.choices,
        initial=MembershipRole.STAFF,
        help_text=_("Les administrateur·rices gèrent les membres de la structure et invitent de nouvelles personnes."),
    )
    as_coordinator = forms.BooleanField(
        label=_("Inviter aussi dans l'équipe de coordination du réseau"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = invitable_structures(user, Structure.objects.active()).order_by("name")
        if can_invite_coordinator(user):
            self.fields["structure"].help_text = _("Laissez vide pour une invitation à la coordination seule.")
        else:
            del self.fields["as_coordinator"]
            self.fields["structure"].required = True
            self.fields["structure"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("structure") and not cleaned.get("as_coordinator") and "structure" not in self.errors:
            self.add_error(
                "structure", _("Choisissez une structure, ou cochez l'invitation dans l'équipe de coordination.")
            )
        return cleaned


class AcceptInvitationSignupForm(StyledFormMixin, forms.Form):
    """A person invited without an account chooses a name and a password."""

    first_name = forms.CharField(
        label=_("Prénom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Nom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Saisissez le même mot de passe, pour vérification."),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif password1:
            candidate = User(
                email=self.email, first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", "")
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


# --- members and tokens --------------------------------------------------------------------


class MembershipRoleForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=MembershipRole.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, membership: Membership, **kwargs):
        kwargs.setdefault("initial", {"role": membership.role, "version": membership.version})
        kwargs.setdefault("prefix", f"m{membership.pk}")
        super().__init__(*args, **kwargs)
        self.fields["role"].label = _("Rôle %(of_person)s") % {"of_person": de(str(membership.user))}


class ApiTokenForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": _("Nom du jeton")}
        help_texts = {"name": _("Par exemple : « Script d'export des indicateurs ». Pour le reconnaître plus tard.")}
