from django.urls import path

from .views import exports

app_name = "reporting"

urlpatterns = [
    path("exports/", exports.export_list, name="export_list"),
    path("exports/indicateurs.<str:fmt>", exports.export_indicators, name="export_indicators"),
    path("exports/<str:kind>.<str:fmt>", exports.export_kind, name="export_kind"),
]
