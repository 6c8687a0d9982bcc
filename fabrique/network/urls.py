from django.urls import path

from .views import collectives, coordination, departement_map, history, invitations, members, partners, structures

app_name = "network"

urlpatterns = [
    path("carte/", departement_map.departement_map, name="map"),
    path("structures/", structures.structure_list, name="structure_list"),
    path("structures/<slug:slug>/", structures.structure_detail, name="structure_detail"),
    path("structures/<slug:slug>/modifier/", structures.structure_edit, name="structure_edit"),
    path("structures/<slug:slug>/historique/", history.structure_history, name="structure_history"),
    path("structures/<slug:slug>/partenaires/", partners.partner_list, name="partner_list"),
    path("structures/<slug:slug>/partenaires/ajouter/", partners.partnership_add, name="partnership_add"),
    path(
        "structures/<slug:slug>/partenaires/<int:pk>/modifier/",
        partners.partnership_edit,
        name="partnership_edit",
    ),
    path(
        "structures/<slug:slug>/partenaires/<int:pk>/organisation/",
        partners.partner_edit,
        name="partner_edit",
    ),
    path(
        "structures/<slug:slug>/partenaires/<int:pk>/terminer/",
        partners.partnership_end,
        name="partnership_end",
    ),
    path("coordination/", coordination.coordination, name="coordination"),
    path("coordination/structures/nouvelle/", coordination.structure_create, name="structure_create"),
    path("coordination/structures/<slug:slug>/", coordination.structure_status, name="structure_status"),
    path(
        "coordination/structures/<slug:slug>/statut/",
        coordination.structure_transition,
        name="structure_transition",
    ),
    path("coordination/collectifs/nouveau/", collectives.collective_create, name="collective_create"),
    path("collectifs/", collectives.collective_list, name="collective_list"),
    path("collectifs/<slug:slug>/", collectives.collective_detail, name="collective_detail"),
    path("collectifs/<slug:slug>/modifier/", collectives.collective_edit, name="collective_edit"),
    # under « comptes/ », beside the person's account pages (fabrique.accounts)
    path("comptes/invitations/", invitations.invitation_list, name="invitations"),
    path("comptes/invitations/nouvelle/", invitations.invite, name="invite"),
    path("comptes/invitations/<int:pk>/annuler/", invitations.invitation_revoke, name="invitation_revoke"),
    path("comptes/invitation/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    path("comptes/structures/<slug:slug>/membres/", members.members, name="members"),
    path("comptes/structures/<slug:slug>/membres/<int:pk>/role/", members.member_role, name="member_role"),
    path("comptes/structures/<slug:slug>/membres/<int:pk>/retirer/", members.member_remove, name="member_remove"),
]
