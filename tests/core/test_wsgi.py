"""The WSGI module loads the whole URLconf and takes what it loaded out of the cyclic collector's walks."""

from .test_settings import start_django


def test_the_wsgi_application_freezes_the_loaded_objects(tmp_path):
    code = "import gc; from fabrique.wsgi import application; print(gc.get_freeze_count(), callable(application))"
    result = start_django(tmp_path, code)
    assert result.returncode == 0, result.stderr
    frozen, callable_ = result.stdout.split()
    assert int(frozen) > 50_000 and callable_ == "True"
