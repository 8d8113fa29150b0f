"""An import: the files found in what was chosen, each read and stored in its own write
transaction, with its pictures placed and the article's picture ids renumbered."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.articles import store as articles
from copydesk.errors import CopydeskError, InvalidArticleFile, InvalidPicture, UnsafeArchive
from copydesk.exchange.importing.package import FolderFiles, ZipFiles, read_package
from copydesk.exchange.importing.prepared import (
    IMPORTABLE_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    MAX_PACKAGE_FILES,
    NINJS_SUFFIXES,
    PACKAGE_SUFFIXES,
    TEXT_SUFFIXES,
    ImportRefused,
    IncomingPicture,
    PreparedArticle,
    read_limited,
)
from copydesk.exchange.importing.reading import read_markdown, read_ninjs, read_plain_text
from copydesk.exchange.ninjs.schema import NinjsInvalid, NinjsSchemaMissing
from copydesk.exchange.packages.build import (
    MANIFEST,
)
from copydesk.exchange.safe_json import MalformedJson
from copydesk.exchange.safe_zip import open_package
from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.imports import ImportItem, ImportOutcome, ImportReport
from copydesk.records.picture import (
    PictureFile,
)
from copydesk.text.picture_refs import renumber_pictures
from copydesk.translation import _

if TYPE_CHECKING:
    from copydesk.library.db import Library


# ---------------------------------------------------------------------------------------------
# Importing


Progress = Callable[[int, int], None]


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Import files and folders (a package folder as one package, other folders searched for
    the files Copydesk imports). Each file is imported whole or refused; the batch goes on."""
    files = collect_importable(paths)
    store = MediaStore.beside(library.path)
    items: list[ImportItem] = []
    for index, path in enumerate(files):
        if cancelled is not None and cancelled():
            return ImportReport(tuple(items), cancelled=True)
        items.append(import_one(library, store, path, now=now))
        if progress is not None:
            progress(index + 1, len(files))
    return ImportReport(tuple(items))


def import_one(
    library: Library, store: MediaStore, path: Path, *, now: datetime | None = None
) -> ImportItem:
    """Import one file (or package folder), reporting a refusal rather than raising it."""
    try:
        prepared = read_article_file(path)
        return store_article(library, store, prepared, now=now)
    except CopydeskError as error:
        return ImportItem(str(path), ImportOutcome.REFUSED, reason=str(error))
    except OSError as error:
        reason = _("Cannot read it: {reason}.").format(reason=error.strerror or error)
        return ImportItem(str(path), ImportOutcome.REFUSED, reason=reason)


