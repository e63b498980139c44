"""The stand-in's state: SQLite in WAL mode, in a data folder, surviving restarts.

Records are JSON documents in collections named by path templates with the
parameters blanked (`/doedsbojournaler/{}/krav`); `scope` holds the parent ids.
Every write is one transaction, so concurrent clients never lose a write.

A reset, from whichever process, bumps the `generation` in the database: a running
server learns of it through SQLite's `PRAGMA data_version` (which changes only when
another connection commits), so a request costs no extra query while nothing changed.
A file that is no usable database is reported as a `StoreError` saying how to recover.
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
_SNAPSHOT_KEYS = ("generation", "notice")
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


class StoreError(ValueError):
    """The state folder or its database cannot be used."""


@dataclass(frozen=True)
class Snapshot:
    """What every request reads: the reset generation and any announced wipe."""

    generation: int
    notice: str | None


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
    def __init__(self, folder: Path, *, create: bool = True) -> None:
        """Open the state in `folder`; with `create` False, only an existing one."""
        self.path = folder / DATABASE_FILE
        self._local = threading.local()
        if folder.exists() and not folder.is_dir():
            raise StoreError(
                f"{folder} is a file, not a state folder: give the folder that holds "
                f"{DATABASE_FILE}"
            )
        if not create and not self.path.is_file():
            raise StoreError(
                f"no test environment state in {folder} (no {DATABASE_FILE}): check --data; "
                "`skifte testenv serve` creates the state on first use"
            )
        folder.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connection()
            db.executescript(_SCHEMA)  # commits by itself
            problem = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(_unusable(self.path, str(exc))) from None
        if problem != "ok":
            self.close()
            raise StoreError(_unusable(self.path, str(problem)))

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

    def owner(self, collection: str, scope: str, record_id: str) -> str | None:
        """Who filed the record; None when there is no such record."""
        found = (
            self._connection()
            .execute(
                "SELECT owner FROM records WHERE collection = ? AND scope = ? AND id = ?",
                (collection, scope, record_id),
            )
            .fetchone()
        )
        return str(found[0]) if found is not None else None

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
                _row(record),
            )
            return cursor.rowcount == 1

    def upsert(self, record: Record) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO records (collection, scope, id, owner, data, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection, scope, id) DO UPDATE"
                " SET data = excluded.data, updated = excluded.updated, owner = excluded.owner",
                _row(record),
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
        if key in _SNAPSHOT_KEYS:
            self._forget_snapshot()
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def snapshot(self) -> Snapshot:
        """The generation and notice, read again only after another connection committed
        (this one's own commits change them only through `set_meta` and `wipe`)."""
        db = self._connection()
        version = db.execute("PRAGMA data_version").fetchone()[0]
        cached: tuple[int, Snapshot] | None = getattr(self._local, "snapshot", None)
        if cached is not None and cached[0] == version:
            return cached[1]
        rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", _SNAPSHOT_KEYS))
        snapshot = Snapshot(int(rows.get("generation", 0)), rows.get("notice"))
        self._local.snapshot = (version, snapshot)
        return snapshot

    def wipe(self) -> None:
        """Everything goes, and the generation moves on: tokens issued before stop working
        in every process serving this state."""
        self._forget_snapshot()
        with self._write() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            db.execute("DELETE FROM records")
            db.execute("DELETE FROM blobs")
            db.execute("DELETE FROM meta")
            generation = str(int(row[0]) + 1 if row else 1)
            db.execute("INSERT INTO meta VALUES ('generation', ?)", (generation,))

    def _forget_snapshot(self) -> None:
        """Read again next time: the caller is about to change what it holds."""
        self._local.snapshot = None

    def count(self) -> int:
        return int(self._connection().execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def move_aside(folder: Path) -> Path | None:
    """Rename a broken database (and its WAL files) out of the way, keeping it; returns
    its new name, or None when there was none."""
    path = folder / DATABASE_FILE
    if not path.is_file():
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    kept = path.with_name(f"{DATABASE_FILE}.broken-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{DATABASE_FILE}.broken-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(DATABASE_FILE + suffix)
        if companion.exists():
            companion.replace(kept.with_name(kept.name + suffix))
    path.replace(kept)
    return kept


def _unusable(path: Path, reason: str) -> str:
    return (
        f"{path} is not a usable database ({reason}); to start afresh, run `skifte testenv "
        f"reset --now --force --data {path.parent}`, which keeps the broken file beside it"
    )


def _row(record: Record) -> tuple[Any, ...]:
    """A record as the columns of `records` hold it."""
    key = (record.collection, record.scope, record.id, record.owner)
    return (*key, json.dumps(record.data, ensure_ascii=False), record.created, record.updated)


def _record(row: tuple[Any, ...]) -> Record:
    return Record(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6])
