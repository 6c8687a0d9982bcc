"""The bare baseline: a WSGI application without Django that answers `GET /api/v1/projects` for the coordinator
with the same SQL and the same JSON as the platform (checked by `bench.run`), to see how close to the floor the
platform runs. Served by the same gunicorn settings.

Environment: BASELINE_DATABASE (a SQLite file or a postgres:// URL), BASELINE_LABELS (the JSON of
`python -m bench.django_side labels`).
"""

import hashlib
import json
import os
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlencode

DATABASE = os.environ.get("BASELINE_DATABASE", "")
LABELS = json.loads(open(os.environ["BASELINE_LABELS"]).read()) if os.environ.get("BASELINE_LABELS") else {}
POSTGRES = DATABASE.startswith(("postgres://", "postgresql://"))
MARK = "%s" if POSTGRES else "?"
MAX_PAGE_SIZE = 200

PAGE_SQL = """
SELECT p.id, p.slug, p.title, p.summary, p.theme, p.detected_on, p.stage, p.stopped_at, p.stop_reason,
       p.is_public, p.carrier_name, p.carrier_kind, p.carrier_contact, p.version, s.slug, s.name,
       e.total_budget, e.share_sales, e.share_public_subsidies, e.share_private_funding, e.share_other,
       e.break_even_year, e.jobs_planned_fte, e.version,
       o.created_on, o.legal_form, o.siret, o.jobs_fte, o.followup_1y_active, o.followup_1y_jobs_fte,
       o.followup_3y_active, o.followup_3y_jobs_fte, o.note, o.version, o.id
FROM method_project p
JOIN network_structure s ON s.id = p.structure_id
LEFT JOIN method_economicmodel e ON e.project_id = p.id
LEFT JOIN method_outcome o ON o.project_id = p.id
ORDER BY p.updated_at DESC, p.id DESC
LIMIT {mark} OFFSET {mark}
"""
DEPARTEMENTS_SQL = """
SELECT pd.project_id, d.code FROM territories_departement d
JOIN method_project_departements pd ON pd.departement_id = d.code
WHERE pd.project_id IN ({ids}) ORDER BY d.code
"""
NEEDS_SQL = """
SELECT pn.project_id, n.id FROM method_need n JOIN method_project_needs pn ON pn.need_id = n.id
WHERE pn.project_id IN ({ids}) ORDER BY n.id
"""
PARTNERS_SQL = """
SELECT pp.project_id, pp.partner_id, pp.role, pa.name FROM method_projectpartner pp
JOIN network_partner pa ON pa.id = pp.partner_id
WHERE pp.project_id IN ({ids}) ORDER BY pa.name, pp.role, pp.id
"""
CALLER_SQL = """
SELECT u.is_coordinator, u.is_superuser FROM accounts_apitoken t JOIN accounts_user u ON u.id = t.user_id
WHERE t.token_hash = {mark} AND t.revoked_at IS NULL AND u.is_active
"""

_connection = None


def connection():
    """One connection per worker process, kept open."""
    global _connection
    if _connection is None:
        if POSTGRES:
            import psycopg

            _connection = psycopg.connect(DATABASE, autocommit=True)
        else:
            _connection = sqlite3.connect(DATABASE, check_same_thread=False)
    return _connection


def rows(sql: str, params=()) -> list[tuple]:
    cursor = connection().cursor()
    cursor.execute(sql, params)
    return cursor.fetchall()


def _day(value):
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date | datetime) else str(value)[:10]


def _num(value):
    return None if value is None else float(Decimal(str(value)))


def _flag(value):
    return None if value is None else bool(value)


def _grouped(sql: str, ids: list[int]) -> dict[int, list[tuple]]:
    found: dict[int, list[tuple]] = {}
    if ids:
        marks = ", ".join([MARK] * len(ids))
        for row in rows(sql.format(ids=marks), ids):
            found.setdefault(row[0], []).append(row[1:])
    return found


ABILITIES = {
    "view": True,
    "view_public": True,
    "change": False,
    "move": False,
    "decide": False,
    "note": False,
    "manage_partners": False,
    "edit_economic_model": False,
    "edit_outcome": False,
}


