"""Reaching the newsroom server: the address a person gives (a ``postgresql://`` URL or a
libpq connection string), the password from that address, the OS keyring or libpq's own
sources (``PGPASSWORD``, ``PGPASSFILE``), and every refusal said in one sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from copydesk.sync.errors import NewsroomError
from copydesk.sync.server.migrations import HEAD_REVISION
from copydesk.translation import N_, _

CONNECT_TIMEOUT_S = 10
KEYRING_SERVICE = "copydesk-newsroom"
KNOWN_REVISIONS = ("s0001", "s0002", "s0003")


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """Where the newsroom is and who logs in; never the password."""

    login: str
    host: str
    port: int
    dbname: str

    @classmethod
    def parse(cls, text: str) -> tuple[ServerAddress, str | None]:
        """The address and the password written in it, if any. A refusal never repeats
        the text: it may hold the password."""
        try:
            params = conninfo_to_dict(text)
        except psycopg.ProgrammingError:
            raise NewsroomError(_(_NOT_AN_ADDRESS)) from None
        login = str(params.get("user") or "")
        if not login:
            raise NewsroomError(
                _(
                    "The server address names no person: "
                    "write it as postgresql://NAME@HOST:PORT/DATABASE."
                )
            )
        address = cls(login, _host(params), _port(params), str(params.get("dbname") or login))
        password = params.get("password")
        return address, str(password) if password else None

    @property
    def url(self) -> str:
        """A ``postgresql://`` URL that ``parse`` reads back to this address."""
        login, dbname = quote(self.login, safe=""), quote(self.dbname, safe="")
        if self.host.startswith("/"):  # a Unix socket folder
            return (
                f"postgresql://{login}@/{dbname}?host={quote(self.host, safe='')}&port={self.port}"
            )
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{login}@{host}:{self.port}/{dbname}"

    @property
    def keyring_user(self) -> str:
        return f"{self.login}@{self.host}:{self.port}/{self.dbname}"

    def conninfo(self, password: str | None) -> str:
        params: dict[str, Any] = {
            "user": self.login,
            "host": self.host,
            "port": self.port,
            "dbname": self.dbname,
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "copydesk",
            # A network that goes silent once connected ends the sync in under a minute
            # instead of hanging it: TCP keepalives, and unacknowledged data given up on.
            "keepalives": 1,
            "keepalives_idle": 15,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": 45_000,
        }
        if password is not None:
            params["password"] = password
        return make_conninfo(**params)


_NOT_AN_ADDRESS = N_(
    "This is not a server address: write it as postgresql://NAME@HOST:PORT/DATABASE."
)


def _host(params: dict[str, Any]) -> str:
    host = str(params.get("host") or "localhost")
    if "," in host:
        raise NewsroomError(
            _(
                "The server address names several hosts: "
                "write it as postgresql://NAME@HOST:PORT/DATABASE."
            )
        )
    return host


def _port(params: dict[str, Any]) -> int:
    text = str(params.get("port") or 5432)
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise NewsroomError(
            _(
                "The server address has no usable port (“{port}”): "
                "write it as postgresql://NAME@HOST:PORT/DATABASE."
            ).format(port=text)
        )
    return int(text)


def with_login(text: str, login: str) -> str:
    """The address ``text`` (a URL or a connection string) for the person ``login``."""
    try:
        return make_conninfo(text, user=login.strip())
    except psycopg.ProgrammingError:
        raise NewsroomError(_(_NOT_AN_ADDRESS)) from None


def stored_password(address: ServerAddress) -> str | None:
    """The password kept in the OS keyring for this address, if a keyring works here."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, address.keyring_user)
    except Exception:  # no keyring on this system: libpq's own sources remain
        return None


def keep_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the OS keyring (never in the library); False where none works."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.keyring_user, password)
    except Exception:
        return False
    return True


def connect(
    address: ServerAddress, password: str | None = None, *, autocommit: bool = False
) -> psycopg.Connection[Any]:
    """A connection to a Copydesk newsroom server whose schema this Copydesk knows."""
    connection = open_connection(address, password, autocommit=autocommit)
    try:
        check_schema(connection, address)
    except BaseException:
        connection.close()
        raise
    return connection


def open_connection(
    address: ServerAddress, password: str | None = None, *, autocommit: bool = False
) -> psycopg.Connection[Any]:
    secret = password if password is not None else stored_password(address)
    try:
        return psycopg.connect(address.conninfo(secret), autocommit=autocommit)
    except psycopg.Error as error:
        raise NewsroomError(describe_connection_error(address, error)) from None


def schema_revision(connection: psycopg.Connection[Any]) -> str | None:
    """The server schema's Alembic revision, None where there is no Copydesk schema."""
    try:
        with connection.transaction():
            row = connection.execute("SELECT version_num FROM copydesk.alembic_version").fetchone()
    except (psycopg.errors.UndefinedTable, psycopg.errors.InvalidSchemaName):
        return None
    return str(row[0]) if row else None


def check_schema(connection: psycopg.Connection[Any], address: ServerAddress) -> None:
    try:
        revision = schema_revision(connection)
    except psycopg.errors.InsufficientPrivilege:
        raise NewsroomError(
            _("{login} is not a person of the newsroom at {url}.").format(
                login=address.login, url=address.url
            )
        ) from None
    if revision is None:
        raise NewsroomError(
            _("{url} is not a Copydesk newsroom server (no copydesk schema).").format(
                url=address.url
            )
        )
    refuse_newer(revision, address)


def refuse_newer(revision: str, address: ServerAddress) -> None:
    if revision not in KNOWN_REVISIONS:
        raise NewsroomError(
            _(
                "The newsroom at {url} was set up by a newer Copydesk (schema {revision});"
                " this Copydesk knows schemas up to {known}. Update Copydesk to use it."
            ).format(url=address.url, revision=revision, known=HEAD_REVISION)
        )


def describe_connection_error(address: ServerAddress, error: psycopg.Error) -> str:
    text = str(error)
    where = f"{address.host}:{address.port}"
    if "no password supplied" in text:
        return _(
            "The server at {where} asks for {login}'s password and none was given:"
            " write it in the address or in PGPASSFILE, or keep it with"
            " “copydesk newsroom join --keep-password”."
        ).format(where=where, login=address.login)
    if "password authentication failed" in text:
        return _("The server at {where} refused {login}: wrong name or password.").format(
            where=where, login=address.login
        )
    if "does not exist" in text and "database" in text:
        return _("The server at {where} has no database “{database}”.").format(
            where=where, database=address.dbname
        )
    if "timeout" in text:
        return _("The server at {where} did not answer in {seconds} s.").format(
            where=where, seconds=CONNECT_TIMEOUT_S
        )
    # libpq's own reason stays as libpq says it (in the server's language, or English).
    return _("Cannot reach the newsroom server at {where}: {reason}").format(
        where=where, reason=_sentence(_first_line(error))
    )


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def refused(address: ServerAddress, error: BaseException) -> NewsroomError:
    """A database error met once connected (a permission the login lacks, say)."""
    reason = _first_line(error).rstrip(".")
    where = f"{address.host}:{address.port}"
    return NewsroomError(
        _("The newsroom server at {where} refused {login}: {reason}.").format(
            where=where, login=address.login, reason=reason
        )
    )


def _first_line(error: BaseException) -> str:
    """libpq's first line, without its "connection to server at … failed:" preamble."""
    first = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
    reason = first.rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip()
    return reason or type(error).__name__
