from django.urls import path

from guides import views

app_name = "guides"

urlpatterns = [
    path("", views.guide_index, name="index"),
    path("assess-yourself/", views.assess_yourself, name="assess-yourself"),
    path("prerequisites/", views.prerequisites, name="prerequisites"),
    path("choosing-a-cloud/", views.choosing_a_cloud, name="choosing-a-cloud"),
    path(
        "deep-learning-or-classical-ml/",
        views.deep_learning_or_classical_ml,
        name="deep-learning-or-classical-ml",
    ),
    path("project-experience/", views.project_experience, name="project-experience"),
    path("salaries/", views.salaries, name="salaries"),
    path("keeping-current/", views.keeping_current, name="keeping-current"),
    path("for-skill/<slug:slug>/", views.guide_for_skill_redirect, name="for-skill"),
]
