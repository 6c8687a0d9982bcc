"""What network life offers the apps beside it: the only module of `fabrique.community` they may import (the
layer contract, `[tool.importlinter]` in pyproject.toml, allows no other sideways path).

- The library files a resource under a working group: it names the WorkingGroup model, and registers how to read
  the resources of a group (`register_group_resources`), which the group's page and API list.
- The appellation publishes the committee's announcement as a news post: written with the news form, previewed as
  a news post is, created by the news verb.
"""

from .forms import NewsPostForm
from .models import WorkingGroup
from .perms import register_group_resources
from .services.news import create_news
from .views.news import preview_of

__all__ = ["NewsPostForm", "WorkingGroup", "create_news", "preview_of", "register_group_resources"]
