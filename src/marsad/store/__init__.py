"""Persistence: the SQLite store and its versioned schema."""

from marsad.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, migrate
from marsad.store.sqlite import SearchHit, Store, Stored

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "SearchHit", "Store", "Stored", "migrate"]
