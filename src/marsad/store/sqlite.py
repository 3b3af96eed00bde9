"""The SQLite store: documents with their events, evidence and raw input, failures, runs, full-text search.

One document and everything read from it is written in one transaction, so a crash or error never leaves half
a document behind, and re-running on the same input adds nothing (the document id is its content hash).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import lzma
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import IntEnum
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Self

from marsad.errors import StoreError
from marsad.export.jsonout import casualties, event_to_dict
from marsad.records import Actor, Document, Event, Failure, Place, Span
from marsad.store.migrations import MIGRATIONS, Migration, migrate

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# zlib is fast and ample for a typical page; lzma's better ratio is worth its slowness only on large inputs.
LZMA_FROM_BYTES = 64 * 1024
MIN_PREFIX = 6


class Stored(IntEnum):
    """What :meth:`Store.add` did with a document; false when nothing was written."""

    KEPT = 0  # stored already, by the same extractor (or none was named): nothing written
    ADDED = 1
    REPLACED = 2  # stored already, read by another extractor: its events replaced


class SearchHit(NamedTuple):
    document_id: str
    title: str | None
    snippet: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _compress(raw: bytes) -> tuple[str, bytes]:
    if len(raw) >= LZMA_FROM_BYTES:
        return "lzma", lzma.compress(raw, preset=6)
    return "zlib", zlib.compress(raw, 9)


def _decompress(compression: str, data: bytes) -> bytes:
    if compression == "lzma":
        return lzma.decompress(data)
    if compression == "zlib":
        return zlib.decompress(data)
    return data


def _check_file(path: Path) -> None:
    """A non-empty file that does not start with SQLite's magic header is refused before sqlite touches it."""
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(
                f"cannot create a store at {path}: the folder {path.parent} does not exist; create it first",
                code="store-open",
            )
        return
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a store file: give a file path such as {path / 'marsad.db'}"
        )
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not an SQLite database: "
            "pass the path of a marsad store, or a new file name to create one",
            code="store-not-sqlite",
        )


