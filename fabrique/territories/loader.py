"""Loads the shipped COG CSV files; idempotent (update_or_create on the INSEE code)."""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_territories(region_model, departement_model) -> None:
    for row in read_rows("regions.csv"):
        region_model.objects.update_or_create(code=row["code"], defaults={"name": row["name"]})
    for row in read_rows("departements.csv"):
        departement_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "region_id": row["region"]}
        )
