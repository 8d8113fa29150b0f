"""A replica kept in step while online: a change saved on one desk arrives on the other
without anyone asking, and a cut connection comes back on its own."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from copydesk.articles import operations as articles
from copydesk.records.article import ArticleContent
from copydesk.sync import operations
from copydesk.sync.live import LiveSync
from tests.newsroom.newsroom import Newsroom
from tests.newsroom.test_sync_basics import bodies
from tests.support.fault_proxy import FaultProxy


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not reached in time"
        time.sleep(0.05)


def test_a_change_saved_on_one_desk_arrives_on_the_other(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    errors: list[str] = []
    senders = [LiveSync(library, on_error=errors.append) for library in (first, second)]
    for live in senders:
        live.start()
    try:
        articles.create_article(first, ArticleContent(headline="En direct", body="Arrivé."))
        wait_until(lambda: list(bodies(second).values()) == ["Arrivé."])
    finally:
        for live in senders:
            live.stop()
    assert errors == []


def test_a_cut_connection_comes_back_and_catches_up(
    newsroom: Newsroom, tmp_path: Path, fault_proxy: FaultProxy
) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique", port=fault_proxy.port)
    errors: list[str] = []
    live = LiveSync(second, on_error=errors.append)
    live.start()
    try:
        wait_until(lambda: fault_proxy.connection_count > 0)
        fault_proxy.refuse(True)
        fault_proxy.cut()
        articles.create_article(first, ArticleContent(headline="Hors ligne", body="Pendant."))
        operations.sync(first)
        wait_until(lambda: bool(errors))  # it noticed
        fault_proxy.refuse(False)
        wait_until(lambda: list(bodies(second).values()) == ["Pendant."])
    finally:
        live.stop()


def test_a_fault_of_ours_is_said_and_the_live_sync_carries_on(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.sync import engine

    library = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    real_sync, calls = engine.sync, []

    def failing_once(*args: object, **kwargs: object) -> engine.SyncReport:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("a bug")
        return real_sync(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "sync", failing_once)
    errors: list[str] = []
    reports: list[object] = []
    live = LiveSync(library, on_error=errors.append, on_report=reports.append)
    live.start()
    try:
        wait_until(lambda: bool(reports))
    finally:
        live.stop()
    assert errors == ["ValueError: a bug"]
