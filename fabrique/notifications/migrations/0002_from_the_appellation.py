"""The appellation's own notifications become the platform's: same rows, read or not, same keys; they were all
e-mailed when they were created."""

from django.db import migrations


def copy(apps, schema_editor):
    Old = apps.get_model("appellation", "Notification")
    New = apps.get_model("notifications", "Notification")
    rows = [
        New(
            recipient_id=old.recipient_id,
            kind=old.kind,
            subject=old.subject,
            body=old.body,
            url=old.url,
            key=old.key,
            read_at=old.read_at,
            emailed_at=old.created_at,
        )
        for old in Old.objects.order_by("pk").iterator()
    ]
    created = New.objects.bulk_create(rows, batch_size=500)
    # auto_now_add set created_at to now: give each row its original date back
    for new, old in zip(created, Old.objects.order_by("pk").iterator(), strict=True):
        New.objects.filter(pk=new.pk).update(created_at=old.created_at)


def copy_back(apps, schema_editor):
    Old = apps.get_model("appellation", "Notification")
    New = apps.get_model("notifications", "Notification")
    appellation_kinds = {"session_opened", "deadline_reminder", "decision", "request_submitted", "conflict_recorded"}
    for new in New.objects.filter(kind__in=appellation_kinds).order_by("pk").iterator():
        old = Old.objects.create(
            recipient_id=new.recipient_id,
            kind=new.kind,
            subject=new.subject,
            body=new.body,
            url=new.url,
            key=new.key,
            read_at=new.read_at,
        )
        Old.objects.filter(pk=old.pk).update(created_at=new.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("appellation", "0003_french_names"),
    ]

    operations = [migrations.RunPython(copy, copy_back)]
