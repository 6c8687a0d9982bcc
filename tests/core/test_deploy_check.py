"""`fabrique check --deploy` with the production settings documented in docs/configuration.md: no warning.

The variables are read from the documentation itself (« Exemple de production »), so the page and the check cannot
drift apart; only the placeholders (`<mot de passe>`…) and the data directory are filled in.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from tests.core.test_settings import SETTINGS_VARIABLES

ROOT = Path(__file__).resolve().parents[2]
CONFIGURATION = ROOT / "docs" / "configuration.md"
EXAMPLE = re.compile(r"## Exemple de production\s+```sh\n(.*?)\n```", re.DOTALL)
PLACEHOLDER = re.compile(r"<[^>]*>")
# Every variable a deploy check may read: a developer's shell or the CI must not change what is checked.
CHECKED_VARIABLES = (
    *SETTINGS_VARIABLES,
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "BEHIND_HTTPS_PROXY",
    "CSP_REPORT_ONLY",
    "CSP_REPORT_URI",
    "CACHE_URL",
)


def documented_production_environment(data_dir: Path) -> dict[str, str]:
    block = EXAMPLE.search(CONFIGURATION.read_text(encoding="utf-8")).group(1)
    env = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, value = line.partition("=")
        if name == "SECRET_KEY":
            value = secrets.token_urlsafe(50)
        env[name] = PLACEHOLDER.sub("secret", value)
    env["FABRIQUE_DATA_DIR"] = str(data_dir)  # /var/lib/fabrique in the example
    return env


def deploy_check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    # The test run's own switches (tests/e2e/conftest.py sets DJANGO_ALLOW_ASYNC_UNSAFE) are not production's.
    left_out = {*CHECKED_VARIABLES, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environ = {k: v for k, v in os.environ.items() if k not in left_out}
    environ.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", "from fabrique.cli import main; main()", "check", "--deploy", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_documented_example_is_a_production_environment(tmp_path):
    env = documented_production_environment(tmp_path)
    assert env["DEBUG"] == "false" and env["ALLOWED_HOSTS"] == "fabrique.example.org"
    assert len(env["SECRET_KEY"]) >= 50 and "<" not in "".join(env.values())


def test_the_deploy_check_gives_no_warning_with_the_documented_production_settings(tmp_path):
    result = deploy_check(documented_production_environment(tmp_path), "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr + result.stdout


def test_the_deploy_check_does_warn_when_https_is_switched_off(tmp_path):
    """The check above can fail: without the production profile's HTTPS settings, Django warns."""
    env = documented_production_environment(tmp_path) | {"SECURE_SSL_REDIRECT": "false", "SECURE_HSTS_SECONDS": "0"}
    result = deploy_check(env, "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr
