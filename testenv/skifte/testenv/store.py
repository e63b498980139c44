"""The stand-in's state: SQLite in WAL mode, in a data folder, surviving restarts.

Records are JSON documents in collections named by path templates with the
parameters blanked (`/doedsbojournaler/{}/krav`); `scope` holds the parent ids.
Every write is one transaction, so concurrent clients never lose a write.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATABASE_FILE = "testenv.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    collection TEXT NOT NULL,
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    owner TEXT NOT NULL,
    data TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (collection, scope, id)
);
CREATE INDEX IF NOT EXISTS records_by_scope ON records (collection, scope, seq);
CREATE TABLE IF NOT EXISTS blobs (
    collection TEXT NOT NULL,
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (collection, scope, id)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Record:
    collection: str
    scope: str
    id: str
    owner: str
    data: dict[str, Any]
    created: str
    updated: str


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Store:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DATABASE_FILE
        self._local = threading.local()
        self._connection().executescript(_SCHEMA)  # commits by itself

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def get(self, collection: str, scope: str, record_id: str) -> Record | None:
        row = (
            self._connection()
            .execute(
                "SELECT collection, scope, id, owner, data, created, updated FROM records "
                "WHERE collection = ? AND scope = ? AND id = ?",
                (collection, scope, record_id),
            )
            .fetchone()
        )
        return _record(row) if row else None

    def exists(self, collection: str, scope: str, record_id: str) -> bool:
        found = (
            self._connection()
            .execute(
                "SELECT 1 FROM records WHERE collection = ? AND scope = ? AND id = ?",
                (collection, scope, record_id),
            )
            .fetchone()
        )
        return found is not None

    def list(self, collection: str, scope: str | None = None) -> list[Record]:
        """In creation order; every scope when `scope` is None."""
        query = "SELECT collection, scope, id, owner, data, created, updated FROM records "
        if scope is None:
            rows = self._connection().execute(
                query + "WHERE collection = ? ORDER BY seq", (collection,)
            )
        else:
            rows = self._connection().execute(
                query + "WHERE collection = ? AND scope = ? ORDER BY seq", (collection, scope)
            )
        return [_record(row) for row in rows]

    def insert(self, record: Record, meta: tuple[str, str] | None = None) -> bool:
        """False when the id is taken. `meta` (key, value) is written in the same transaction."""
        with self._write() as db:
            if meta is not None:
                db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta)
            cursor = db.execute(
                "INSERT OR IGNORE INTO records"
                " (collection, scope, id, owner, data, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.collection,
                    record.scope,
                    record.id,
                    record.owner,
                    json.dumps(record.data, ensure_ascii=False),
                    record.created,
                    record.updated,
                ),
            )
            return cursor.rowcount == 1

    def upsert(self, record: Record) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO records (collection, scope, id, owner, data, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection, scope, id) DO UPDATE"
                " SET data = excluded.data, updated = excluded.updated, owner = excluded.owner",
                (
                    record.collection,
                    record.scope,
                    record.id,
                    record.owner,
                    json.dumps(record.data, ensure_ascii=False),
                    record.created,
                    record.updated,
                ),
            )

    def update(self, collection: str, scope: str, record_id: str, data: dict[str, Any]) -> str:
        updated = now_iso()
        with self._write() as db:
            db.execute(
                "UPDATE records SET data = ?, updated = ?"
                " WHERE collection = ? AND scope = ? AND id = ?",
                (json.dumps(data, ensure_ascii=False), updated, collection, scope, record_id),
            )
        return updated

    def delete(self, collection: str, scope: str, record_id: str) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM records WHERE collection = ? AND scope = ? AND id = ?",
                (collection, scope, record_id),
            )
            db.execute(
                "DELETE FROM blobs WHERE collection = ? AND scope = ? AND id = ?",
                (collection, scope, record_id),
            )

    def put_blob(
        self, collection: str, scope: str, record_id: str, media: str, content: bytes
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?, ?)",
                (collection, scope, record_id, media, content),
            )

    def blob(self, collection: str, scope: str, record_id: str) -> tuple[str, bytes] | None:
        row = (
            self._connection()
            .execute(
                "SELECT media_type, content FROM blobs"
                " WHERE collection = ? AND scope = ? AND id = ?",
                (collection, scope, record_id),
            )
            .fetchone()
        )
        return (row[0], bytes(row[1])) if row else None

    def meta(self, key: str) -> str | None:
        row = self._connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def wipe(self) -> None:
        with self._write() as db:
            db.execute("DELETE FROM records")
            db.execute("DELETE FROM blobs")
            db.execute("DELETE FROM meta")

    def count(self) -> int:
        return int(self._connection().execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _record(row: tuple[Any, ...]) -> Record:
    return Record(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6])
