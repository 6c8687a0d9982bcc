"""The indexes the project lists and the stage log read by exist in the database."""

from django.db import connection


def test_the_recent_projects_index_and_the_stage_log_index_exist(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "method_project")
        assert "method_project_recent" in constraints
        constraints = connection.introspection.get_constraints(cursor, "method_projectstagelog")
        assert "method_stagelog_changed_at" in constraints
