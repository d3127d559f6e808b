from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.start, name="start"),
    path("how-we-score/", views.how_we_score, name="how-we-score"),
]
