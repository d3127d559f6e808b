from django.db import migrations

from certguide.curators import grant_curator_permissions, remove_curators


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("catalog", "0001_initial"),
        ("assessments", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_curator_permissions, remove_curators)]
