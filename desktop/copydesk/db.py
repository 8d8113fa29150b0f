"""Opening, creating and upgrading a library file.

A library is a SQLite file marked with Copydesk's ``application_id``. Before anything is
written, the file is inspected read-only with the standard ``sqlite3`` module, so that a file
that is not a Copydesk library, is damaged, read-only or comes from a newer Copydesk is refused
without being touched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from copydesk import __version__
from copydesk.errors import LibraryError
from copydesk.migrations import HEAD_REVISION
from copydesk.models import Base

if TYPE_CHECKING:  # Alembic is imported only when a schema must change
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

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


class Library:
    """An open library: its engine and the sessions the edges of the program open on it."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        # Writers take the write lock up front: a deferred transaction that reads and then
        # writes fails at once with "database is locked" when another process wrote meanwhile.
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with _translated_errors(self.path), self._reader() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with _translated_errors(self.path), self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_library(
    path: Path,
    *,
    create: bool = False,
    on_create: Callable[[Session], object] | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> Library:
    """Open the library at ``path``, upgrading its schema if it is older.

    With ``create``, a missing (or empty) file becomes a new library; ``on_create`` fills it
    in the same transaction, so a new library appears whole or not at all. ``busy_timeout``
    is how long a write waits for another process to finish its own.
    """
    path = Path(path)
    inspection = inspect_library_file(path)
    if inspection.state is FileState.NEW:
        if not create:
            raise LibraryError(f"There is no Copydesk library at {path}.")
        _create_library_file(path, on_create)
    else:
        _require_writable(path)
    engine = _make_engine(path, busy_timeout=busy_timeout)
    try:
        if inspection.state is FileState.OUTDATED:
            _upgrade(path, engine, inspection.revision)
    except BaseException:
        engine.dispose()
        raise
    return Library(path, engine)


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


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"{path} cannot be read: {exc.strerror}.") from exc


def _read_identity(path: Path) -> tuple[int, set[str], str | None]:
    uri = path.absolute().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
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


def _require_writable(path: Path) -> None:
    # SQLite's write-ahead log lives beside the file, so the folder must be writable too.
    if not os.access(path, os.W_OK):
        raise LibraryError(f"{path} is read-only; Copydesk needs to write to its library.")
    if not os.access(path.parent, os.W_OK):
        raise LibraryError(
            f"The folder {path.parent} is read-only; Copydesk needs to write beside its library."
        )


def _make_engine(
    path: Path, *, wal: bool = True, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> Engine:
    engine = create_engine(
        URL.create("sqlite", database=str(path)), connect_args={"timeout": busy_timeout}
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN, so DDL is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _create_library_file(path: Path, on_create: Callable[[Session], object] | None) -> None:
    """Build the library under a temporary name and rename it: it appears whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
    temporary = path.with_name(path.name + ".creating")
    temporary.unlink(missing_ok=True)
    engine = _make_engine(temporary, wal=False)
    try:
        with _translated_errors(path), Session(engine) as session, session.begin():
            connection = session.connection()
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            Base.metadata.create_all(connection)
            _stamp_head(connection)
            if on_create is not None:
                on_create(session)
        engine.dispose()
        os.replace(temporary, path)
    except BaseException:
        engine.dispose()
        temporary.unlink(missing_ok=True)
        raise


def _stamp_head(connection: Connection) -> None:
    from alembic.runtime.migration import MigrationContext

    MigrationContext.configure(connection).stamp(_script_directory(), "head")


def _upgrade(path: Path, engine: Engine, revision: str | None) -> None:
    from alembic import command

    script = _script_directory()
    if revision not in {rev.revision for rev in script.walk_revisions()}:
        raise LibraryError(
            f"{path} was written by a newer Copydesk (schema {revision}); this is Copydesk "
            f"{__version__}, which knows schemas up to {HEAD_REVISION}. Update Copydesk to open it."
        )
    _check_integrity(path, engine)
    _backup(path, engine, revision)
    with _translated_errors(path), engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _check_integrity(path: Path, engine: Engine) -> None:
    with _translated_errors(path), engine.connect() as connection:
        result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    if result != "ok":
        raise LibraryError(f"{path} is damaged ({result}); it was not upgraded.")


def _backup(path: Path, engine: Engine, revision: str | None) -> Path:
    """Copy the library aside before changing its schema."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise LibraryError(f"Cannot back up {path} before upgrading it: {exc}.") from exc
    finally:
        raw.close()
    return target


def _alembic_config() -> AlembicConfig:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "copydesk:migrations")
    return config


def _script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


@contextlib.contextmanager
def _translated_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's terse failures into messages that name the library and the problem."""
    try:
        yield
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise LibraryError(_describe_database_error(path, exc)) from exc


def _describe_database_error(path: Path, exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc))
    if "locked" in text or "busy" in text:
        return f"{path} is busy: another program is writing to it. Try again in a moment."
    if "disk is full" in text or "database or disk is full" in text:
        return f"The disk holding {path} is full; nothing was saved."
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only; the change was not saved."
    if "malformed" in text:
        return f"{path} is damaged ({text})."
    return f"Database error in {path}: {text}."
