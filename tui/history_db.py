"""Opening the chat history file: its schema version, the upgrade steps, and damaged files.

The schema has a version (``PRAGMA user_version``) and one upgrade step per version in
``MIGRATIONS``: change a table by adding a step, never by editing an old one. A file that
is not a readable database, or fails SQLite's quick check, is moved aside
(``history.sqlite3.corrupt-<time>``, never deleted), a new file is started and every
conversation and message that can still be read from the old one is copied over. A folder
that cannot hold the file, or a file from a newer taxqa, gives an in-memory history for this
run (the file is not touched). Each of these leaves a Korean notice for the app to show.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

SCHEMA_VERSION = 1
# Version 1: the layout every version-0 file (written before the schema had a number) is brought to.
SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS conversations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'complete',
    created REAL NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    adapter TEXT NOT NULL DEFAULT '',
    stats TEXT NOT NULL DEFAULT '{}',
    grounding TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
"""
# Columns a version-0 file may lack (they were added before the schema had a number).
V1_MESSAGE_COLUMNS = {
    "status": "TEXT NOT NULL DEFAULT 'complete'",
    "model": "TEXT NOT NULL DEFAULT ''",
    "adapter": "TEXT NOT NULL DEFAULT ''",
    "stats": "TEXT NOT NULL DEFAULT '{}'",
    "grounding": "TEXT NOT NULL DEFAULT '{}'",
}


def _upgrade_0_to_1(db: sqlite3.Connection) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            db.execute(statement)
    have = {row[1] for row in db.execute("PRAGMA table_info(messages)")}
    for column, declaration in V1_MESSAGE_COLUMNS.items():
        if column not in have:
            db.execute(f"ALTER TABLE messages ADD COLUMN {column} {declaration}")


# What a current-version file may still lack (edited by hand or by another tool), with safe defaults.
REPAIR_COLUMNS = {
    "conversations": {"title": "TEXT NOT NULL DEFAULT ''", "created": "REAL NOT NULL DEFAULT 0",
                      "updated": "REAL NOT NULL DEFAULT 0"},
    "messages": {"conversation_id": "INTEGER NOT NULL DEFAULT 0", "role": "TEXT NOT NULL DEFAULT 'assistant'",
                 "content": "TEXT NOT NULL DEFAULT ''", "created": "REAL NOT NULL DEFAULT 0", **V1_MESSAGE_COLUMNS},
}  # fmt: skip


def _repair_columns(db: sqlite3.Connection) -> None:
    """Add the tables and columns a current-version file lacks instead of failing on the first read."""
    missing = []
    for table, columns in REPAIR_COLUMNS.items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        missing += [(table, c, d) for c, d in columns.items() if have and c not in have]
        if not have:
            missing.append((table, None, None))
    if not missing:
        return
    db.execute("BEGIN")
    try:
        for statement in SCHEMA_V1.split(";"):
            if statement.strip():
                db.execute(statement)
        for table, column, declaration in missing:
            if column is not None:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
        db.commit()
    except BaseException:
        db.rollback()
        raise


# MIGRATIONS[n] upgrades a version-n file to version n + 1.
MIGRATIONS = [_upgrade_0_to_1]
assert len(MIGRATIONS) == SCHEMA_VERSION


class NewerHistoryError(Exception):
    """The file was written by a newer taxqa (a higher schema version): it is left untouched."""


def migrate(db: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION, one step per version, each in its own transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerHistoryError(f"schema version {version} > {SCHEMA_VERSION}")
    for number in range(version, SCHEMA_VERSION):
        db.execute("BEGIN")
        try:
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version={number + 1}")
            db.commit()
        except BaseException:
            db.rollback()
            raise
    return version


def connect(path: Path | None) -> sqlite3.Connection:
    """A connection with the schema at SCHEMA_VERSION; ``None`` for an in-memory history.

    Raises sqlite3.DatabaseError for a damaged file, NewerHistoryError, or OSError."""
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not path.is_file():
            raise IsADirectoryError(21, "the history path is a folder", str(path))
    db = sqlite3.connect(":memory:" if path is None else path, check_same_thread=False, isolation_level=None)
    try:
        db.row_factory = sqlite3.Row
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a file that is not a database fails here
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # checked before anything (even the journal mode) is written
            raise NewerHistoryError(f"schema version {version} > {SCHEMA_VERSION}")
        problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("quick_check: " + "; ".join(problems))
        if path is not None:
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)
        _repair_columns(db)
    except BaseException:
        db.close()
        raise
    db.isolation_level = ""  # back to implicit transactions: every store method commits
    return db


def move_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL/SHM companions) out of the way; nothing is deleted."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def _readable_rows(src: sqlite3.Connection, table: str) -> list[sqlite3.Row]:
    """The rows of ``table`` that can be read, in rowid order; a damaged page ends the table early."""
    rows: list[sqlite3.Row] = []
    try:
        for row in src.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            rows.append(row)
    except sqlite3.DatabaseError:
        pass
    return rows


def salvage(source: Path, db: sqlite3.Connection) -> tuple[int, int]:
    """Copy the conversations and messages still readable in ``source`` into ``db``: (conversations, messages)."""
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        src.row_factory = sqlite3.Row
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return 0, 0
    copied = []
    try:
        for table in ("conversations", "messages"):
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            count = 0
            for row in _readable_rows(src, table):
                names = [c for c in row.keys() if c in columns]
                try:
                    db.execute(
                        f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                        [row[c] for c in names],
                    )
                    count += db.execute("SELECT changes()").fetchone()[0]
                except sqlite3.Error:  # a row the schema refuses (no conversation, NULL where text is required)
                    continue
            copied.append(count)
        db.commit()
    finally:
        src.close()
    return copied[0], copied[1]


def open_history(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    """(connection, notices): the file at ``path`` if it can be used, else what can be saved of it."""
    notices: list[str] = []
    try:
        return connect(path), notices
    except sqlite3.DatabaseError:
        pass
    except NewerHistoryError:
        notices.append(
            f"{path}은(는) 더 새로운 taxqa가 만든 대화 기록입니다. 건드리지 않고 이번 실행은 메모리에만 기록합니다."
        )
        return connect(None), notices
    except OSError as exc:
        notices.append(
            f"대화 기록을 {path.parent}에 저장할 수 없어 이번 실행은 메모리에만 기록합니다 "
            f"({exc.strerror or type(exc).__name__})."
        )
        return connect(None), notices
    try:  # damaged: move it aside, start a new file, copy what can still be read
        moved = move_aside(path)
        db = connect(path)
    except (OSError, sqlite3.DatabaseError) as exc:
        notices.append(f"대화 기록 파일이 손상되었고 새 파일도 만들 수 없어 이번 실행은 메모리에만 기록합니다 ({exc}).")
        return connect(None), notices
    conversations, messages = salvage(moved, db)
    kept = f" 읽을 수 있던 대화 {conversations}개와 메시지 {messages}개는 옮겨 왔습니다." if conversations else ""
    notices.append(f"대화 기록 파일이 손상되어 {moved.name}(으)로 옮겨 두고 새 기록을 시작합니다.{kept}")
    return db, notices
