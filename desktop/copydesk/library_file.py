"""What a library file is, found out read-only with the standard ``sqlite3`` module.

A library is a SQLite file marked with Copydesk's ``application_id``. Nothing here writes to
the file, and nothing here imports SQLAlchemy: the window uses it before SQLAlchemy is loaded.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from copydesk.errors import LibraryError
from copydesk.migrations import HEAD_REVISION

# "CDSK": lets Copydesk (and `file`) tell its libraries from other SQLite files.
APPLICATION_ID = 0x4344534B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5.0


class FileState(Enum):
    NEW = auto()  # missing, empty, or an empty SQLite database
    CURRENT = auto()  # a Copydesk library at this version's schema
    OUTDATED = auto()  # a Copydesk library at another schema revision


@dataclass(frozen=True)
class Inspection:
    state: FileState
    revision: str | None = None


def connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.absolute().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def inspect_library_file(path: Path) -> Inspection:
    """Say what ``path`` holds, reading it with a read-only connection (it is never modified)."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a Copydesk library file.")
    if not path.exists():
        return Inspection(FileState.NEW)
    header = _read_header(path)
    if not header:
        return Inspection(FileState.NEW)
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a Copydesk library (it is not a SQLite database).")
    try:
        application_id, tables, revision = _read_identity(path)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path} cannot be read; the file may be damaged ({exc}).") from exc
    if application_id != APPLICATION_ID:
        if application_id == 0 and not tables:
            return Inspection(FileState.NEW)
        raise LibraryError(f"{path} is a database, but not a Copydesk library.")
    if revision is None:
        raise LibraryError(f"{path} is a damaged Copydesk library: its schema version is missing.")
    state = FileState.CURRENT if revision == HEAD_REVISION else FileState.OUTDATED
    return Inspection(state, revision)


def require_writable(path: Path) -> None:
    # SQLite's write-ahead log lives beside the file, so the folder must be writable too.
    if not _writable(path):
        raise LibraryError(f"{path} is read-only; Copydesk needs to write to its library.")
    if not _writable(path.parent):
        raise LibraryError(
            f"The folder {path.parent} is read-only; Copydesk needs to write beside its library."
        )


def _writable(path: Path) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"{path} cannot be read: {exc.strerror}.") from exc


def _read_identity(path: Path) -> tuple[int, set[str], str | None]:
    connection = connect_read_only(path)
    try:
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {name for (name,) in rows}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return application_id, tables, revision
    finally:
        connection.close()
