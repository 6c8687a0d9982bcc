"""With CACHE_URL=db:// the rate limits' counters are rows: read on the primary, where they were just written."""


def test_the_database_cache_is_read_on_the_primary_even_when_reads_go_to_the_replica(monkeypatch):
    from django.core.cache.backends.db import DatabaseCache

    from fabrique.core import replica

    monkeypatch.setattr(replica, "_reads_on_replica", replica.ContextVar("test", default=True))
    router = replica.PrimaryReplicaRouter()
    entry = DatabaseCache("fab_cache", {}).cache_model_class
    assert router.db_for_read(entry) == replica.PRIMARY
    assert router.db_for_read(None) == replica.REPLICA
