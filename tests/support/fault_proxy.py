"""A TCP proxy in the test process that breaks the network on demand.

``FaultProxy(host, port)`` listens on 127.0.0.1 and forwards bytes both ways to the upstream
server. At any moment a test can cut every connection (a RST, as a dead link or a restarted
router gives), refuse new ones, stall the traffic, or cut each connection after a number of
bytes sent upstream (an upload that dies half-way).

One thread does all the work: it owns every socket, and the methods called from other threads
hand it a command and wait until it has been carried out. So when ``.cut()`` or ``.stall()``
returns, the fault is in place.
"""

from __future__ import annotations

import contextlib
import queue
import selectors
import socket
import struct
import threading
from collections.abc import Callable
from types import TracebackType

_CHUNK = 65536
_BUFFER_LIMIT = 1 << 20  # bytes waiting for a slow receiver before reading stops
_COMMAND_TIMEOUT = 30.0
_UPSTREAM_CONNECT_TIMEOUT = 10.0


def _reset(sock: socket.socket) -> None:
    """Close abruptly: the peer gets a RST (SO_LINGER 0) rather than an orderly FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class _Pipe:
    """One direction: bytes read from ``src`` wait in ``buffer`` until written to ``dst``."""

    def __init__(self, src: socket.socket, dst: socket.socket) -> None:
        self.src = src
        self.dst = dst
        self.buffer = bytearray()
        self.eof = False  # src sent FIN
        self.shut = False  # the FIN was passed on to dst

    def wants_read(self) -> bool:
        return not self.eof and len(self.buffer) < _BUFFER_LIMIT

    def drained(self) -> bool:
        return self.eof and not self.buffer


class _Connection:
    def __init__(self, client: socket.socket, server: socket.socket, budget: int | None) -> None:
        self.client = client
        self.server = server
        self.up = _Pipe(client, server)
        self.down = _Pipe(server, client)
        self.budget = budget  # bytes client→server still allowed before the cut; None: no limit

    def reading_pipe(self, sock: socket.socket) -> _Pipe:
        return self.up if sock is self.client else self.down

    def writing_pipe(self, sock: socket.socket) -> _Pipe:
        return self.down if sock is self.client else self.up


class FaultProxy:
    """A proxy to ``upstream_host:upstream_port`` listening at ``127.0.0.1:.port``."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._selector = selectors.DefaultSelector()
        self._waker, self._wake_end = socket.socketpair()
        self._waker.setblocking(False)
        self._wake_end.setblocking(False)
        self._commands: queue.SimpleQueue[tuple[Callable[[], None], _Done]] = queue.SimpleQueue()
        self._connections: set[_Connection] = set()
        self._interest: dict[socket.socket, int] = {}
        self._refusing = False
        self._stalled = False
        self._budget: int | None = None
        self._closing = False
        self._failure: BaseException | None = None
        self.bytes_up = 0  # bytes forwarded client→server (handed to the upstream socket)
        self.bytes_down = 0  # bytes forwarded server→client
        self._selector.register(self._listener, selectors.EVENT_READ, "listener")
        self._selector.register(self._wake_end, selectors.EVENT_READ, "waker")
        self._thread = threading.Thread(target=self._run, name=f"FaultProxy-{self.port}")
        self._thread.daemon = True
        self._thread.start()

    # --- Public API ---------------------------------------------------------------------

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def connection_count(self) -> int:
        """Connections open through the proxy right now."""
        return len(self._connections)

    def cut(self) -> None:
        """Close every open connection abruptly (RST to both ends)."""
        self._call(self._cut_all)

    def refuse(self, refusing: bool = True) -> None:
        """While refusing, a new connection is accepted and at once reset."""
        self._call(lambda: setattr(self, "_refusing", refusing))

    def stall(self) -> None:
        """Stop forwarding in both directions; connections stay open, bytes wait."""
        self._call(lambda: setattr(self, "_stalled", True))

    def resume(self) -> None:
        self._call(lambda: setattr(self, "_stalled", False))

    def drop_after(self, n_bytes: int | None) -> None:
        """Cut each connection, open now or opened later, once ``n_bytes`` more bytes have gone
        client→server through it (``0``: at once; ``None``: no longer)."""
        self._call(lambda: self._set_budget(n_bytes))

    def heal(self) -> None:
        """Undo refuse, stall and drop_after (cut connections stay cut)."""
        self.refuse(False)
        self.resume()
        self.drop_after(None)

    def close(self) -> None:
        """Reset every connection, stop listening and end the thread."""
        if self._closing:
            return
        self._closing = True
        self._wake()
        self._thread.join(_COMMAND_TIMEOUT)
        if self._thread.is_alive():
            raise RuntimeError(f"{self._thread.name} did not stop")

    # --- Commands from other threads ----------------------------------------------------

    def _call(self, action: Callable[[], None]) -> None:
        if self._closing or not self._thread.is_alive():
            raise RuntimeError("the FaultProxy is closed") from self._failure
        done = _Done()
        self._commands.put((action, done))
        self._wake()
        if not done.event.wait(_COMMAND_TIMEOUT):
            raise RuntimeError(f"{self._thread.name} did not answer") from self._failure
        if done.error is not None:
            raise done.error

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # full: the thread is awake anyway
            self._waker.send(b"!")

    def _run_commands(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_end.recv(4096):
                pass
        while True:
            try:
                action, done = self._commands.get_nowait()
            except queue.Empty:
                return
            try:
                action()
            except Exception as error:
                done.error = error
            done.event.set()

    def _cut_all(self) -> None:
        for connection in list(self._connections):
            self._drop(connection)

    def _set_budget(self, n_bytes: int | None) -> None:
        self._budget = n_bytes
        for connection in list(self._connections):
            connection.budget = n_bytes
            if n_bytes is not None and n_bytes <= 0:
                self._drop(connection)

    # --- The thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while not self._closing:
                self._settle_all()
                for key, events in self._selector.select(timeout=1.0):
                    self._dispatch(key.fileobj, key.data, events)  # type: ignore[arg-type]
        except BaseException as error:
            self._failure = error
            raise
        finally:
            self._shut_down()

    def _dispatch(self, sock: socket.socket, data: object, events: int) -> None:
        if data == "listener":
            self._accept()
        elif data == "waker":
            self._run_commands()
        elif isinstance(data, _Connection) and data in self._connections:
            if events & selectors.EVENT_READ:
                self._read(data, data.reading_pipe(sock))
            if events & selectors.EVENT_WRITE and data in self._connections:
                self._write(data, data.writing_pipe(sock))

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except OSError:  # BlockingIOError, or the client gave up already
            return
        if self._refusing or (self._budget is not None and self._budget <= 0):
            _reset(client)
            return
        try:
            server = socket.create_connection(self._upstream, _UPSTREAM_CONNECT_TIMEOUT)
        except OSError:
            _reset(client)
            return
        for sock in (client, server):
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._connections.add(_Connection(client, server, self._budget))

    def _read(self, connection: _Connection, pipe: _Pipe) -> None:
        try:
            data = pipe.src.recv(_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            self._drop(connection)
            return
        if data:
            pipe.buffer += data
        else:
            pipe.eof = True

    def _write(self, connection: _Connection, pipe: _Pipe) -> None:
        upstream = pipe is connection.up
        size = len(pipe.buffer)
        if upstream and connection.budget is not None:
            size = min(size, connection.budget)
        try:
            sent = pipe.dst.send(memoryview(pipe.buffer)[:size])
        except BlockingIOError:
            return
        except OSError:
            self._drop(connection)
            return
        del pipe.buffer[:sent]
        if not upstream:
            self.bytes_down += sent
            return
        self.bytes_up += sent
        if connection.budget is not None:
            connection.budget -= sent
            if connection.budget <= 0:
                self._drop(connection)

    # --- Bookkeeping --------------------------------------------------------------------

    def _settle_all(self) -> None:
        """Pass FINs on, close finished connections, then set what each socket waits for."""
        for connection in list(self._connections):
            self._pass_fins(connection)
        for connection in self._connections:
            self._watch(connection.client, connection, self._wanted(connection, connection.up))
            self._watch(connection.server, connection, self._wanted(connection, connection.down))

    def _pass_fins(self, connection: _Connection) -> None:
        for pipe in (connection.up, connection.down):
            if pipe.drained() and not pipe.shut:
                pipe.shut = True
                with contextlib.suppress(OSError):
                    pipe.dst.shutdown(socket.SHUT_WR)
        if connection.up.shut and connection.down.shut:
            self._drop(connection, abrupt=False)

    def _wanted(self, connection: _Connection, reading: _Pipe) -> int:
        """Events for the socket that ``reading`` reads from (and the other pipe writes to)."""
        if self._stalled:
            return 0
        writing = connection.down if reading is connection.up else connection.up
        read = selectors.EVENT_READ if reading.wants_read() else 0
        return read | (selectors.EVENT_WRITE if writing.buffer else 0)

    def _watch(self, sock: socket.socket, connection: _Connection, events: int) -> None:
        current = self._interest.get(sock, 0)
        if events == current:
            return
        if current == 0:
            self._selector.register(sock, events, connection)
        elif events == 0:
            self._selector.unregister(sock)
        else:
            self._selector.modify(sock, events, connection)
        self._interest[sock] = events

    def _drop(self, connection: _Connection, abrupt: bool = True) -> None:
        self._connections.discard(connection)
        for sock in (connection.client, connection.server):
            if self._interest.pop(sock, 0):
                self._selector.unregister(sock)
            if abrupt:
                _reset(sock)
            else:
                sock.close()

    def _shut_down(self) -> None:
        self._cut_all()
        self._run_commands()  # answer whoever waits: the command ran or fails as closed
        for sock in (self._listener, self._waker, self._wake_end):
            sock.close()
        self._selector.close()


class _Done:
    """A command's completion, and its error if it failed."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.error: Exception | None = None
