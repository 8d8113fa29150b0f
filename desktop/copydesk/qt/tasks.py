"""The database thread: every library operation runs on one worker, results come back to the
GUI thread. Widgets are only ever touched on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskRunner(QObject):
    """Runs jobs one after another on a single worker thread, in submission order.

    ``synchronous=True`` runs each job at once on the calling thread (deterministic tests).
    """

    _deliver = Signal(object)

    def __init__(
        self,
        *,
        synchronous: bool = False,
        parent: QObject | None = None,
        thread_name: str = "copydesk-db",
    ) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._executor: ThreadPoolExecutor | None = None
        if not synchronous:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        # Emitted from the worker, received on the thread this object lives in (the GUI's).
        self._deliver.connect(self._run_callback)

    @property
    def synchronous(self) -> bool:
        return self._synchronous

    def sibling(self, thread_name: str) -> TaskRunner:
        """Another runner like this one (synchronous in tests), on its own thread."""
        return TaskRunner(synchronous=self._synchronous, parent=self, thread_name=thread_name)

    def run(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], Any] | None = None,
        on_error: Callable[[Exception], Any] | None = None,
    ) -> Future[T]:
        def work() -> T:
            try:
                result = job()
            except Exception as exc:
                if on_error is None:
                    log.exception("background job failed")
                self._post(on_error, exc)
                raise
            self._post(on_done, result)
            return result

        if self._executor is None:
            return _run_now(work)
        return self._executor.submit(work)

    def post(self, callback: Callable[[Any], Any], value: Any) -> None:
        """From a job: have ``callback(value)`` run on the GUI thread (results on the way)."""
        self._post(callback, value)

    def _post(self, callback: Callable[[Any], Any] | None, value: Any) -> None:
        if callback is None:
            return
        if self._synchronous:
            callback(value)
        else:
            self._deliver.emit(lambda: callback(value))

    def _run_callback(self, callback: Callable[[], Any]) -> None:
        callback()

    def shutdown(self, *, finish_queued: bool = True) -> None:
        """Finish every queued job (the last autosave among them), then stop the thread.
        Without ``finish_queued``, jobs not started yet are dropped (renders, checks)."""
        if self._executor is not None:
            self._executor.shutdown(wait=finish_queued, cancel_futures=not finish_queued)
            self._executor = None


def _run_now(work: Callable[[], T]) -> Future[T]:
    future: Future[T] = Future()
    try:
        future.set_result(work())
    except Exception as exc:
        future.set_exception(exc)
    return future


class LatestOnly:
    """One job at a time on ``runner``; requests made meanwhile collapse into the latest one.

    For work that is only worth its newest result (rendering the preview, checking the
    article): while a long job runs, keystrokes do not pile up jobs behind it. ``make_job``
    is called when the job starts, so it captures the text as it is then.
    """

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._busy = False
        self._closed = False
        self._waiting: tuple[Callable[[], Callable[[], Any]], Callable[[Any], Any]] | None = None

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self, make_job: Callable[[], Callable[[], T]], on_done: Callable[[T], Any]) -> None:
        if self._closed:
            return
        if self._busy:
            self._waiting = (make_job, on_done)
            return
        self._start(make_job, on_done)

    def _start(
        self, make_job: Callable[[], Callable[[], Any]], on_done: Callable[[Any], Any]
    ) -> None:
        self._busy = True
        job = make_job()

        def done(result: Any) -> None:
            if self._closed:
                return  # its window is gone
            try:
                on_done(result)
            finally:
                self._finished()

        def failed(error: Exception) -> None:
            log.error("background job failed", exc_info=error)
            self._finished()

        self._runner.run(job, done, failed)

    def close(self) -> None:
        """No more jobs, and results still on their way are dropped (the window closes)."""
        self._closed = True
        self._waiting = None

    def _finished(self) -> None:
        self._busy = False
        if self._waiting is not None and not self._closed:
            make_job, on_done = self._waiting
            self._waiting = None
            self._start(make_job, on_done)
