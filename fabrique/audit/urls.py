from django.urls import path

from . import views

app_name = "audit"

# Mounted at the root (fabrique/urls.py): the journal is the coordination's, a project's feed is a tab of its
# workspace, a structure's feed sits beside its method board.
urlpatterns = [
    path("coordination/journal/", views.journal_page, name="journal"),
    path("espace-projet/<int:pk>/activite/", views.project_activity, name="project_activity"),
    path("methode/structures/<slug:slug>/activite/", views.structure_activity, name="structure_activity"),
]
