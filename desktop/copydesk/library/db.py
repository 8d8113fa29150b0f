"""Opening, creating and upgrading a library file with SQLAlchemy.

Before anything is written, ``copydesk.library.inspection`` inspects the file read-only, so that a
file that is not a Copydesk library, is damaged, read-only or comes from a newer Copydesk is
refused without being touched.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from copydesk import __version__
from copydesk.errors import LibraryError
from copydesk.library import changes as library_changes
from copydesk.library import guard as library_guard
from copydesk.library import outbox, picture_verdicts, search_index
from copydesk.library.identity import create_identity
from copydesk.library.inspection import (
    APPLICATION_ID,
    BUSY_TIMEOUT_SECONDS,
    FileState,
    Inspection,
    connect_read_only,
    inspect_library_file,
    require_writable,
)
from copydesk.library.locks import LockProbe
from copydesk.library.migrations import HEAD_REVISION
from copydesk.library.models import Base
from copydesk.translation import _

if TYPE_CHECKING:  # Alembic is imported only when a schema must change
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

# How long reopening the connections waits for sessions of other threads to end.
REOPEN_WAIT_SECONDS = 30.0


class Library:
    """An open library: its engine and the sessions the edges of the program open on it.

    While it is open, the file is guarded against our own reads (``library_guard``), and
    before each write the process checks that it still holds SQLite's locks on it
    (``library_locks``): if something closed a descriptor on the file behind SQLite's back,
    the connections are reopened, which takes the locks again, before anything is written.
    """

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        # Writers take the write lock up front: a deferred transaction that reads and then
        # writes fails at once with "database is locked" when another process wrote meanwhile.
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self._gate = _SessionGate()
        self.locks_regained = 0  # how many times the connections were reopened
        self._guard = library_guard.guard(path)
        try:
            self._probe = self._calibrated_probe()
        except BaseException:
            self.close()
            raise

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with (
            self._gate.session(),
            _translated_errors(self.path),
            self._reader() as session,
            session.begin(),
        ):
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        self.ensure_locks()
        with (
            self._gate.session(),
            _translated_errors(self.path),
            self._writer() as session,
            session.begin(),
        ):
            yield session

    @property
    def probes_locks(self) -> bool:
        return self._probe is not None

    def ensure_locks(self) -> bool:
        """If this process lost its locks on the library, reopen its connections (which take
        them again) once no session is under way. True when they had to be reopened.

        Called before every write, and by whoever watches the library for other writers,
        so that an idle window is back in step too."""
        probe = self._probe
        if probe is None or self._gate.in_session() or not self._has_connections():
            return False
        if probe.holds_locks():
            return False
        with self._gate.exclusive(self.path):
            if not self._has_connections() or probe.holds_locks():
                return False  # another thread reopened them meanwhile
            # Every connection must close: SQLite takes the locks again only for a file that
            # none of this process's connections has open.
            self.engine.dispose()
            self.locks_regained += 1
        log.warning("Copydesk lost its locks on %s; its connections were reopened.", self.path)
        return True

    def _has_connections(self) -> bool:
        pool: Any = self.engine.pool
        return bool(pool.checkedin() + pool.checkedout())

    def _calibrated_probe(self) -> LockProbe | None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()
            return LockProbe.calibrated(self.path)

    def close(self) -> None:
        self.engine.dispose()
        self._guard.release()


class _SessionGate:
    """Sessions run side by side; reopening the connections waits until none is under way
    and holds new ones back meanwhile. A thread's nested sessions count once."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._active = 0
        self._exclusive = False
        self._local = threading.local()

    def in_session(self) -> bool:
        return bool(getattr(self._local, "depth", 0))

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        if not depth:
            with self._condition:
                self._condition.wait_for(lambda: not self._exclusive)
                self._active += 1
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            if not depth:
                with self._condition:
                    self._active -= 1
                    self._condition.notify_all()

    @contextlib.contextmanager
    def exclusive(self, path: Path) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._exclusive)
            self._exclusive = True
            try:
                if not self._condition.wait_for(lambda: not self._active, REOPEN_WAIT_SECONDS):
                    raise LibraryError(
                        _(
                            "Copydesk lost its hold on {path} and cannot take it back while "
                            "another task reads it; nothing was written. Try again in a moment."
                        ).format(path=path)
                    )
                yield
            finally:
                self._exclusive = False
                self._condition.notify_all()


