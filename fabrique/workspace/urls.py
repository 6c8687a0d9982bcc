from django.urls import path

from .views import overview, steps

app_name = "workspace"

urlpatterns = [
    path("<int:pk>/", overview.overview, name="overview"),
    path("<int:pk>/etapes/", steps.steps, name="steps"),
    path("<int:pk>/etapes/<int:step_pk>/modifier/", steps.step_edit, name="step_edit"),
    path("<int:pk>/etapes/<int:step_pk>/statut/", steps.step_status, name="step_status"),
    path("structures/<slug:slug>/etapes/", steps.structure_steps, name="structure_steps"),
]
