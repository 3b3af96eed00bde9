"""The store's schema as an ordered list of migrations, keyed by ``PRAGMA user_version``.

A database at version ``n`` has had migrations ``1..n`` applied. Opening an older database applies the rest,
each in its own transaction together with the version bump, so a crash mid-upgrade leaves the database at the
last complete version. Never edit a migration that has shipped: append a new one (as sqlite-utils does).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.errors import StoreError

# Written into the SQLite header (PRAGMA application_id) so another program's database is not taken for ours.
APPLICATION_ID = 0x4D525344  # "MRSD"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute ``script`` one statement at a time inside the caller's transaction.

    ``executescript`` would COMMIT the open transaction first, breaking the all-or-nothing migration;
    splitting on ``;`` with ``sqlite3.complete_statement`` keeps trigger bodies (which contain ``;``) whole.
    """
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                conn.execute(buffer)
            buffer = ""
    if buffer.strip(" \n\t;"):
        raise StoreError(
            f"incomplete SQL statement in a migration: {buffer.strip()[:80]!r}", code="store-schema"
        )


def sql(script: str) -> Callable[[sqlite3.Connection], None]:
    return lambda conn: run_script(conn, script)


SCHEMA_V1 = f"""
PRAGMA application_id = {APPLICATION_ID};

-- Raw input bytes, compressed, keyed by sha256: any report can be re-extracted by a later extractor.
CREATE TABLE raw_archive (
    raw_sha256 TEXT PRIMARY KEY,
    compression TEXT NOT NULL CHECK (compression IN ('zlib', 'lzma', 'none')),
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    site TEXT,
    published TEXT,
    published_source TEXT,
    language TEXT,
    country TEXT,
    source TEXT,
    external_id TEXT,
    raw_sha256 TEXT,
    raw_format TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_url ON documents(url);

-- The queried fields are columns; ``json`` is the stable marsad.event/1 dictionary every reader returns.
-- NOCASE on the text filters lets the case-insensitive filters use their indexes.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    event_type TEXT COLLATE NOCASE,
    sub_event_type TEXT COLLATE NOCASE,
    date_start TEXT,
    date_end TEXT,
    date_precision INTEGER,
    location_name TEXT,
    country TEXT,
    admin1 TEXT COLLATE NOCASE,
    admin2 TEXT COLLATE NOCASE,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    where_prec INTEGER,
    actor1 TEXT,
    actor2 TEXT,
    killed_best INTEGER,
    injured_best INTEGER,
    killed_or_injured_best INTEGER,
    captured_best INTEGER,
    confidence REAL,
    extractor_version TEXT,
    json TEXT NOT NULL
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_sub_type ON events(sub_event_type);
CREATE INDEX events_admin1 ON events(admin1);
CREATE INDEX events_kind ON events(kind, date_start);

CREATE TABLE figures (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    low INTEGER,
    best INTEGER,
    high INTEGER,
    who TEXT,
    side TEXT,
    flags TEXT NOT NULL,
    claimant TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX figures_kind ON figures(kind);

CREATE TABLE evidence (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
);

CREATE TABLE places (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    pcodes TEXT,
    geonameid INTEGER,
    feature TEXT,
    gazetteer TEXT,
    where_prec INTEGER,
    geo_precision INTEGER,
    text TEXT,
    start INTEGER,
    "end" INTEGER
);
CREATE INDEX places_geonameid ON places(geonameid);

CREATE TABLE actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor1', 'actor2', 'assoc')),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    raw TEXT NOT NULL,
    inter INTEGER,
    side TEXT,
    known INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    PRIMARY KEY (event_id, role, seq)
);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_unknown ON actors(known, name);

-- Re-running on the same input must add nothing: one row per (source, code, message).
CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (source, code, message)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    counts TEXT
);

-- Full-text search over title and text. The FTS table keeps its own copy of the text rather than pointing at
-- ``documents`` as external content: that needs a stable integer rowid, and documents is keyed by its sha256.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    document_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (document_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    DELETE FROM documents_fts WHERE document_id = old.id;
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    DELETE FROM documents_fts WHERE document_id = old.id;
    INSERT INTO documents_fts (document_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
"""

# Version 2: the place names of each event that no gazetteer place was found for (raw words, span, reason), so
# that `marsad places --unresolved` lists them from the store. Events stored before it have none listed.
SCHEMA_V2 = """
CREATE TABLE unresolved_places (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    nearest TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX unresolved_places_text ON unresolved_places(text COLLATE NOCASE);
"""

# Version 3: the extractor that read each document (``marsad.extract.identity``), so that a run over reports an
# older marsad stored reads them again. Documents stored before it have none: any extractor reads them again.
SCHEMA_V3 = """
ALTER TABLE documents ADD COLUMN extractor TEXT;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", sql(SCHEMA_V1)),
    Migration(2, "unresolved place names per event", sql(SCHEMA_V2)),
    Migration(3, "the extractor that read each document", sql(SCHEMA_V3)),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations must be numbered 1..n in order, got {versions}", code="store-schema")


def _pragma(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


def _check_is_store(conn: sqlite3.Connection, where: str) -> None:
    """Refuse another program's SQLite database instead of adding our tables to it."""
    app_id = _pragma(conn, "application_id")
    if app_id == APPLICATION_ID:
        return
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != 0 or has_tables:
        raise StoreError(
            f"{where} is an SQLite database but not a marsad store: "
            "give a new file name, or the path of a marsad store",
            code="store-not-marsad",
        )


def schema_version(conn: sqlite3.Connection) -> int:
    return _pragma(conn, "user_version")


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS, *, where: str = "store"
) -> int:
    """Bring the database to the last version in ``migrations``; return that version.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each step opens its own transaction.
    """
    _check_order(migrations)
    latest = len(migrations)
    current = schema_version(conn)
    if current > latest:
        raise StoreError(
            f"{where} has schema version {current} but this marsad knows only up to {latest}: "
            "it was written by a newer marsad; upgrade marsad (pip install -U marsad) to open it",
            code="store-too-new",
        )
    if current == 0:
        _check_is_store(conn, where)
    for migration in migrations[current:]:
        _apply(conn, migration, where)
    return schema_version(conn)


def _apply(conn: sqlite3.Connection, migration: Migration, where: str) -> None:
    # IMMEDIATE takes the write lock before re-reading the version, so two processes opening the same new file
    # do not both run the same migration.
    conn.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(conn) >= migration.version:
            conn.execute("ROLLBACK")
            return
        migration.apply(conn)
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(
                f"could not migrate {where} to schema version {migration.version} ({migration.name}): {exc}; "
                "the database is unchanged at its previous version",
                code="store-migrate",
            ) from exc
        raise
