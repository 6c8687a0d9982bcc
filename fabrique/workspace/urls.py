from django.urls import path

from .views import conversation, overview, steps

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
]
