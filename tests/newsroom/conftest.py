"""The newsroom tests run against a real PostgreSQL server, started once for the session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
