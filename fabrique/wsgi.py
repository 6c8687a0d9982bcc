"""The WSGI application, for gunicorn (`fabrique.wsgi:application`).

Once Django and the URLconf are loaded, the objects they made (modules, classes, URL patterns, settings) live as
long as the process: `gc.freeze()` puts them out of reach of the cyclic garbage collector. Without it, each full
collection walked the whole heap again, about 90 ms every dozen requests of a page that makes many objects (the
map API: a p95 of 98 ms for a median of 14). Objects made later are collected as usual.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fabrique.settings")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imports every app's views now, before the freeze
gc.collect()  # what is garbage already must not be kept for ever
gc.freeze()
