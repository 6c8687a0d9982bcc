"""Keeping the index in step with the data: signals on every registered model, and a full rebuild.

A save re-indexes the object at once, in the same transaction, so a search right after an edit already sees
the change (and a rolled-back edit leaves the index as it was).
"""

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .backends import get_backend
from .enums import FacetName
from .models import SearchDocument, SearchFacet
from .registry import MAX_BODY_CHARS, IndexedDocument, SearchAdapter, adapter_for_model, adapters

BATCH = 1000


def _values(adapter: SearchAdapter, obj, doc: IndexedDocument) -> dict:
    return {
        "type": adapter.type,
        "object_id": obj.pk,
        "title": doc.title[:300],
        "summary": doc.summary or "",
        "body": (doc.body or "")[:MAX_BODY_CHARS],
        "keywords": doc.keywords or "",
        "url": doc.url[:500],
        "visibility": doc.visibility,
        "structure_id": doc.structure_id,
        "category": doc.category or "",
        "date": doc.date,
        "not_before": doc.not_before,
    }


def _facets(document_id: int, type_: str, doc: IndexedDocument) -> list[SearchFacet]:
    values = {(FacetName.TYPE, str(type_))}
    values |= {(FacetName.THEME, theme) for theme in doc.themes if theme}
    values |= {(FacetName.REGION, region) for region in doc.regions if region}
    return [SearchFacet(document_id=document_id, name=name, value=value) for name, value in sorted(values)]


def _fts_row(document: SearchDocument) -> tuple:
    return (document.pk, document.title, document.summary, document.body, document.keywords)


def index_object(obj, adapter: SearchAdapter | None = None) -> SearchDocument | None:
    """Write (or remove) the index row of one object, from what its adapter says about it now."""
    adapter = adapter or adapter_for_model(type(obj))
    if adapter is None:
        return None
    doc = adapter.document(obj)
    if doc is None:
        remove_object(obj, adapter)
        return None
    values = _values(adapter, obj, doc)
    with transaction.atomic():
        document, _ = SearchDocument.objects.update_or_create(type=adapter.type, object_id=obj.pk, defaults=values)
        document.facets.all().delete()
        SearchFacet.objects.bulk_create(_facets(document.pk, adapter.type, doc))
        get_backend().sync([_fts_row(document)])
    return document


def remove_object(obj, adapter: SearchAdapter | None = None) -> None:
    adapter = adapter or adapter_for_model(type(obj))
    if adapter is None:
        return
    ids = list(SearchDocument.objects.filter(type=adapter.type, object_id=obj.pk).values_list("pk", flat=True))
    if ids:
        get_backend().remove(ids)
        SearchDocument.objects.filter(pk__in=ids).delete()


def reindex_objects(objects: Iterable, adapter: SearchAdapter | None = None) -> None:
    for obj in objects:
        index_object(obj, adapter)


def rebuild(types: Iterable[str] | None = None) -> dict[str, int]:
    """Empty and rebuild the index (or the given types) in batches; returns the count per type."""
    wanted = set(types) if types is not None else None
    counts = {}
    for adapter in adapters():
        if wanted is not None and adapter.type not in wanted:
            continue
        counts[adapter.type] = _rebuild_type(adapter)
    _refresh_statistics()
    return counts


def _refresh_statistics() -> None:
    """After a bulk load, the query planner needs fresh statistics to start from the full-text match."""
    with connection.cursor() as cursor:
        for table in ("search_searchdocument", "search_searchfacet"):
            cursor.execute(f"ANALYZE {table}")  # noqa: S608 (constant table names)


def _rebuild_type(adapter: SearchAdapter) -> int:
    backend = get_backend()
    with transaction.atomic():
        stale = SearchDocument.objects.filter(type=adapter.type)
        backend.remove(stale.values_list("pk", flat=True).iterator())
        stale.delete()
        total, batch = 0, []
        for obj in adapter.queryset().order_by("pk").iterator(chunk_size=BATCH):
            doc = adapter.document(obj)
            if doc is not None:
                batch.append((obj, doc))
            if len(batch) >= BATCH:
                total += _write_batch(adapter, batch, backend)
                batch = []
        total += _write_batch(adapter, batch, backend)
    return total


def _write_batch(adapter: SearchAdapter, batch: list, backend) -> int:
    if not batch:
        return 0
    documents = SearchDocument.objects.bulk_create([SearchDocument(**_values(adapter, obj, doc)) for obj, doc in batch])
    if any(document.pk is None for document in documents):  # backends without RETURNING
        ids = dict(
            SearchDocument.objects.filter(type=adapter.type, object_id__in=[obj.pk for obj, _ in batch]).values_list(
                "object_id", "pk"
            )
        )
        for document in documents:
            document.pk = ids[document.object_id]
    facets = []
    for document, (_, doc) in zip(documents, batch, strict=True):
        facets += _facets(document.pk, adapter.type, doc)
    SearchFacet.objects.bulk_create(facets, batch_size=BATCH)
    backend.sync(_fts_row(document) for document in documents)
    return len(documents)


# --- signals ---------------------------------------------------------------------------------------------


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        index_object(instance)


def _on_delete(sender, instance, **kwargs):
    remove_object(instance)


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        index_object(instance)
        return
    adapter = adapter_for_model(model)
    if adapter is not None and pk_set:
        reindex_objects(adapter.queryset().filter(pk__in=pk_set), adapter)


def _watcher(watch, adapter):
    def on_change(sender, instance, raw=False, **kwargs):
        if raw:
            return
        reindex_objects(watch.affected(instance), adapter)

    return on_change


_connected = False


def connect_signals() -> None:
    global _connected
    if _connected:
        return
    _connected = True
    for adapter in adapters():
        uid = f"search-{adapter.type}"
        post_save.connect(_on_save, sender=adapter.model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_delete, sender=adapter.model, dispatch_uid=f"{uid}-delete")
        for name in adapter.m2m_fields:
            through = adapter.model._meta.get_field(name).remote_field.through
            m2m_changed.connect(_on_m2m, sender=through, dispatch_uid=f"{uid}-m2m-{name}")
        for number, watch in enumerate(adapter.watches):
            handler = _watcher(watch, adapter)
            post_save.connect(handler, sender=watch.model, weak=False, dispatch_uid=f"{uid}-watch-{number}")
