"""How projects flow through the method's stages, read from the stage log: median days spent in each stage,
the funnel of a year's projects and the conversion from each stage to the next."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Count
from django.utils.translation import gettext as _

from fabrique.method.enums import STAGE_ORDER, Stage
from fabrique.method.models import ProjectStageLog

from .scope import Scope, year_bounds

# The stages a project stays in before moving on; `created` is where the method ends.
TIMED_STAGES: tuple[str, ...] = (*STAGE_ORDER[:-1], Stage.PAUSED)


@dataclass(frozen=True)
class StageDays:
    stage: str
    median_days: Decimal | None
    stays: int

    @property
    def label(self) -> str:
        return str(Stage(self.stage).label)


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    reached: int

    @property
    def label(self) -> str:
        return str(Stage(self.stage).label)


@dataclass(frozen=True)
class Conversion:
    from_stage: str
    to_stage: str
    rate: Decimal | None  # percent, None when no project reached `from_stage`

    @property
    def label(self) -> str:
        return _("%(from)s → %(to)s") % {"from": Stage(self.from_stage).label, "to": Stage(self.to_stage).label}


def _days_sql() -> str:
    if connection.vendor == "postgresql":
        return "EXTRACT(EPOCH FROM (end_at - start_at)) / 86400.0"
    return "(julianday(end_at) - julianday(start_at))"


def median_stage_days(year: int, scope: Scope) -> dict[str, StageDays]:
    """For each stage, the median length of the stays in it that ended during the year (a stay runs from the
    log row entering the stage to the project's next log row). A stay starting or ending at an undated row (a
    stage an import went through without its date, `dated` false) has no length: it is left out. One query:
    window functions rank the stays."""
    log = ProjectStageLog._meta
    table = connection.ops.quote_name(log.db_table)
    project_col = connection.ops.quote_name(log.get_field("project").column)
    stage_col = connection.ops.quote_name(log.get_field("to_status").column)
    dated_col = connection.ops.quote_name(log.get_field("dated").column)
    bounds = year_bounds(year)
    start, end = (connection.ops.adapt_datetimefield_value(value) for value in bounds)
    # Only the projects that moved during the year can have a stay ending in it.
    moved = scope.stage_log().filter(changed_at__gte=bounds[0], changed_at__lt=bounds[1])
    sub_sql, params = moved.values("project_id").query.sql_with_params()
    where = f"WHERE l.{project_col} IN ({sub_sql})"
    params = list(params)
    sql = f"""
        WITH stays AS (
            SELECT l.{stage_col} AS stage, l.changed_at AS start_at, l.{dated_col} AS start_dated,
                   LEAD(l.changed_at) OVER (PARTITION BY l.{project_col} ORDER BY l.changed_at, l.id) AS end_at,
                   LEAD(l.{dated_col}) OVER (PARTITION BY l.{project_col} ORDER BY l.changed_at, l.id) AS end_dated
            FROM {table} l {where}
        ), ended AS (
            SELECT stage, {_days_sql()} AS days FROM stays
            WHERE end_at >= %s AND end_at < %s AND start_dated = %s AND end_dated = %s
        ), ranked AS (
            SELECT stage, days,
                   ROW_NUMBER() OVER (PARTITION BY stage ORDER BY days) AS rn,
                   COUNT(*) OVER (PARTITION BY stage) AS n
            FROM ended
        )
        SELECT stage, AVG(days), MAX(n) FROM ranked
        WHERE rn = (n + 1) / 2 OR rn = (n + 2) / 2
        GROUP BY stage
    """  # noqa: S608 - table and column names come from the model; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, start, end, True, True])
        rows = cursor.fetchall()
    found = {stage: (median, n) for stage, median, n in rows}
    result = {}
    for stage in TIMED_STAGES:
        median, n = found.get(stage, (None, 0))
        value = None if median is None else Decimal(str(round(float(median), 1)))
        result[stage] = StageDays(stage, value, int(n))
    return result


def funnel(year: int, scope: Scope) -> list[FunnelStep]:
    """Of the projects detected during the year, how many reached each stage of the method (at any time
    since, paused or abandoned later or not). One pass over their log: the furthest stage each one reached,
    counted per stage; a project reached every stage up to its furthest."""
    log = ProjectStageLog._meta
    table = connection.ops.quote_name(log.db_table)
    project_col = connection.ops.quote_name(log.get_field("project").column)
    stage_col = connection.ops.quote_name(log.get_field("to_status").column)
    detected = scope.projects().filter(detected_on__year=year).values("pk")
    sub_sql, sub_params = detected.query.sql_with_params()
    ranks = " ".join(f"WHEN %s THEN {index}" for index in range(len(STAGE_ORDER)))  # integers typed by the SQL
    rank_params = list(STAGE_ORDER)
    sql = f"""
        SELECT furthest, COUNT(*) FROM (
            SELECT MAX(CASE l.{stage_col} {ranks} END) AS furthest
            FROM {table} l WHERE l.{project_col} IN ({sub_sql})
            GROUP BY l.{project_col}
        ) AS projects WHERE furthest IS NOT NULL GROUP BY furthest
    """  # noqa: S608 - table and column names come from the model; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*rank_params, *sub_params])
        furthest = dict(cursor.fetchall())
    return [
        FunnelStep(stage, sum(n for rank, n in furthest.items() if rank >= index))
        for index, stage in enumerate(STAGE_ORDER)
    ]


def conversions(steps: list[FunnelStep]) -> list[Conversion]:
    """From each stage to the next: the share of the projects that reached a stage and reached the next one."""
    result = []
    for current, following in zip(steps, steps[1:], strict=False):
        rate = None
        if current.reached:
            rate = (Decimal(following.reached * 100) / Decimal(current.reached)).quantize(Decimal("0.1"))
        result.append(Conversion(current.stage, following.stage, rate))
    return result


def projects_by_stage(scope: Scope) -> dict[str, int]:
    """Where the scope's projects stand today, stage by stage."""
    rows = scope.projects().values("stage").annotate(n=Count("pk")).order_by()
    counts = dict.fromkeys(Stage.values, 0)
    for row in rows:  # one row per stage: at most 8
        counts[row["stage"]] = row["n"]
    return counts
