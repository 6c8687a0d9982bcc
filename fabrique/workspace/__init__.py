"""The workspace: where a project's people (the structure's team, its carrier, partners and outside experts) work
on it together."""
