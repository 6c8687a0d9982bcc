from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.people, name="people"),
    path("<int:pk>/export/", views.person_export, name="person_export"),
    path("<int:pk>/effacer/", views.person_erase, name="person_erase"),
]
