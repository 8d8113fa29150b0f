"""The picture library's work off the GUI thread: the list's pages, saves, thumbnails, judging
the pictures that changed and attaching a file to a picture that awaits it, each delivered
back to the GUI thread. Database work goes to the one database thread; reading and decoding
files to the compute thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmap

from copydesk.errors import CopydeskError
from copydesk.library.db import Library
from copydesk.library.media_store import MediaStore
from copydesk.pictures import operations as picture_operations
from copydesk.pictures.listing import PictureKey, PicturePage, PictureQuery
from copydesk.pictures.operations import Judgement, PictureListing
from copydesk.pictures.thumbnails import ThumbnailCache, default_cache_dir
from copydesk.qt.labels import fill
from copydesk.qt.tasks import TaskRunner
from copydesk.records.picture import PictureMetadata

_log = logging.getLogger(__name__)


THUMBNAIL_SIZE = 96  # pixels, the list's thumbnail column


class PictureService(QObject):
    page_loaded = Signal(object)  # PicturePage: the first page of the latest query asked for
    batch_loaded = Signal(object, object)  # PictureQuery, PictureBatch: a further page
    judging = Signal(int)  # pictures left to judge (0: every picture is judged)
    listing_changed = Signal(object)  # PictureListing
    listing_followed = Signal(object)  # PictureListing changed by another program
    listings_removed = Signal(set)  # ids of pictures deleted by another program
    thumbnail_ready = Signal(str, QPixmap)  # sha256, thumbnail
    failed = Signal(str)
    attached = Signal(object)  # PictureListing: the picture with its file now
    attach_refused = Signal(int, str)  # picture id, why (in the user's language)

    def __init__(
        self,
        library: Library,
        database: TaskRunner,
        compute: TaskRunner,
        judgement: Judgement,
        parent: QObject | None = None,
        thumbnails: ThumbnailCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.store = MediaStore.beside(library.path)
        self.thumbnails = thumbnails or ThumbnailCache(default_cache_dir())
        self.database = database
        self.compute = compute
        self.judgement = judgement
        self._loads = 0  # only the latest load is shown
        self._judging = False
        self._closed = False

    def load(self, query: PictureQuery | None = None, *, totals: bool = True) -> None:
        """Read the first page of ``query`` (every picture by default); ``page_loaded``
        follows, unless a later load was asked for in the meantime."""
        library, judgement = self.library, self.judgement
        query = query or PictureQuery()
        self._loads += 1
        load = self._loads

        def work() -> PicturePage:
            return picture_operations.browse_pictures(library, query, judgement, totals=totals)

        self._run(self.database, work, lambda page: self._loaded(load, page))

    def load_through(self, query: PictureQuery, picture_id: int) -> None:
        """Read the first page of ``query`` down to the picture; if the query leaves it out,
        the first page of every picture down to it; if it lies too deep in the list, the
        pictures of its file name. ``page_loaded`` follows (its query says which it was)."""
        library, judgement = self.library, self.judgement
        self._loads += 1
        load = self._loads

        def work() -> PicturePage | None:
            for tried in (query, PictureQuery()):
                page = picture_operations.pictures_through(library, tried, picture_id, judgement)
                if page is not None:
                    return page
            listing = picture_operations.listings_by_ids(library, {picture_id}, judgement)
            if not listing:
                return None  # deleted meanwhile
            by_name = PictureQuery.of(listing[0].record.file.file_name)
            return picture_operations.browse_pictures(library, by_name, judgement)

        self._run(self.database, work, lambda page: page is not None and self._loaded(load, page))

    def _loaded(self, load: int, page: PicturePage) -> None:
        if load == self._loads:
            self.page_loaded.emit(page)
            if page.unjudged > 0:
                self.judge()

    def more(self, query: PictureQuery, after: PictureKey) -> None:
        library, judgement = self.library, self.judgement
        self._run(
            self.database,
            lambda: picture_operations.more_pictures(library, query, after, judgement),
            lambda batch: self.batch_loaded.emit(query, batch),
        )

    def judge(self) -> None:
        """Judge the pictures without a current verdict, a batch per database task (so that
        other work is not held up behind it), reporting with ``judging`` how many are left."""
        if self._judging:
            return
        self._judging = True
        self._judge_from(None)

    def _judge_from(self, after: PictureKey | None) -> None:
        library, judgement = self.library, self.judgement

        def judged(result: tuple[int, PictureKey | None]) -> None:
            left, following = result
            self.judging.emit(left)
            if left and not self._closed:
                self._judge_from(following)
            else:
                self._judging = False

        def failed(error: Exception) -> None:
            self._judging = False
            self.failed.emit(str(error))

        self.database.run(
            lambda: picture_operations.judge_pictures(library, judgement, after), judged, failed
        )

    def stop(self) -> None:
        """No further judging batches (the window is closing)."""
        self._closed = True

    def save(self, changes: dict[int, PictureMetadata]) -> None:
        """Store new metadata for pictures (one transaction) and report each new listing."""
        library, judgement = self.library, self.judgement

        self._run(
            self.database,
            lambda: picture_operations.save_metadata(library, changes, judgement),
            lambda listings: [self.listing_changed.emit(x) for x in listings],
        )

    def refresh(self, picture_ids: list[int]) -> None:
        library, judgement = self.library, self.judgement

        self._run(
            self.database,
            lambda: picture_operations.listings_by_ids(library, set(picture_ids), judgement),
            lambda listings: [self.listing_changed.emit(x) for x in listings],
        )

    def follow(self, picture_ids: set[int], query: PictureQuery | None = None) -> None:
        """Another program changed, added or deleted these pictures: read them again (and
        judge them). ``listing_followed`` for each one the list's ``query`` keeps,
        ``listings_removed`` for the others and the deleted ones."""
        library, judgement = self.library, self.judgement
        query = query or PictureQuery()

        def work() -> tuple[list[PictureListing], set[int]]:
            return picture_operations.follow_pictures(library, picture_ids, query, judgement)

        def arrived(result: tuple[list[PictureListing], set[int]]) -> None:
            listings, kept = result
            for listing in listings:
                if listing.record.id in kept:
                    self.listing_followed.emit(listing)
            removed = picture_ids - kept
            if removed:
                self.listings_removed.emit(removed)

        self._run(self.database, work, arrived)

    def attach(self, picture_id: int, path: Path) -> None:
        """Attach the file at ``path`` to the picture that awaits it: the file is read and
        checked on the compute thread (``prepare_picture``), stored with the row on the
        database thread (``attach_prepared``); ``attached`` and ``listing_changed`` follow,
        or ``attach_refused`` with the reason."""
        from copydesk.pictures.importing import PreparedPicture, attach_prepared, prepare_picture

        library, store, judgement = self.library, self.store, self.judgement

        def refused(error: Exception) -> None:
            if isinstance(error, CopydeskError):
                reason = str(error)
            else:  # a bug or a hostile file: said, not swallowed
                _log.error("attaching %s failed", path, exc_info=error)
                reason = fill(
                    self.tr("%1 could not be attached (%2: %3)."),
                    [path.name, type(error).__name__, str(error)],
                )
            self.attach_refused.emit(picture_id, reason)

        def store_it(prepared: PreparedPicture) -> None:
            def work() -> PictureListing:
                attach_prepared(library, store, picture_id, prepared)
                return picture_operations.picture_listing(library, picture_id, judgement)

            self.database.run(work, self._attached, refused)

        self.compute.run(lambda: prepare_picture(path), store_it, refused)

    def _attached(self, listing: PictureListing) -> None:
        self.listing_changed.emit(listing)
        self.attached.emit(listing)

    def request_thumbnail(self, listing: PictureListing) -> None:
        store, file, cache = self.store, listing.record.file, self.thumbnails
        if not file.present:
            return  # awaiting its file: nothing in the media store to read

        def work() -> bytes:
            return cache.thumbnail(
                file.sha256, THUMBNAIL_SIZE, lambda: store.read(file.sha256, file.media_type)
            )

        def show(data: bytes) -> None:
            pixmap = QPixmap()
            if pixmap.loadFromData(data):
                self.thumbnail_ready.emit(file.sha256, pixmap)
            else:  # a damaged cache file: made again from the picture next time
                cache.forget(file.sha256, THUMBNAIL_SIZE)

        self.compute.run(work, show, lambda _error: None)  # a missing file shows no thumbnail

    def _run(
        self, runner: TaskRunner, job: Callable[[], Any], on_done: Callable[[Any], Any]
    ) -> None:
        runner.run(job, on_done, lambda error: self.failed.emit(str(error)))
