"""`python -m bench.generate --scale large [--seed N]`: fill an empty, migrated database with a generated network.

Run from the repository's root with the environment of the platform (`FABRIQUE_DATA_DIR`, `DATABASE_URL`); like
`fabrique demo`, only with DEBUG=true or FABRIQUE_DEMO=true (the accounts have the demo password).
"""

import argparse
import os
import sys

import django
from django.apps import apps


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fabrique.settings")
    if not apps.ready:  # already set up when the tests call main()
        django.setup()
    from django.conf import settings
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    from bench.generator import SCALES, generate
    from fabrique.core.demo_support import COORDINATOR_EMAIL, DEMO_PASSWORD

    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="large", help="Échelle (défaut : large).")
    parser.add_argument("--seed", type=int, default=1, help="Graine du réseau généré (défaut : 1).")
    parser.add_argument("-v", "--verbosity", type=int, default=1, choices=[0, 1, 2])
    options = parser.parse_args(argv)
    if not settings.DEBUG and not settings.DEMO_MODE:
        sys.exit(
            "Le réseau généré crée des comptes au mot de passe connu : il ne se génère qu'avec DEBUG=true ou "
            "FABRIQUE_DEMO=true."
        )
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        sys.exit("La base n'est pas à jour : lancez d'abord `fabrique migrate`.")

    def progress(step: str) -> None:
        if options.verbosity > 1:
            print(f"  … {step}", flush=True)

    try:
        report = generate(options.scale, options.seed, progress=progress)
    except RuntimeError as exc:
        sys.exit(str(exc))
    if options.verbosity > 0:
        print("\n".join(report.lines()))
        print("\nComptes")
        print(f"  {COORDINATOR_EMAIL}  coordination du réseau")
        print("  <identifiant-de-la-structure>@example.org  administrateur·rice de chaque structure")
        print(f"Mot de passe de tous ces comptes : {DEMO_PASSWORD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
