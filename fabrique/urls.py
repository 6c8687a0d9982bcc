from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from fabrique.api import api

admin.site.site_header = settings.NETWORK_NAME
admin.site.site_title = settings.NETWORK_NAME

urlpatterns = [
    path("", include("fabrique.home.urls")),
    path("", include("fabrique.core.urls")),
    path("comptes/", include("fabrique.accounts.urls")),
    path("", include("fabrique.network.urls")),
    path("methode/", include("fabrique.method.urls")),
    path("espace-projet/", include("fabrique.workspace.urls")),
    path("appellation/", include("fabrique.appellation.urls")),
    path("notifications/", include("fabrique.notifications.urls")),
    path("bibliotheque/", include("fabrique.library.urls")),
    path("recherche/", include("fabrique.search.urls")),
    path("", include("fabrique.community.urls")),
    path("indicateurs/", include("fabrique.reporting.urls")),
    path("coordination/donnees-personnelles/", include("fabrique.privacy.urls")),
    path("", include("fabrique.audit.urls")),  # the journal, the activity feeds
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "fabrique.core.error_pages.bad_request"
handler403 = "fabrique.core.error_pages.permission_denied"
handler404 = "fabrique.core.error_pages.page_not_found"
handler500 = "fabrique.core.error_pages.server_error"
