from django.urls import path

from .views import announcements, charter, committee, home, notifications, requests, voting

app_name = "appellation"
urlpatterns = [
    path("", home.home, name="home"),
    path("demandes/", requests.request_list, name="request_list"),
    path("demandes/nouvelle/", requests.request_new, name="request_new"),
    path("demandes/<int:pk>/", requests.request_detail, name="request_detail"),
    path("demandes/<int:pk>/modifier/", requests.request_edit, name="request_edit"),
    path("demandes/<int:pk>/deposer/", requests.request_submit, name="request_submit"),
    path("demandes/<int:pk>/retirer/", requests.request_withdraw, name="request_withdraw"),
    path("demandes/<int:pk>/pieces/", requests.attachment_add, name="attachment_add"),
    path("demandes/<int:pk>/pieces/<int:attachment_pk>/", requests.attachment_download, name="attachment_download"),
    path(
        "demandes/<int:pk>/pieces/<int:attachment_pk>/supprimer/",
        requests.attachment_delete,
        name="attachment_delete",
    ),
    path("demandes/<int:pk>/vote/", voting.vote, name="vote"),
    path("demandes/<int:pk>/conflit/", voting.declare_conflict, name="declare_conflict"),
    path("demandes/<int:pk>/conflits/", voting.record_conflict, name="record_conflict"),
    path("votes/", voting.ballot, name="ballot"),
    path("seances/", committee.session_list, name="session_list"),
    path("seances/nouvelle/", committee.session_new, name="session_new"),
    path("seances/<int:pk>/", committee.session_detail, name="session_detail"),
    path("seances/<int:pk>/cloturer/", committee.session_close, name="session_close"),
    path("resultats/", committee.results, name="results"),
    path("charte/", charter.charter, name="charter"),
    path("charte/modifier/", charter.charter_edit, name="charter_edit"),
    path("charte/accepter/", charter.charter_accept, name="charter_accept"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/lues/", notifications.notifications_read, name="notifications_read"),
    path("annonces/", announcements.announcement_list, name="announcement_list"),
    path("annonces/<int:pk>/", announcements.announcement_edit, name="announcement_edit"),
    path("annonces/<int:pk>/publier/", announcements.announcement_publish, name="announcement_publish"),
]
