"""The coordinator's announcement drafts: list, edit, publish as a news post."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fabrique.community.interface import NewsPostForm, preview_of
from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors

from .. import services
from ..forms import AnnouncementForm
from ..models import AnnouncementDraft
from ..perms import can_edit_announcement
from .common import flash_error, require


@login_required
def announcement_list(request):
    require(can_edit_announcement(request.user), _("Seule la coordination lit les projets d'annonce."))
    drafts = list(AnnouncementDraft.objects.select_related("session", "news_post").order_by("-created_at"))
    return render(request, "appellation/announcement_list.html", {"drafts": drafts})


@login_required
@require_http_methods(["GET", "POST"])
def announcement_edit(request, pk: int):
    require(can_edit_announcement(request.user), _("Seule la coordination modifie les projets d'annonce."))
    draft = get_object_or_404(AnnouncementDraft.objects.select_related("session", "news_post"), pk=pk)
    form = AnnouncementForm(request.POST or None, instance=draft, initial={"version": draft.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_announcement(
                draft,
                by=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Projet d'annonce enregistré."))
            return redirect(draft)
    return render(request, "appellation/announcement_form.html", {"form": form, "draft": draft})


@login_required
@require_http_methods(["GET", "POST"])
def announcement_publish(request, pk: int):
    """Publish the draft as a news post, after a form prefilled from it (editable before publishing); once only:
    a published draft sends to its post."""
    require(can_edit_announcement(request.user), _("Seule la coordination publie les projets d'annonce."))
    draft = get_object_or_404(AnnouncementDraft.objects.select_related("session", "news_post"), pk=pk)
    if draft.news_post is not None:
        messages.info(request, _("Ce projet d'annonce est déjà publié : voici l'actualité."))
        return redirect(draft.news_post)
    initial = {"title": draft.title[:200], "body": draft.body, "published_on": timezone.localdate()}
    form = NewsPostForm(request.POST or None, initial={**initial, "version": draft.version})
    preview = preview_of(request, form)
    if request.method == "POST" and form.is_valid():
        if preview is None:
            data = form.news_data()
            try:
                post = services.publish_announcement(
                    draft, by=request.user, data=data, expected_version=form.cleaned_data["version"]
                )
            except VersionConflict as exc:
                form.add_error(None, str(exc))
            except ValidationError as exc:
                attach_errors(form, exc)
            except DomainError as exc:
                flash_error(request, exc)
                return redirect(draft)
            else:
                messages.success(request, _("Le projet d'annonce est publié comme actualité."))
                return redirect(post)
    context = {"form": form, "draft": draft, "preview": preview}
    return render(request, "appellation/announcement_publish.html", context)
