"""The knobs of the login throttling, the API rate limits and the shared cache: read, checked, refused loudly."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from fabrique.settings import envcache, envrate

from .test_settings import start_django

SHOW = (
    "from django.conf import settings as s; "
    "print(s.AXES_FAILURE_LIMIT, s.LOGIN_IP_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()), "
    "s.TRUSTED_PROXY_COUNT, s.API_TOKEN_RATE, s.API_BEARER_FAILURE_RATE, s.CACHES['default']['BACKEND'], sep='|')"
)


def test_the_throttling_knobs_have_their_defaults(tmp_path):
    result = start_django(tmp_path, SHOW)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "5",
        "30",
        "900",
        "0",
        "30/h",
        "20/h",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_the_throttling_knobs_are_read_from_the_environment(tmp_path):
    env = {
        "AXES_FAILURE_LIMIT": "3",
        "LOGIN_IP_FAILURE_LIMIT": "50",
        "AXES_COOLOFF_MINUTES": "30",
        "TRUSTED_PROXY_COUNT": "1",
        "API_TOKEN_RATE": "10/10m",
        "API_BEARER_FAILURE_RATE": "5/min",
        "CACHE_URL": "db://",
    }
    result = start_django(tmp_path, SHOW, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "3",
        "50",
        "1800",
        "1",
        "10/10m",
        "5/min",
        "django.core.cache.backends.db.DatabaseCache",
    ]


@pytest.mark.parametrize("variable", ["AXES_FAILURE_LIMIT", "LOGIN_IP_FAILURE_LIMIT", "AXES_COOLOFF_MINUTES"])
def test_a_limit_below_one_stops_the_start_up(tmp_path, variable):
    result = start_django(tmp_path, **{variable: "0"})
    assert result.returncode != 0
    assert variable in result.stderr and "ImproperlyConfigured" in result.stderr


@pytest.mark.parametrize("raw", ["30/heure", "30", "/h", "30 /h", "trente/h"])
def test_envrate_refuses_what_ninja_could_not_read_and_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("SOME_RATE", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_RATE="):
        envrate("SOME_RATE", "1/s")


@pytest.mark.parametrize("raw", ["30/h", "20/10m", "5/s", "100/day", "7/2hour"])
def test_envrate_reads_ninjas_rates(monkeypatch, raw):
    from ninja.throttling import SimpleRateThrottle

    monkeypatch.setenv("SOME_RATE", raw)
    assert envrate("SOME_RATE", "1/s") == raw
    count, seconds = SimpleRateThrottle(rate=raw).parse_rate(raw)
    assert count > 0 and seconds > 0


def test_envcache_reads_redis_and_refuses_an_unknown_cache(monkeypatch):
    monkeypatch.setenv("SOME_CACHE", "redis://10.0.0.5:6379/1")
    assert envcache("SOME_CACHE") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://10.0.0.5:6379/1",
    }
    monkeypatch.setenv("SOME_CACHE", "memcached://10.0.0.5")
    with pytest.raises(ImproperlyConfigured, match="SOME_CACHE="):
        envcache("SOME_CACHE")


def test_check_deploy_warns_when_the_cache_is_per_process_and_not_when_shared(tmp_path):
    code = "from django.core.management import call_command; call_command('check', '--deploy', '--tag', 'caches')"
    per_process = start_django(tmp_path, code)
    assert "fabrique.W001" in per_process.stderr + per_process.stdout
    shared = start_django(tmp_path, code, CACHE_URL="db://")
    assert shared.returncode == 0, shared.stderr
    assert "fabrique.W001" not in shared.stderr + shared.stdout
