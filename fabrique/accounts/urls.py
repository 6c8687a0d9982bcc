from django.urls import path

from .views import account, tokens

app_name = "accounts"
urlpatterns = [
    path("connexion/", account.LoginView.as_view(), name="login"),
    path("deconnexion/", account.LogoutView.as_view(), name="logout"),
    path("profil/", account.profile, name="profile"),
    path("mot-de-passe/", account.PasswordChangeView.as_view(), name="password_change"),
    path("mot-de-passe/oublie/", account.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/oublie/envoye/", account.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("mot-de-passe/nouveau/termine/", account.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("jetons/", tokens.tokens, name="tokens"),
    path("jetons/<int:pk>/revoquer/", tokens.token_revoke, name="token_revoke"),
]
