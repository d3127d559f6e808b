from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
@login_not_required
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "assessments/start.html")


@require_GET
@login_not_required
def how_we_score(request: HttpRequest) -> HttpResponse:
    return render(request, "assessments/how_we_score.html")
