import factory
from factory.django import DjangoModelFactory

from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import ProjectMember
from tests.factories import UserFactory
from tests.method.factories import ProjectFactory


class ProjectMemberFactory(DjangoModelFactory):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = ProjectRole.CARRIER
