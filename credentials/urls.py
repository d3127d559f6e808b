from django.urls import path

from credentials import views

app_name = "credentials"

urlpatterns = [
    path("", views.credential_list, name="credential-list"),
    path("new/", views.credential_add, name="credential-add"),
    path("<int:pk>/edit/", views.credential_edit, name="credential-edit"),
    path("<int:pk>/delete/", views.credential_delete, name="credential-delete"),
    path("plans/<int:pk>/result/", views.exam_result, name="exam-result"),
    path("reminders/", views.reminders, name="reminders"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
