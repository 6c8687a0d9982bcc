from django.urls import path

from . import feeds
from .views import events, groups, life, news

app_name = "community"
urlpatterns = [
    path("evenements/", events.event_list, name="event_list"),
    path("evenements/calendrier/", events.event_calendar, name="event_calendar"),
    path("evenements/agenda.ics", events.events_feed, name="events_feed"),
    path("evenements/nouveau/", events.event_create, name="event_create"),
    path("evenements/participation/<slug:slug>/", life.participation, name="participation"),
    path("evenements/<slug:slug>/", events.event_detail, name="event_detail"),
    path("evenements/<slug:slug>.ics", events.event_ics, name="event_ics"),
    path("evenements/<slug:slug>/modifier/", events.event_edit, name="event_edit"),
    path("evenements/<slug:slug>/inscription/", events.event_register, name="event_register"),
    path("evenements/<slug:slug>/desinscription/", events.event_cancel, name="event_cancel"),
    path("evenements/<slug:slug>/presences/", events.event_attendance, name="event_attendance"),
    path("evenements/<slug:slug>/annuler/", events.event_cancellation, name="event_cancellation"),
    path("groupes-de-travail/", life.group_list, name="group_list"),
    path("groupes-de-travail/nouveau/", groups.group_create, name="group_create"),
    path("groupes-de-travail/<slug:slug>/", life.group_detail, name="group_detail"),
    path("groupes-de-travail/<slug:slug>/modifier/", groups.group_edit, name="group_edit"),
    path("groupes-de-travail/<slug:slug>/membres/", groups.group_members, name="group_members"),
    path(
        "groupes-de-travail/<slug:slug>/membres/<int:pk>/role/",
        groups.group_member_role,
        name="group_member_role",
    ),
    path(
        "groupes-de-travail/<slug:slug>/membres/<int:pk>/retirer/",
        groups.group_member_remove,
        name="group_member_remove",
    ),
    path("groupes-de-travail/<slug:slug>/rejoindre/", life.group_join, name="group_join"),
    path("groupes-de-travail/<slug:slug>/quitter/", life.group_leave, name="group_leave"),
    path("actualites/", news.news_list, name="news_list"),
    path("actualites/atom.xml", feeds.PublicNewsFeed(), name="news_feed"),
    path("actualites/nouvelle/", news.news_create, name="news_create"),
    path("actualites/<slug:slug>/", news.news_detail, name="news_detail"),
    path("actualites/<slug:slug>/modifier/", news.news_edit, name="news_edit"),
    path("actualites/<slug:slug>/retirer/", news.news_unpublish, name="news_unpublish"),
    path("temoignages/", life.testimonial_list, name="testimonial_list"),
]
