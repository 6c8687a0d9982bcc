"""Run in a subprocess against a scratch install (FABRIQUE_DATA_DIR, DATABASE_URL) by the round-trip test.

`python -m tests.ops.site_probe seed`: adds to the demo a library file and an appellation attachment.
`python -m tests.ops.site_probe snapshot`: prints as JSON the rows (count per table, some values) and the files
(SHA-256).
`python -m tests.ops.site_probe serve`: prints as JSON what the site serves (status codes, SHA-256 of the
downloaded files), after writing a new row (the sequences go on after a restore).
"""

import hashlib
import json
import os
import sys

import django

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def seed() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fabrique.accounts.models import User
    from fabrique.appellation import services as appellation
    from fabrique.library import services as library
    from fabrique.library.models import Resource
    from fabrique.network.enums import MembershipRole
    from fabrique.network.models import Partner, Partnership
    from tests.factories import MembershipFactory, StructureFactory

    coordinator = User.objects.get(email="coordination@example.org")
    binary = PDF + bytes(range(256)) * 1024  # every byte value, 256 KiB
    resource = Resource.objects.order_by("pk").first()
    library.add_file(resource, coordinator, SimpleUploadedFile("Étude d'opportunité.pdf", binary), note="v2")

    applicant = StructureFactory(name="Fabrique de la Sauvegarde", slug="fabrique-sauvegarde", departements=["29"])
    admin = MembershipFactory(structure=applicant, user__email="sauvegarde@example.org", role=MembershipRole.ADMIN)
    partner = Partner.objects.create(name="Partenaire de la sauvegarde")
    Partnership.objects.create(structure=applicant, partner=partner, since="2023-03-01")
    request = appellation.create_request(applicant, by=admin.user, data={"usefulness": "Trois ans d'expérimentation."})
    upload = SimpleUploadedFile("dossier.pdf", PDF + os.urandom(4096))
    appellation.add_attachment(request, by=admin.user, title="Bilan de l'expérimentation", upload=upload)


def snapshot() -> dict:
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from the introspection
            counts[table] = cursor.fetchone()[0]
    roots = {"media": settings.MEDIA_ROOT, "private": settings.APPELLATION_PRIVATE_ROOT}
    return {"counts": counts, "values": _values(), "files": _files(roots)}


def _values() -> dict:
    from fabrique.accounts.models import User
    from fabrique.appellation.models import RequestAttachment
    from fabrique.library.models import ResourceFile
    from fabrique.network.models import Structure

    return {
        "structures": list(Structure.objects.order_by("slug").values_list("slug", "name", "status", "city")),
        "users": list(User.objects.order_by("email").values_list("email", "password", "is_coordinator")),
        "resource_files": list(ResourceFile.objects.order_by("pk").values_list("file", "name", "size", "sha256")),
        "attachments": list(RequestAttachment.objects.order_by("pk").values_list("file", "title", "size")),
    }


def _files(roots: dict) -> dict:
    found = {}
    for name, root in roots.items():
        for folder, _dirs, files in os.walk(root):
            for file in files:
                path = os.path.join(folder, file)
                with open(path, "rb") as stream:
                    found[f"{name}/{os.path.relpath(path, root)}"] = hashlib.sha256(stream.read()).hexdigest()
    return dict(sorted(found.items()))


def serve() -> dict:
    from django.test import Client

    from fabrique.accounts.models import User
    from fabrique.appellation.models import RequestAttachment
    from fabrique.library.models import ResourceFile
    from fabrique.network.models import Structure
    from tests.factories import StructureFactory

    StructureFactory(name="Écrite après la restauration", slug="ecrite-apres")
    client = Client()
    structure = Structure.objects.get(slug="fabrique-sauvegarde")
    statuses = {"home": client.get("/").status_code, "structure": client.get(structure.get_absolute_url()).status_code}
    client.force_login(User.objects.get(email="coordination@example.org"))
    downloads = {}
    for row in [*ResourceFile.objects.order_by("pk"), *RequestAttachment.objects.order_by("pk")]:
        response = client.get(row.get_absolute_url())
        body = b"".join(response.streaming_content) if response.streaming else response.content
        downloads[row.file.name] = [response.status_code, hashlib.sha256(body).hexdigest()]
    return {"statuses": statuses, "downloads": downloads}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fabrique.settings")
    django.setup()
    if sys.argv[1] == "seed":
        seed()
    else:
        print(json.dumps({"snapshot": snapshot, "serve": serve}[sys.argv[1]](), default=str))
