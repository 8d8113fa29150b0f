"""LatestOnly: long jobs do not pile up behind each other, and a closed one delivers nothing."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from copydesk.qt.tasks import LatestOnly, TaskRunner


def test_requests_made_while_a_job_runs_collapse_into_the_latest(qtbot: QtBot) -> None:
    runner = TaskRunner(thread_name="test-compute")
    jobs = LatestOnly(runner)
    gate = threading.Event()
    started: list[int] = []
    shown: list[int] = []

    def job_for(number: int):  # type: ignore[no-untyped-def]
        def make():  # type: ignore[no-untyped-def]
            started.append(number)
            return lambda: gate.wait(5) and number

        return make

    jobs.request(job_for(1), shown.append)
    for number in (2, 3, 4):
        jobs.request(job_for(number), shown.append)
    assert jobs.busy
    gate.set()
    qtbot.waitUntil(lambda: shown == [1, 4], timeout=5_000)
    assert started == [1, 4]  # 2 and 3 were never even prepared
    runner.shutdown()


def test_a_closed_one_drops_results_on_their_way(qtbot: QtBot) -> None:
    runner = TaskRunner(thread_name="test-compute")
    jobs = LatestOnly(runner)
    gate = threading.Event()
    shown: list[str] = []
    jobs.request(lambda: lambda: gate.wait(5) and "late", shown.append)
    jobs.close()
    jobs.request(lambda: lambda: "after", shown.append)
    gate.set()
    runner.shutdown()
    qtbot.wait(100)
    assert shown == []
