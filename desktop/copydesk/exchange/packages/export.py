"""Publishing packages: an article, or many, ready for a website, an agency feed or an
archive (what a package holds: ``package_build``).

``export_package`` exports one article on the calling thread. ``export_many`` exports a
selection, reading the library on the calling thread and building the packages in worker
processes while threads write them. Either way a package is written whole or not at all
(``package_writer``), and an article whose checks find errors is refused (``ExportRefused``)
with nothing written.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from copydesk.errors import CopydeskError, NotFoundError
from copydesk.exchange.ninjs.schema import DEFAULT_VERSION, NinjsVersion
from copydesk.exchange.packages.build import (
    ARTICLE_HTML,
    ARTICLE_MARKDOWN,
    ARTICLE_NINJS,
    GENERATOR,
    MANIFEST,
    ArticleSnapshot,
    BuiltPackage,
    ExportOptions,
    ExportRefused,
    build_package,
    export_problems,
    read_snapshot,
    read_snapshots,
)
from copydesk.exchange.packages.write import ExportFailed, check_out_dir, write_package
from copydesk.preferences import DEFAULTS, Preferences
from copydesk.translation import _, current_language, use_language

if TYPE_CHECKING:
    from copydesk.library.db import Library

_log = logging.getLogger(__name__)
# Articles read per transaction in a batch: far fewer queries than one by one, and still
# read just ahead of the workers (a snapshot is a few kilobytes).
READ_CHUNK = 16
_P = ParamSpec("_P")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    manifest: dict[str, Any]


def export_package(
    library: Library,
    article_id: int,
    out_dir: Path,
    *,
    ninjs_version: NinjsVersion = DEFAULT_VERSION,
    as_zip: bool = False,
    accept_warnings: bool = True,
    today: date | None = None,
    now: datetime | None = None,
    generator: str = GENERATOR,
    preferences: Preferences | None = None,
) -> ExportResult:
    """Export the article ``article_id`` into ``out_dir`` (which must exist) as a folder, or
    a zip with ``as_zip``. Raises ``ExportRefused`` when its checks forbid it (warnings too
    unless ``accept_warnings``), ``ExportFailed`` when it cannot be written; either way
    nothing is left in ``out_dir``."""
    options = _options(
        ninjs_version=ninjs_version,
        as_zip=as_zip,
        accept_warnings=accept_warnings,
        today=today,
        now=now,
        generator=generator,
        preferences=preferences,
    )
    check_out_dir(out_dir)  # before the work, not after it
    return export_snapshot(read_snapshot(library, article_id, options), out_dir, options)


def _options(**values: Any) -> ExportOptions:
    """``ExportOptions`` from keyword arguments, ``preferences=None`` meaning the defaults."""
    if values.get("preferences") is None:
        values["preferences"] = DEFAULTS
    return ExportOptions(**values)


def export_snapshot(
    snapshot: ArticleSnapshot, out_dir: Path, options: ExportOptions
) -> ExportResult:
    """Build and write the package of an article already read (any thread)."""
    built = build_package(snapshot, options)
    path = write_package(
        built.files, out_dir, built.name, as_zip=options.as_zip, modified=built.exported_at
    )
    return ExportResult(path, built.manifest)


# ---------------------------------------------------------------------------------------------
# Many articles


class BatchOutcome(StrEnum):
    EXPORTED = "exported"
    REFUSED = "refused"  # its checks forbid it
    FAILED = "failed"  # missing, or its package could not be made or written


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One article of a batch: the package written, or why there is none (one line)."""

    article_id: int
    slug: str  # "" when the article could not be read
    outcome: BatchOutcome
    path: Path | None = None
    reason: str = ""

    @property
    def line(self) -> str:
        name = self.slug or _("article {id}").format(id=self.article_id)
        detail = str(self.path) if self.path is not None else self.reason
        return f"{self.outcome.value}  {name}  {detail}"


@dataclass(frozen=True, slots=True)
class BatchReport:
    """Every article of a batch, in the order asked. After a cancel, the articles not
    started are left out and ``cancelled`` is set; the ones under way were finished."""

    items: tuple[BatchItem, ...]
    cancelled: bool = False

    def count(self, outcome: BatchOutcome) -> int:
        return sum(1 for item in self.items if item.outcome is outcome)

    @property
    def complete(self) -> bool:
        """Every article asked for was exported."""
        return not self.cancelled and self.count(BatchOutcome.EXPORTED) == len(self.items)