def open_library(
    path: Path,
    *,
    create: bool = False,
    on_create: Callable[[Session], object] | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    inspection: Inspection | None = None,
) -> Library:
    """Open the library at ``path``, upgrading its schema if it is older.

    With ``create``, a missing (or empty) file becomes a new library; ``on_create`` fills it
    in the same transaction, so a new library appears whole or not at all. ``busy_timeout``
    is how long a write waits for another process to finish its own. ``inspection`` is the
    caller's own, fresh ``inspect_library_file(path)``, when it has one.
    """
    path = Path(path)
    inspection = inspection or inspect_library_file(path)
    if inspection.state is FileState.NEW:
        if not create:
            raise LibraryError(_("There is no Copydesk library at {path}.").format(path=path))
        _create_library_file(path, on_create)
    else:
        require_writable(path)
    if inspection.state is FileState.OUTDATED:
        _prepare_upgrade(path, inspection.revision)
    engine = _make_engine(path, busy_timeout=busy_timeout)
    try:
        if inspection.state is FileState.OUTDATED:
            _upgrade(path, engine)
    except BaseException:
        engine.dispose()
        raise
    return Library(path, engine)


CASEFOLD_FUNCTION = "copydesk_casefold"


def _casefold(text: str | None) -> str | None:
    return None if text is None else str(text).casefold()


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
        # SQLite's lower() folds ASCII only: searches fold as Python does (deterministic,
        # so that SQLite may use it in indexes and constant folding).
        dbapi_connection.create_function(CASEFOLD_FUNCTION, 1, _casefold, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            # Read once: the connection takes its standing locks now (see library_locks).
            cursor.execute("PRAGMA schema_version").fetchone()
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
        raise LibraryError(
            _("Cannot create the folder {folder}: {reason}.").format(
                folder=path.parent, reason=exc.strerror
            )
        ) from exc
    temporary = path.with_name(path.name + ".creating")
    temporary.unlink(missing_ok=True)
    engine = _make_engine(temporary, wal=False)
    try:
        with _translated_errors(path), Session(engine) as session, session.begin():
            connection = session.connection()
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            Base.metadata.create_all(connection)
            create_identity(session)
            search_index.install(connection)
            picture_verdicts.install(connection)
            library_changes.install(connection)
            outbox.install(connection)
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


def _prepare_upgrade(path: Path, revision: str | None) -> None:
    """Before an upgrade: refuse a schema this version does not know (a newer Copydesk's) or
    a damaged file, and back the library up. All read-only: nothing is changed yet."""
    script = _script_directory()
    if revision not in {rev.revision for rev in script.walk_revisions()}:
        raise LibraryError(
            _(
                "{path} was written by a newer Copydesk (schema {revision}); this is Copydesk "
                "{version}, which knows schemas up to {head}. Update Copydesk to open it."
            ).format(path=path, revision=revision, version=__version__, head=HEAD_REVISION)
        )
    _check_integrity(path)
    _backup(path, revision)


def _upgrade(path: Path, engine: Engine) -> None:
    from alembic import command

    # SQLite alters a table by rebuilding it, which foreign keys would refuse (its children
    # point at it meanwhile). As SQLite's documentation advises, they are off during the
    # upgrade (the pragma only works outside a transaction) and checked before it commits.
    with _translated_errors(path), engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config = _alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                _check_foreign_keys(path, connection)
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(path: Path, connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise LibraryError(
            _("Upgrading {path} broke references in {tables}; it was not upgraded.").format(
                path=path, tables=tables
            )
        )


def _check_integrity(path: Path) -> None:
    connection = connect_read_only(path)
    try:
        (result,) = connection.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    finally:
        connection.close()
    if result != "ok":
        detail = " ".join(str(result).split())[:200]  # SQLite's report runs over many lines
        raise LibraryError(
            _("{path} is damaged ({detail}); it was not upgraded.").format(path=path, detail=detail)
        )


def _backup(path: Path, revision: str | None) -> Path:
    """Copy the library aside before changing its schema."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    source = connect_read_only(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise LibraryError(
            _("Cannot back up {path} before upgrading it: {reason}.").format(path=path, reason=exc)
        ) from exc
    finally:
        source.close()
    return target


def _alembic_config() -> AlembicConfig:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "copydesk.library:migrations")
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
        return _("{path} is busy: another program is writing to it. Try again in a moment.").format(
            path=path
        )
    if "disk is full" in text or "database or disk is full" in text:
        return _("The disk holding {path} is full; nothing was saved.").format(path=path)
    if "readonly" in text or "read-only" in text:
        return _("{path} is read-only; the change was not saved.").format(path=path)
    if "malformed" in text:
        return _("{path} is damaged ({detail}).").format(path=path, detail=text)
    return _("Database error in {path}: {detail}.").format(path=path, detail=text)
