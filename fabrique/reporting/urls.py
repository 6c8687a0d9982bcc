from django.urls import path

from .views import dashboards, exports, imports, opendata, reports

app_name = "reporting"

urlpatterns = [
    path("", dashboards.public, name="public"),
    path("reseau/", dashboards.network, name="network"),
    path("structure/", dashboards.my_structure, name="my_structure"),
    path("structures/<slug:slug>/", dashboards.structure, name="structure"),
    path("territoire/", dashboards.territory, name="territory"),
    path("rapport.pdf", reports.report, name="report"),
    path("import/", imports.import_home, name="import_home"),
    path("import/modele/<str:kind>.<str:fmt>", imports.import_template, name="import_template"),
    path("donnees-ouvertes/", opendata.opendata_page, name="opendata"),
    path("donnees-ouvertes/datapackage.json", opendata.datapackage, name="datapackage"),
    path("donnees-ouvertes/<slug:name>.<str:fmt>", opendata.opendata_file, name="opendata_file"),
    path("exports/", exports.export_list, name="export_list"),
    path("exports/indicateurs.<str:fmt>", exports.export_indicators, name="export_indicators"),
    path("exports/<str:kind>.<str:fmt>", exports.export_kind, name="export_kind"),
]
