"""What the method offers the apps beside it: the only module of `fabrique.method` they may import (the layer
contract, `[tool.importlinter]` in pyproject.toml, allows no other sideways path).

The library files a resource under projects (a project notebook, a deliverable): it names the Project model and
asks who may read a project and open its page.
"""

from .models import Project
from .perms import project_abilities, readable_projects

__all__ = ["Project", "project_abilities", "readable_projects"]
