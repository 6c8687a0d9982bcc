"""Personal API tokens: list, create (the raw value is shown once), revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.core.exceptions import DomainError

from .. import services
from ..forms import ApiTokenForm
from ..models import ApiToken
from ..perms import token_abilities


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = services.create_api_token(request.user, name=form.cleaned_data["name"])
        except DomainError as error:
            form.add_error("name", str(error))
        else:
            # Rendered in the answer to the POST, never stored: once this page is left, the value is gone.
            return render(request, "accounts/token_created.html", {"token": token, "raw": raw})
    rows = [(token, token_abilities(request.user, token)) for token in request.user.api_tokens.all()]
    return render(request, "accounts/tokens.html", {"form": form, "rows": rows})


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    try:
        services.revoke_api_token(token, by=request.user)
    except PermissionDenied:
        raise Http404 from None  # another person's token: its existence is not told
    messages.success(
        request, _("Le jeton « %(name)s » est révoqué : il ne permet plus d'accéder à l'API.") % {"name": token.name}
    )
    return redirect("accounts:tokens")
