"""The charter, the person's notifications and the coordinator's announcement drafts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.community.forms import NewsPostForm
from fabrique.community.views_news import preview_of
from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors
from fabrique.network.perms import member_structure_ids

from .. import services
from ..forms import AnnouncementForm, CharterAcceptanceForm, CharterForm
from ..models import AnnouncementDraft, CharterAcceptance, Notification
from ..perms import can_edit_announcement, can_edit_charter, charter_signing_structures
from .common import flash_error, require


def _acceptable_structures(user, charter):
    """Labelled structures this person administers that have not accepted the current text yet."""
    accepted = CharterAcceptance.objects.filter(structure=OuterRef("pk"), charter_version=charter.version)
    return list(charter_signing_structures(user).exclude(Exists(accepted)).order_by("name"))


def charter(request):
    current = services.current_charter()
    structures = _acceptable_structures(request.user, current) if request.user.is_authenticated else []
    form = CharterAcceptanceForm(structures=structures) if structures else None
    mine = []
    own = member_structure_ids(request.user)
    if own:
        mine = list(
            CharterAcceptance.objects.filter(structure_id__in=own)
            .select_related("structure", "accepted_by")
            .order_by("structure__name", "-accepted_at")
        )
    return render(
        request,
        "appellation/charter.html",
        {"charter": current, "form": form, "acceptances": mine, "can_edit": can_edit_charter(request.user)},
    )


@login_required
@require_POST
def charter_accept(request):
    current = services.current_charter()
    structures = _acceptable_structures(request.user, current)
    require(bool(structures), _("Aucune de vos structures avec appellation n'a d'engagement à prendre."))
    form = CharterAcceptanceForm(request.POST, structures=structures)
    if form.is_valid():
        structure = next(s for s in structures if s.pk == form.cleaned_data["structure"])
        try:
            services.accept_charter(structure, by=request.user, charter=current)
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(
                request, _("Engagement enregistré : %(name)s a accepté la charte du réseau.") % {"name": structure.name}
            )
            return redirect("appellation:charter")
    return render(
        request,
        "appellation/charter.html",
        {"charter": current, "form": form, "acceptances": [], "can_edit": can_edit_charter(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def charter_edit(request):
    require(can_edit_charter(request.user), _("Seule la coordination modifie la charte."))
    current = services.current_charter()
    form = CharterForm(request.POST or None, instance=current, initial={"version": current.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_charter(
                current,
                by=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Charte enregistrée. Les engagements déjà pris gardent le texte accepté."))
            return redirect("appellation:charter")
    history = list(current.history.select_related("history_user").order_by("-history_date")[:20])
    return render(request, "appellation/charter_form.html", {"form": form, "history": history})


@login_required
def notification_list(request):
    rows = list(Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")[:200])
    return render(
        request, "appellation/notifications.html", {"rows": rows, "unread": sum(1 for n in rows if n.read_at is None)}
    )


@login_required
@require_POST
def notifications_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    return redirect("appellation:notifications")


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
