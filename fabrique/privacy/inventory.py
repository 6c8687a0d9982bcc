"""The registry as the Markdown table of docs/privacy.md (`fabrique privacy_inventory` prints it)."""

from fabrique.core.personal_data import Basis, Erase

from . import registry

HEADER = "| champ | pourquoi | base légale | conservation | à l'effacement |\n|---|---|---|---|---|"


def markdown_table() -> str:
    lines = [HEADER]
    for field in sorted(registry.declared(), key=lambda f: f.label):
        cells = [f"`{field.label}`", field.purpose, Basis(field.basis).label, field.retention, Erase(field.erase).label]
        lines.append("| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)
