"""A foreign, corrupt, newer or other-engine archive, or a non-empty install: refused in French, nothing written."""

import gzip
import io
import tarfile

import pytest
from django.core.management import CommandError, call_command

from fabrique.accounts.models import User
from fabrique.network.models import Structure
from tests.factories import StructureFactory, UserFactory

from . import archives


@pytest.fixture(autouse=True)
def scratch_install(settings, tmp_path):
    """Media, private files and the staging area of this test only."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    settings.MEDIA_ROOT = tmp_path / "data" / "media"
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "data" / "private"
    return settings.DATA_DIR


def restore(path, *options):
    out = io.StringIO()
    call_command("restore", str(path), *options, stdout=out)
    return out.getvalue()


def assert_nothing_written(data_dir, users=0, structures=0):
    assert sorted(p.name for p in data_dir.iterdir() if p.name not in {"media", "private"}) == []
    assert [p for root in ("media", "private") for p in (data_dir / root).rglob("*") if p.is_file()] == []
    assert (User.objects.count(), Structure.objects.count()) == (users, structures)


def tampered(tmp_path, name, **changes):
    return archives.write(tmp_path / name, archives.manifest(**changes))


@pytest.mark.django_db
def test_a_sound_archive_is_verified_without_restoring_anything(tmp_path, scratch_install):
    output = restore(archives.write(tmp_path / "bonne.tar.gz"), "--verify-only")
    assert "Archive intacte : sauvegarde du 01/12/2026 03:30" in output
    assert "2 fichiers" in output
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "n'est pas une archive .tar.gz lisible"),
        (b"PK\x03\x04 a zip file, not ours", "n'est pas une archive .tar.gz lisible"),
        (gzip.compress(b"plain text, not a tar", mtime=0), "n'est pas une archive .tar.gz lisible"),
    ],
)
def test_a_file_that_is_not_a_tar_gz_is_refused(tmp_path, scratch_install, content, message):
    path = tmp_path / "archive.tar.gz"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        restore(path)
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
def test_a_truncated_archive_is_refused_and_nothing_is_written(tmp_path, scratch_install):
    sound = archives.write(tmp_path / "bonne.tar.gz").read_bytes()
    path = tmp_path / "tronquee.tar.gz"
    path.write_bytes(sound[: len(sound) * 2 // 3])
    with pytest.raises(CommandError, match="tronquée"):
        restore(path)
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
def test_a_tar_gz_of_something_else_is_refused_as_foreign(tmp_path, scratch_install):
    path = tmp_path / "etc.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("etc/passwd")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"root"))
    with pytest.raises(CommandError, match="n'est pas une sauvegarde Fabrique"):
        restore(path)
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"{not json", "n'est pas une sauvegarde Fabrique"),
        (b'["a list"]', "n'est pas une sauvegarde Fabrique"),
        ({"format": "autre-chose"}, "n'est pas une sauvegarde Fabrique"),
        ({"format_version": 2}, "au format 2 ; cette version de Fabrique lit le format 1"),
        ({"migrations": {"network": "9999_from_the_future"}}, r"version plus récente de Fabrique .*network\.9999"),
        ({"files": [{"path": "media/x", "size": -1, "sha256": "0" * 64}]}, "manifeste de la sauvegarde est abîmé"),
        ({"files": [{"path": "media/x", "size": 1, "sha256": "not hex"}]}, "manifeste de la sauvegarde est abîmé"),
    ],
)
def test_a_foreign_or_newer_manifest_is_refused(tmp_path, scratch_install, manifest, message):
    value = manifest if isinstance(manifest, bytes) else archives.manifest(**manifest)
    with pytest.raises(CommandError, match=message):
        restore(archives.write(tmp_path / "archive.tar.gz", value))
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
def test_an_archive_of_the_other_engine_is_refused(tmp_path, scratch_install):
    from django.db import connection

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    database = archives.manifest()["database"] | {"engine": other}
    with pytest.raises(CommandError, match=f"celle d'une base {other} ; l'installation utilise {connection.vendor}"):
        restore(tampered(tmp_path, "autre.tar.gz", database=database))
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "media/../../../etc/cron.d/evil",
        "/etc/cron.d/evil",
        "media/./x",
        "media//x",
        "settings/secret",
        "media",
        "media/a\\..\\..\\x",
        "media/a\x00b",
    ],
)
def test_a_path_outside_the_uploaded_files_is_refused(tmp_path, scratch_install, path):
    files = [archives.entry(path, b"x")]
    with pytest.raises(CommandError, match="chemin refusé"):
        restore(tampered(tmp_path, "chemin.tar.gz", files=files))
    assert_nothing_written(scratch_install)
    assert not (tmp_path / "etc").exists()


@pytest.mark.django_db
def test_a_file_whose_bytes_differ_from_the_manifest_is_refused(tmp_path, scratch_install):
    members = dict([archives.DATABASE, *archives.FILES.items()])
    members["private/appellation/1/bilan.pdf"] = b"%PDF-1.4 BILAN"  # same size, one case changed
    with pytest.raises(CommandError, match="« private/appellation/1/bilan.pdf » de l'archive est abîmé"):
        restore(archives.write(tmp_path / "abimee.tar.gz", members=members))
    assert_nothing_written(scratch_install)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing", "« private/appellation/1/bilan.pdf » manquant ou différent"),
        ("resized", "« media/library/1/1/guide.pdf » manquant ou différent"),
        ("extra", "des fichiers que son manifeste ne liste pas"),
        ("renamed", "« media/library/1/1/guide.pdf » manquant ou différent"),
    ],
)
def test_members_that_do_not_match_the_manifest_are_refused(tmp_path, scratch_install, change, message):
    members = dict([archives.DATABASE, *archives.FILES.items()])
    if change == "missing":
        del members["private/appellation/1/bilan.pdf"]
    elif change == "resized":
        members["media/library/1/1/guide.pdf"] += b" and a payload that the manifest never declared" * 1000
    elif change == "extra":
        members["media/../../outside"] = b"x"
    else:
        members = {name.replace("guide", "autre"): content for name, content in members.items()}
    with pytest.raises(CommandError, match=message):
        restore(archives.write(tmp_path / "archive.tar.gz", members=members))
    assert_nothing_written(scratch_install)
    assert not (tmp_path / "outside").exists()


@pytest.mark.django_db
def test_an_install_with_accounts_or_structures_is_not_overwritten_without_force(tmp_path, scratch_install):
    UserFactory(email="deja-la@example.org")
    StructureFactory.create_batch(2)
    with pytest.raises(CommandError, match=r"n'est pas vide \(1 compte, 2 structures\) :"):
        restore(archives.write(tmp_path / "bonne.tar.gz"))
    assert_nothing_written(scratch_install, users=1, structures=2)


@pytest.mark.django_db
def test_an_install_with_uploaded_files_only_is_not_overwritten_without_force(tmp_path, scratch_install):
    kept = scratch_install / "media" / "library" / "7" / "1" / "compte-rendu.pdf"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"%PDF-1.4 ours")
    with pytest.raises(CommandError, match=r"n'est pas vide \(1 fichier téléversé\).*--force"):
        restore(archives.write(tmp_path / "bonne.tar.gz"))
    assert kept.read_bytes() == b"%PDF-1.4 ours"
    assert not list(scratch_install.glob(".fabrique-restauration-*"))


@pytest.mark.django_db
def test_a_missing_archive_is_named(tmp_path, scratch_install):
    with pytest.raises(CommandError, match="« .*absente.tar.gz » n'existe pas"):
        restore(tmp_path / "absente.tar.gz")
    assert_nothing_written(scratch_install)
