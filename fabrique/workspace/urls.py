from django.urls import path

from .views import overview

app_name = "workspace"

urlpatterns = [
    path("<int:pk>/", overview.overview, name="overview"),
]
