"""The window while its library syncs: the GUI thread's longest stall while the live sync
pulls 1,000 articles of ~10 KB saved on another desk (the sync runs on its own thread; the
list follows). Target (issue 16): longest stall <= 50 ms. A real PostgreSQL server is
started here, as the tests do.

    .venv/bin/python tests/benchmarks/bench_newsroom_window.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchlib import Figure, report
from corpus import article_body
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from tests.newsroom.newsroom import Newsroom, make_template
from tests.support.postgres import PostgresServer

from copydesk.articles import store as articles
from copydesk.qt.app import application, freeze_startup_objects
from copydesk.qt.newsroom.status import Link
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState
from copydesk.records.article import ArticleContent
from copydesk.sync import operations

ARTICLES = 1_000


class StallMeter:
    """The longest gap between ticks of a 2 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest, self._last = 0.0, None
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        if self._last is not None:
            self.longest = max(self.longest, now - self._last - 2)
        self._last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def wait(condition, timeout: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("not reached in time")
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    application()
    folder = Path(tempfile.mkdtemp(prefix="copydesk-bench-newsroom-window-"))
    server = PostgresServer(folder / "postgres")
    server.start()
    try:
        stalls = run(server, folder, args.rounds)
    finally:
        server.cleanup()
    figure = Figure("GUI thread's longest stall, 1,000 articles pulled", stalls, target_p95_ms=50)
    return 0 if report("The window during a sync", [figure]) else 1


def run(server: PostgresServer, folder: Path, rounds: int) -> list[float]:
    server.create_database("bench_window", template=make_template(server))
    room = Newsroom(server, "bench_window")
    room.set_up()
    os.environ["PGPASSFILE"] = str(room.write_pgpass(folder / "pgpass"))
    sender = room.replica(folder / "sender.copydesk", "alice", "Politique")
    with sender.write() as session:
        articles.create_article(session, ArticleContent(headline="Ouverture", body="Texte."))
    operations.sync(sender)
    window_library = room.replica(folder / "window.copydesk", "bob", "Politique")
    room.libraries.remove(window_library)
    window_library.close()
    window = MainWindow(
        folder / "window.copydesk", state=WindowState.ephemeral(), runner=TaskRunner()
    )
    window.library_opened.connect(freeze_startup_objects)  # as run_application does
    window.resize(1400, 900)
    window.show()
    wait(lambda: window.newsroom.status.link is Link.ONLINE, 60)
    meter, stalls, body = StallMeter(), [], article_body(1_600, seed=5)
    for round_number in range(rounds):
        with sender.write() as session:
            for n in range(ARTICLES):
                content = ArticleContent(headline=f"Dépêche {round_number}-{n}", body=body)
                articles.create_article(session, content)
        operations.sync(sender)
        expected = 1 + ARTICLES * (round_number + 1)
        meter.start()
        wait(lambda: len(window.article_list.model.ids()) >= expected, 120)  # noqa: B023
        stalls.append(meter.stop())
    window.newsroom.release()()
    window.shutdown()
    room.close()
    return stalls


if __name__ == "__main__":
    sys.exit(main())
