"""A newsroom on the suite's PostgreSQL server, as a test sees it: desks, people with their
passwords, and replicas (libraries joined to a desk)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.library.db import Library, open_library
from copydesk.sync import operations
from copydesk.sync.server.admin import Person, add_desk, add_person, init_newsroom
from copydesk.sync.server.connection import ServerAddress
from tests.support.postgres import PostgresServer

TEMPLATE = "copydesk_newsroom_template"
DESKS = ("Politique", "Sport")
# login → (desks, chief)
PEOPLE = {
    "alice": (("Politique",), False),
    "bob": (("Politique",), False),
    "carol": (("Sport",), False),
    "chief": ((), True),
}


def make_template(server: PostgresServer) -> str:
    """A database at the newsroom schema's head, copied by each test (migrations run once).
    Its newsroom row goes: each copy names its own roles after its own database."""
    server.drop_database(TEMPLATE)
    server.create_database(TEMPLATE)
    address, password = ServerAddress.parse(server.url(TEMPLATE))
    init_newsroom(address, password)
    with server.admin_connect(TEMPLATE) as connection:
        connection.execute("DELETE FROM copydesk.newsroom")
    return TEMPLATE


@dataclass
class Newsroom:
    server: PostgresServer
    dbname: str
    passwords: dict[str, str] = field(default_factory=dict)
    libraries: list[Library] = field(default_factory=list)

    def url(self, login: str | None = None, *, port: int | None = None) -> str:
        """The address a person uses (their password in it), maybe through a proxy."""
        url = self.server.url(self.dbname, login, self.passwords.get(login or "", None))
        return url if port is None else url.replace(f":{self.server.port}/", f":{port}/")

    @property
    def admin(self) -> ServerAddress:
        return ServerAddress.parse(self.server.url(self.dbname))[0]

    def set_up(self) -> None:
        address, password = ServerAddress.parse(self.server.url(self.dbname))
        init_newsroom(address, password)
        for desk in DESKS:
            add_desk(address, desk, password)
        for login, (desks, chief) in PEOPLE.items():
            self.passwords[login] = secrets.token_urlsafe(12) + "/@:"
            add_person(address, Person(login, self.passwords[login], desks, chief), password)

    def write_pgpass(self, path: Path) -> Path:
        """A libpq password file with every person's password (any port: proxies too)."""

        def escaped(text: str) -> str:
            return text.replace("\\", "\\\\").replace(":", "\\:")

        lines = [
            f"{self.server.host}:*:{self.dbname}:{login}:{escaped(password)}"
            for login, password in self.passwords.items()
        ]
        path.write_text("\n".join(lines) + "\n")
        path.chmod(0o600)
        return path

    def replica(self, path: Path, login: str, desk: str, *, port: int | None = None) -> Library:
        """A new library at ``path`` joined to ``desk`` as ``login`` (first sync done)."""
        library = open_library(path, create=True)
        self.libraries.append(library)
        operations.join(library, self.url(login, port=port), desk)
        return library

    def close(self) -> None:
        for library in self.libraries:
            library.close()


# ---- helpers for the server, fault and case tests (added; nothing above changed) ----------


def connect_as(room: Newsroom, login: str | None = None, *, autocommit: bool = True):
    """A psycopg connection to the room's database as ``login`` (with their own password),
    or as the superuser when ``login`` is None."""
    import psycopg

    if login is None:
        return room.server.admin_connect(room.dbname)
    return psycopg.connect(
        host=room.server.host,
        port=room.server.port,
        user=login,
        password=room.passwords[login],
        dbname=room.dbname,
        autocommit=autocommit,
        connect_timeout=30,
    )


def wait_until(condition, what: str, timeout: float = 60.0) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.02)
