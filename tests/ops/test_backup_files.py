"""What the backup takes of the uploaded files, and how it fails: in French, leaving no archive behind."""

import io
import os

import pytest
from django.core.management import CommandError, call_command

from fabrique.ops.archive import file_entry
from fabrique.ops.backup import _write_archive, storage_warnings, uploaded_files
from fabrique.ops.exceptions import BackupError


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.APPELLATION_PRIVATE_ROOT


def write(path, content=b"x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_the_public_media_and_the_private_attachments_are_both_taken(roots, tmp_path):
    media, private = roots
    write(media / "library" / "1" / "1" / "guide.pdf")
    write(private / "appellation" / "3" / "bilan.pdf")
    os.symlink("/etc/passwd", media / "library" / "lien")
    names = [name for _path, name in uploaded_files()]
    assert names == ["media/library/1/1/guide.pdf", "private/appellation/3/bilan.pdf"]


def test_a_private_root_inside_the_media_is_taken_once(settings, roots):
    media, _private = roots
    settings.APPELLATION_PRIVATE_ROOT = media / "private"
    write(media / "private" / "appellation" / "3" / "bilan.pdf")
    write(media / "library" / "1" / "1" / "guide.pdf")
    names = [name for _path, name in uploaded_files()]
    assert names == ["media/library/1/1/guide.pdf", "private/appellation/3/bilan.pdf"]


@pytest.mark.parametrize("new_content", [b"%PDF-1.4 autre", b"%PDF"])
def test_a_file_changed_while_it_is_archived_stops_the_backup_and_leaves_no_archive(tmp_path, new_content):
    path = write(tmp_path / "media" / "guide.pdf", b"%PDF-1.4 guide")
    entry = file_entry(path, "media/guide.pdf")
    path.write_bytes(new_content)  # replaced, or shortened, after it was hashed
    output = tmp_path / "copies" / "sauvegarde.tar.gz"
    output.parent.mkdir()
    with pytest.raises(BackupError, match="« media/guide.pdf » a changé pendant la sauvegarde : relancez-la"):
        _write_archive(output, {"format": "fabrique-sauvegarde"}, [(path, entry)])
    assert list(output.parent.iterdir()) == []


def test_a_backup_into_a_missing_directory_is_refused_in_french(tmp_path):
    with pytest.raises(CommandError, match="Le répertoire « .*absent » n'existe pas"):
        call_command("backup", "-o", str(tmp_path / "absent" / "sauvegarde.tar.gz"), stdout=io.StringIO())


def test_library_files_kept_in_another_storage_are_said_to_be_outside_the_archive(settings):
    assert storage_warnings() == []
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    assert storage_warnings() == [
        "Les fichiers de la bibliothèque sont dans un autre stockage (storages.backends.s3.S3Storage) : ils ne "
        "sont pas dans l'archive, sauvegardez-les à part."
    ]
