from django.urls import path

from . import views_board, views_needs, views_projects, views_public, views_steering

app_name = "method"

urlpatterns = [
    path("", views_board.method_home, name="home"),
    path("structures/<slug:slug>/tableau/", views_board.board, name="board"),
    path("structures/<slug:slug>/besoins/", views_needs.need_list, name="need_list"),
    path("structures/<slug:slug>/besoins/nouveau/", views_needs.need_create, name="need_create"),
    path("structures/<slug:slug>/seances/", views_needs.session_list, name="session_list"),
    path("structures/<slug:slug>/seances/nouvelle/", views_needs.session_create, name="session_create"),
    path("structures/<slug:slug>/projets/nouveau/", views_projects.project_create, name="project_create"),
    path("besoins/<int:pk>/", views_needs.need_detail, name="need_detail"),
    path("besoins/<int:pk>/modifier/", views_needs.need_edit, name="need_edit"),
    path("seances/<int:pk>/", views_needs.session_detail, name="session_detail"),
    path("seances/<int:pk>/modifier/", views_needs.session_edit, name="session_edit"),
    path("projets/", views_board.project_list, name="project_list"),
    path("projets/<int:pk>/", views_projects.project_detail, name="project_detail"),
    path("projets/<int:pk>/modifier/", views_projects.project_edit, name="project_edit"),
    path("projets/<int:pk>/etape/", views_projects.project_move, name="project_move"),
    path("projets/<int:pk>/notes/", views_projects.note_add, name="note_add"),
    path("projets/<int:pk>/partenaires/", views_projects.project_partners, name="project_partners"),
    path(
        "projets/<int:pk>/partenaires/<int:link_pk>/retirer/",
        views_projects.project_partner_remove,
        name="project_partner_remove",
    ),
    path("projets/<int:pk>/decisions/nouvelle/", views_steering.decision_create, name="decision_create"),
    path("projets/<int:pk>/modele-economique/", views_steering.economic_model_edit, name="economic_model_edit"),
    path("projets/<int:pk>/resultat/", views_steering.outcome_edit, name="outcome_edit"),
    path("territoires/", views_public.territories, name="territories"),
    path("activites/", views_public.activity_list, name="activity_list"),
    path("activites/<slug:slug>/", views_public.activity_detail, name="activity_detail"),
]
