from django.urls import path

from . import feeds, views_events, views_groups, views_life, views_news

app_name = "community"
urlpatterns = [
    path("evenements/", views_events.event_list, name="event_list"),
    path("evenements/calendrier/", views_events.event_calendar, name="event_calendar"),
    path("evenements/agenda.ics", views_events.events_feed, name="events_feed"),
    path("evenements/nouveau/", views_events.event_create, name="event_create"),
    path("evenements/participation/<slug:slug>/", views_life.participation, name="participation"),
    path("evenements/<slug:slug>/", views_events.event_detail, name="event_detail"),
    path("evenements/<slug:slug>.ics", views_events.event_ics, name="event_ics"),
    path("evenements/<slug:slug>/modifier/", views_events.event_edit, name="event_edit"),
    path("evenements/<slug:slug>/inscription/", views_events.event_register, name="event_register"),
    path("evenements/<slug:slug>/desinscription/", views_events.event_cancel, name="event_cancel"),
    path("evenements/<slug:slug>/presences/", views_events.event_attendance, name="event_attendance"),
    path("evenements/<slug:slug>/annuler/", views_events.event_cancellation, name="event_cancellation"),
    path("groupes-de-travail/", views_life.group_list, name="group_list"),
    path("groupes-de-travail/nouveau/", views_groups.group_create, name="group_create"),
    path("groupes-de-travail/<slug:slug>/", views_life.group_detail, name="group_detail"),
    path("groupes-de-travail/<slug:slug>/modifier/", views_groups.group_edit, name="group_edit"),
    path("groupes-de-travail/<slug:slug>/membres/", views_groups.group_members, name="group_members"),
    path(
        "groupes-de-travail/<slug:slug>/membres/<int:pk>/role/",
        views_groups.group_member_role,
        name="group_member_role",
    ),
    path(
        "groupes-de-travail/<slug:slug>/membres/<int:pk>/retirer/",
        views_groups.group_member_remove,
        name="group_member_remove",
    ),
    path("groupes-de-travail/<slug:slug>/rejoindre/", views_life.group_join, name="group_join"),
    path("groupes-de-travail/<slug:slug>/quitter/", views_life.group_leave, name="group_leave"),
    path("actualites/", views_news.news_list, name="news_list"),
    path("actualites/atom.xml", feeds.PublicNewsFeed(), name="news_feed"),
    path("actualites/nouvelle/", views_news.news_create, name="news_create"),
    path("actualites/<slug:slug>/", views_news.news_detail, name="news_detail"),
    path("actualites/<slug:slug>/modifier/", views_news.news_edit, name="news_edit"),
    path("actualites/<slug:slug>/retirer/", views_news.news_unpublish, name="news_unpublish"),
    path("temoignages/", views_life.testimonial_list, name="testimonial_list"),
]
