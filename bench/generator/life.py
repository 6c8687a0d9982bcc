"""The generated network's shared library, events, working groups, news and testimonials (when those apps are
installed), and its search index."""

from datetime import date, timedelta

from django.apps import apps
from django.utils.text import slugify

from fabrique.core.vocabulary import Theme

from . import words as W
from .network import ANCHOR, Plan, StructureInfo, allocate, at, bulk, commune, days_between, installed

VISIBILITIES = (("public", 30), ("network", 50), ("structure", 20))


def _visibility(rng, allowed=("public", "network", "structure")) -> str:
    choices = [(value, weight) for value, weight in VISIBILITIES if value in allowed]
    return rng.choices([v for v, _ in choices], weights=[w for _, w in choices])[0]


def generate_resources(plan: Plan) -> None:
    Resource = apps.get_model("library", "Resource")
    authors: list[StructureInfo | None] = [None, *plan.active_structures()]
    weights = [len(authors) * 0.1, *(info.weight for info in authors[1:])]
    rows, links = [], []
    for rank, (owner, count) in enumerate(zip(authors, allocate(plan.scale.resources, weights), strict=True)):
        rng = plan.rng("resources", owner.slug if owner else "coordination")
        for number in range(count):
            kind = rng.choice(sorted(W.RESOURCE_TITLES))
            idea = rng.choice(W.IDEAS_ALL)
            title = f"{rng.choice(W.RESOURCE_TITLES[kind])} : {idea[2].lower()} {W.FICTITIOUS}"
            slug = f"{slugify(title)[:60]}-{rank}-{number + 1}"  # rank, not pk: ids differ between databases
            day = days_between(rng, owner.start if owner else date(2015, 1, 1), owner.end if owner else ANCHOR)
            themes = sorted({idea[0], rng.choice(Theme.values)} if rng.random() < 0.3 else {idea[0]})
            body = "\n\n".join(
                [
                    f"## Le besoin\n\n{idea[1]}.",
                    f"## La réponse\n\n{idea[3]}",
                    "## Ce qu'il faut retenir\n\nRessource fictive, générée pour mesurer la plateforme.",
                ]
            )
            rows.append(
                Resource(
                    title=title,
                    slug=slug,
                    kind=kind,
                    summary=f"{idea[3]} (ressource fictive)",
                    body=body,
                    link=f"https://ressources.example.org/{slug}",
                    themes=themes,
                    author_structure_id=owner.pk if owner else None,
                    visibility=_visibility(rng) if owner else _visibility(rng, ("public", "network")),
                    created_by_id=owner.admin_pk if owner else plan.coordinator_pk,
                    created_at=at(day, 11),
                    updated_at=at(day, 11),
                )
            )
            project = None
            if owner and owner.created_projects and kind in ("project_notebook", "experience_report"):
                project = rng.choice(owner.created_projects)
            links.append((owner.admin_pk if owner else None, project))
    bulk(plan, "ressources", rows)
    authors_through = Resource.authors.through
    projects_through = Resource.projects.through
    bulk(
        plan,
        "auteur·rices des ressources",
        [authors_through(resource_id=r.pk, user_id=user) for r, (user, _p) in zip(rows, links, strict=True) if user],
    )
    bulk(
        plan,
        "projets des ressources",
        [projects_through(resource_id=r.pk, project_id=p) for r, (_u, p) in zip(rows, links, strict=True) if p],
    )


def _event(plan: Plan, index: int, Event, organisers: list[StructureInfo]):
    rng = plan.rng("event", index)
    kind = rng.choice(sorted(W.EVENT_TITLES))
    topic = rng.choice(W.EVENT_TOPICS)
    day = days_between(rng, ANCHOR - timedelta(days=3 * 365), ANCHOR + timedelta(days=365))
    organiser = rng.choice(organisers) if organisers and rng.random() < 0.8 else None
    online = kind == "webinar" or rng.random() < 0.2
    code = (
        rng.choice(organiser.codes) if organiser else rng.choice(sorted(c for cs in plan.regions.values() for c in cs))
    )
    starts = at(day, rng.choice((9, 10, 14)))
    title = f"{W.EVENT_TITLES[kind].format(topic=topic)} ({commune(rng)}) {W.FICTITIOUS}"
    return Event(
        title=title,
        slug=f"{slugify(title)[:70]}-{index + 1}",
        kind=kind,
        summary=f"Un temps du réseau sur {topic} (événement fictif).",
        description=f"## Programme\n\nAccueil, retours d'expérience, ateliers sur {topic}.\n\nÉvénement fictif.",
        starts_at=starts,
        ends_at=starts + timedelta(hours=rng.choice((2, 3, 7))),
        place="" if online else f"{commune(rng)}, salle des associations",
        departement_id=None if online else code,
        online_url=f"https://visio.example.org/{index + 1}" if online else "",
        organiser_id=organiser.pk if organiser else None,
        theme=rng.choice(Theme.values) if rng.random() < 0.6 else "",
        capacity=rng.choice((None, 20, 30, 50, 120)),
        visibility="public" if rng.random() < 0.4 else "network",
        created_by_id=organiser.admin_pk if organiser else plan.coordinator_pk,
        created_at=starts - timedelta(days=45),
        updated_at=starts - timedelta(days=45),
    )


