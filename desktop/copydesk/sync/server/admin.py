"""Setting a newsroom server up: ``copydesk newsroom init`` (the schema, its roles and
grants; run again, it does nothing more), desks as group roles, one login per person."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from copydesk.sync.errors import NewsroomError
from copydesk.sync.server import connection as server
from copydesk.sync.server.connection import ServerAddress
from copydesk.sync.server.migrations import HEAD_REVISION
from copydesk.translation import _

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_INIT_LOCK = 7126994
_READABLE = (
    "newsroom", "desks", "people", "items", "revisions", "conflicts", "files", "file_chunks",
    "presence", "devices", "applied_ops", "alembic_version",
)  # fmt: skip
_CALLABLE = (
    "may_see(integer, boolean)",
    "my_desks()",
    "register_device(uuid, text)",
    "push(uuid, jsonb)",
    "upload_chunk(text, bigint, integer, integer, bytea)",
    "finish_upload(text)",
    "touch_presence(uuid, uuid, integer)",
    "leave_presence(uuid, uuid)",
    "search_articles(text, integer, timestamptz, uuid)",
)


@dataclass(frozen=True, slots=True)
class InitReport:
    revision_before: str | None
    revision_after: str
    person_role: str
    chief_role: str

    @property
    def changed(self) -> bool:
        return self.revision_before != self.revision_after


def init_newsroom(address: ServerAddress, password: str | None = None) -> InitReport:
    """Create or upgrade the schema, then make sure the roles and grants are there."""
    with _said(address), server.open_connection(address, password, autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", (_INIT_LOCK,))
        before = server.schema_revision(connection)
        if before is not None:
            server.refuse_newer(before, address)
        _migrate(connection, address)
        person_role, chief_role = _ensure_newsroom(connection)
        _grant(connection, person_role)
        return InitReport(before, HEAD_REVISION, person_role, chief_role)


def add_desk(address: ServerAddress, name: str, password: str | None = None) -> str:
    """A desk and its group role (kept if already there); returns the role's name."""
    name = name.strip()
    if not name:
        raise NewsroomError(_("A desk needs a name."))
    with _said(address), _admin(address, password) as connection, connection.transaction():
        row = connection.execute(
            "SELECT role_name FROM copydesk.desks WHERE name = %s", (name,)
        ).fetchone()
        if row is not None:
            return str(row[0])
        prefix = _role_prefix(connection)
        role = f"{prefix}_desk_{_slug(name)[:20]}_{_count_desks(connection) + 1}"
        _create_role(connection, role, login=False)
        connection.execute(
            "INSERT INTO copydesk.desks (name, role_name) VALUES (%s, %s)", (name, role)
        )
        return role


@dataclass(frozen=True, slots=True)
class Person:
    login: str
    password: str
    desks: tuple[str, ...]
    chief: bool = False
    display_name: str = ""


def add_person(address: ServerAddress, person: Person, password: str | None = None) -> None:
    """A login (SCRAM password) that belongs to the newsroom and to its desks."""
    if not re.fullmatch(r"[a-z_][a-z0-9_.-]{0,62}", person.login):
        raise NewsroomError(
            _("“{login}” cannot be a login: lowercase letters, digits, _ . - only.").format(
                login=person.login
            )
        )
    with _said(address), _admin(address, password) as connection, connection.transaction():
        roles = _desk_roles(connection, person.desks)
        person_role, chief_role = _newsroom_roles(connection)
        _create_role(connection, person.login, login=True, password=person.password)
        for role in (person_role, *roles, *([chief_role] if person.chief else [])):
            connection.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(role), sql.Identifier(person.login))
            )
        connection.execute(
            "INSERT INTO copydesk.people (login, display_name) VALUES (%s, %s)"
            " ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name",
            (person.login, person.display_name or person.login),
        )