Progress = Callable[[int, int], object]  # (articles done, articles in all)


def export_many(
    library: Library,
    article_ids: Iterable[int],
    out_dir: Path,
    *,
    workers: int = 2,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    **options: Any,
) -> BatchReport:
    """Export each article (``options`` as for ``export_package``), ``workers`` at a time.

    The library is read on the calling thread only, a few articles ahead; ``workers``
    processes check the articles, make the renditions and render (``_builders``), and as many
    threads write the packages, so that waiting for the disk never idles a core. With
    ``workers=1`` everything runs on the calling thread. ``progress`` and ``cancelled`` are
    called on the calling thread; a cancel lets the packages under way finish (each is
    written whole or not at all) and starts no other. Raises ``ExportFailed`` at once, before
    any work, when ``out_dir`` is not a folder.
    """
    settings = _options(**options)
    check_out_dir(out_dir)
    batch = _Batch(list(article_ids), out_dir, settings, progress)
    if workers <= 1:
        batch.run(library, _InThisThread(), _InThisThread(), 1, cancelled)
        return batch.report()
    with (
        _builders(workers) as builders,
        ThreadPoolExecutor(workers, thread_name_prefix="copydesk-export") as writers,
    ):
        batch.run(library, builders, writers, 2 * workers, cancelled)
    return batch.report()


