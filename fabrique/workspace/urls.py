from django.urls import path

from .views import conversation, documents, invitations, overview, people, steps

app_name = "workspace"

urlpatterns = [
    path("<int:pk>/", overview.overview, name="overview"),
    path("<int:pk>/etapes/", steps.steps, name="steps"),
    path("<int:pk>/etapes/<int:step_pk>/modifier/", steps.step_edit, name="step_edit"),
    path("<int:pk>/etapes/<int:step_pk>/statut/", steps.step_status, name="step_status"),
    path("structures/<slug:slug>/etapes/", steps.structure_steps, name="structure_steps"),
    path("<int:pk>/conversation/", conversation.conversation, name="conversation"),
    path("<int:pk>/conversation/<int:message_pk>/modifier/", conversation.message_edit, name="message_edit"),
    path("<int:pk>/conversation/<int:message_pk>/supprimer/", conversation.message_delete, name="message_delete"),
    path(
        "<int:pk>/conversation/pieces-jointes/<int:attachment_pk>/",
        conversation.message_attachment,
        name="message_attachment",
    ),
    path("<int:pk>/personnes/", people.people, name="people"),
    path(
        "<int:pk>/personnes/invitations/<int:invitation_pk>/annuler/",
        people.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<int:pk>/personnes/<int:member_pk>/retirer/", people.person_remove, name="person_remove"),
    path("<int:pk>/personnes/<int:member_pk>/observateur/", people.person_observer, name="person_observer"),
    path("<int:pk>/quitter/", people.leave, name="leave"),
    path("invitation/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    path("<int:pk>/documents/", documents.documents, name="documents"),
    path("<int:pk>/documents/<int:document_pk>/", documents.document, name="document"),
    path("<int:pk>/documents/<int:document_pk>/versions/", documents.document_version_add, name="document_version_add"),
    path("<int:pk>/documents/<int:document_pk>/visibilite/", documents.document_visibility, name="document_visibility"),
    path("<int:pk>/documents/<int:document_pk>/suppression/", documents.document_delete, name="document_delete"),
    path("<int:pk>/documents/<int:document_pk>/publication/", documents.document_publish, name="document_publish"),
    path(
        "<int:pk>/documents/<int:document_pk>/versions/<int:version_pk>/",
        documents.document_download,
        name="document_download",
    ),
]
