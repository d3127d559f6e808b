from django.contrib import admin
from django.urls import include, path

from certguide import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/signup/sent/", views.signup_sent, name="signup-sent"),
    path(
        "accounts/signup/confirm/<uidb64>/<token>/",
        views.signup_confirm,
        name="signup-confirm",
    ),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", views.account, name="account"),
    path("accounts/data.json", views.download_my_data, name="account-data"),
    path("accounts/delete/", views.delete_my_account, name="account-delete"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("certifications/", include("catalog.urls")),
    path("assessment/", include("assessments.urls")),
    path("plans/", include("plans.urls")),
    path("guides/", include("guides.urls")),
    path("credentials/", include("credentials.urls")),
    path("admin/", admin.site.urls),
]
