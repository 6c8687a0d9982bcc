"""The method's data: needs and ideas, creativity sessions, projects and their stage log, steering
decisions, economic models and outcomes."""

from .needs import CreativitySession, Need
from .projects import Project, ProjectNote, ProjectPartner, ProjectStageLog
from .steering import EconomicModel, Outcome, SteeringDecision

__all__ = [
    "CreativitySession",
    "EconomicModel",
    "Need",
    "Outcome",
    "Project",
    "ProjectNote",
    "ProjectPartner",
    "ProjectStageLog",
    "SteeringDecision",
]
