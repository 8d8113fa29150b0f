"""Importing picture files into a library: checked, read, copied into the media store, and
recorded, one picture at a time, with a report line for each file.

Two steps, so that the application can run them on different threads:

- ``prepare_picture`` (any thread, several at once): reads the file, refuses what is not a
  sound picture (``InvalidPicture``), reads its IPTC/XMP metadata, recognises its licence;
- ``store_prepared`` (the database thread): a picture already in the library (same SHA-256)
  is reported as a duplicate; otherwise the file goes into the media store and its row into
  the database in one transaction; if the row cannot be written the new file is removed, so
  there is never a file without its row nor a row without its file.

A picture that came with an imported article, known by its credit only, awaits its file:
``attach_file`` (``prepare_picture``, then ``attach_prepared``) gives it one, the same way.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.errors import CopydeskError, InvalidPicture
from copydesk.library import guard as library_guard
from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.pictures import store as images
from copydesk.pictures.files import DEFAULT_MAX_BYTES, inspect_image
from copydesk.pictures.licensing import identify
from copydesk.pictures.metadata import read_metadata
from copydesk.records.imports import ImportItem, ImportOutcome, ImportReport
from copydesk.records.picture import PictureFile, PictureMetadata, PictureRecord
from copydesk.translation import _

if TYPE_CHECKING:
    from copydesk.library.db import Library

_log = logging.getLogger(__name__)

Progress = Callable[[int, int], object]  # (files done, files in all)


@dataclass(frozen=True, slots=True)
class PreparedPicture:
    path: Path
    data: bytes
    file: PictureFile
    metadata: PictureMetadata


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, folders searched recursively (hidden entries
    skipped), each file once, folders' files in name order."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for file in sorted(_walk(path)):
                found.setdefault(file, None)
        else:
            found.setdefault(path, None)
    return list(found)


def _walk(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            # An open library's own files are not pictures, and must not even be read.
            if not name.startswith(".") and not library_guard.is_guarded(Path(root) / name):
                yield Path(root) / name


def prepare_picture(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> PreparedPicture:
    """Read and check one file. Raises ``InvalidPicture`` with the reason."""
    return prepare_picture_data(path, _read_limited(path, max_bytes), max_bytes=max_bytes)


def prepare_picture_data(
    path: Path, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> PreparedPicture:
    """Check a picture already read (from a package, say); ``path`` names it."""
    info = inspect_image(data, max_bytes=max_bytes)
    metadata = read_metadata(data)
    if not metadata.licence_id:
        found = identify(metadata.web_statement, metadata.usage_terms, metadata.copyright_notice)
        if found is not None:
            metadata = metadata.replace(licence_id=found.id)
    file = PictureFile(
        sha256_of(data), path.name, info.media_type, info.width, info.height, len(data)
    )
    return PreparedPicture(path, data, file, metadata)


def _read_limited(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InvalidPicture(
                _("{name} is {size} MB, over the limit of {limit} MB.").format(
                    name=path.name, size=f"{size / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}"
                )
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise InvalidPicture(_("{name} does not exist.").format(name=path.name)) from error
    except IsADirectoryError as error:
        raise InvalidPicture(_("{name} is a folder.").format(name=path.name)) from error
    except OSError as error:
        raise InvalidPicture(
            _("Cannot read {name}: {error}.").format(name=path.name, error=error.strerror or error)
        ) from error


def store_prepared(library: Library, store: MediaStore, prepared: PreparedPicture) -> ImportItem:
    """Put a prepared picture in the library (or report it as already there)."""
    file = prepared.file
    created = False
    try:
        with library.write() as session:
            existing = images.find_by_sha256(session, file.sha256)
            if existing is not None:
                return ImportItem(
                    str(prepared.path), ImportOutcome.DUPLICATE, picture_id=existing.id
                )
            created = store.store(prepared.data, file.sha256, file.media_type)
            record = images.add_picture(session, file, prepared.metadata)
    except BaseException:
        if created:
            store.remove(file.sha256, file.media_type)
        raise
    return ImportItem(str(prepared.path), ImportOutcome.IMPORTED, picture_id=record.id)


def attach_file(
    library: Library,
    store: MediaStore,
    picture_id: int,
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> PictureRecord:
    """Attach the file at ``path`` to a picture that awaits it: read and checked as an
    import is (``prepare_picture``), then ``attach_prepared``. Raises ``InvalidPicture`` for
    a file that is not a sound picture and ``AttachRefused`` (``images.attach_file``) when
    the picture has its file already or the file is another picture's."""
    return attach_prepared(library, store, picture_id, prepare_picture(path, max_bytes=max_bytes))


def attach_prepared(
    library: Library, store: MediaStore, picture_id: int, prepared: PreparedPicture
) -> PictureRecord:
    """Attach a prepared file to a picture awaiting it, in one transaction: the row is
    checked and changed (``images.attach_file``: only the credit fields the desk left empty
    are filled from the file's metadata), the file goes into the media store, and if the
    transaction does not commit the newly stored file is removed again."""
    file = prepared.file
    created = False
    try:
        with library.write() as session:
            record = images.attach_file(session, picture_id, file, prepared.metadata)
            created = store.store(prepared.data, file.sha256, file.media_type)
    except BaseException:
        if created:
            store.remove(file.sha256, file.media_type)
        raise
    return record


def import_pictures(
    library: Library,
    store: MediaStore,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    store_one: Callable[[PreparedPicture], ImportItem] | None = None,
) -> ImportReport:
    """Import files and folders, preparing several files at once (decoding and hashing
    release the GIL) and storing them in order. A file that fails is reported and the batch
    goes on; ``cancelled`` is asked between files. ``store_one`` stores a prepared picture
    (by default ``store_prepared`` on this thread; the window hands it to its database
    thread)."""
    files = collect_files(paths)
    store_one = store_one or (lambda prepared: store_prepared(library, store, prepared))
    with library.read() as session:
        store.sweep(images.known_hashes(session))
    items: list[ImportItem] = []
    workers = workers or min(4, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="copydesk-import") as pool:
        pending: list[Future[PreparedPicture]] = []
        queue = iter(files)
        for path in _take(queue, workers * 2):
            pending.append(pool.submit(prepare_picture, path, max_bytes=max_bytes))
        while pending:
            if cancelled is not None and cancelled():
                for future in pending:
                    future.cancel()
                return ImportReport(tuple(items), cancelled=True)
            future = pending.pop(0)
            for path in _take(queue, 1):
                pending.append(pool.submit(prepare_picture, path, max_bytes=max_bytes))
            items.append(_finish(store_one, future, files[len(items)]))
            if progress is not None:
                progress(len(items), len(files))
    return ImportReport(tuple(items))


def _take(queue: Iterator[Path], count: int) -> list[Path]:
    return [path for _, path in zip(range(count), queue, strict=False)]


def _finish(
    store_one: Callable[[PreparedPicture], ImportItem],
    future: Future[PreparedPicture],
    path: Path,
) -> ImportItem:
    try:
        return store_one(future.result())
    except CopydeskError as error:
        return ImportItem(str(path), ImportOutcome.REFUSED, reason=str(error))
    except Exception as error:  # a hostile file must not stop the batch: report it
        _log.exception("importing %s failed", path)
        reason = _("{name} could not be imported ({error}).").format(
            name=path.name, error=f"{type(error).__name__}: {error}"
        )
        return ImportItem(str(path), ImportOutcome.REFUSED, reason=reason)