class Store:
    """A marsad database. Open with :meth:`open`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, where: str) -> None:
        self._conn = conn
        self.where = where

    # -- opening --
    @classmethod
    def open(cls, path: str | Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Store:
        """Open (creating or migrating as needed) the store at ``path``; ``":memory:"`` is throwaway."""
        memory = str(path) == ":memory:"
        where = ":memory:" if memory else str(Path(path))
        if not memory:
            _check_file(Path(path))
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction spans one document.
            conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store at {where}: {exc}", code="store-open") from exc
        try:
            cls._configure(conn, memory, where)
            migrate(conn, migrations, where=where)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(
                f"{where} cannot be read as an SQLite database ({exc}): pass the path of a marsad store, "
                "or a new file name to create one",
                code="store-not-sqlite",
            ) from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, where)

    @staticmethod
    def _configure(conn: sqlite3.Connection, memory: bool, where: str) -> None:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            # WAL lets readers (web view, exports) run while a batch writes.
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode != "wal":
                log.warning(
                    "%s: WAL journal not available (got %s); readers may wait on writers", where, mode
                )
            # NORMAL is durable under WAL except for the last commits on power loss, which a re-run restores.
            conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only queries the API does not cover (datasette-style)."""
        return self._conn

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException as exc:
            self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"could not store {what} in {self.where}: {exc}; nothing of it was kept"
                ) from exc
            raise
        else:
            self._conn.execute("COMMIT")

    # -- writing --
    def add(self, doc: Document, events: Sequence[Event], extractor: str | None = None) -> Stored:
        """Store ``doc`` with its events, all or nothing: ``Stored.ADDED``. When it is stored already, nothing is
        added (``Stored.KEPT``, false), unless ``extractor`` (``marsad.extract.identity``) is given and another
        extractor read it: its events are then replaced by ``events`` (``Stored.REPLACED``)."""
        for event in events:
            if event.document_id != doc.id:
                raise StoreError(
                    f"event {event.id} belongs to document {event.document_id}, not {doc.id}: "
                    "add each document with its own events",
                    code="store-mismatch",
                )
        with self._transaction(f"document {doc.id}"):
            row = self._conn.execute(
                f"SELECT {self._extractor_column} AS extractor FROM documents WHERE id = ?", (doc.id,)
            ).fetchone()
            if row is not None and (extractor is None or row["extractor"] == extractor):
                return Stored.KEPT
            if row is not None:
                # (their figures, evidence, places, actors and unresolved names go with them: ON DELETE CASCADE)
                self._conn.execute("DELETE FROM events WHERE document_id = ?", (doc.id,))
                self._conn.execute("UPDATE documents SET extractor = ? WHERE id = ?", (extractor, doc.id))
            else:
                self._insert_document(doc, self._archive_raw(doc), extractor)
            for event in events:
                self._insert_event(event)
        return Stored.ADDED if row is None else Stored.REPLACED

    @functools.cached_property
    def _extractor_column(self) -> str:
        """The documents' extractor column; NULL in a store opened with fewer migrations (as the tests of
        upgrades write one), whose documents no extractor is known to have read."""
        columns = {r["name"] for r in self._conn.execute("PRAGMA table_info(documents)")}
        return "extractor" if "extractor" in columns else "NULL"

    def _archive_raw(self, doc: Document) -> str | None:
        if not doc.raw:
            return doc.raw_sha256
        sha = hashlib.sha256(doc.raw).hexdigest()
        if doc.raw_sha256 and doc.raw_sha256 != sha:
            raise StoreError(
                f"document {doc.id}: raw_sha256 {doc.raw_sha256} is not the sha256 of its raw bytes ({sha}); "
                "this is a bug in the ingest step that built it",
                code="store-mismatch",
            )
        compression, data = _compress(doc.raw)
        self._conn.execute(
            "INSERT OR IGNORE INTO raw_archive (raw_sha256, compression, size, data) VALUES (?, ?, ?, ?)",
            (sha, compression, len(doc.raw), data),
        )
        return sha

    def _insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert rows given as column -> value dictionaries (all with the same keys)."""
        if not rows:
            return
        cols = ", ".join(f'"{c}"' for c in rows[0])
        marks = ", ".join("?" * len(rows[0]))
        sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"
        self._conn.executemany(sql, [tuple(r.values()) for r in rows])

    def _insert_document(self, doc: Document, raw_sha: str | None, extractor: str | None) -> None:
        row = _document_row(doc, raw_sha)
        if extractor is not None:  # (left NULL, the column's default)
            row["extractor"] = extractor
        self._insert("documents", [row])

    def _insert_event(self, event: Event) -> None:
        self._insert("events", [_event_row_for(event)])
        self._insert_figures(event)
        self._insert_evidence(event)
        if event.location is not None:
            self._insert_place(event.id, event.location)
        self._insert_actors(event)
        self._insert_unresolved(event)

    def _insert_unresolved(self, event: Event) -> None:
        rows = [
            {
                "event_id": event.id,
                "seq": i,
                "text": u.text,
                "reason": u.reason,
                "nearest": u.nearest,
                "start": u.span.start,
                "end": u.span.end,
            }
            for i, u in enumerate(event.unresolved_places)
        ]
        self._insert("unresolved_places", rows)

    def _insert_figures(self, event: Event) -> None:
        rows = [
            {
                "event_id": event.id,
                "seq": i,
                "kind": f.kind,
                "low": f.low,
                "best": f.best,
                "high": f.high,
                "who": f.who,
                "side": f.side,
                "flags": json.dumps(list(f.flags)),
                "claimant": f.claimant,
                **_span_cols(f.span),
            }
            for i, f in enumerate(event.figures)
        ]
        self._insert("figures", rows)

    def _insert_evidence(self, event: Event) -> None:
        rows = [
            {"event_id": event.id, "seq": i, "field": e.field, **_span_cols(e.span)}
            for i, e in enumerate(event.evidence)
        ]
        self._insert("evidence", rows)

    def _insert_place(self, event_id: str, p: Place) -> None:
        row = {
            "event_id": event_id,
            "name": p.name,
            "country": p.country,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "lat": p.latitude,
            "lon": p.longitude,
            "pcodes": json.dumps(
                {
                    "admin1": p.admin1_pcode,
                    "admin2": p.admin2_pcode,
                    "admin3": p.admin3_pcode,
                    "place": p.pcode,
                }
            ),
            "geonameid": p.geonameid,
            "feature": p.feature,
            "gazetteer": p.source,
            "where_prec": p.where_prec,
            "geo_precision": p.geo_precision,
            **_span_cols(p.span),
        }
        self._insert("places", [row])

    def _insert_actors(self, event: Event) -> None:
        roles: list[tuple[str, int, Actor]] = []
        if event.actor1 is not None:
            roles.append(("actor1", 0, event.actor1))
        if event.actor2 is not None:
            roles.append(("actor2", 0, event.actor2))
        roles += [("assoc", i, a) for i, a in enumerate(event.assoc_actors)]
        rows = [
            {
                "event_id": event.id,
                "role": role,
                "seq": seq,
                "name": a.name,
                "raw": a.raw,
                "inter": a.inter,
                "side": a.side,
                "known": int(a.known),
                "start": a.span.start if a.span else None,
                "end": a.span.end if a.span else None,
            }
            for role, seq, a in roles
        ]
        self._insert("actors", rows)

    def record_failure(self, failure: Failure) -> bool:
        """Record an input that could not be processed; False when the same failure is already recorded."""
        with self._transaction(f"failure of {failure.source}"):
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO failures (source, stage, code, message, at) VALUES (?, ?, ?, ?, ?)",
                (failure.source, failure.stage, failure.code, failure.message, _now()),
            )
        return cur.rowcount == 1

    def begin_run(self) -> int:
        """Start a run record (one ``marsad run`` invocation); returns its id for :meth:`finish_run`."""
        with self._transaction("run"):
            cur = self._conn.execute("INSERT INTO runs (started) VALUES (?)", (_now(),))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self._transaction(f"run {run_id}"):
            self._conn.execute(
                "UPDATE runs SET finished = ?, counts = ? WHERE id = ?", (_now(), json.dumps(counts), run_id)
            )

    # -- reading --
    def failures(self) -> list[dict[str, Any]]:
        rows = self._conn.execute("SELECT id, source, stage, code, message, at FROM failures ORDER BY id")
        return [dict(r) for r in rows]

    def places(self) -> list[dict[str, Any]]:
        """Each stored event's place: document, event, the words and their span, and the place they resolved to
        (name, kind, point, admin regions, p-codes, GeoNames id, precision codes, gazetteer source), in document
        and text order."""
        rows = self._conn.execute(
            'SELECT e.document_id AS document, p.event_id AS event, p.text, p.start, p."end", p.name, p.feature,'
            " p.lat AS latitude, p.lon AS longitude, p.country, p.admin1, p.admin2, p.pcodes, p.geonameid,"
            " p.geo_precision, p.where_prec, p.gazetteer AS source FROM places p JOIN events e ON e.id = p.event_id"
            " ORDER BY e.document_id, p.start, p.event_id"
        )
        return [{**dict(r), "pcodes": json.loads(r["pcodes"]) if r["pcodes"] else None} for r in rows]

    def unresolved_places(self) -> list[dict[str, Any]]:
        """Every stored place name no gazetteer place was found for: document, event, words, span, reason and
        the closest gazetteer name, in document and text order."""
        rows = self._conn.execute(
            'SELECT e.document_id AS document, u.event_id AS event, u.text AS raw, u.start, u."end",'
            " u.reason, u.nearest FROM unresolved_places u JOIN events e ON e.id = u.event_id"
            " ORDER BY e.document_id, u.start, u.event_id, u.seq"
        )
        return [dict(r) for r in rows]

    def runs(self) -> list[dict[str, Any]]:
        rows = self._conn.execute("SELECT id, started, finished, counts FROM runs ORDER BY id").fetchall()
        return [{**dict(r), "counts": json.loads(r["counts"]) if r["counts"] else None} for r in rows]

    def events(
        self,
        since: date | None = None,
        until: date | None = None,
        type: str | None = None,  # shadows the builtin to keep the CLI's --type name
        admin1: str | None = None,
        actor: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        *,
        document_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stable event dictionaries (newest first, undated last), each with a ``document`` summary.

        ``since``/``until`` keep events whose date range overlaps the period (undated events are left out when
        either is given); ``type`` matches event_type or sub_event_type; ``actor`` is a substring of actor1's
        or actor2's name. Text filters ignore case.
        """
        where, params = _event_filters(since, until, type, admin1, actor, kind, document_id)
        return self._select_events(where, params, limit)

    def _select_events(self, where: list[str], params: list[Any], limit: int | None) -> list[dict[str, Any]]:
        sql = (
            "SELECT e.json, d.id AS doc_id, d.title, d.site, d.url, d.published, d.ingested_at"
            " FROM events e JOIN documents d ON d.id = e.document_id"
            f"{' WHERE ' + ' AND '.join(where) if where else ''}"
            " ORDER BY e.date_start DESC NULLS LAST, d.published DESC NULLS LAST, e.id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, int(limit)]
        return [_event_row(r) for r in self._conn.execute(sql, params)]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id or by a unique prefix of at least 6 characters; None when there is none."""
        row = self._by_id("events", event_id)
        if row is None:
            return None
        found = self._select_events(["e.id = ?"], [row["id"]], 1)
        return found[0] if found else None

    def _by_id(self, table: str, ident: str) -> sqlite3.Row | None:
        row = self._conn.execute(f"SELECT id FROM {table} WHERE id = ?", (ident,)).fetchone()
        if row is not None or len(ident) < MIN_PREFIX:
            return row  # type: ignore[no-any-return]
        # A range over the primary key finds the prefix through its index (LIKE would scan: it ignores case).
        rows = self._conn.execute(
            f"SELECT id FROM {table} WHERE id >= ? AND id < ? LIMIT 2", (ident, ident + "\U0010ffff")
        ).fetchall()
        if len(rows) > 1:
            raise StoreError(
                f"{ident!r} matches more than one of the stored {table}: give more characters of the id",
                code="store-ambiguous",
            )
        return rows[0] if rows else None

    def document(self, document_id: str) -> dict[str, Any]:
        """A stored document with its text and event ids, by id or by a unique prefix of >= 6 characters."""
        found = self._by_id("documents", document_id)
        if found is None:
            raise StoreError(
                f"no document {document_id!r} in {self.where}: see `marsad events` for ids",
                code="store-not-found",
            )
        row = self._conn.execute("SELECT * FROM documents WHERE id = ?", (found["id"],)).fetchone()
        out = dict(row)
        out["event_ids"] = [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM events WHERE document_id = ? ORDER BY rowid", (row["id"],)
            )
        ]
        return out

    def raw(self, document_id: str) -> bytes:
        """The raw input bytes a document was read from, so it can be re-extracted later."""
        doc = self.document(document_id)
        sha = doc["raw_sha256"]
        row = None
        if sha:
            row = self._conn.execute(
                "SELECT compression, size, data FROM raw_archive WHERE raw_sha256 = ?", (sha,)
            ).fetchone()
        if row is None:
            raise StoreError(
                f"the raw input of document {doc['id']} was not archived: "
                f"re-ingest it from {doc['source'] or 'its source'}",
                code="store-no-raw",
            )
        raw = _decompress(row["compression"], row["data"])
        if len(raw) != row["size"] or hashlib.sha256(raw).hexdigest() != sha:
            raise StoreError(
                f"the archived raw input {sha} is corrupt: re-ingest it from {doc['source']}",
                code="store-corrupt",
            )
        return raw

    def counts(self) -> dict[str, Any]:
        one = self._conn.execute
        by_kind = {r[0]: r[1] for r in one("SELECT kind, count(*) FROM events GROUP BY kind ORDER BY kind")}
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "events": by_kind,
            "events_total": sum(by_kind.values()),
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
        }

    def search(self, query: str, limit: int = 20, *, syntax: bool = False) -> list[SearchHit]:
        """Documents whose title or text match ``query``, best first, with a snippet around the match.

        By default every word of ``query`` must occur (punctuation such as ``Deir ez-Zor`` is safe);
        ``syntax=True`` passes FTS5 query syntax through (``OR``, ``NEAR``, ``"phrases"``, ``prefix*``).
        """
        match = query if syntax else _plain_query(query)
        if not match:
            return []
        try:
            rows = self._conn.execute(
                "SELECT document_id, d.title, snippet(documents_fts, -1, '[', ']', '…', 16) AS snip"
                " FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (match, int(limit)),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"cannot search for {query!r}: {exc}; check the query syntax", code="store-query"
            ) from exc
        return [SearchHit(r["document_id"], r["title"], r["snip"]) for r in rows]


def _span_cols(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"text": None, "start": None, "end": None}
    return {"text": span.text, "start": span.start, "end": span.end}


def _document_row(doc: Document, raw_sha: str | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "site": doc.site,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,
        "language": doc.language,
        "country": doc.country,
        "source": doc.source,
        "external_id": doc.external_id,
        "raw_sha256": raw_sha,
        "raw_format": doc.raw_format,
        "text": doc.text,
        "ingested_at": _now(),
    }


def _event_row_for(event: Event) -> dict[str, Any]:
    """The events row: the filterable fields as columns, and the whole stable dictionary as ``json``."""
    totals = casualties(event)
    loc, when = event.location, event.date
    row: dict[str, Any] = {
        "id": event.id,
        "document_id": event.document_id,
        "kind": event.kind,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": when.start.isoformat() if when else None,
        "date_end": when.end.isoformat() if when else None,
        "date_precision": when.precision if when else None,
        "location_name": loc.name if loc else None,
    }
    for col, attr in _PLACE_COLUMNS:
        row[col] = getattr(loc, attr) if loc else None
    row["actor1"] = event.actor1.name if event.actor1 else None
    row["actor2"] = event.actor2.name if event.actor2 else None
    for kind in ("killed", "injured", "killed_or_injured", "captured"):
        total = totals[kind]
        row[f"{kind}_best"] = None if total is None else total["best"]
    row["confidence"] = event.confidence
    row["extractor_version"] = event.extractor_version
    row["json"] = json.dumps(event_to_dict(event), ensure_ascii=False)
    return row


_PLACE_COLUMNS = (
    ("country", "country"),
    ("admin1", "admin1"),
    ("admin2", "admin2"),
    ("latitude", "latitude"),
    ("longitude", "longitude"),
    ("geo_precision", "geo_precision"),
    ("where_prec", "where_prec"),
)


def _plain_query(query: str) -> str:
    # Quote each word so FTS5 reads it as a term, not an operator or column filter ("-" and ":" are syntax).
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


def _event_filters(
    since: date | None,
    until: date | None,
    type_: str | None,
    admin1: str | None,
    actor: str | None,
    kind: str | None,
    document_id: str | None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since is not None:
        where.append("e.date_end >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("e.date_start <= ?")
        params.append(until.isoformat())
    if type_:
        # The columns are COLLATE NOCASE, so = ignores case and can use the indexes.
        where.append("(e.event_type = ? OR e.sub_event_type = ?)")
        params += [type_, type_]
    if admin1:
        where.append("e.admin1 = ?")
        params.append(admin1)
    if actor:
        where.append("(e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\')")
        pattern = f"%{_like_escape(actor)}%"
        params += [pattern, pattern]
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    if document_id:
        where.append("e.document_id = ?")
        params.append(document_id)
    return where, params


def _event_row(row: sqlite3.Row) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(row["json"])
    out["document"] = {
        "id": row["doc_id"],
        "title": row["title"],
        "site": row["site"],
        "url": row["url"],
        "published": row["published"],
        "ingested_at": row["ingested_at"],
    }
    return out
