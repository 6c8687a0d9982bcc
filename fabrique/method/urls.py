from django.urls import path

from .views import board, needs, projects, public, steering

app_name = "method"

urlpatterns = [
    path("", board.method_home, name="home"),
    path("structures/<slug:slug>/tableau/", board.board, name="board"),
    path("structures/<slug:slug>/besoins/", needs.need_list, name="need_list"),
    path("structures/<slug:slug>/besoins/nouveau/", needs.need_create, name="need_create"),
    path("structures/<slug:slug>/seances/", needs.session_list, name="session_list"),
    path("structures/<slug:slug>/seances/nouvelle/", needs.session_create, name="session_create"),
    path("structures/<slug:slug>/projets/nouveau/", projects.project_create, name="project_create"),
    path("besoins/<int:pk>/", needs.need_detail, name="need_detail"),
    path("besoins/<int:pk>/modifier/", needs.need_edit, name="need_edit"),
    path("seances/<int:pk>/", needs.session_detail, name="session_detail"),
    path("seances/<int:pk>/modifier/", needs.session_edit, name="session_edit"),
    path("projets/", board.project_list, name="project_list"),
    path("projets/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projets/<int:pk>/modifier/", projects.project_edit, name="project_edit"),
    path("projets/<int:pk>/etape/", projects.project_move, name="project_move"),
    path("projets/<int:pk>/notes/", projects.note_add, name="note_add"),
    path("projets/<int:pk>/partenaires/", projects.project_partners, name="project_partners"),
    path(
        "projets/<int:pk>/partenaires/<int:link_pk>/retirer/",
        projects.project_partner_remove,
        name="project_partner_remove",
    ),
    path("projets/<int:pk>/decisions/nouvelle/", steering.decision_create, name="decision_create"),
    path("projets/<int:pk>/modele-economique/", steering.economic_model_edit, name="economic_model_edit"),
    path("projets/<int:pk>/resultat/", steering.outcome_edit, name="outcome_edit"),
    path("territoires/", public.territories, name="territories"),
    path("activites/", public.activity_list, name="activity_list"),
    path("activites/<slug:slug>/", public.activity_detail, name="activity_detail"),
]
