"""What the command line and the window ask of a library's pictures, one transaction each.

Like ``operations``, every function returns plain records, ready to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.pictures.importing import attach_file, import_pictures
from copydesk.pictures.listing import Judgement, PictureListing, judge
from copydesk.pictures.presets import Preset
from copydesk.preferences import DEFAULTS
from copydesk.records.imports import ImportReport
from copydesk.records.picture import PictureMetadata

if TYPE_CHECKING:
    from copydesk.library.db import Library


def list_pictures(library: Library, judgement: Judgement) -> list[PictureListing]:
    with library.read() as session:
        records = images.list_pictures(session)
        usages = images.usages_by_picture(session)
    return [judge(record, judgement, usages.get(record.id, ())) for record in records]


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
    return [judge(record, judgement, usages.get(record.id, ())) for record in records]


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
