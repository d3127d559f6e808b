from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
@login_not_required
def certification_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/certification_list.html")
