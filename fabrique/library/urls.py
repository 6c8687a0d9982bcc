from django.urls import path

from . import views

app_name = "library"
urlpatterns = [
    path("", views.resource_list, name="resource_list"),
    path("nouvelle/", views.resource_create, name="resource_create"),
    path("<slug:slug>/", views.resource_detail, name="resource_detail"),
    path("<slug:slug>/modifier/", views.resource_edit, name="resource_edit"),
    path("<slug:slug>/fichiers/<int:pk>/", views.file_download, name="file_download"),
]
