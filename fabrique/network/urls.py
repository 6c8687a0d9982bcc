from django.urls import path

from . import views_collectives, views_coordination, views_history, views_partners, views_structures

app_name = "network"

urlpatterns = [
    path("structures/", views_structures.structure_list, name="structure_list"),
    path("structures/<slug:slug>/", views_structures.structure_detail, name="structure_detail"),
    path("structures/<slug:slug>/modifier/", views_structures.structure_edit, name="structure_edit"),
    path("structures/<slug:slug>/historique/", views_history.structure_history, name="structure_history"),
    path("structures/<slug:slug>/partenaires/", views_partners.partner_list, name="partner_list"),
    path("structures/<slug:slug>/partenaires/ajouter/", views_partners.partnership_add, name="partnership_add"),
    path(
        "structures/<slug:slug>/partenaires/<int:pk>/modifier/",
        views_partners.partnership_edit,
        name="partnership_edit",
    ),
    path(
        "structures/<slug:slug>/partenaires/<int:pk>/organisation/",
        views_partners.partner_edit,
        name="partner_edit",
    ),
    path(
        "structures/<slug:slug>/partenaires/<int:pk>/terminer/",
        views_partners.partnership_end,
        name="partnership_end",
    ),
    path("coordination/", views_coordination.coordination, name="coordination"),
    path("coordination/structures/nouvelle/", views_coordination.structure_create, name="structure_create"),
    path("coordination/structures/<slug:slug>/", views_coordination.structure_status, name="structure_status"),
    path(
        "coordination/structures/<slug:slug>/statut/",
        views_coordination.structure_transition,
        name="structure_transition",
    ),
    path("coordination/collectifs/nouveau/", views_collectives.collective_create, name="collective_create"),
    path("collectifs/", views_collectives.collective_list, name="collective_list"),
    path("collectifs/<slug:slug>/", views_collectives.collective_detail, name="collective_detail"),
    path("collectifs/<slug:slug>/modifier/", views_collectives.collective_edit, name="collective_edit"),
]
