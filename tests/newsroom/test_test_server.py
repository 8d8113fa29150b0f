"""The test infrastructure itself: the PostgreSQL server the suite starts and the proxy that
breaks the network in front of it. If these fail, the newsroom tests prove nothing."""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.support.fault_proxy import FaultProxy
from tests.support.postgres import PostgresServer, PostgresServerError, find_bindir

PATIENCE = 60.0  # seconds to wait for something that must happen (a busy machine is slow)


class Outcome:
    """What a function run in a thread returned or raised."""

    def __init__(self, function: Callable[[], Any]) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(function,), daemon=True)
        self.thread.start()

    def _run(self, function: Callable[[], Any]) -> None:
        try:
            self.result = function()
        except BaseException as error:
            self.error = error

    def wait(self) -> Outcome:
        self.thread.join(PATIENCE)
        assert not self.thread.is_alive(), "the thread is still running"
        return self


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.05)


def connect(
    server: PostgresServer,
    *,
    port: int | None = None,
    password: str | None = None,
    dbname: str = "postgres",
    **options: Any,
) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host=server.host,
        port=port or server.port,
        user=server.superuser,
        password=server.superuser_password if password is None else password,
        dbname=dbname,
        connect_timeout=options.pop("connect_timeout", 30),
        autocommit=True,
        **options,
    )


