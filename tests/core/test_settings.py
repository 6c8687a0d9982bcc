"""Settings come from the environment, with laptop defaults, and refuse what they cannot understand."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from fabrique.settings import envbool, envint, envlist, envratio

ROOT = Path(__file__).resolve().parents[2]
# Variables a developer's shell or the CI may set, removed so each start-up below sees only what it is given.
SETTINGS_VARIABLES = (
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "DATABASE_REPLICA_PIN_SECONDS",
    "FABRIQUE_DATA_DIR",
    "FABRIQUE_DEMO",
    "ALLOWED_HOSTS",
    "LIBRARY_MAX_UPLOAD_MB",
    "EXPORT_CSV_DELIMITER",
    "REPORTING_CACHE_SECONDS",
    "MAP_CACHE_SECONDS",
    "APPELLATION_QUORUM_RATIO",
    "APPELLATION_ABSTENTIONS_IN_QUORUM",
    "APPELLATION_COLLECTIVE_CONFLICT",
    "APPELLATION_REMINDER_DAYS",
    "APPELLATION_ATTACHMENT_MAX_BYTES",
    "APPELLATION_PRIVATE_ROOT",
    "AXES_FAILURE_LIMIT",
    "LOGIN_IP_FAILURE_LIMIT",
    "AXES_COOLOFF_MINUTES",
    "TRUSTED_PROXY_COUNT",
    "API_TOKEN_RATE",
    "API_BEARER_FAILURE_RATE",
    "CACHE_URL",
)


def start_django(tmp_path, code: str = "", **env: str) -> subprocess.CompletedProcess:
    """Start Django in a fresh interpreter with `env`, as `fabrique` would, then run `code`."""
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    environ.update({"DJANGO_SETTINGS_MODULE": "fabrique.settings", "FABRIQUE_DATA_DIR": str(tmp_path), **env})
    script = f"import django; django.setup()\n{code}"
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", script], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("raw", ["1", "true", "True", "YES", "on", " true "])
def test_envbool_reads_the_true_forms(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert envbool("SOME_FLAG", False) is True


@pytest.mark.parametrize("raw", ["0", "false", "FALSE", "no", "off"])
def test_envbool_reads_the_false_forms(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert envbool("SOME_FLAG", True) is False


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_envbool_falls_back_to_the_default_when_unset_or_empty(monkeypatch, raw):
    if raw is None:
        monkeypatch.delenv("SOME_FLAG", raising=False)
    else:
        monkeypatch.setenv("SOME_FLAG", raw)
    assert envbool("SOME_FLAG", True) is True
    assert envbool("SOME_FLAG", False) is False


@pytest.mark.parametrize("raw", ["maybe", "2", "vrai", "yes please"])
def test_envbool_refuses_anything_else_and_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        envbool("SOME_FLAG", False)


def test_envint_refuses_a_value_that_is_not_a_whole_number(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "12")
    assert envint("SOME_NUMBER", 5) == 12
    monkeypatch.setenv("SOME_NUMBER", "douze")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        envint("SOME_NUMBER", 5)


def test_envlist_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("SOME_HOSTS", " fabrique.example.org, ,www.example.org ")
    assert envlist("SOME_HOSTS", []) == ["fabrique.example.org", "www.example.org"]
    monkeypatch.delenv("SOME_HOSTS")
    assert envlist("SOME_HOSTS", ["localhost"]) == ["localhost"]


@pytest.mark.parametrize(("raw", "expected"), [("0.5", 0.5), ("0", 0.0), (" 0.75 ", 0.75), ("2/3", 2 / 3)])
def test_envratio_reads_a_decimal_or_a_fraction(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_RATIO", raw)
    assert envratio("SOME_RATIO", 0.1) == expected


@pytest.mark.parametrize("raw", ["0,5", "moitié", "1", "3/2", "-0.1", "1/0"])
def test_envratio_refuses_what_is_not_a_share_below_one_and_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("SOME_RATIO", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_RATIO"):
        envratio("SOME_RATIO", 0.5)


SHOW_KNOBS = (
    "from django.conf import settings as s; "
    "print(repr(s.EXPORT_CSV_DELIMITER), s.REPORTING_CACHE_SECONDS, s.MAP_CACHE_SECONDS, s.LIBRARY_MAX_UPLOAD_MB, "
    "s.APPELLATION_QUORUM_RATIO, s.APPELLATION_ABSTENTIONS_IN_QUORUM, s.APPELLATION_COLLECTIVE_CONFLICT, "
    "s.APPELLATION_REMINDER_DAYS, s.APPELLATION_ATTACHMENT_MAX_BYTES, s.APPELLATION_PRIVATE_ROOT, sep='|')"
)


def test_the_application_knobs_have_their_defaults(tmp_path):
    result = start_django(tmp_path, SHOW_KNOBS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "';'",
        "300",
        "60",
        "20",
        "0.5",
        "True",
        "True",
        "2",
        "10485760",
        str(tmp_path.resolve() / "private"),
    ]


def test_the_application_knobs_are_read_from_the_environment_with_their_types(tmp_path):
    env = {
        "EXPORT_CSV_DELIMITER": "\t",
        "REPORTING_CACHE_SECONDS": "0",
        "MAP_CACHE_SECONDS": "30",
        "LIBRARY_MAX_UPLOAD_MB": "5",
        "APPELLATION_QUORUM_RATIO": "2/3",
        "APPELLATION_ABSTENTIONS_IN_QUORUM": "false",
        "APPELLATION_COLLECTIVE_CONFLICT": "no",
        "APPELLATION_REMINDER_DAYS": "3",
        "APPELLATION_ATTACHMENT_MAX_BYTES": "1000",
        "APPELLATION_PRIVATE_ROOT": str(tmp_path / "pieces"),
    }
    result = start_django(tmp_path, SHOW_KNOBS, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "'\\t'",
        "0",
        "30",
        "5",
        str(2 / 3),
        "False",
        "False",
        "3",
        "1000",
        str(tmp_path.resolve() / "pieces"),
    ]


@pytest.mark.parametrize(
    ("variable", "raw"),
    [("EXPORT_CSV_DELIMITER", ";;"), ("APPELLATION_QUORUM_RATIO", "0,5"), ("APPELLATION_COLLECTIVE_CONFLICT", "oui")],
)
def test_an_application_knob_that_cannot_be_understood_stops_the_start_up(tmp_path, variable, raw):
    result = start_django(tmp_path, **{variable: raw})
    assert result.returncode != 0
    assert variable in result.stderr and "ImproperlyConfigured" in result.stderr


def test_a_boolean_that_is_neither_true_nor_false_stops_the_start_up(tmp_path):
    result = start_django(tmp_path, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe'" in result.stderr and "ImproperlyConfigured" in result.stderr


def test_without_debug_the_platform_refuses_to_start_without_a_secret_key(tmp_path):
    result = start_django(tmp_path, DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY est obligatoire quand DEBUG est faux." in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_without_debug_a_given_secret_key_is_used(tmp_path):
    result = start_django(
        tmp_path,
        "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)",
        DEBUG="false",
        SECRET_KEY="une-cle-de-production-assez-longue",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["une-cle-de-production-assez-longue", "False"]


def test_with_debug_a_secret_key_is_generated_once_into_the_data_dir(tmp_path):
    show_key = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = start_django(tmp_path, show_key, DEBUG="true")
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = first.stdout.strip()
    assert len(key) >= 50 and key_file.read_text().strip() == key
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only
    second = start_django(tmp_path, show_key, DEBUG="true")
    assert second.stdout.strip() == key


def test_the_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path):
    result = start_django(
        tmp_path,
        "from django.conf import settings; db = settings.DATABASES['default']; print(db['ENGINE']); print(db['NAME'])",
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == tmp_path.resolve() / "fabrique.sqlite3"


def test_database_url_selects_postgresql(tmp_path):
    result = start_django(
        tmp_path,
        "from django.conf import settings; db = settings.DATABASES['default']; print(db['ENGINE'], db['NAME'])",
        DATABASE_URL="postgres://fabrique@db.example.org:5432/fabrique",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "fabrique"]


def test_the_laptop_defaults(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.LANGUAGE_CODE, s.TIME_ZONE, s.NETWORK_NAME, s.DEMO_MODE, s.EMAIL_BACKEND, sep='|')"
    )
    result = start_django(tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "True",
        "fr",
        "Europe/Paris",
        "Fabrique à initiatives",
        "False",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_the_demo_mode_is_switched_on_by_fabrique_demo(tmp_path):
    result = start_django(tmp_path, "from django.conf import settings; print(settings.DEMO_MODE)", FABRIQUE_DEMO="true")
    assert result.stdout.strip() == "True"
