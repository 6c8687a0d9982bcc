"""Forms of the members and invitations pages. Labels and errors in French; widgets styled like the accounts pages."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from fabrique.accounts.forms import StyledFormMixin
from fabrique.accounts.models import User
from fabrique.core.french import de

from ..enums import MembershipRole
from ..models import Membership, Structure
from ..perms import can_invite_coordinator, invitable_structures


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


# --- members ----------------------------------------------------------------------------------------------------


class MembershipRoleForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=MembershipRole.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, membership: Membership, **kwargs):
        kwargs.setdefault("initial", {"role": membership.role, "version": membership.version})
        kwargs.setdefault("prefix", f"m{membership.pk}")
        super().__init__(*args, **kwargs)
        self.fields["role"].label = _("Rôle %(of_person)s") % {"of_person": de(str(membership.user))}