@pytest.fixture
def database(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh database, dropped afterwards (its connections terminated)."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    postgres_server.create_database(name)
    yield name
    postgres_server.drop_database(name)


def database_exists(server: PostgresServer, name: str) -> bool:
    with server.admin_connect() as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


# --- The server -------------------------------------------------------------------------


def test_superuser_connects_over_tcp_with_a_scram_password(
    postgres_server: PostgresServer,
) -> None:
    with connect(postgres_server) as connection:
        row = connection.execute(
            "SELECT inet_server_addr()::text, inet_server_port(), rolpassword"
            " FROM pg_authid WHERE rolname = current_user"
        ).fetchone()
    assert row is not None
    address, port, stored_password = row
    assert (address, port) == ("127.0.0.1/32", postgres_server.port)  # TCP, not the socket
    assert stored_password.startswith("SCRAM-SHA-256$")


def test_a_wrong_password_is_refused(postgres_server: PostgresServer) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        connect(postgres_server, password="not-the-password")


def test_the_url_connects_with_the_password_percent_encoded(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.url("postgres")
    assert postgres_server.superuser_password not in url  # it holds "/@:%"
    with psycopg.connect(url, connect_timeout=30) as connection:
        assert connection.execute("SELECT current_user").fetchone() == ("postgres",)
    assert postgres_server.url("news", user="editor") == (
        f"postgresql://editor@127.0.0.1:{postgres_server.port}/news"
    )


def test_create_database_from_a_template_copies_its_tables(
    postgres_server: PostgresServer,
) -> None:
    template, copy = f"template_{uuid.uuid4().hex[:8]}", f"copy_{uuid.uuid4().hex[:8]}"
    postgres_server.create_database(template)
    try:
        with connect(postgres_server, dbname=template) as connection:
            connection.execute("CREATE TABLE desks (name text)")
            connection.execute("INSERT INTO desks VALUES ('politique'), ('sport')")
        postgres_server.create_database(copy, template=template)
        with connect(postgres_server, dbname=copy) as connection:
            names = connection.execute("SELECT name FROM desks ORDER BY name").fetchall()
        assert names == [("politique",), ("sport",)]
    finally:
        postgres_server.drop_database(copy)
        postgres_server.drop_database(template)


def test_drop_database_ends_the_connections_to_it(
    postgres_server: PostgresServer, database: str
) -> None:
    with connect(postgres_server, dbname=database) as connection:
        postgres_server.drop_database(database)
        with pytest.raises(psycopg.OperationalError):
            connection.execute("SELECT 1")
    assert not database_exists(postgres_server, database)


def test_committed_data_survives_an_immediate_stop(tmp_path: Path) -> None:
    server = PostgresServer(tmp_path / "postgres")
    try:
        server.start()
        port = server.port
        with server.admin_connect() as connection:
            connection.execute("CREATE TABLE kept (word text)")
            connection.execute("INSERT INTO kept VALUES ('still here')")
        server.stop("immediate")
        assert not server.is_running()
        with pytest.raises(psycopg.OperationalError):
            server.admin_connect()
        server.start()
        assert server.is_running()
        assert server.port == port
        with server.admin_connect() as connection:
            assert connection.execute("SELECT word FROM kept").fetchall() == [("still here",)]
    finally:
        server.cleanup()
    assert not server.is_running()


def test_the_first_start_moves_off_a_port_taken_meanwhile(tmp_path: Path) -> None:
    server = PostgresServer(tmp_path / "postgres")
    squatter = socket.create_server((server.host, server.port))
    try:
        server.start()
        assert server.port != squatter.getsockname()[1]
        with server.admin_connect() as connection:
            assert connection.execute("SELECT inet_server_port()").fetchone() == (server.port,)
    finally:
        squatter.close()
        server.cleanup()


def test_a_failed_start_shows_the_end_of_the_server_log(tmp_path: Path) -> None:
    server = PostgresServer(tmp_path / "postgres")
    try:
        server.start()
        server.stop()
        with (server.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("no_such_setting = 1\n")
        with pytest.raises(PostgresServerError, match="no_such_setting"):
            server.start()
    finally:
        server.cleanup()


def test_missing_programs_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PostgresServerError) as raised:
        find_bindir(tmp_path / "nowhere")
    message = str(raised.value)
    assert "initdb" in message
    assert "pg_config is not on PATH" in message
    assert str(tmp_path / "nowhere") in message


# --- The proxy --------------------------------------------------------------------------


def test_the_proxy_forwards_big_messages_both_ways(
    postgres_server: PostgresServer, fault_proxy: FaultProxy, database: str
) -> None:
    payload = os.urandom(3 << 20)
    with connect(postgres_server, port=fault_proxy.port, dbname=database) as connection:
        connection.execute("CREATE TABLE uploads (payload bytea)")
        connection.execute("INSERT INTO uploads VALUES (%s)", [payload])
        assert connection.execute("SELECT payload FROM uploads").fetchone() == (payload,)
    assert fault_proxy.bytes_up > len(payload)
    assert fault_proxy.bytes_down > len(payload)
    wait_until(lambda: fault_proxy.connection_count == 0, "the closed connection to go")


def test_cut_breaks_a_query_in_flight(
    postgres_server: PostgresServer, fault_proxy: FaultProxy, database: str
) -> None:
    name = f"cut-{uuid.uuid4().hex[:8]}"
    connection = connect(
        postgres_server, port=fault_proxy.port, dbname=database, application_name=name
    )
    with connection:
        sleeping = Outcome(lambda: connection.execute("SELECT pg_sleep(600)"))
        wait_until(lambda: query_is_running(postgres_server, name), "the query to run")
        fault_proxy.cut()
        assert isinstance(sleeping.wait().error, psycopg.OperationalError)
        assert connection.broken
    assert fault_proxy.connection_count == 0


def query_is_running(server: PostgresServer, application_name: str) -> bool:
    with server.admin_connect() as admin:
        found = admin.execute(
            "SELECT 1 FROM pg_stat_activity WHERE application_name = %s AND state = 'active'",
            [application_name],
        )
        return found.fetchone() is not None


def test_stall_holds_a_query_until_resume(
    postgres_server: PostgresServer, fault_proxy: FaultProxy
) -> None:
    with connect(postgres_server, port=fault_proxy.port) as connection:
        fault_proxy.stall()
        answer = Outcome(lambda: connection.execute("SELECT 42").fetchone())
        answer.thread.join(1.0)
        assert answer.thread.is_alive(), "the query completed while the proxy stalled"
        fault_proxy.resume()
        assert answer.wait().result == (42,)


def test_stall_makes_a_new_connection_time_out(
    postgres_server: PostgresServer, fault_proxy: FaultProxy
) -> None:
    fault_proxy.stall()
    with pytest.raises(psycopg.OperationalError, match="timeout"):
        connect(postgres_server, port=fault_proxy.port, connect_timeout=2)
    fault_proxy.resume()
    with connect(postgres_server, port=fault_proxy.port) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)


def test_refuse_refuses_new_connections_only(
    postgres_server: PostgresServer, fault_proxy: FaultProxy
) -> None:
    with connect(postgres_server, port=fault_proxy.port) as connection:
        fault_proxy.refuse(True)
        with pytest.raises(psycopg.OperationalError):
            connect(postgres_server, port=fault_proxy.port)
        assert connection.execute("SELECT 1").fetchone() == (1,)
    fault_proxy.refuse(False)
    with connect(postgres_server, port=fault_proxy.port) as connection:
        assert connection.execute("SELECT 2").fetchone() == (2,)


def test_drop_after_cuts_an_upload_midway(
    postgres_server: PostgresServer, fault_proxy: FaultProxy, database: str
) -> None:
    with connect(postgres_server, port=fault_proxy.port, dbname=database) as connection:
        connection.execute("CREATE TABLE uploads (payload bytea)")
        before = fault_proxy.bytes_up
        fault_proxy.drop_after(100_000)
        with pytest.raises(psycopg.OperationalError):
            connection.execute("INSERT INTO uploads VALUES (%s)", [os.urandom(1 << 20)])
    assert fault_proxy.bytes_up - before == 100_000
    with postgres_server.admin_connect(database) as admin:
        assert admin.execute("SELECT count(*) FROM uploads").fetchone() == (0,)


def test_close_ends_the_thread_and_the_listener(postgres_server: PostgresServer) -> None:
    proxy = FaultProxy(postgres_server.host, postgres_server.port)
    connection = connect(postgres_server, port=proxy.port)
    proxy.close()
    with pytest.raises(psycopg.OperationalError):
        connection.execute("SELECT 1")
    connection.close()
    names = {thread.name for thread in threading.enumerate()}
    assert f"FaultProxy-{proxy.port}" not in names
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", proxy.port), timeout=10).close()
