"""Keeping a replica in step while the network is there. A connection LISTENs for the
server's change numbers (a notification carries nothing else) and a sync runs at once; a
save here is sent as soon as the outbox shows it; a slow poll covers a lost notification;
a lost connection is retried with a growing pause, and every reconnection syncs from the
cursor, so nothing that happened while away is missed."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg

from copydesk.errors import describe
from copydesk.library.db import Library
from copydesk.sync import engine, replica
from copydesk.sync.errors import NewsroomError
from copydesk.sync.server import connection as server

log = logging.getLogger(__name__)

CHANNEL = "copydesk_changes"
WATCH_S = 0.25  # how often the outbox is looked at between notifications
POLL_S = 30.0  # a sync at least this often, notification or not
RETRY_S = (0.5, 1.0, 2.0, 4.0)  # pauses between reconnections, the last one repeated

OnReport = Callable[[engine.SyncReport], None]
OnError = Callable[[str], None]
OnSyncing = Callable[[], None]


class LiveSync:
    """A thread that keeps ``library`` in step with its newsroom until ``stop``."""

    def __init__(
        self,
        library: Library,
        password: str | None = None,
        *,
        on_report: OnReport | None = None,
        on_error: OnError | None = None,
        on_syncing: OnSyncing | None = None,
        poll_s: float = POLL_S,
    ) -> None:
        self._library = library
        self._password = password
        self._on_report = on_report or (lambda _report: None)
        self._on_error = on_error or (lambda _message: None)
        self._on_syncing = on_syncing or (lambda: None)
        self._nudged = threading.Event()
        self._poll_s = poll_s
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="copydesk-live-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._thread.join(timeout)

    def nudge(self) -> None:
        """Sync now (Sync Now, a conflict settled): at once if online, else at the next try."""
        self._nudged.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                self._listen()
                failures = 0
            except Exception as error:
                self._on_error(_said(error))
                self._pause(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1

    def _listen(self) -> None:
        target = engine.replica_of(self._library)
        with server.open_connection(target.address, self._password, autocommit=True) as listener:
            listener.execute(f"LISTEN {CHANNEL}")
            self._sync()  # whatever happened while away
            last_sync = time.monotonic()
            while not self._stopping.is_set():
                heard = _heard(listener, WATCH_S)
                due = time.monotonic() - last_sync >= self._poll_s or self._nudged.is_set()
                if heard or due or self._outbox_waits():
                    self._sync()
                    last_sync = time.monotonic()

    def _pause(self, seconds: float) -> None:
        """Wait before trying again, unless stopped or nudged meanwhile."""
        deadline = time.monotonic() + seconds
        while not self._stopping.is_set() and not self._nudged.is_set():
            if self._stopping.wait(min(0.1, max(0.0, deadline - time.monotonic()))):
                return
            if time.monotonic() >= deadline:
                return

    def _sync(self) -> None:
        self._nudged.clear()
        self._on_syncing()
        self._on_report(engine.sync(self._library, self._password))

    def _outbox_waits(self) -> bool:
        with self._library.read() as session:
            return replica.waiting_count(session) > 0


def _said(error: Exception) -> str:
    """The network's refusals in their one line; a fault of ours logged, then said too
    (the live sync tries again rather than stop for good)."""
    if isinstance(error, (NewsroomError, psycopg.Error)):
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    log.exception("the live sync failed")
    return describe(error)


def _heard(listener: psycopg.Connection[Any], timeout: float) -> bool:
    """Whether a change number came within ``timeout`` (all that came are taken)."""
    heard = False
    for _notify in listener.notifies(timeout=timeout, stop_after=1):
        heard = True
    if heard:  # several saves often come together: one sync takes them all
        for _notify in listener.notifies(timeout=0.01):
            pass
    return heard