def collect_importable(paths: Iterable[Path]) -> list[Path]:
    """The files to import, each once: files as given, package folders as they are, and
    the importable files of other folders (searched recursively, hidden entries skipped)."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir() and not is_package_folder(path):
            for file in sorted(_walk_importable(path)):
                found.setdefault(file, None)
        else:
            found.setdefault(path, None)
    return list(found)


def is_package_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def _walk_importable(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        here = Path(root)
        packages = [name for name in folders if is_package_folder(here / name)]
        yield from (here / name for name in packages)
        folders[:] = [n for n in folders if not n.startswith(".") and n not in packages]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in IMPORTABLE_SUFFIXES:
                yield here / name


def store_article(
    library: Library,
    store: MediaStore,
    prepared: PreparedArticle,
    *,
    now: datetime | None = None,
) -> ImportItem:
    """Add the article and the pictures it brings, in one transaction."""
    written: list[PictureFile] = []
    try:
        with library.write() as session:
            placed = _place_pictures(session, store, prepared.pictures, written, now)
            content = _renumbered(prepared.content, placed.ids)
            record = articles.import_article(
                session, content, prepared.identity, now=now or datetime.now(UTC)
            )
    except BaseException:
        for file in written:
            store.remove(file.sha256, file.media_type)
        raise
    return ImportItem(
        str(prepared.path),
        ImportOutcome.IMPORTED,
        kind=prepared.kind,
        article_id=record.id,
        slug=record.slug,
        headline=record.content.headline,
        pictures_added=placed.added,
        pictures_reused=placed.reused,
        pictures_awaiting=placed.awaiting,
        notes=prepared.notes,
    )


@dataclass
class _Placed:
    ids: dict[int, int] = field(default_factory=dict)
    added: int = 0
    reused: int = 0
    awaiting: int = 0


def _place_pictures(
    session: Any,
    store: MediaStore,
    pictures: Iterable[IncomingPicture],
    written: list[PictureFile],
    now: datetime | None,
) -> _Placed:
    placed = _Placed()
    for picture in pictures:
        existing = _existing_picture(session, picture)
        if existing is not None:
            placed.ids[picture.key] = existing
            placed.reused += 1
            continue
        uuid = (
            picture.uuid
            if picture.uuid and not images.find_by_uuid(session, picture.uuid)
            else None
        )
        if picture.prepared is None:
            file = PictureFile.awaited(picture.file_name)
            placed.awaiting += 1
        else:
            prepared = picture.prepared
            file = replace(prepared.file, file_name=picture.file_name or prepared.file.file_name)
            if store.store(prepared.data, file.sha256, file.media_type):
                written.append(file)
            placed.added += 1
        record = images.add_picture(
            session,
            file,
            picture.metadata,
            now=picture.imported_at or now,
            picture_uuid=uuid,
            updated_at=picture.updated_at,
        )
        placed.ids[picture.key] = record.id
    return placed


def _existing_picture(session: Any, picture: IncomingPicture) -> int | None:
    """This library's copy of the picture: the same picture (uuid) with its file, else the
    same file."""
    if picture.uuid:
        same = images.find_by_uuid(session, picture.uuid)
        if same is not None and same.file.present:
            return same.id
    if picture.prepared is not None:
        found = images.find_by_sha256(session, picture.prepared.file.sha256)
        if found is not None:
            return found.id
    return None


def _renumbered(content: ArticleContent, ids: Mapping[int, int]) -> ArticleContent:
    lead = content.lead_picture
    if lead is not None:
        lead = LeadPictureUse(ids[lead.picture_id], lead.caption, lead.alt_text, lead.illustrative)
    return content.replace(body=renumber_pictures(content.body, dict(ids)), lead_picture=lead)


def read_article_file(path: Path) -> PreparedArticle:
    """Read and check one file (or package folder). Raises ``ImportRefused``."""
    try:
        return _read(path)
    except (
        InvalidArticleFile,
        MalformedJson,
        NinjsInvalid,
        NinjsSchemaMissing,
        UnsafeArchive,
        InvalidPicture,
    ) as error:
        raise ImportRefused(str(error)) from error


def _read(path: Path) -> PreparedArticle:
    if path.is_dir():
        if not is_package_folder(path):
            raise ImportRefused(
                _("The folder {name} is not a Copydesk package (no {manifest}).").format(
                    name=path.name, manifest=MANIFEST
                )
            )
        return read_package(path, FolderFiles(path))
    if not path.exists():
        raise ImportRefused(_("There is no such file."))
    suffix = path.suffix.lower()
    if suffix in PACKAGE_SUFFIXES:
        with open_package(path, max_entries=MAX_PACKAGE_FILES) as package:
            return read_package(path, ZipFiles(package))
    if suffix in NINJS_SUFFIXES:
        return read_ninjs(path, read_limited(path, MAX_DOCUMENT_BYTES))
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(path, read_limited(path, MAX_DOCUMENT_BYTES))
    if suffix in TEXT_SUFFIXES:
        return read_plain_text(path, read_limited(path, MAX_DOCUMENT_BYTES))
    raise ImportRefused(
        _(
            "Copydesk imports packages (.zip or folder), ninjs (.json), Markdown (.md) and plain "
            "text (.txt), not “{kind}” files."
        ).format(kind=suffix or path.name)
    )
