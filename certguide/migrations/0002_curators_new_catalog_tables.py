from django.db import migrations

from certguide.curators import grant_curator_permissions


class Migration(migrations.Migration):
    """The catalog gained tables (fact sources, the change log): curators edit those too."""

    dependencies = [
        ("certguide", "0001_curators_group"),
        ("catalog", "0003_curation_schema"),
    ]

    operations = [migrations.RunPython(grant_curator_permissions, migrations.RunPython.noop)]
