from django.urls import path

from . import views, views_invitations, views_members, views_tokens

app_name = "accounts"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("deconnexion/", views.LogoutView.as_view(), name="logout"),
    path("profil/", views.profile, name="profile"),
    path("mot-de-passe/", views.PasswordChangeView.as_view(), name="password_change"),
    path("mot-de-passe/oublie/", views.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/oublie/envoye/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("mot-de-passe/nouveau/termine/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("jetons/", views_tokens.tokens, name="tokens"),
    path("jetons/<int:pk>/revoquer/", views_tokens.token_revoke, name="token_revoke"),
    path("invitations/", views_invitations.invitation_list, name="invitations"),
    path("invitations/nouvelle/", views_invitations.invite, name="invite"),
    path("invitations/<int:pk>/annuler/", views_invitations.invitation_revoke, name="invitation_revoke"),
    path("invitation/<str:token>/", views_invitations.accept_invitation, name="accept_invitation"),
    path("structures/<slug:slug>/membres/", views_members.members, name="members"),
    path("structures/<slug:slug>/membres/<int:pk>/role/", views_members.member_role, name="member_role"),
    path("structures/<slug:slug>/membres/<int:pk>/retirer/", views_members.member_remove, name="member_remove"),
]
