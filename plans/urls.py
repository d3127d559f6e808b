from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/<slug:slug>/", views.plan_create, name="plan-create"),
    path("<int:pk>/", views.plan_detail, name="plan-detail"),
    path("<int:pk>/print/", views.plan_print, name="plan-print"),
    path("<int:pk>/calendar.ics", views.plan_ics, name="plan-ics"),
    path("<int:pk>/feed/", views.plan_feed_address, name="plan-feed"),
    path("feed/<slug:token>.ics", views.feed, name="feed"),
    path("<int:pk>/replan/", views.plan_replan, name="plan-replan"),
    path("<int:pk>/pause/", views.plan_pause, name="plan-pause"),
    path("<int:pk>/resume/", views.plan_resume, name="plan-resume"),
    path("<int:pk>/archive/", views.plan_archive, name="plan-archive"),
    path("<int:pk>/follow-catalog/", views.plan_follow_catalog, name="plan-follow-catalog"),
    path("<int:pk>/refresh-gaps/", views.plan_refresh_gaps, name="plan-refresh-gaps"),
    path("<int:pk>/restore/", views.plan_restore, name="plan-restore"),
    path("<int:pk>/items/new/", views.item_add, name="item-add"),
    path("<int:pk>/items/<int:item_pk>/state/", views.item_state, name="item-state"),
    path("<int:pk>/items/<int:item_pk>/log/", views.item_log, name="item-log"),
    path("<int:pk>/items/<int:item_pk>/edit/", views.item_edit, name="item-edit"),
    path("<int:pk>/items/<int:item_pk>/delete/", views.item_delete, name="item-delete"),
    path("<int:pk>/items/<int:item_pk>/move/", views.item_move, name="item-move"),
]