def generate_events(plan: Plan) -> None:
    Event = apps.get_model("community", "Event")
    Registration = apps.get_model("community", "Registration")
    organisers = [info for info in plan.active_structures() if info.status != "withdrawn"]
    events = bulk(plan, "événements", [_event(plan, index, Event, organisers) for index in range(plan.scale.events)])
    members = [(pk, info.pk) for info in organisers for pk in info.member_pks]
    rows = []
    for index, event in enumerate(events):
        rng = plan.rng("registrations", index)
        past = event.starts_at.date() <= ANCHOR
        for user, structure in rng.sample(members, min(len(members), rng.randint(0, 10))):
            registered = event.starts_at - timedelta(days=rng.randint(2, 40))
            rows.append(
                Registration(
                    event_id=event.pk,
                    user_id=user,
                    structure_id=structure,
                    status="confirmed",
                    attended=(rng.random() < 0.85) if past else None,
                    registered_at=registered,
                    status_changed_at=registered,
                )
            )
    bulk(plan, "inscriptions", rows)


def generate_groups_news_testimonials(plan: Plan) -> None:
    WorkingGroup = apps.get_model("community", "WorkingGroup")
    GroupMembership = apps.get_model("community", "GroupMembership")
    NewsPost = apps.get_model("community", "NewsPost")
    Testimonial = apps.get_model("community", "Testimonial")
    people = sorted(pk for info in plan.active_structures() for pk in info.member_pks)
    groups = []
    for index, theme in enumerate(Theme.values[: max(3, min(len(Theme.values), plan.scale.events // 100))]):
        label = str(Theme(theme).label)
        groups.append(
            WorkingGroup(
                name=f"Groupe de travail {label} {W.FICTITIOUS}",
                slug=f"groupe-{slugify(label)}-{index + 1}",
                theme=theme,
                description="Groupe fictif, généré pour mesurer la plateforme.",
                visibility="network",
                created_at=at(date(2020, 1, 6) + timedelta(days=30 * index)),
                updated_at=at(date(2020, 1, 6) + timedelta(days=30 * index)),
            )
        )
    bulk(plan, "groupes de travail", groups)
    memberships = []
    for group in groups:
        rng = plan.rng("group", group.slug)
        for rank, user in enumerate(rng.sample(people, min(len(people), rng.randint(5, 15)))):
            memberships.append(
                GroupMembership(
                    group_id=group.pk, user_id=user, role="lead" if rank == 0 else "member", joined_at=group.created_at
                )
            )
    bulk(plan, "membres des groupes de travail", memberships)
    posts = []
    for index in range(max(5, plan.scale.events // 40)):
        rng = plan.rng("news", index)
        day = days_between(rng, date(2018, 1, 1), ANCHOR)
        title = f"Le réseau en {day.year} : {rng.choice(W.EVENT_TOPICS)} {W.FICTITIOUS}"
        posts.append(
            NewsPost(
                title=title,
                slug=f"{slugify(title)[:70]}-{index + 1}",
                summary="Actualité fictive, générée pour mesurer la plateforme.",
                body=f"Les structures du réseau ont travaillé sur {rng.choice(W.EVENT_TOPICS)}.\n\nActualité fictive.",
                visibility="public" if rng.random() < 0.7 else "network",
                published_on=day,
                author_id=plan.coordinator_pk,
                created_at=at(day, 8),
                updated_at=at(day, 8),
            )
        )
    bulk(plan, "actualités", posts)
    testimonials = []
    for info in plan.active_structures()[:: max(1, len(plan.structures) // 50)]:
        rng = plan.rng("testimonial", info.slug)
        first, last, _ = rng.choice(W.FIRST_NAMES), rng.choice(W.LAST_NAMES), None
        testimonials.append(
            Testimonial(
                quote="Le réseau nous a permis de transformer les besoins du territoire en activités (fictif).",
                person=f"{first} {last} {W.FICTITIOUS}",
                role="chargé·e de mission",
                structure_id=info.pk,
                source="Témoignage fictif, généré pour mesurer la plateforme.",
            )
        )
    bulk(plan, "témoignages", testimonials)


def generate_life(plan: Plan) -> None:
    if installed("library"):
        generate_resources(plan)
    if installed("community"):
        generate_events(plan)
        generate_groups_news_testimonials(plan)


def rebuild_search_index(plan: Plan) -> None:
    """Index the structures, resources, events and news; needs and projects were indexed as they were written."""
    if not installed("search"):
        return
    from fabrique.search.backends import get_backend
    from fabrique.search.indexing import rebuild
    from fabrique.search.registry import registered_types

    for label, count in rebuild([t for t in registered_types() if t not in ("need", "project")]).items():
        plan.counts[f"index de recherche ({label})"] = count
    get_backend().refresh_similar()  # the projects' full-text rows were written directly, without `sync`
