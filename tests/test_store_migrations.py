"""Schema versions: new and older databases are migrated; newer ones and non-stores are refused."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import MIGRATIONS, SCHEMA_VERSION, Migration, Store, Stored, migrate
from marsad.store.migrations import APPLICATION_ID, sql
from store_helpers import REPORT, sample

EXPECTED_TABLES = {
    "documents", "raw_archive", "events", "figures", "evidence", "places", "actors", "failures", "runs",
    "documents_fts",
}  # fmt: skip


def _version(path: Path) -> int:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_store_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) == SCHEMA_VERSION


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "empty-file"])
def test_store_migrates_an_empty_database(tmp_path: Path, existing: bool) -> None:
    path = tmp_path / "marsad.db"
    if existing:
        path.write_bytes(b"")
    with Store.open(path) as store:
        tables = {
            r[0] for r in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert tables >= EXPECTED_TABLES
        assert store.connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert _version(path) == SCHEMA_VERSION


def test_store_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "marsad.db") as store:
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_store_reopen_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    doc, events = sample()
    with Store.open(path) as store:
        store.add(doc, events)
    with Store.open(path) as store:
        assert store.counts()["events_total"] == 3
        assert store.add(doc, events) is Stored.KEPT
        # A second connection (another process) reads while this one is open: WAL allows it.
        with Store.open(path) as reader:
            assert len(reader.events()) == 3
    assert _version(path) == SCHEMA_VERSION


def test_store_opening_an_older_database_applies_the_newer_migrations(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    with Store.open(path) as store:
        store.add(*sample())
    extra = Migration(
        SCHEMA_VERSION + 1, "event review flag", sql("ALTER TABLE events ADD COLUMN reviewed INTEGER;")
    )
    with Store.open(path, migrations=(*MIGRATIONS, extra)) as store:
        cols = {r[1] for r in store.connection.execute("PRAGMA table_info(events)")}
        assert "reviewed" in cols
        assert store.counts()["events_total"] == 3
    assert _version(path) == SCHEMA_VERSION + 1


def test_store_documents_stored_before_extractors_were_recorded_are_read_again(tmp_path: Path) -> None:
    """A store of schema 2 (no extractor per document), upgraded: the next run over its reports replaces their
    events, since no one knows which marsad read them."""
    path = tmp_path / "marsad.db"
    doc, events = sample()
    with Store.open(path, migrations=MIGRATIONS[:2]) as old:
        old.connection.execute(
            "INSERT INTO documents (id, text, ingested_at) VALUES (?, ?, '2026-01-01')", (doc.id, doc.text)
        )
        old.connection.execute(
            "INSERT INTO events (id, document_id, kind, json) VALUES ('stale', ?, 'incident', '{}')",
            (doc.id,),
        )
    with Store.open(path) as store:
        assert _version(path) == SCHEMA_VERSION
        assert store.add(doc, events, "marsad 0.1.0+abc") is Stored.REPLACED
        assert sorted(e["id"] for e in store.events()) == sorted(e.id for e in events)
        assert store.add(doc, events, "marsad 0.1.0+abc") is Stored.KEPT


def test_store_failed_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    Store.open(path).close()
    broken = Migration(
        SCHEMA_VERSION + 1, "broken", sql("CREATE TABLE half (x); ALTER TABLE nope ADD COLUMN y;")
    )
    with pytest.raises(StoreError, match="unchanged at its previous version"):
        Store.open(path, migrations=(*MIGRATIONS, broken))
    assert _version(path) == SCHEMA_VERSION
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_store_newer_database_says_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    Store.open(path).close()
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(StoreError, match="upgrade marsad") as err:
        Store.open(path)
    assert err.value.code == "store-too-new"


@pytest.mark.parametrize(
    "content",
    [b"not a database, just text\n", b"%PDF-1.7\n" + bytes(2000), b"PK\x03\x04zipzipzip"],
    ids=["text", "pdf", "zip"],
)
def test_store_not_a_database_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not an SQLite database") as err:
        Store.open(path)
    assert str(path) in str(err.value)
    assert "new file name" in str(err.value)
    assert path.read_bytes() == content  # untouched


def test_store_corrupt_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(StoreError, match=r"cannot be read as an SQLite database") as err:
        Store.open(path)
    assert str(path) in str(err.value)


def test_store_other_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE places (name TEXT)")
    with pytest.raises(StoreError, match="not a marsad store"):
        Store.open(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_store_missing_folder_says_create_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist; create it first"):
        Store.open(tmp_path / "nope" / "marsad.db")


def test_store_migrate_is_idempotent() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION
    conn.close()


def test_store_concurrent_writers_wait_for_each_other(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    Store.open(path).close()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with Store.open(path) as store:
                for i in range(10):
                    doc, events = sample(f"Report {n}-{i}: clashes in Hama.\n" + REPORT)
                    store.add(doc, events)
        except BaseException as exc:  # surfaced below: a thread's exception would otherwise be lost
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as store:
        assert store.counts()["documents"] == 30
