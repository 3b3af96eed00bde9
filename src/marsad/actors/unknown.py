"""Groups the dictionary does not know yet, as found in a store: the list to grow the dictionary from.

The matcher keeps every unlisted group it reads ("the Free Idlib Army fighters", "Pakistani security forces")
as an unknown actor under the name as written; the store keeps it with its event. This module counts them, most
widespread first, so a curator can add the frequent ones (``marsad actors --unknown``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

_QUERY = """
SELECT a.name AS name,
       COUNT(*) AS mentions,
       COUNT(DISTINCT a.event_id) AS events,
       COUNT(DISTINCT e.document_id) AS documents,
       MIN(a.raw) AS example,
       MAX(a.inter) AS inter,
       MAX(a.side) AS side
FROM actors AS a JOIN events AS e ON e.id = a.event_id
WHERE a.known = 0
GROUP BY a.name
HAVING COUNT(DISTINCT e.document_id) >= ?
ORDER BY documents DESC, mentions DESC, a.name
LIMIT ?
"""


@dataclass(frozen=True)
class UnknownGroup:
    """One unknown group: how often and in how many reports it was named, and one way it was written."""

    name: str
    mentions: int
    events: int
    documents: int
    example: str
    inter: int | None
    side: str | None

    def row(self) -> dict[str, Any]:
        return asdict(self)


def unknown_groups(
    conn: sqlite3.Connection, limit: int | None = None, min_documents: int = 1
) -> list[UnknownGroup]:
    """Unknown groups in the store behind ``conn``, named in at least ``min_documents`` reports, most widespread
    first (``limit`` of them; all when None). Names differing only in case are one group."""
    cur = conn.execute(_QUERY, (min_documents, -1 if limit is None else limit))
    return [
        UnknownGroup(
            name=row[0],
            mentions=row[1],
            events=row[2],
            documents=row[3],
            example=row[4],
            inter=row[5],
            side=row[6],
        )
        for row in cur.fetchall()
    ]
