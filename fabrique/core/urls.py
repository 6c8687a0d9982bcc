from django.urls import path

from . import views

urlpatterns = [
    path("accessibilite/", views.accessibility, name="accessibility"),
]
