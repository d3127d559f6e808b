"""The Curators group that a migration creates: the catalog and the question bank, nothing more."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from certguide.curators import GROUP_NAME


def curator_permissions() -> set[str]:
    group = Group.objects.get(name=GROUP_NAME)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


@pytest.mark.django_db(transaction=True)
def test_the_migration_creates_the_group_with_exactly_the_curating_permissions():
    call_command("migrate", "certguide", "zero", verbosity=0)
    assert not Group.objects.filter(name=GROUP_NAME).exists()

    call_command("migrate", "certguide", verbosity=0)

    permissions = curator_permissions()
    assert {
        "catalog.change_certification",
        "catalog.add_examdomain",
        "catalog.delete_resource",
        "catalog.change_provider",
        "catalog.change_skill",
        "assessments.change_question",
        "assessments.add_choice",
    } <= permissions
    assert "assessments.delete_question" not in permissions, "questions are retired, not deleted"
    apps_reached = {name.split(".")[0] for name in permissions}
    assert apps_reached == {"catalog", "assessments"}
    people = {"assessments.view_attempt", "assessments.view_answer", "auth.view_user"}
    assert not permissions & people
