"""SQLite in WAL mode: a backup taken while another connection keeps writing restores a sound, consistent base."""

import sqlite3
import threading

from fabrique.ops.databases import SqliteDatabase

from .test_backup_restore import fabrique, install

ROWS = 20_000
PAYLOAD = b"\xa5" * 1024  # about 20 MiB: the copy takes long enough for writes to land during it


def live_base(path):
    base = sqlite3.connect(path)
    base.execute("PRAGMA journal_mode=WAL")
    base.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, payload BLOB NOT NULL)")
    base.execute("CREATE TABLE total (id INTEGER PRIMARY KEY CHECK (id = 1), amount INTEGER, row_count INTEGER)")
    base.executemany("INSERT INTO ledger (amount, payload) VALUES (?, ?)", ((1, PAYLOAD) for _ in range(ROWS)))
    base.execute("INSERT INTO total VALUES (1, ?, ?)", (ROWS, ROWS))
    base.commit()
    base.close()


class Writer(threading.Thread):
    """Each transaction adds a row and updates the total: a consistent copy has sum(ledger) == total."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.stop, self.commits, self.error = path, threading.Event(), 0, None

    def run(self):
        base = sqlite3.connect(self.path, timeout=20)
        try:
            while not self.stop.is_set():
                with base:
                    amount = self.commits % 7 + 1
                    base.execute("INSERT INTO ledger (amount, payload) VALUES (?, ?)", (amount, PAYLOAD))
                    base.execute("UPDATE total SET amount = amount + ?, row_count = row_count + 1", (amount,))
                self.commits += 1
        except sqlite3.Error as error:  # reported by the test, not lost in the thread
            self.error = error
        finally:
            base.close()


def test_a_backup_during_writes_restores_a_base_that_passes_integrity_check_and_is_consistent(tmp_path):
    live = tmp_path / "fabrique.sqlite3"
    live_base(live)
    writer = Writer(live)
    writer.start()
    while writer.commits < 50:  # the writer is going before the first backup starts
        threading.Event().wait(0.01)
    written_during_backups = 0
    restored_counts = []
    try:
        for round_number in range(3):
            copy, restored = tmp_path / f"copie-{round_number}.sqlite3", tmp_path / f"restauree-{round_number}.sqlite3"
            before = writer.commits
            SqliteDatabase(live).dump(copy)
            written_during_backups += writer.commits - before
            SqliteDatabase(restored).restore(copy)
            base = sqlite3.connect(restored)
            assert base.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            ledger = base.execute("SELECT SUM(amount), COUNT(*) FROM ledger").fetchone()
            assert ledger == base.execute("SELECT amount, row_count FROM total").fetchone()
            restored_counts.append(ledger[1])
            base.close()
    finally:
        writer.stop.set()
        writer.join()
    assert writer.error is None
    assert written_during_backups > 0, "no write landed while a backup was running: the test proved nothing"
    assert restored_counts == sorted(restored_counts) and restored_counts[0] > ROWS


def test_the_copy_stands_alone_without_a_wal_file(tmp_path):
    live = tmp_path / "fabrique.sqlite3"
    live_base(live)
    keeper = sqlite3.connect(live)  # an open connection keeps the live base's -wal file
    keeper.execute("INSERT INTO ledger (amount, payload) VALUES (5, x'00')")
    keeper.commit()
    SqliteDatabase(live).dump(tmp_path / "copie.sqlite3")
    keeper.close()
    assert not (tmp_path / "copie.sqlite3-wal").exists()
    copy = sqlite3.connect(tmp_path / "copie.sqlite3")
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert copy.execute("SELECT COUNT(*) FROM ledger").fetchone() == (ROWS + 1,)
    copy.close()


def test_fabrique_backup_of_a_serving_install_restores_a_sound_consistent_base(tmp_path):
    """The whole command, in a subprocess, while this process keeps writing to the install's base."""
    source, target = install(tmp_path / "source", ""), install(tmp_path / "target", "")
    fabrique(source, "migrate", "--noinput")
    live = tmp_path / "source" / "fabrique.sqlite3"
    live_base(live)  # the ledger beside the platform's tables, in the same WAL file
    writer = Writer(live)
    writer.start()
    try:
        while writer.commits < 50:
            threading.Event().wait(0.01)
        before = writer.commits
        fabrique(source, "backup", "-o", str(tmp_path / "sauvegarde.tar.gz"))
        during = writer.commits - before
    finally:
        writer.stop.set()
        writer.join()
    fabrique(target, "restore", str(tmp_path / "sauvegarde.tar.gz"))

    assert writer.error is None
    assert during > 0
    base = sqlite3.connect(tmp_path / "target" / "fabrique.sqlite3")
    assert base.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    ledger = base.execute("SELECT SUM(amount), COUNT(*) FROM ledger").fetchone()
    assert ledger == base.execute("SELECT amount, row_count FROM total").fetchone()
    assert ROWS < ledger[1] <= ROWS + writer.commits
    assert base.execute("SELECT COUNT(*) FROM territories_departement").fetchone() == (101,)
    base.close()
