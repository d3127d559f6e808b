from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.certification_list, name="certification-list"),
    path("compare/", views.certification_compare, name="certification-compare"),
    path("changes/", views.catalog_changes, name="catalog-changes"),
    path("<slug:slug>/", views.certification_detail, name="certification-detail"),
]
