"""The newsroom tests run against a real PostgreSQL server, started once for the session."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.newsroom.newsroom import Newsroom, make_template
from tests.qt.conftest import _shared_opengl_contexts, make_window  # noqa: F401  (windows)
from tests.support.fault_proxy import FaultProxy
from tests.support.postgres import PostgresServer


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole session, stopped (fast) at the end. Tests share
    it: each works in databases of its own (``create_database`` / ``drop_database``)."""
    server = PostgresServer(tmp_path_factory.mktemp("postgres"))
    try:
        server.start()
        yield server
    finally:
        server.stop("fast")
        server.cleanup()


@pytest.fixture
def fault_proxy(postgres_server: PostgresServer) -> Iterator[FaultProxy]:
    """A proxy in front of the session's server: connect to ``fault_proxy.port`` on
    127.0.0.1 to go through it, and break the network on demand."""
    with FaultProxy(postgres_server.host, postgres_server.port) as proxy:
        yield proxy


@pytest.fixture(scope="session")
def newsroom_template(postgres_server: PostgresServer) -> str:
    return make_template(postgres_server)


@pytest.fixture
def newsroom(
    postgres_server: PostgresServer,
    newsroom_template: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Newsroom]:
    """A fresh newsroom database (a copy of the migrated template) with its desks and
    people (tests.newsroom.newsroom.PEOPLE), dropped afterwards. Their passwords are in a
    libpq password file (PGPASSFILE), as a person's may be."""
    name = f"newsroom_{secrets.token_hex(4)}"
    postgres_server.create_database(name, template=newsroom_template)
    room = Newsroom(postgres_server, name)
    try:
        room.set_up()
        monkeypatch.setenv("PGPASSFILE", str(room.write_pgpass(tmp_path / "pgpass")))
        yield room
    finally:
        room.close()
        postgres_server.drop_database(name)
