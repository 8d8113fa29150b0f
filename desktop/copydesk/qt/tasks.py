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

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._executor: ThreadPoolExecutor | None = None
        if not synchronous:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-db")
        # Emitted from the worker, received on the thread this object lives in (the GUI's).
        self._deliver.connect(self._run_callback)

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

    def shutdown(self) -> None:
        """Finish every queued job (the last autosave among them), then stop the thread."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


def _run_now(work: Callable[[], T]) -> Future[T]:
    future: Future[T] = Future()
    try:
        future.set_result(work())
    except Exception as exc:
        future.set_exception(exc)
    return future
