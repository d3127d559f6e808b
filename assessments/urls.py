from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.start, name="start"),
    path("how-we-score/", views.how_we_score, name="how-we-score"),
    path("new/", views.attempt_create, name="attempt-create"),
    path("<uuid:public_id>/", views.resume, name="resume"),
    path("<uuid:public_id>/answer/", views.answer, name="answer"),
    path("<uuid:public_id>/finish/", views.finish, name="finish"),
    path("<uuid:public_id>/results/", views.results, name="results"),
    path("<uuid:public_id>/<slug:section>/", views.section, name="section"),
]
