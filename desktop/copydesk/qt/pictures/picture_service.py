"""The picture library's work off the GUI thread: listings, saves, thumbnails and attaching
a file to a picture that awaits it, each delivered back to the GUI thread. Database work goes
to the one database thread; reading and decoding files to the compute thread."""

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
from copydesk.pictures.operations import Judgement, PictureListing, list_pictures
from copydesk.pictures.thumbnails import ThumbnailCache, default_cache_dir
from copydesk.qt.labels import fill
from copydesk.qt.tasks import TaskRunner
from copydesk.records.picture import PictureMetadata

_log = logging.getLogger(__name__)


THUMBNAIL_SIZE = 96  # pixels, the list's thumbnail column


class PictureService(QObject):
    listings_loaded = Signal(list)  # list[PictureListing]
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

    def load(self) -> None:
        library, judgement = self.library, self.judgement
        self._run(
            self.database, lambda: list_pictures(library, judgement), self.listings_loaded.emit
        )

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

    def follow(self, picture_ids: set[int]) -> None:
        """Another program changed, added or deleted these pictures: read them again."""
        library, judgement = self.library, self.judgement

        def work() -> list[PictureListing]:
            return picture_operations.listings_by_ids(library, picture_ids, judgement)

        def arrived(listings: list[PictureListing]) -> None:
            for listing in listings:
                self.listing_followed.emit(listing)
            removed = picture_ids - {listing.record.id for listing in listings}
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