def _item(row, base: str, departements, needs, partners) -> dict:
    (pk, slug, title, summary, theme, detected_on, stage, stopped_at, stop_reason, is_public, carrier_name,
     carrier_kind, carrier_contact, version, structure_slug, structure_name) = row[:16]  # fmt: skip
    economic, outcome = row[16:24], row[24:35]
    public_activity = stage == "created" and bool(is_public)
    return {
        "id": pk,
        "slug": slug,
        "title": title,
        "summary": summary,
        "structure": {"slug": structure_slug, "name": structure_name},
        "theme": theme,
        "theme_label": LABELS["theme"][theme],
        "departements": [code for (code,) in departements.get(pk, [])],
        "detected_on": _day(detected_on),
        "stage": stage,
        "stage_label": LABELS["stage"][stage],
        "stopped_at": stopped_at or None,
        "stop_reason": stop_reason,
        "is_public": bool(is_public),
        "carrier": {
            "name": carrier_name or None,
            "kind": carrier_kind or None,
            "kind_label": LABELS["carrier_kind"][carrier_kind] if carrier_kind else None,
            "contact": carrier_contact or None,
        },
        "needs": [need for (need,) in needs.get(pk, [])],
        "partners": [
            {"partner": {"id": partner, "name": name}, "role": role, "role_label": LABELS["role"][role]}
            for partner, role, name in partners.get(pk, [])
        ],
        "economic_model": None
        if economic[0] is None
        else {
            "total_budget": _num(economic[0]),
            "revenue_mix": {
                "sales": _num(economic[1]),
                "public_subsidies": _num(economic[2]),
                "private_funding": _num(economic[3]),
                "other": _num(economic[4]),
            },
            "break_even_year": economic[5],
            "jobs_planned_fte": _num(economic[6]),
            "version": economic[7],
        },
        "outcome": None
        if outcome[10] is None
        else {
            "created_on": _day(outcome[0]),
            "legal_form": outcome[1],
            "legal_form_label": LABELS["legal_form"][outcome[1]],
            "siret": outcome[2],
            "jobs_fte": _num(outcome[3]),
            "followup_1y": {"active": _flag(outcome[4]), "jobs_fte": _num(outcome[5])},
            "followup_3y": {"active": _flag(outcome[6]), "jobs_fte": _num(outcome[7])},
            "note": outcome[8],
            "version": outcome[9],
        },
        "version": version,
        "url": f"{base}/methode/projets/{pk}/",
        "public_url": f"{base}/methode/activites/{slug}/" if public_activity else None,
        "abilities": ABILITIES,
    }


def _respond(start_response, status: str, payload: dict):
    body = json.dumps(payload, ensure_ascii=False).encode()
    start_response(status, [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def _is_coordinator(environ) -> bool:
    header = environ.get("HTTP_AUTHORIZATION", "")
    if not header.startswith("Bearer "):
        return False
    digest = hashlib.sha256(header[7:].strip().encode()).hexdigest()
    found = rows(CALLER_SQL.format(mark=MARK), (digest,))
    return bool(found) and bool(found[0][0] or found[0][1])


def application(environ, start_response):
    if environ.get("PATH_INFO") != "/api/v1/projects":
        return _respond(start_response, "404 Not Found", {"detail": "Introuvable."})
    if not _is_coordinator(environ):
        return _respond(start_response, "403 Forbidden", {"detail": "Réservé à la coordination."})
    query = {key: values[-1] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
    page, size = int(query.get("page", 1)), min(MAX_PAGE_SIZE, int(query.get("page_size", 50)))
    base = f"http://{environ.get('HTTP_HOST', 'localhost')}"
    count = rows("SELECT COUNT(*) FROM method_project")[0][0]
    start = (page - 1) * size
    page_rows = rows(PAGE_SQL.format(mark=MARK), (size, start)) if start < count else []
    ids = [row[0] for row in page_rows]
    departements, needs = _grouped(DEPARTEMENTS_SQL, ids), _grouped(NEEDS_SQL, ids)
    partners = _grouped(PARTNERS_SQL, ids)

    def link(number: int) -> str:
        return f"{base}/api/v1/projects?{urlencode({**query, 'page': str(number)})}"

    envelope = {
        "count": count,
        "page": page,
        "page_size": size,
        "next": link(page + 1) if start + size < count else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": [_item(row, base, departements, needs, partners) for row in page_rows],
    }
    return _respond(start_response, "200 OK", envelope)
