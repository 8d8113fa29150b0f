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
from copydesk.library import guard as library_guard
from copydesk.library.migrations import HEAD_REVISION
from copydesk.translation import _

# "CDSK": lets Copydesk (and `file`) tell its libraries from other SQLite files.
APPLICATION_ID = 0x4344534B
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# The file header, then page 1's b-tree header: type, first freeblock, number of cells.
_READ_SIZE = HEADER_SIZE + 5
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
    """A connection that cannot write. A library in write-ahead-log mode needs a ``-shm``
    file beside it even to be read; in a folder where that cannot be created (read-only
    media, someone else's folder) the file is read as immutable instead. So is a library in
    that mode that no program has open (no log, no shared memory beside it): it is then
    whole in its file, and reading it leaves nothing behind."""
    uri = path.absolute().as_uri()
    if _closed_wal_library(path):
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        if _writable(path.parent):
            raise
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True)
    return connection


def inspect_library_file(path: Path) -> Inspection:
    """Say what ``path`` holds. A file that is not a Copydesk library is judged from its
    header bytes alone and never opened by SQLite (which could leave a journal beside it)."""
    if path.is_dir():
        raise LibraryError(_("{path} is a folder, not a Copydesk library file.").format(path=path))
    if not path.exists():
        return Inspection(FileState.NEW)
    if library_guard.is_guarded(path):
        # Open in this process: its bytes are never read (that would drop SQLite's locks).
        return _inspect_schema(path)
    header = _read_header(path)
    if not header:
        return Inspection(FileState.NEW)
    if not header.startswith(SQLITE_HEADER):
        raise LibraryError(
            _("{path} is not a Copydesk library (it is not a SQLite database).").format(path=path)
        )
    if len(header) < HEADER_SIZE:
        raise LibraryError(
            _("{path} cannot be read; the file may be damaged (it is truncated).").format(path=path)
        )
    if _header_int(header, 68) != APPLICATION_ID:
        if _is_blank_database(path, header):
            return Inspection(FileState.NEW)
        raise LibraryError(_("{path} is a database, but not a Copydesk library.").format(path=path))
    return _inspect_schema(path)


def _inspect_schema(path: Path) -> Inspection:
    try:
        revision = _read_revision(path)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(
            _("{path} cannot be read; the file may be damaged ({detail}).").format(
                path=path, detail=exc
            )
        ) from exc
    if revision is None:
        raise LibraryError(
            _("{path} is a damaged Copydesk library: its schema version is missing.").format(
                path=path
            )
        )
    state = FileState.CURRENT if revision == HEAD_REVISION else FileState.OUTDATED
    return Inspection(state, revision)


def _closed_wal_library(path: Path) -> bool:
    companions = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if library_guard.is_guarded(path) or any(name.exists() for name in companions):
        return False
    try:
        header = _read_header(path)
    except LibraryError:
        return False
    # Bytes 18 and 19, the file format's write and read versions, are 2 in WAL mode.
    return header.startswith(SQLITE_HEADER) and header[18:20] == b"\x02\x02"


def _header_int(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset : offset + 4], "big")


def _is_blank_database(path: Path, header: bytes) -> bool:
    """A SQLite file that defines and stores nothing: one page whose schema table has no
    entry, no user version, no application id, no pending write-ahead log. Safe to turn
    into a library; anything else belongs to someone."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    schema_entries = int.from_bytes(header[HEADER_SIZE + 3 : HEADER_SIZE + 5], "big")
    single_page = _header_int(header, 28) == 1 and len(header) == _READ_SIZE
    no_marks = not _header_int(header, 60) and not _header_int(header, 68)
    return single_page and schema_entries == 0 and no_marks


def require_writable(path: Path) -> None:
    # SQLite's write-ahead log lives beside the file, so the folder must be writable too.
    if not _writable(path):
        raise LibraryError(
            _("{path} is read-only; Copydesk needs to write to its library.").format(path=path)
        )
    if not _writable(path.parent):
        raise LibraryError(
            _(
                "The folder {folder} is read-only; Copydesk needs to write beside its library."
            ).format(folder=path.parent)
        )


def _writable(path: Path) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(_READ_SIZE)
    except OSError as exc:
        raise LibraryError(
            _("{path} cannot be read: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc


def _read_revision(path: Path) -> str | None:
    connection = connect_read_only(path)
    try:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchall()
        if not tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row and isinstance(row[0], str) else None
    finally:
        connection.close()