def _builders(workers: int) -> Executor:
    """Processes rather than threads: Pillow's decoding releases the GIL, but rendering,
    ninjs validation and YAML are pure Python, and exiv2 takes a process-wide lock. Measured
    on two cores (``tests/benchmarks/bench_export.py``): 1,000 text-only packages went at
    153 a second with threads and 281 with processes; packages with a 12-megapixel picture
    at 12 a second either way.

    ``forkserver`` starts workers from a clean server process that imported this module once
    (a few hundred milliseconds, once per session), never by forking the calling process,
    whose other threads (the window's) may hold locks; ``spawn`` where it does not exist.
    Either way the program's main module is imported again in the workers: it must guard its
    start with ``if __name__ == "__main__"`` (and call ``multiprocessing.freeze_support()``
    when frozen into an executable). The workers speak the calling process's language: the
    messages they build (checks, refusals) reach the person as they are."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=use_language,
        initargs=(current_language(),),
    )


class _InThisThread(Executor):
    """An executor that runs each task at once, on the calling thread (``workers=1``)."""

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        future: Future[_T] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _build_item(snapshot: ArticleSnapshot, options: ExportOptions) -> BuiltPackage | BatchItem:
    """In a worker process: the package in memory, or the report line saying why there is
    none. Never raises: not every exception survives the way back from a process."""
    try:
        return build_package(snapshot, options)
    except Exception as error:
        return _failure(snapshot.record.id, snapshot.record.slug, error)


def _write_item(
    article_id: int, built: BuiltPackage, out_dir: Path, options: ExportOptions
) -> BatchItem:
    try:
        path = write_package(
            built.files, out_dir, built.name, as_zip=options.as_zip, modified=built.exported_at
        )
    except Exception as error:
        return _failure(article_id, built.name, error)
    return BatchItem(article_id, built.name, BatchOutcome.EXPORTED, path)


@dataclass(frozen=True, slots=True)
class _Task:
    index: int  # in the batch
    article_id: int
    slug: str


class _Batch:
    """The articles of a batch, their results as they come in, and the packages being built
    and written."""

    def __init__(
        self, ids: list[int], out_dir: Path, options: ExportOptions, progress: Progress | None
    ) -> None:
        self.ids = ids
        self.out_dir = out_dir
        self.options = options
        self.progress = progress
        self.items: dict[int, BatchItem] = {}
        self.building: dict[Future[BuiltPackage | BatchItem], _Task] = {}
        self.writing: dict[Future[BatchItem], _Task] = {}
        self.writers: Executor = _InThisThread()
        self.cancelled = False

    def run(
        self,
        library: Library,
        builders: Executor,
        writers: Executor,
        ahead: int,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        """Read each article and hand it to ``builders``, then to ``writers``; at most
        ``ahead`` packages being built and as many being written (their files are in
        memory)."""
        self.writers = writers
        for index, article_id, snapshot in self._read(library):
            if cancelled is not None and cancelled():
                self.cancelled = True
                break
            self.wait_below(ahead)
            self._start(index, article_id, snapshot, builders)
        self.wait_below(1)

    def _read(self, library: Library) -> Iterator[tuple[int, int, ArticleSnapshot | Exception]]:
        """Each article's snapshot (or why there is none), read ``READ_CHUNK`` at a time: one
        transaction and a handful of queries for all of them."""
        for start in range(0, len(self.ids), READ_CHUNK):
            chunk = self.ids[start : start + READ_CHUNK]
            try:
                found: Mapping[int, ArticleSnapshot | Exception] = read_snapshots(
                    library, chunk, self.options
                )
            except CopydeskError as error:  # the library cannot be read
                found = dict.fromkeys(chunk, error)
            for offset, article_id in enumerate(chunk):
                yield start + offset, article_id, found.get(article_id) or _missing(article_id)

    def _start(
        self,
        index: int,
        article_id: int,
        snapshot: ArticleSnapshot | Exception,
        builders: Executor,
    ) -> None:
        if isinstance(snapshot, Exception):
            self.finish(index, _failure(article_id, "", snapshot))
            return
        task = _Task(index, article_id, snapshot.record.slug)
        try:
            future = builders.submit(_build_item, snapshot, self.options)
        except Exception as error:  # the worker pool broke: a worker was killed
            self.finish(index, _failure(article_id, task.slug, error))
            return
        self.building[future] = task

    def wait_below(self, limit: int) -> None:
        """Move finished builds on to writing and collect finished writes; wait until fewer
        than ``limit`` packages are being built and fewer than ``limit`` being written. The
        two are counted apart so that packages waiting for the disk never starve the
        builders."""
        self._collect(block=False)
        while len(self.building) >= limit or len(self.writing) >= limit:
            self._collect(block=True)

    def _collect(self, *, block: bool) -> None:
        futures: list[Future[Any]] = [*self.building, *self.writing]
        if futures:
            timeout = None if block else 0
            done, _pending = wait(futures, timeout=timeout, return_when=FIRST_COMPLETED)
            for future in done:
                if future in self.building:
                    self._built(self.building.pop(future), future)
                else:
                    task = self.writing.pop(future)
                    self.finish(task.index, _result(task, future))

    def _built(self, task: _Task, future: Future[BuiltPackage | BatchItem]) -> None:
        outcome = _result(task, future)
        if isinstance(outcome, BatchItem):
            self.finish(task.index, outcome)
            return
        write = self.writers.submit(
            _write_item, task.article_id, outcome, self.out_dir, self.options
        )
        self.writing[write] = task

    def finish(self, index: int, item: BatchItem) -> None:
        self.items[index] = item
        if self.progress is not None:
            self.progress(len(self.items), len(self.ids))

    def report(self) -> BatchReport:
        ordered = tuple(item for _index, item in sorted(self.items.items()))
        return BatchReport(ordered, self.cancelled)


def _missing(article_id: int) -> NotFoundError:
    return NotFoundError(
        _("Article {id} does not exist (it may have been deleted).").format(id=article_id)
    )


def _result(task: _Task, future: Future[_T]) -> _T | BatchItem:
    """The future's result; a worker process that died (killed, out of memory) fails its
    article instead of the batch."""
    try:
        return future.result()
    except Exception as error:
        return _failure(task.article_id, task.slug, error)


def _failure(article_id: int, slug: str, error: Exception) -> BatchItem:
    if isinstance(error, ExportRefused):
        return BatchItem(article_id, slug, BatchOutcome.REFUSED, reason=error.summary)
    if not isinstance(error, CopydeskError):  # a bug: logged, and the batch goes on
        _log.error("exporting article %s failed", article_id, exc_info=error)
        error = CopydeskError(
            _("unexpected error ({kind}: {error})").format(kind=type(error).__name__, error=error)
        )
    reason = " ".join(str(error).split())  # one line, whatever the message
    return BatchItem(article_id, slug, BatchOutcome.FAILED, reason=reason)


__all__ = [
    "ARTICLE_HTML",
    "ARTICLE_MARKDOWN",
    "ARTICLE_NINJS",
    "GENERATOR",
    "MANIFEST",
    "ArticleSnapshot",
    "BatchItem",
    "BatchOutcome",
    "BatchReport",
    "BuiltPackage",
    "ExportFailed",
    "ExportOptions",
    "ExportRefused",
    "ExportResult",
    "build_package",
    "export_many",
    "export_package",
    "export_problems",
    "export_snapshot",
    "read_snapshot",
    "read_snapshots",
]
