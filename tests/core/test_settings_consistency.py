"""Every setting the code reads with a fallback is declared in settings.py and documented: no hidden knob."""

import re
from pathlib import Path

import pytest

# The module itself, not django.conf.settings: tests' fixtures add settings (conftest.py sets MAP_CACHE_SECONDS).
from fabrique import settings as declared

ROOT = Path(__file__).resolve().parents[2]
GETATTR_SETTING = re.compile(r"""getattr\(\s*settings\s*,\s*["']([A-Za-z0-9_]+)["']""")


def settings_read_with_getattr() -> set[str]:
    return {
        name
        for path in (ROOT / "fabrique").rglob("*.py")
        for name in GETATTR_SETTING.findall(path.read_text(encoding="utf-8"))
    }


NAMES = sorted(settings_read_with_getattr())


def test_the_scan_finds_the_settings_read_with_getattr():
    assert {"LIBRARY_MAX_UPLOAD_MB", "APPELLATION_QUORUM_RATIO", "MAP_CACHE_SECONDS"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_setting_read_with_getattr_is_declared_in_settings(name):
    assert hasattr(declared, name), f"{name} est lu par getattr(settings, …) mais absent de fabrique/settings.py"


@pytest.mark.parametrize("name", NAMES)
def test_a_setting_read_with_getattr_is_documented(name):
    documentation = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert f"`{name}`" in documentation, f"{name} manque dans docs/configuration.md"


# The variables settings.py reads from the environment, through its helpers or os.environ.
ENV_READ = re.compile(
    r"""(?:env[a-z]*|os\.environ\.get)\(\s*["']([A-Z0-9_]+)["']|os\.environ\[\s*["']([A-Z0-9_]+)["']"""
)
DOCUMENTED_VARIABLE = re.compile(r"^\| `([A-Z0-9_]+)` \|", re.MULTILINE)


def environment_variables_read() -> set[str]:
    source = (ROOT / "fabrique" / "settings.py").read_text(encoding="utf-8")
    return {helper or direct for helper, direct in ENV_READ.findall(source)}


def documented_variables() -> set[str]:
    return set(DOCUMENTED_VARIABLE.findall((ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")))


def test_the_scan_finds_the_environment_variables():
    assert {
        "DEBUG",
        "SECRET_KEY",
        "AXES_FAILURE_LIMIT",
        "CACHE_URL",
        "TRUSTED_PROXY_COUNT",
    } <= environment_variables_read()


def test_every_environment_variable_read_by_the_settings_is_documented():
    missing = sorted(environment_variables_read() - documented_variables())
    assert missing == [], f"absentes du tableau de docs/configuration.md : {missing}"


def test_every_documented_variable_is_still_read_by_the_settings():
    stale = sorted(documented_variables() - environment_variables_read())
    assert stale == [], f"documentées mais plus lues par fabrique/settings.py : {stale}"
