"""What the command line and the window ask of a library's pictures, one transaction each.

Like ``operations``, every function returns plain records, ready to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.library.media_store import MediaStore
from copydesk.pictures import browsing, verdicts
from copydesk.pictures import store as images
from copydesk.pictures.importing import attach_file, import_pictures
from copydesk.pictures.listing import (
    Judgement,
    PictureBatch,
    PictureKey,
    PictureListing,
    PicturePage,
    PictureQuery,
    judge,
)
from copydesk.pictures.presets import Preset
from copydesk.preferences import DEFAULTS
from copydesk.records.imports import ImportReport
from copydesk.records.picture import PictureMetadata

if TYPE_CHECKING:
    from copydesk.library.db import Library


# Pictures judged per write transaction: a few tens of milliseconds, so that other writes
# (an article being saved, a newsroom pull) never wait long behind the judging.
JUDGED_AT_ONCE = 200


def list_pictures(library: Library, judgement: Judgement) -> list[PictureListing]:
    with library.read() as session:
        records = images.list_pictures(session)
        usages = images.usages_by_picture(session)
    return [judge(record, judgement, usages.get(record.id, ())) for record in records]


def browse_pictures(
    library: Library, query: PictureQuery, judgement: Judgement, *, totals: bool = True
) -> PicturePage:
    """The first page of the pictures ``query`` keeps, with their count (and, with
    ``totals``, the library's count of pictures and of pictures not judged yet)."""
    with library.read() as session:
        return browsing.first_page(session, query, judgement, totals=totals)


def more_pictures(
    library: Library, query: PictureQuery, after: PictureKey, judgement: Judgement
) -> PictureBatch:
    with library.read() as session:
        return browsing.next_batch(session, query, after, judgement)


def pictures_through(
    library: Library, query: PictureQuery, picture_id: int, judgement: Judgement
) -> PicturePage | None:
    """The first page of ``query`` down to the picture (``None``: the query leaves it out,
    or it lies too deep in the list to read down to it)."""
    with library.read() as session:
        return browsing.through(session, query, picture_id, judgement)


def judge_pictures(
    library: Library,
    judgement: Judgement,
    after: PictureKey | None = None,
    batch: int = JUDGED_AT_ONCE,
) -> tuple[int, PictureKey | None]:
    """Judge a batch of the pictures that changed since they were last judged (or whose
    judgement's settings did, or whose licence expired since), most recently changed first
    from ``after``, and keep their verdicts. How many are left to judge, and where the next
    batch starts (``None``: from the top again, if any are left)."""
    with library.write() as session:
        _judged, following = verdicts.judge_stale(session, judgement, batch, after)
    with library.read() as session:
        return verdicts.stale_count(session, judgement), following


def follow_pictures(
    library: Library, picture_ids: set[int], query: PictureQuery, judgement: Judgement
) -> tuple[list[PictureListing], set[int]]:
    """Pictures another program changed or added: their listings (judged, their verdicts
    kept) and which of them ``query`` keeps. An id that is missing was deleted."""
    with library.write() as session:
        records = images.pictures_by_ids(session, picture_ids)
        usages = images.usages_by_picture(session, set(records))
        listings = [judge(r, judgement, usages.get(r.id, ())) for r in records.values()]
        verdicts.store(session, listings, judgement)
        return listings, browsing.matching_ids(session, query, set(records), judgement)


def picture_listing(library: Library, picture_id: int, judgement: Judgement) -> PictureListing:
    with library.read() as session:
        record = images.get_picture(session, picture_id)
        usages = images.usages_of(session, picture_id)
    return judge(record, judgement, usages)


def listings_by_ids(
    library: Library, picture_ids: set[int], judgement: Judgement
) -> list[PictureListing]:
    """The listings of the pictures among ``picture_ids`` that exist."""
    with library.read() as session:
        records = images.pictures_by_ids(session, picture_ids)
        usages = images.usages_by_picture(session, set(records))
    return [judge(record, judgement, usages.get(record.id, ())) for record in records.values()]


def save_metadata(
    library: Library, changes: dict[int, PictureMetadata], judgement: Judgement
) -> list[PictureListing]:
    """New metadata for pictures, in one transaction; their listings as now stored."""
    with library.write() as session:
        records = [images.update_metadata(session, pid, m) for pid, m in changes.items()]
        usages = images.usages_by_picture(session, set(changes))
        listings = [judge(record, judgement, usages.get(record.id, ())) for record in records]
        verdicts.store(session, listings, judgement)
    return listings


def import_files(
    library: Library,
    paths: Iterable[Path],
    *,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    return import_pictures(
        library, MediaStore.beside(library.path), paths, progress=progress, cancelled=cancelled
    )


def attach_picture_file(
    library: Library, picture_id: int, path: Path, judgement: Judgement
) -> PictureListing:
    """Attach ``path`` to the picture that awaits it (``picture_import.attach_file``) and
    judge the picture as it now is."""
    attach_file(library, MediaStore.beside(library.path), picture_id, path)
    return picture_listing(library, picture_id, judgement)


def list_presets(library: Library) -> list[Preset]:
    with library.read() as session:
        return list(images.list_presets(session))


def save_preset(library: Library, preset: Preset) -> list[Preset]:
    """Store ``preset`` (replacing one of the same name); every preset, as now stored."""
    with library.write() as session:
        images.save_preset(session, preset)
        return list(images.list_presets(session))


def default_judgement(language: str = "fr") -> Judgement:
    return Judgement.from_preferences(DEFAULTS, language)
