from django.contrib import admin
from django.urls import include, path

from certguide import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/", views.account, name="account"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("certifications/", include("catalog.urls")),
    path("assessment/", include("assessments.urls")),
    path("plans/", include("plans.urls")),
    path("admin/", admin.site.urls),
]
