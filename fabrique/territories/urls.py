from django.urls import path

from . import views

app_name = "territories"
urlpatterns = [
    path("carte/", views.departement_map, name="map"),
]