# ---- inside ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _said(address: ServerAddress) -> Iterator[None]:
    """A refusal met once connected (no right to create roles, say), in one sentence."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except psycopg.Error as error:
        raise server.refused(address, error) from None
    except DBAPIError as error:
        raise server.refused(address, error.orig or error) from None


def _admin(address: ServerAddress, password: str | None) -> psycopg.Connection[Any]:
    connection = server.open_connection(address, password, autocommit=True)
    try:
        server.check_schema(connection, address)
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: psycopg.Connection[Any], address: ServerAddress) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    # One transaction: a migration that fails leaves the server as it was.
    connection.autocommit = False
    try:
        engine = create_engine(
            "postgresql+psycopg://", creator=lambda: connection, poolclass=StaticPool
        )
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.connect() as sa_connection:
            sa_connection.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS copydesk")
            config.attributes["connection"] = sa_connection
            command.upgrade(config, "head")
            sa_connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.autocommit = True


def _ensure_newsroom(connection: psycopg.Connection[Any]) -> tuple[str, str]:
    row = connection.execute("SELECT person_role, chief_role FROM copydesk.newsroom").fetchone()
    if row is not None:
        person_role, chief_role = str(row[0]), str(row[1])
    else:
        prefix = f"copydesk_{_slug(_database(connection))[:30]}"
        person_role, chief_role = f"{prefix}_person", f"{prefix}_chief"
        connection.execute(
            "INSERT INTO copydesk.newsroom (uuid, person_role, chief_role)"
            " VALUES (gen_random_uuid(), %s, %s)",
            (person_role, chief_role),
        )
    _create_role(connection, person_role, login=False)
    _create_role(connection, chief_role, login=False)
    return person_role, chief_role


def _grant(connection: psycopg.Connection[Any], person_role: str) -> None:
    role = sql.Identifier(person_role)
    connection.execute(sql.SQL("GRANT USAGE ON SCHEMA copydesk TO {}").format(role))
    for table in _READABLE:
        connection.execute(
            sql.SQL("GRANT SELECT ON copydesk.{} TO {}").format(sql.Identifier(table), role)
        )
    for function in _CALLABLE:
        connection.execute(
            sql.SQL("GRANT EXECUTE ON FUNCTION copydesk.{} TO {}").format(sql.SQL(function), role)
        )


def _create_role(
    connection: psycopg.Connection[Any], role: str, *, login: bool, password: str | None = None
) -> None:
    exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    verb = sql.SQL("ALTER ROLE" if exists else "CREATE ROLE")
    options = sql.SQL("LOGIN" if login else "NOLOGIN")
    statement = sql.SQL("{} {} {}").format(verb, sql.Identifier(role), options)
    if password is not None:
        statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(password))
    connection.execute(statement)


def _newsroom_roles(connection: psycopg.Connection[Any]) -> tuple[str, str]:
    row = connection.execute("SELECT person_role, chief_role FROM copydesk.newsroom").fetchone()
    if row is None:
        raise NewsroomError(_("The newsroom is not set up: run “copydesk newsroom init” first."))
    return str(row[0]), str(row[1])


def _desk_roles(connection: psycopg.Connection[Any], desks: tuple[str, ...]) -> list[str]:
    roles = []
    for desk in desks:
        row = connection.execute(
            "SELECT role_name FROM copydesk.desks WHERE name = %s", (desk,)
        ).fetchone()
        if row is None:
            raise NewsroomError(
                _("The newsroom has no desk “{desk}”: add it first.").format(desk=desk)
            )
        roles.append(str(row[0]))
    return roles


def _role_prefix(connection: psycopg.Connection[Any]) -> str:
    return _newsroom_roles(connection)[0].removesuffix("_person")


def _count_desks(connection: psycopg.Connection[Any]) -> int:
    row = connection.execute("SELECT count(*) FROM copydesk.desks").fetchone()
    return int(row[0]) if row else 0


def _database(connection: psycopg.Connection[Any]) -> str:
    row = connection.execute("SELECT current_database()").fetchone()
    return str(row[0]) if row else "newsroom"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"
