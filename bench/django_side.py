"""The benchmark's steps that need Django, run in a process of their own against one bench database.

`python -m bench.django_side prepare`: sessions and API tokens for the personas, and the objects the pages are
measured on (the structure with the most projects, its richest project), as JSON on stdout.
`python -m bench.django_side queries` (the URLs on stdin): the SQL queries of each URL, with Django's test client.
`python -m bench.django_side labels`: the French labels the bare baseline needs to answer the same JSON.
"""

import json
import sys

import django


def _session_for(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
    from django.contrib.sessions.backends.db import SessionStore

    # The backend that reads users back, as Django's own login picks it: django-axes' backend, listed first, only
    # guards logins and has no get_user (a session naming it is a server error on every page).
    backend = next(path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user"))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def prepare(_payload: dict) -> dict:
    from django.db.models import Count

    from fabrique.accounts.models import ApiToken, User
    from fabrique.core.demo_support import COORDINATOR_EMAIL
    from fabrique.method.models import Project
    from fabrique.network.enums import MembershipRole
    from fabrique.network.models import Membership

    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    busiest = Project.objects.values("structure_id").annotate(n=Count("pk")).order_by("-n", "structure_id").first()
    admin = Membership.objects.select_related("user", "structure").get(
        structure_id=busiest["structure_id"], role=MembershipRole.ADMIN
    )
    project = (
        Project.objects.filter(structure_id=busiest["structure_id"])
        .annotate(moves=Count("stage_log"))
        .order_by("-moves", "pk")
        .first()
    )
    members = list(
        Membership.objects.select_related("user", "structure")
        .filter(role=MembershipRole.ADMIN, structure__status__in=["experimenting", "labelled"])
        .order_by("pk")[:40]
    )
    _token, coordinator_token = ApiToken.issue(coordinator, "banc d'essai")
    return {
        "coordinator": {"session": _session_for(coordinator), "token": coordinator_token},
        "member": {"session": _session_for(admin.user), "email": admin.user.email},
        "structure": admin.structure.slug,
        "project": project.pk,
        "projects_of_structure": busiest["n"],
        "members": [
            {
                "session": _session_for(membership.user),
                "token": ApiToken.issue(membership.user, "test de charge")[1],
                "structure": membership.structure.slug,
                "departements": sorted(membership.structure.departements.values_list("code", flat=True)),
                "projects": list(
                    Project.objects.filter(structure=membership.structure)
                    .order_by("-pk")
                    .values_list("pk", flat=True)[:20]
                ),
            }
            for membership in members
        ],
    }


def queries(payload: dict) -> dict:
    """{name: {"queries": n, "status": code}} for each {name, path, persona} of the payload."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from fabrique.accounts.models import User

    users = {"coordinator": payload["coordinator_email"], "member": payload["member_email"]}
    counts = {}
    for target in payload["targets"]:
        client = Client()
        headers = {}
        persona = target["persona"]
        if persona == "bearer":
            headers["Authorization"] = f"Bearer {payload['token']}"
        elif persona in users:
            client.force_login(User.objects.get(email=users[persona]))
        client.get(target["path"], headers=headers)  # the first request of a process fills caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(target["path"], headers=headers)
        counts[target["name"]] = {
            "queries": len(captured),
            "status": response.status_code,
            "sql": [query["sql"][:300] for query in captured.captured_queries],
        }
    return counts


def labels(_payload: dict) -> dict:
    from fabrique.core.vocabulary import Theme
    from fabrique.method.enums import CarrierKind, LegalForm, PartnerRole, Stage

    return {
        name: {code: str(label) for code, label in choices.choices}
        for name, choices in (
            ("theme", Theme),
            ("stage", Stage),
            ("carrier_kind", CarrierKind),
            ("legal_form", LegalForm),
            ("role", PartnerRole),
        )
    }


COMMANDS = {"prepare": prepare, "queries": queries, "labels": labels}

if __name__ == "__main__":
    django.setup()
    command = COMMANDS[sys.argv[1]]
    print(json.dumps(command(json.loads(sys.stdin.read() or "{}")), ensure_ascii=False, default=str))
